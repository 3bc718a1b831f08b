package terminal

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/report/internal/excelcsv"
	"github.com/shinchoku/shinchoku/report/month"
)

// FindingFormats are the formats Findings writes: a table for people, JSON
// and CSV (for Excel) for programs and lists.
var FindingFormats = []string{"table", "json", "csv"}

// Findings writes what validate found in each file, in format (one of
// FindingFormats): every finding with its place, and the files skipped.
// Only the table is escaped for a terminal; JSON and CSV keep the text as
// it is, and a finding in JSON has summary.json's form (month.FindingJSON).
func Findings(w io.Writer, format string, results []ingest.Result, skipped []ingest.Skipped) error {
	switch format {
	case "table":
		findingsTable(Escape(w), results, skipped)
		return nil
	case "json":
		return findingsJSON(w, results, skipped)
	case "csv":
		return findingsCSV(w, results)
	}
	return fmt.Errorf("unknown findings format %q", format)
}

func findingsTable(w io.Writer, results []ingest.Result, skipped []ingest.Skipped) {
	states := map[shinchoku.State]int{}
	for _, r := range results {
		errs, warns := r.Findings.Count()
		who := ""
		if r.Submission != nil {
			who = fmt.Sprintf(msgFileWho, r.Submission.Department, r.Submission.Period.Label())
		}
		fmt.Fprintf(w, msgFileLine, r.File, who, r.State().Label(), errs, warns)
		for _, f := range r.Findings {
			fmt.Fprintf(w, "  %s  %s  %s%s  (%s)\n", f.Severity.Label(), place(f), f.Message, value(f), f.Code)
		}
		states[r.State()]++
	}
	for _, s := range skipped {
		fmt.Fprintf(w, msgFileSkipped, s.File, s.Reason)
	}
	fmt.Fprintf(w, msgFilesTotals, len(results), states[shinchoku.StateAccepted], states[shinchoku.StateReturned],
		states[shinchoku.StateSuperseded], len(skipped))
}

func findingsJSON(w io.Writer, results []ingest.Result, skipped []ingest.Skipped) error {
	type fileJSON struct {
		File       string              `json:"file"`
		Status     shinchoku.State     `json:"status"`
		Department string              `json:"department"`
		Period     string              `json:"period"`
		Findings   []month.FindingJSON `json:"findings"`
	}
	type skippedJSON struct {
		File   string `json:"file"`
		Reason string `json:"reason"`
	}
	out := struct {
		Files   []fileJSON    `json:"files"`
		Skipped []skippedJSON `json:"skipped"`
	}{Files: []fileJSON{}, Skipped: []skippedJSON{}}
	for _, r := range results {
		fj := fileJSON{File: r.File, Status: r.State(), Findings: []month.FindingJSON{}}
		if r.Submission != nil {
			fj.Department, fj.Period = r.Submission.Department, r.Submission.Period.String()
		}
		for _, f := range r.Findings {
			fj.Findings = append(fj.Findings, month.NewFindingJSON(f))
		}
		out.Files = append(out.Files, fj)
	}
	for _, s := range skipped {
		out.Skipped = append(out.Skipped, skippedJSON{s.File, s.Reason})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func findingsCSV(w io.Writer, results []ingest.Result) error {
	cw := excelcsv.NewWriter(w)
	cw.Write(headCSV)
	for _, r := range results {
		for _, f := range r.Findings {
			cw.Write([]string{f.Severity.Label(), f.Code, f.File, f.Sheet, f.Cell, f.Value, f.Message})
		}
	}
	return cw.Flush()
}
