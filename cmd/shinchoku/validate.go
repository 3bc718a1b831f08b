package main

import (
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/config"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/report/terminal"
)

func newValidateCommand(cfg *config.Config) *cobra.Command {
	var format, returns string
	cmd := &cobra.Command{
		Use:   "validate FILE|DIR...",
		Short: "提出された様式を検証し、問題をすべて表示します",
		Long: `提出された様式（.xlsx）を計画に照らして検証し、見つかった問題をすべて、
ファイル・シート・セルの位置と直し方つきで表示します。フォルダを指定すると、その中のブックをすべて検証します
（Excel の一時ファイル ~$…、隠しファイル、ブック以外のファイルは読み飛ばして一覧に出します）。

エラーのある提出は受理できません（終了コード 1）。警告は受理したうえで表示します。
同じ課・同じ期間の新しい提出があるファイルは「置き換え済み」で、エラーがあっても差し戻しにしません（指摘は表示します）。
--returns を指定すると、問題のある提出ごとに差し戻し用のブック（問題のセルに色とコメント、指摘一覧シート付き）を作ります。
入力ファイルは変更しません。`,
		Example: `  shinchoku validate 提出/2024-09_政策推進課.xlsx
  shinchoku validate 提出/ --period 2024-09
  shinchoku validate 提出/ --format json > findings.json
  shinchoku validate 提出/ --returns 差し戻し/`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef(msgValidateArgs)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			bindFlags(cfg, cmd, "period", "period")
			if !slices.Contains(terminal.FindingFormats, format) {
				return usagef(msgFormat, strings.Join(terminal.FindingFormats, ", "), format)
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
			ingest.NameByBase(results, skipped)
			if returns != "" {
				if err := month.WriteReturns(returns, results); err != nil {
					return err
				}
			}
			if err := terminal.Findings(cmd.OutOrStdout(), format, results, skipped); err != nil {
				return err
			}
			// A replaced file is not returned, as in run: its department's
			// state is the newer file's.
			if slices.ContainsFunc(results, func(r ingest.Result) bool { return r.State() == shinchoku.StateReturned }) {
				return errFindings
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "出力形式: "+strings.Join(terminal.FindingFormats, ", "))
	cmd.Flags().StringVar(&returns, "returns", "", "差し戻し用ブックを書き出すフォルダ")
	cmd.Flags().String("period", "", "報告する月（YYYY-MM）。指定すると、ほかの月の様式はエラーになります")
	return cmd
}

// errFindings is returned when submissions have errors: exit code 1, with the
// findings already printed.
var errFindings = findingsReported{}

type findingsReported struct{}

func (findingsReported) Error() string { return msgReturnsDue }
