package watch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/store"
)

// stateFile keeps what the watch has answered, in the results folder, so
// that a restart does not read and answer unchanged files again.
const stateFile = ".shinchoku-watch.json"

// stateFormat changes when the state file's meaning does; an older file is
// then ignored and every file answered again.
const stateFormat = 1

// record is the answer to one file in the inbox.
type record struct {
	Name       string             `json:"name"` // in the inbox
	Size       int64              `json:"size"`
	ModTime    time.Time          `json:"mod_time"`
	SHA256     string             `json:"sha256"`
	Checked    time.Time          `json:"checked"`
	Department string             `json:"department"` // the workbook's, or the one its name names when unreadable
	Read       bool               `json:"read"`       // opened as a template
	Period     string             `json:"period"`
	SavedAt    string             `json:"saved_at"`
	Findings   shinchoku.Findings `json:"findings"`
}

func newRecord(name string, res ingest.Result, s *sighting, now time.Time, deptOf func(string) string) *record {
	rec := &record{Name: name, Size: s.size, ModTime: s.mod, SHA256: res.SHA256, Checked: now,
		SavedAt: res.SavedAt, Findings: res.Findings}
	if res.Submission != nil {
		rec.Read = true
		rec.Department = res.Submission.Department
		rec.Period = res.Submission.Period.String()
	} else {
		rec.Department = deptOf(name)
	}
	return rec
}

// written is a result file the watch has put in the results folder.
type written struct {
	File   string          `json:"file"`
	Source string          `json:"source"` // the submitted file it answers
	SHA256 string          `json:"sha256"` // of the submission it answers
	State  shinchoku.State `json:"state"`
}

type saved struct {
	Format  int                `json:"format"`
	Checks  string             `json:"checks"`
	Files   []*record          `json:"files"`
	Written map[string]written `json:"written"`
}

// fingerprint sums up what a file's answer depends on besides the file:
// the plan, the period, the settings of the checks and the actuals of
// earlier months. When any of them changes, every file is answered again.
func fingerprint(o Options, last map[string]shinchoku.RecordedActual) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d\n%s\n%s\n%s\n%s\n%v\n", stateFormat, o.Plan.Hash(), o.Period, o.Office,
		strings.Join(o.Required, ","), o.Limits)
	ids := make([]string, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		l := last[id]
		fmt.Fprintf(h, "%s %v %s\n", id, l.Value, l.Period)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// load reads the state a previous watch left. A missing, unreadable or
// outdated state is no error: everything is answered again.
func (w *watcher) load() {
	data, err := os.ReadFile(filepath.Join(w.o.Results, stateFile))
	if err != nil {
		return
	}
	var s saved
	if json.Unmarshal(data, &s) != nil || s.Format != stateFormat {
		return
	}
	if s.Checks == w.checks {
		for _, r := range s.Files {
			if r != nil && r.Name == filepath.Base(r.Name) {
				w.records[r.Name] = r
			}
		}
	}
	// Result files are remembered even when the checks changed, so that
	// the new answers replace them instead of leaving them beside.
	for k, wr := range s.Written {
		if wr.File == filepath.Base(wr.File) {
			w.written[k] = wr
		}
	}
	w.told = map[string]string{}
}

// save writes the state through a temporary file.
func (w *watcher) save() error {
	s := saved{Format: stateFormat, Checks: w.checks, Written: w.written}
	for _, name := range sortedKeys(w.records) {
		s.Files = append(s.Files, w.records[name])
	}
	data, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(w.o.Results, stateFile), data)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// lastActuals reads the actuals accepted before the period, which the
// checks compare with (a cumulative value that went down, a tenfold jump),
// as the monthly batch does. The store is opened read-only: the watch never
// writes the record, and reads it while a run holds it. No store yet is the
// first month; a store that cannot be read is said, and the watch checks
// without the comparison rather than not at all.
func lastActuals(path string, period shinchoku.Period) (map[string]shinchoku.RecordedActual, string) {
	if path == "" {
		return nil, ""
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, ""
	}
	ctx := context.Background()
	st, err := store.OpenReadOnly(ctx, path)
	if errors.Is(err, store.ErrNotCreated) {
		return nil, ""
	}
	if err != nil {
		return nil, fmt.Sprintf(msgStore, path, ingest.Reason(err))
	}
	defer st.Close()
	last, err := st.LastActuals(ctx, period)
	if err != nil {
		return nil, fmt.Sprintf(msgStore, path, ingest.Reason(err))
	}
	return last, ""
}
