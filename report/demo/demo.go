// Package demo lays out the month that shinchoku demo runs: a folder of its
// own (marked, so that a later demo may clear it), the period the plan has
// actuals for, an inbox that the department simulator (templates/corpus)
// fills as departments would, and for a synthetic plan (--scale) the plan
// file beside it. The month itself is run by report/month, as a real one.
package demo

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/templates/corpus"
)

// Marker is the file that marks a folder made by shinchoku demo, which a
// later demo may clear and fill again.
const Marker = ".shinchoku-demo"

// SyntheticRows is the number of indicator rows of each department of a
// synthetic plan.
const SyntheticRows = 100

// Demo is a demo month laid out in its folder.
type Demo struct {
	Dir    string
	Plan   *shinchoku.Plan
	Period shinchoku.Period
	actual corpus.Actual
	// synthetic is set for a plan made by corpus.Plan, written as
	// plan.yaml so that shinchoku run --plan can be measured on its own.
	synthetic bool
}

// Prepare makes the demo's folder, or clears one an earlier demo made (a
// folder with other content is refused with a ingest.UsageError), and
// chooses the period. With scale > 0 the demo is of a synthetic plan of
// scale departments × SyntheticRows indicator rows instead of plan.
func Prepare(dir string, plan *shinchoku.Plan, scale int) (*Demo, error) {
	d := &Demo{Dir: dir, Plan: plan, actual: corpus.PlanActual}
	if scale > 0 {
		d.Plan = corpus.Plan(scale, SyntheticRows)
		d.actual = corpus.SyntheticActual(d.Plan)
		d.synthetic = true
	}
	if err := prepareDir(dir); err != nil {
		return nil, err
	}
	d.Period = Period(d.Plan)
	return d, nil
}

// Inbox is the folder of the departments' submissions.
func (d *Demo) Inbox() string { return filepath.Join(d.Dir, "inbox", d.Period.String()) }

// Out is the parent folder of the month's outputs.
func (d *Demo) Out() string { return filepath.Join(d.Dir, "out") }

// Store is the demo's record.
func (d *Demo) Store() string { return filepath.Join(d.Dir, "shinchoku-data", "shinchoku.db") }

// WriteInbox fills the inbox as the departments would, a few of them with
// the usual mistakes, and returns what was done, in words, for the demo to
// show.
func (d *Demo) WriteInbox(office string) ([]string, error) {
	return corpus.WriteInbox(d.Plan, d.Period, office, d.Inbox(), d.actual)
}

// WritePlan writes a synthetic plan beside the inbox, as plan.yaml, so
// that shinchoku run --plan can be measured on its own. A demo of a given
// plan writes nothing.
func (d *Demo) WritePlan() error {
	if !d.synthetic {
		return nil
	}
	return month.WriteFile(filepath.Join(d.Dir, "plan.yaml"), func(w io.Writer) error { return planfile.WriteYAML(w, d.Plan) })
}

// prepareDir makes the demo folder, or clears one that an earlier demo
// made. A folder with other content is left alone.
func prepareDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return ingest.Failf(err, msgReadDir, dir)
	case len(entries) > 0:
		if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
			return ingest.UsageError{Msg: fmt.Sprintf(msgNotDemo, dir)}
		}
		for _, sub := range []string{"inbox", "out", "shinchoku-data"} {
			if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
				return ingest.Failf(err, msgRemove, filepath.Join(dir, sub))
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ingest.Failf(err, msgMkdir, dir)
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte("shinchoku demo\n"), 0o644); err != nil {
		return ingest.Failf(err, msgWrite, filepath.Join(dir, Marker))
	}
	return nil
}

// Period is the end of the last fiscal year the plan has actuals for
// (Tomakomai: 2022-03, 令和3年度末), or the end of the plan's first year.
func Period(p *shinchoku.Plan) shinchoku.Period {
	year := p.Start
	for _, ref := range p.Indicators() {
		for _, a := range ref.Actuals {
			year = max(year, a.Year)
		}
	}
	return shinchoku.Period{Year: year + 1, Month: 3}
}
