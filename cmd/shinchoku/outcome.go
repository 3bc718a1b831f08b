package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/templates/form"
)

// Limits of what run prints of the errors: the rest is in summary.json and
// in each 差し戻し workbook, which the output names.
const (
	shownReturns      = 20 // returned files listed with their errors
	shownErrorsByFile = 5  // errors listed per returned file
)

// printReturned lists the returned submissions with their errors and where
// each 差し戻し workbook is, so that the policy office can act on the run's
// output without opening summary.json. Only a workbook among the outputs
// (written) is named: one that could not be made is said so.
func printReturned(w io.Writer, outDir string, outputs []string, results []ingest.Result) {
	written := map[string]string{} // path by file name
	for _, o := range outputs {
		written[filepath.Base(o)] = o
	}
	n := 0
	for _, r := range results {
		if !r.Findings.HasErrors() || r.Superseded {
			continue // a replaced file is listed as 置き換え済み, not returned
		}
		if n == 0 {
			fmt.Fprintln(w, "\n差し戻し（エラーのある提出）:")
		}
		n++
		if n > shownReturns {
			continue
		}
		who := ""
		if r.Submission != nil {
			who = "（" + r.Submission.Department + "）"
		}
		fmt.Fprintf(w, "  %s%s\n", filepath.Base(r.File), who)
		name := form.ReturnName(filepath.Base(r.File))
		switch {
		case r.Submission != nil && written[name] != "":
			fmt.Fprintf(w, "    差し戻し用ブック: %s\n", written[name])
		case r.Submission != nil:
			fmt.Fprintln(w, "    差し戻し用ブックなし（印をつけたブックを作れなかったため、下の内容を担当課に伝えてください）")
		default:
			fmt.Fprintln(w, "    差し戻し用ブックなし（ブックとして開けないため、下の内容を担当課に伝えてください）")
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
			fmt.Fprintf(w, "    %s  %s%s\n", findingPlace(f), f.Message, findingValue(f))
		}
		if shown > shownErrorsByFile {
			fmt.Fprintf(w, "    ほかにエラー %d件\n", shown-shownErrorsByFile)
		}
	}
	if n > shownReturns {
		fmt.Fprintf(w, "  ほかに差し戻し %d件\n", n-shownReturns)
	}
	if n > 0 {
		fmt.Fprintf(w, "すべての指摘（警告を含む）: %s の findings、各差し戻し用ブックの「指摘一覧」シート\n", filepath.Join(outDir, "summary.json"))
	}
}

// printReplaced lists the files a newer submission of the same department
// replaced (置き換え済み), with the file used instead: a replaced file's
// warning counts in the totals, and the office should see which file was
// used without opening summary.json.
func printReplaced(w io.Writer, depts []shinchoku.DepartmentStatus) {
	n := 0
	for _, d := range depts {
		for _, f := range d.Replaced {
			if n == 0 {
				fmt.Fprintln(w, "\n置き換え済み（同じ担当課の新しい提出があるため使わないファイル）:")
			}
			n++
			fmt.Fprintf(w, "  %s（%s）→ %s\n", filepath.Base(f), d.Department, filepath.Base(d.File))
		}
	}
}

// findingPlace writes where a finding is: sheet!cell, or the file.
func findingPlace(f shinchoku.Finding) string {
	place := f.Sheet
	if f.Cell != "" {
		place += "!" + f.Cell
	}
	if place == "" {
		place = "ファイル"
	}
	return place
}

// findingValue writes the value a finding is about, on one line.
func findingValue(f shinchoku.Finding) string {
	if f.Value == "" {
		return ""
	}
	return "［入力値: " + oneLine(f.Value) + "］"
}

// reportable refuses a report for a month the store has no submission of:
// every figure would be 「−」, and a council would read it as the city's
// statement. A month with submissions but none accepted is written, with a
// warning.
func reportable(stderr io.Writer, pr *shinchoku.Progress, store string) error {
	submitted, accepted := 0, 0
	for _, d := range pr.Departments {
		if d.State != shinchoku.StateNotSubmitted {
			submitted++
		}
		if d.State == shinchoku.StateAccepted {
			accepted++
		}
	}
	if submitted == 0 {
		return fmt.Errorf("%sの提出は記録 %s にありません。報告書は作りませんでした。先に shinchoku run --period %s で提出を処理してください",
			pr.Period.Label(), store, pr.Period)
	}
	if accepted == 0 {
		fmt.Fprintf(stderr, "注意: %sに受理した提出がありません（%d課が差し戻し）。報告書の評価はすべて「−」です\n", pr.Period.Label(), submitted)
	}
	return nil
}
