package month

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/report/html"
	"github.com/shinchoku/shinchoku/report/pdf"
)

// ReportOptions are what a report made again from the store needs.
type ReportOptions struct {
	Plan   *shinchoku.Plan
	Period shinchoku.Period
	Store  string          // the record (SQLite) to read
	Rules  shinchoku.Rules // how the indicators are graded
	Office string          // the policy office (報告主体 of the plan's goals)
	Title  string          // the report's title; empty: the plan's
	Out    string          // the output folder: the PDF goes to <Out>/<period>/
	PDF    string          // the PDF's path instead; the HTML edition goes beside it
}

// Reported is what Report wrote.
type Reported struct {
	Progress  *shinchoku.Progress
	PDF, HTML string // the paths written
	Submitted int    // departments with a submission in the record
	Accepted  int    // of which accepted: 0 means every grade is 「−」
}

// Report writes a month's progress report (PDF and its HTML edition) from
// the store, without reading the submitted workbooks again. It refuses a
// month the store has no submission of: every figure would be 「−」, and a
// council would read it as the city's statement. A month with submissions
// but none accepted is written; Reported.Accepted says so. Both editions
// are written before either is put in place.
func Report(ctx context.Context, o ReportOptions) (*Reported, error) {
	out := o.PDF
	if out == "" {
		out = filepath.Join(o.Out, o.Period.String(), pdf.FileName(o.Period))
	}
	// The HTML edition goes beside the PDF, under the same name.
	htmlOut := strings.TrimSuffix(out, filepath.Ext(out)) + ".html"
	if htmlOut == out {
		return nil, ingest.UsageError{Msg: msg("report.html_name")}
	}
	pr, err := Stored(ctx, o.Store, o.Plan, o.Period, o.Rules, o.Office)
	if err != nil {
		return nil, err
	}
	states := pr.StateCounts()
	r := &Reported{Progress: pr, PDF: out, HTML: htmlOut,
		Submitted: len(pr.Departments) - states[shinchoku.StateNotSubmitted], Accepted: states[shinchoku.StateAccepted]}
	if r.Submitted == 0 {
		return nil, errors.New(msgf("report.none", o.Period.Label(), o.Store, o.Period))
	}
	// Both editions are written before either is put in place, so that a
	// failure while writing leaves the earlier PDF and HTML as they were,
	// still alike.
	editions := []struct {
		path  string
		write func(io.Writer) error
	}{
		{out, func(w io.Writer) error { return pdf.Write(w, pr, pdf.Options{Title: o.Title}) }},
		{htmlOut, func(w io.Writer) error { return html.Write(w, pr, html.Options{Title: o.Title}) }},
	}
	var written pending
	for _, e := range editions {
		tmp, err := writeTemp(e.path, tempPattern, e.write)
		if err != nil {
			written.discard()
			return nil, err
		}
		written = append(written, struct{ tmp, path string }{tmp, e.path})
	}
	if err := written.place(); err != nil {
		return nil, err
	}
	return r, nil
}
