package month

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"iter"
	"strconv"

	"github.com/shinchoku/shinchoku"
)

// FindingJSON is a finding as the JSON outputs (summary.json, validate
// --format json) give it.
type FindingJSON struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	File     string `json:"file"`
	Sheet    string `json:"sheet"`
	Cell     string `json:"cell"`
	Value    string `json:"value"`
	Message  string `json:"message"`
}

// NewFindingJSON is f as the JSON outputs give it.
func NewFindingJSON(f shinchoku.Finding) FindingJSON {
	return FindingJSON{string(f.Severity), f.Code, f.File, f.Sheet, f.Cell, f.Value, f.Message}
}

// WriteSummary writes summary.json, the machine-readable result of the run:
// submissions, findings and every indicator's evaluation with its inputs.
func (res *Result) WriteSummary(w io.Writer) error {
	type evalJSON struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		Unit        string   `json:"unit"`
		Department  string   `json:"department"`
		Year        int      `json:"year"`
		YearLabel   string   `json:"year_label"`
		Baseline    *float64 `json:"baseline"`        // the plan's 基準値, as the reports print it
		Base        *float64 `json:"evaluation_base"` // where the evaluation measures from (0 for a line from zero)
		Expected    *float64 `json:"expected"`
		Actual      *float64 `json:"actual"`
		Status      string   `json:"status"`
		PublishDate string   `json:"publish_date"`
		Rate        *float64 `json:"rate"`
		Outcome     string   `json:"outcome"`
		Grade       string   `json:"grade"`
		Reason      string   `json:"reason"`
		Formula     string   `json:"formula"`
	}
	type deptJSON struct {
		Department string          `json:"department"`
		State      shinchoku.State `json:"state"`
		Label      string          `json:"state_label"`
		File       string          `json:"file"`
		Errors     int             `json:"errors"`
		Warnings   int             `json:"warnings"`
	}
	pr := res.Progress
	depts := []deptJSON{}
	for _, d := range pr.Departments {
		depts = append(depts, deptJSON{d.Department, d.State, d.State.Label(), d.File, d.Errors, d.Warnings})
	}
	type skippedJSON struct {
		File   string `json:"file"`
		Reason string `json:"reason"`
	}
	skipped := []skippedJSON{}
	for _, sk := range res.Skipped {
		skipped = append(skipped, skippedJSON{sk.File, sk.Reason})
	}
	val := func(v shinchoku.Value) *float64 {
		if !v.Set {
			return nil
		}
		return &v.Num
	}
	evals := func(yield func(evalJSON) bool) {
		for _, ip := range pr.Indicators {
			e := ip.Eval
			if !yield(evalJSON{ip.ID, ip.Name, ip.DisplayUnit(), ip.Department, e.Year, ip.YearLabel(e.Year), val(ip.Baseline.Value), val(e.Base), val(e.Expected), val(e.Actual),
				string(ip.Entry.Status), ip.Entry.PublishDate, val(e.Rate), e.Outcome, string(e.Grade), e.Reason, e.Formula}) {
				return
			}
		}
	}
	findings := func(yield func(FindingJSON) bool) {
		for _, f := range pr.Findings {
			if !yield(NewFindingJSON(f)) {
				return
			}
		}
	}
	// Written key by key, in sorted order, with the large lists streamed one
	// element at a time: a run of 100,000 indicators makes a 40 MB summary.
	bw := bufio.NewWriterSize(w, 1<<16)
	sw := summaryWriter{w: bw}
	sw.value("accepted", res.Accepted)
	sw.value("departments", depts)
	writeList(&sw, "findings", len(pr.Findings), findings)
	writeList(&sw, "indicators", len(pr.Indicators), evals)
	sw.value("period", res.Period.String())
	sw.value("plan", pr.Plan.ID)
	sw.value("returned", res.Returned)
	sw.value("skipped", skipped)
	if sw.err != nil {
		return sw.err
	}
	if _, err := bw.WriteString("\n}\n"); err != nil {
		return err
	}
	return bw.Flush()
}

// summaryWriter writes the members of summary.json's top-level object, as
// encoding/json would indent it with two spaces.
type summaryWriter struct {
	w    *bufio.Writer
	n    int // members written
	err  error
	buf  bytes.Buffer
	encs map[string]*json.Encoder // by prefix, writing to buf
}

// key starts a member.
func (sw *summaryWriter) key(k string) {
	sep := ",\n  "
	if sw.n == 0 {
		sep = "{\n  "
	}
	sw.n++
	sw.raw(sep + strconv.Quote(k) + ": ")
}

func (sw *summaryWriter) raw(s string) {
	if sw.err == nil {
		_, sw.err = sw.w.WriteString(s)
	}
}

// encode writes v indented for the given depth, without the encoder's
// trailing newline.
func (sw *summaryWriter) encode(v any, prefix string) {
	if sw.err != nil {
		return
	}
	enc := sw.encs[prefix]
	if enc == nil {
		enc = json.NewEncoder(&sw.buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent(prefix, "  ")
		if sw.encs == nil {
			sw.encs = map[string]*json.Encoder{}
		}
		sw.encs[prefix] = enc
	}
	sw.buf.Reset()
	if sw.err = enc.Encode(v); sw.err == nil {
		_, sw.err = sw.w.Write(bytes.TrimSuffix(sw.buf.Bytes(), []byte("\n")))
	}
}

func (sw *summaryWriter) value(k string, v any) {
	sw.key(k)
	sw.encode(v, "  ")
}

// writeList writes a list member element by element; an empty list is null,
// as a nil slice would be.
func writeList[T any](sw *summaryWriter, k string, n int, items iter.Seq[T]) {
	sw.key(k)
	if n == 0 {
		sw.raw("null")
		return
	}
	sw.raw("[")
	first := true
	for it := range items {
		if !first {
			sw.raw(",")
		}
		first = false
		sw.raw("\n    ")
		sw.encode(it, "    ")
	}
	sw.raw("\n  ]")
}
