package main

import (
	"context"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/config"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/report/terminal"
)

func newRunCommand(cfg *config.Config) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run --period YYYY-MM",
		Short: "月次バッチ: 提出を検証・受理し、集計表・報告書（PDF）・差し戻しを作ります",
		Long: `受付フォルダ（inbox）の様式をすべて検証し、エラーのないものを記録（store）に受理して、
<out>/<期間>/ に次のものを書き出します。

  集計_<期間>.xlsx                  集計表（総括・数値目標・KPI一覧・事業一覧・提出状況・検証結果・推移）
  進捗状況報告書_<期間>.pdf         議会向けの進捗状況報告書（PDF）
  進捗状況報告書_<期間>.html        同じ内容の HTML 版（ウェブサイト掲載用。アクセシビリティ対応、1ファイルで完結）
  差し戻し/差し戻し_<ファイル名>    エラーのあった提出ごとの差し戻し用ブック（問題のセルに色とコメント、指摘一覧シート）
  summary.json                      実行結果（提出状況・すべての指摘・評価）

画面には担当課ごとの状態と、差し戻しになった提出のエラーを表示します。
受付フォルダには、担当課から届いた様式（.xlsx）をそのまま入れてください（共有フォルダのコピーやメールの添付の保存）。

同じ受付フォルダで同じ期間をもう一度実行しても、記録は変わらず、同じ内容のファイルが書き出されます。
書き出しは一時ファイルを経由するので、途中で止まっても前回の出力と記録は壊れません。
差し戻しがあった場合の終了コードは 1 です。`,
		Example: `  shinchoku run --period 2024-09
  shinchoku run --period 2024-09 --inbox 提出/2024-09 --store 記録/shinchoku.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bindFlags(cfg, cmd, "period", "period", "inbox", "inbox", "store", "store", "workers", "workers")
			period, err := cfg.Period()
			if err != nil {
				return err
			}
			loadStart := time.Now()
			plan, err := cfg.Plan()
			if err != nil {
				return err
			}
			loaded := month.Stage{Name: stagePlan, Took: time.Since(loadStart)}
			o, err := monthOptions(cfg, plan, period)
			if err != nil {
				return err
			}
			res, err := runMonth(cmd.Context(), o, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			terminal.Run(cmd.OutOrStdout(), res)
			if timings, _ := cmd.Flags().GetBool("timings"); timings {
				terminal.Stages(cmd.ErrOrStderr(), append([]month.Stage{loaded}, res.Stages...))
			}
			if res.Returned > 0 {
				return errFindings
			}
			return nil
		},
	}
	cmd.Flags().String("period", "", "報告する月（YYYY-MM、例: 2024-09）")
	cmd.Flags().String("inbox", "", "提出された様式のフォルダ（既定: inbox/<期間>）")
	cmd.Flags().String("store", "", "記録（SQLite）のファイル（既定: shinchoku-data/shinchoku.db）")
	cmd.Flags().Int("workers", 0, "並列に読むファイル数（既定: CPU 数）")
	cmd.Flags().Bool("timings", false, "処理段階ごとの所要時間を標準エラーに表示する")
	return cmd
}

// monthOptions maps the configuration onto a month's options.
func monthOptions(cfg *config.Config, plan *shinchoku.Plan, period shinchoku.Period) (month.Options, error) {
	rules, err := cfg.Rules()
	if err != nil {
		return month.Options{}, err
	}
	required, err := cfg.Required()
	if err != nil {
		return month.Options{}, err
	}
	return month.Options{
		Plan: plan, Period: period, Inbox: cfg.Inbox(), Store: cfg.Store(), Out: cfg.Out(),
		Office: cfg.Office(), Rules: rules, Required: required, Workers: cfg.Workers(),
		Title: cfg.ReportTitle(),
	}, nil
}

// runMonth runs a month, showing how far reading is on progressOut.
func runMonth(ctx context.Context, o month.Options, progressOut io.Writer) (*month.Result, error) {
	bar := terminal.NewProgress(progressOut, msgProgress)
	o.Progress = bar.Update
	res, err := month.Run(ctx, o)
	bar.Finish()
	return res, err
}

func newStatusCommand(cfg *config.Config) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "status --period YYYY-MM",
		Short:   "担当課ごとの提出状況（受理・差し戻し・未提出）を記録から表示します",
		Example: `  shinchoku status --period 2024-09`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			period, plan, rules, err := storedMonth(cfg, cmd)
			if err != nil {
				return err
			}
			pr, err := month.Stored(cmd.Context(), cfg.Store(), plan, period, rules, cfg.Office())
			if err != nil {
				return err
			}
			terminal.Status(cmd.OutOrStdout(), pr)
			return nil
		},
	}
	cmd.Flags().String("period", "", "報告する月（YYYY-MM）")
	cmd.Flags().String("store", "", "記録（SQLite）のファイル（既定: shinchoku-data/shinchoku.db）")
	return cmd
}

func newReportCommand(cfg *config.Config) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report --period YYYY-MM",
		Short: "記録（store）から進捗状況報告書（PDF と HTML 版）を作り直します",
		Long: `受理済みの記録から、様式を読み直さずに進捗状況報告書（PDF）と、その HTML 版（ウェブサイト掲載用、
PDF と同じ名前の .html）を作ります。
報告書の題名は設定 report.title で変えられます（既定: <計画名> 進捗状況報告書）。

その月の提出が記録に一つもないとき（shinchoku run をまだ実行していない月）は、報告書を作らずに終了します（終了コード 2）。
提出はあっても受理したものがないときは、すべての評価が「−」になる旨を表示したうえで作ります。`,
		Example: `  shinchoku report --period 2024-09
  shinchoku report --period 2024-09 -o 議会資料/報告書.pdf`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			period, plan, rules, err := storedMonth(cfg, cmd)
			if err != nil {
				return err
			}
			pdfOut, _ := cmd.Flags().GetString("out")
			r, err := month.Report(cmd.Context(), month.ReportOptions{Plan: plan, Period: period, Store: cfg.Store(), Rules: rules,
				Office: cfg.Office(), Title: cfg.ReportTitle(), Out: cfg.Out(), PDF: pdfOut})
			if err != nil {
				return err
			}
			terminal.Report(cmd.OutOrStdout(), cmd.ErrOrStderr(), r)
			return nil
		},
	}
	cmd.Flags().String("period", "", "報告する月（YYYY-MM）")
	cmd.Flags().String("store", "", "記録（SQLite）のファイル")
	cmd.Flags().StringP("out", "o", "", "PDF の出力先（既定: <out>/<期間>/進捗状況報告書_<期間>.pdf）。HTML 版は同じ名前の .html")
	return cmd
}

// storedMonth reads the settings of a month shown from the store (status,
// report): the period, the plan and the rules it is graded by. Both check
// the configured rules, so a mistake in them is said by every command.
func storedMonth(cfg *config.Config, cmd *cobra.Command) (shinchoku.Period, *shinchoku.Plan, shinchoku.Rules, error) {
	bindFlags(cfg, cmd, "period", "period", "store", "store")
	period, plan, err := cfg.PeriodAndPlan()
	if err != nil {
		return period, nil, shinchoku.Rules{}, err
	}
	rules, err := cfg.Rules()
	return period, plan, rules, err
}
