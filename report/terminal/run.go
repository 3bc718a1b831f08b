package terminal

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/templates/form"
)

// Limits of what Run prints of the errors: the rest is in summary.json and
// in each 差し戻し workbook, which the output names.
const (
	shownReturns      = 20 // returned files listed with their errors
	shownErrorsByFile = 5  // errors listed per returned file
)

// Run writes what a month's run did: every department's state, the files
// skipped, replaced and returned (with their first errors and where each
// 差し戻し workbook is), the totals and the files written.
func Run(w io.Writer, res *month.Result) {
	w = Escape(w)
	pr := res.Progress
	fmt.Fprintf(w, msgRunTitle, res.Period.Label(), pr.Plan.Title)
	var rows [][]string
	for _, d := range pr.Departments {
		rows = append(rows, []string{d.Department, d.State.Label(), fmt.Sprint(d.Errors), fmt.Sprint(d.Warnings), d.File})
	}
	Table(w, headRun, rows)
	for _, s := range res.Skipped {
		fmt.Fprintf(w, msgRunSkipped, s.File, s.Reason)
	}
	replaced(w, pr.Departments)
	returned(w, res.OutDir, res.Outputs, res.Files)
	errs, warns := pr.Findings.Count()
	states := pr.StateCounts()
	fmt.Fprintf(w, msgRunTotals,
		states[shinchoku.StateAccepted], states[shinchoku.StateReturned], states[shinchoku.StateNotSubmitted], errs, warns)
	if res.Changed == 0 {
		fmt.Fprintln(w, msgRunUnchanged)
	}
	fmt.Fprintln(w, msgRunOutputs)
	for _, o := range res.Outputs {
		fmt.Fprintf(w, "  %s\n", o)
	}
}

// Status writes where every department's report of a month stands, from
// the store (shinchoku status).
func Status(w io.Writer, pr *shinchoku.Progress) {
	w = Escape(w)
	fmt.Fprintf(w, msgStatusTitle, pr.Period.Label(), pr.Plan.Title)
	var rows [][]string
	for _, d := range pr.Departments {
		rows = append(rows, []string{d.Department, d.State.Label(), d.File})
	}
	Table(w, headStatus, rows)
	replaced(w, pr.Departments)
	states := pr.StateCounts()
	fmt.Fprintf(w, msgStatusTotals, states[shinchoku.StateAccepted], states[shinchoku.StateReturned], states[shinchoku.StateNotSubmitted])
}

// Report says where the report and its HTML edition were written (on w),
// and warns on stderr when no submission of the month was accepted: every
// grade in it is 「−」.
func Report(w, stderr io.Writer, r *month.Reported) {
	period := r.Progress.Period
	if r.Accepted == 0 {
		fmt.Fprintf(Escape(stderr), msgReportNoneAccepted, period.Label(), r.Submitted)
	}
	fmt.Fprintf(Escape(w), msgReport, period.Label(), r.PDF, r.HTML)
}

// Stages writes how long each stage of a run took, and the process's peak
// memory where it is known (--timings). The outputs are written side by
// side, so their times overlap.
func Stages(w io.Writer, stages []month.Stage) {
	var rows [][]string
	for _, s := range stages {
		rows = append(rows, []string{s.Name, fmt.Sprintf("%.3f", s.Took.Seconds())})
	}
	Table(w, headStages, rows)
	if peak := peakMemory(); peak > 0 {
		fmt.Fprintf(w, msgPeakMemory, peak>>20)
	}
}

// returned lists the returned submissions with their errors and where
// each 差し戻し workbook is, so that the policy office can act on the run's
// output without opening summary.json. Only a workbook among the outputs
// (written) is named: one that could not be made is said so.
func returned(w io.Writer, outDir string, outputs []string, results []ingest.Result) {
	written := map[string]string{} // path by file name
	for _, o := range outputs {
		written[filepath.Base(o)] = o
	}
	n := 0
	for _, r := range results {
		if r.State() != shinchoku.StateReturned {
			continue // a replaced file is listed as 置き換え済み, not returned
		}
		if n == 0 {
			fmt.Fprintln(w, msgReturned)
		}
		n++
		if n > shownReturns {
			continue
		}
		who := ""
		if r.Submission != nil {
			who = fmt.Sprintf(msgDepartmentOf, r.Submission.Department)
		}
		fmt.Fprintf(w, "  %s%s\n", filepath.Base(r.File), who)
		name := form.ReturnName(filepath.Base(r.File))
		switch {
		case r.Submission != nil && written[name] != "":
			fmt.Fprintf(w, msgReturnedBook, written[name])
		case r.Submission != nil:
			fmt.Fprintln(w, msgReturnedNoMark)
		default:
			fmt.Fprintln(w, msgReturnedNoBook)
		}
		shown := 0
		for _, f := range r.Findings {
			if f.Severity != shinchoku.SeverityError {
				continue
			}
			shown++
			if shown > shownErrorsByFile {
				continue
			}
			fmt.Fprintf(w, "    %s  %s%s\n", place(f), f.Message, value(f))
		}
		if shown > shownErrorsByFile {
			fmt.Fprintf(w, msgMoreErrors, shown-shownErrorsByFile)
		}
	}
	if n > shownReturns {
		fmt.Fprintf(w, msgMoreReturned, n-shownReturns)
	}
	if n > 0 {
		fmt.Fprintf(w, msgAllFindings, filepath.Join(outDir, "summary.json"))
	}
}

// replaced lists the files a newer submission of the same department
// replaced (置き換え済み), with the file used instead: a replaced file's
// warning counts in the totals, and the office should see which file was
// used without opening summary.json.
func replaced(w io.Writer, depts []shinchoku.DepartmentStatus) {
	n := 0
	for _, d := range depts {
		for _, f := range d.Replaced {
			if n == 0 {
				fmt.Fprintln(w, msgReplaced)
			}
			n++
			fmt.Fprintf(w, "  %s（%s）→ %s\n", filepath.Base(f), d.Department, filepath.Base(d.File))
		}
	}
}

// place writes where a finding is: sheet!cell, or the file.
func place(f shinchoku.Finding) string {
	if p := f.Place(); p != "" {
		return p
	}
	return msgWholeFile
}

// value writes the value a finding is about, on one line.
func value(f shinchoku.Finding) string {
	if f.Value == "" {
		return ""
	}
	return fmt.Sprintf(msgValue, oneLine(f.Value))
}

// oneLine shortens a cell's text to one line of at most 40 characters.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}
