package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/config"
	"github.com/shinchoku/shinchoku/report/excelcsv"
	"github.com/shinchoku/shinchoku/report/month"
)

var validateFormats = []string{"table", "json", "csv"}

func newValidateCommand(cfg *config.Config) *cobra.Command {
	var format, returns string
	cmd := &cobra.Command{
		Use:   "validate FILE|DIR...",
		Short: "提出された様式を検証し、問題をすべて表示します",
		Long: `提出された様式（.xlsx）を計画に照らして検証し、見つかった問題をすべて、
ファイル・シート・セルの位置と直し方つきで表示します。フォルダを指定すると、その中のブックをすべて検証します
（Excel の一時ファイル ~$…、隠しファイル、ブック以外のファイルは読み飛ばして一覧に出します）。

エラーのある提出は受理できません（終了コード 1）。警告は受理したうえで表示します。
--returns を指定すると、問題のある提出ごとに差し戻し用のブック（問題のセルに色とコメント、指摘一覧シート付き）を作ります。
入力ファイルは変更しません。`,
		Example: `  shinchoku validate 提出/2024-09_政策推進課.xlsx
  shinchoku validate 提出/ --period 2024-09
  shinchoku validate 提出/ --format json > findings.json
  shinchoku validate 提出/ --returns 差し戻し/`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("検証する様式を指定してください: 提出された .xlsx ファイル、またはそれを入れたフォルダ（例: shinchoku validate 提出/2024-09）")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			bindFlags(cfg, cmd, "period", "period")
			if !slices.Contains(validateFormats, format) {
				return usagef("--format は %s のいずれかです: %q", strings.Join(validateFormats, ", "), format)
			}
			plan, err := cfg.Plan()
			if err != nil {
				return err
			}
			opts, err := cfg.ReaderOptions()
			if err != nil {
				return err
			}
			files, skipped, err := ingest.Collect(args)
			if err != nil {
				return err
			}
			results := ingest.NewReader(plan, opts).ReadFiles(files, runtime.GOMAXPROCS(0), nil)
			nameFiles(results, skipped)
			if returns != "" {
				if err := month.WriteReturns(returns, results); err != nil {
					return err
				}
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				err = printFindingsJSON(out, results, skipped)
			case "csv":
				err = printFindingsCSV(out, results)
			default:
				printFindings(terminal(out), results, skipped)
			}
			if err != nil {
				return err
			}
			if rejected(results) > 0 {
				return errFindings
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "出力形式: "+strings.Join(validateFormats, ", "))
	cmd.Flags().StringVar(&returns, "returns", "", "差し戻し用ブックを書き出すフォルダ")
	cmd.Flags().String("period", "", "報告する月（YYYY-MM）。指定すると、ほかの月の様式はエラーになります")
	return cmd
}

// errFindings is returned when submissions have errors: exit code 1, with the
// findings already printed.
var errFindings = findingsReported{}

type findingsReported struct{}

func (findingsReported) Error() string { return "差し戻しが必要な提出があります" }

func rejected(results []ingest.Result) int {
	n := 0
	for _, r := range results {
		if r.Findings.HasErrors() {
			n++
		}
	}
	return n
}

func printFindings(w io.Writer, results []ingest.Result, skipped []ingest.Skipped) {
	for _, r := range results {
		errs, warns := r.Findings.Count()
		who := ""
		if r.Submission != nil {
			who = fmt.Sprintf("（%s・%s）", r.Submission.Department, r.Submission.Period.Label())
		}
		fmt.Fprintf(w, "%s%s: %s（エラー %d件、警告 %d件）\n", r.File, who, r.State().Label(), errs, warns)
		for _, f := range r.Findings {
			fmt.Fprintf(w, "  %s  %s  %s%s  (%s)\n", f.Severity.Label(), findingPlace(f), f.Message, findingValue(f), f.Code)
		}
	}
	for _, s := range skipped {
		fmt.Fprintf(w, "%s: 読み飛ばし（%s）\n", s.File, s.Reason)
	}
	accepted := 0
	for _, r := range results {
		if r.State() == shinchoku.StateAccepted {
			accepted++
		}
	}
	fmt.Fprintf(w, "\n%dファイル: 受理 %d、差し戻し %d、読み飛ばし %d\n", len(results), accepted, rejected(results), len(skipped))
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}

func printFindingsJSON(w io.Writer, results []ingest.Result, skipped []ingest.Skipped) error {
	type fileJSON struct {
		File       string              `json:"file"`
		Status     string              `json:"status"`
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
		fj := fileJSON{File: r.File, Status: string(r.State()), Findings: []month.FindingJSON{}}
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

func printFindingsCSV(w io.Writer, results []ingest.Result) error {
	cw := excelcsv.NewWriter(w)
	cw.Write([]string{"重要度", "コード", "ファイル", "シート", "セル", "入力値", "内容"})
	for _, r := range results {
		for _, f := range r.Findings {
			cw.Write([]string{f.Severity.Label(), f.Code, f.File, f.Sheet, f.Cell, f.Value, f.Message})
		}
	}
	return cw.Flush()
}

// nameFiles names every file by its base name in what validate writes, as a
// run names the files of its inbox, so that the output does not carry the
// folders it was given (a user name, a server's layout). Files that share a
// base name keep the paths they were given by.
func nameFiles(results []ingest.Result, skipped []ingest.Skipped) {
	n := map[string]int{}
	for _, r := range results {
		n[filepath.Base(r.File)]++
	}
	for _, s := range skipped {
		n[filepath.Base(s.File)]++
	}
	for i, r := range results {
		if b := filepath.Base(r.File); n[b] == 1 {
			results[i].Rename(b)
		}
	}
	for i, s := range skipped {
		if b := filepath.Base(s.File); n[b] == 1 {
			skipped[i].File = b
		}
	}
}
