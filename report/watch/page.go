package watch

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"io"
	"path/filepath"
	"time"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/month"
)

// The status page and its data, in the results folder.
const (
	PageFile = "提出状況.html"
	JSONFile = "提出状況.json"
)

//go:embed page.html
var pageSource string

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"clock": func(t time.Time) string { return t.Format("01/02 15:04:05") },
	"add":   func(i int) int { return i + 1 },
	"label": label,
	"place": func(sheet, cell string) string { return shinchoku.Finding{Sheet: sheet, Cell: cell}.Place() },
}).Parse(pageSource))

// pageData is what the page shows.
type pageData struct {
	Title   string
	Period  string
	Updated string
	Counts  []stateCount
	View    view
	Skipped []skippedView
}

type stateCount struct {
	State shinchoku.State
	N     int
}

type skippedView struct{ File, Reason string }

// writePage writes the status page and its JSON. Both are rewritten whole
// at each change, through a temporary file, so that a browser or a program
// reading them from the share never sees half of one.
func (w *watcher) writePage(v view) error {
	counts := map[shinchoku.State]int{}
	for _, dv := range v.Departments {
		counts[dv.State]++
	}
	d := pageData{Title: w.o.Plan.Title, Period: w.o.Period.Label(), Updated: w.o.Now().Format("2006-01-02 15:04:05")}
	for _, s := range []shinchoku.State{shinchoku.StateAccepted, shinchoku.StateReturned, shinchoku.StateNotSubmitted} {
		d.Counts = append(d.Counts, stateCount{s, counts[s]})
	}
	d.View = v
	for _, s := range w.skipped {
		d.Skipped = append(d.Skipped, skippedView{filepath.Base(s.File), s.Reason})
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(w.o.Results, PageFile), buf.Bytes()); err != nil {
		return err
	}
	data, err := json.MarshalIndent(w.pageJSON(v, counts), "", "  ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(w.o.Results, JSONFile), append(data, '\n'))
}

type fileJSON struct {
	File       string              `json:"file"`
	Department string              `json:"department"`
	State      shinchoku.State     `json:"state"`
	Label      string              `json:"state_label"`
	Checked    string              `json:"checked"`
	SHA256     string              `json:"sha256"`
	Errors     int                 `json:"errors"`
	Warnings   int                 `json:"warnings"`
	Result     string              `json:"result"`
	Findings   []month.FindingJSON `json:"findings"`
}

type deptJSON struct {
	Department string          `json:"department"`
	State      shinchoku.State `json:"state"`
	Label      string          `json:"state_label"`
	Current    *fileJSON       `json:"current"` // null when nothing came
}

type statusJSON struct {
	Plan        string                  `json:"plan"`
	PlanTitle   string                  `json:"plan_title"`
	Period      string                  `json:"period"`
	Updated     string                  `json:"updated"`
	Counts      map[shinchoku.State]int `json:"counts"`
	Departments []deptJSON              `json:"departments"`
	Files       []fileJSON              `json:"files"` // every file checked, in name order
	Skipped     []skippedJSON           `json:"skipped"`
}

type skippedJSON struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

func (w *watcher) pageJSON(v view, counts map[shinchoku.State]int) statusJSON {
	out := statusJSON{Plan: w.o.Plan.ID, PlanTitle: w.o.Plan.Title, Period: w.o.Period.String(),
		Updated: w.o.Now().Format(time.RFC3339), Counts: counts, Departments: []deptJSON{}, Files: []fileJSON{}, Skipped: []skippedJSON{}}
	for _, s := range []shinchoku.State{shinchoku.StateAccepted, shinchoku.StateReturned, shinchoku.StateNotSubmitted} {
		counts[s] += 0 // every state present, zero or not
	}
	toFile := func(fv *fileView) fileJSON {
		fj := fileJSON{File: fv.Name, Department: fv.Department, State: fv.State, Label: label(fv.State),
			Checked: fv.Checked.Format("2006-01-02T15:04:05.000Z07:00"), SHA256: fv.SHA256, Errors: fv.Errors, Warnings: fv.Warnings,
			Result: fv.Result, Findings: []month.FindingJSON{}}
		for _, f := range fv.Findings {
			f.File = filepath.Base(f.File)
			fj.Findings = append(fj.Findings, month.NewFindingJSON(f))
		}
		return fj
	}
	var files []*fileView
	for _, dv := range v.Departments {
		dj := deptJSON{Department: dv.Department, State: dv.State, Label: label(dv.State)}
		if dv.Current != nil {
			fj := toFile(dv.Current)
			dj.Current = &fj
			files = append(files, dv.Current)
		}
		files = append(files, dv.Older...)
		out.Departments = append(out.Departments, dj)
	}
	files = append(files, v.Others...)
	for _, name := range sortedKeys(w.records) {
		for _, fv := range files {
			if fv.Name == name {
				out.Files = append(out.Files, toFile(fv))
			}
		}
	}
	for _, s := range w.skipped {
		out.Skipped = append(out.Skipped, skippedJSON{filepath.Base(s.File), s.Reason})
	}
	return out
}

// writeFile writes a result as the monthly batch writes its outputs:
// through a temporary file renamed into place, so that a department opening
// its result, or a browser showing the page, sees the old file or the new
// one, never half of one.
func writeFile(path string, data []byte) error {
	return month.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
