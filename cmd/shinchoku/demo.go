package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/shinchoku/shinchoku/ingest/config"
	"github.com/shinchoku/shinchoku/report/demo"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/report/terminal"
)

func newDemoCommand(cfg *config.Config) *cobra.Command {
	var dir string
	var scale int
	var timings bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "見本の月次処理を最初から最後まで実行します（設定不要）",
		Long: `新しいフォルダ（既定: ./shinchoku-demo）で、月次処理の全体を実演します。

  1. 報告時点の入力様式を担当課ごとに作ります
  2. 担当課が記入したものとして、計画書に載っている実績値と短い取組状況を入力します
     （苫小牧市: 令和3年度の実績値。いくつかの課はよくある誤りを含めて提出し、1課は未提出です）
  3. 月次バッチ（shinchoku run と同じ処理）を実行し、集計表（Excel）・進捗状況報告書（PDF）・
     差し戻し用ブック・実行結果（summary.json）を <フォルダ>/out/<期間>/ に作ります

差し戻しも実演の一部なので、このコマンドは正常終了（0）します。もう一度実行すると同じファイルができます。`,
		Example: `  shinchoku demo
  shinchoku demo --plan hokkaido-sapporo -o 見本`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// The demo chooses its own period: a configured one is not checked.
			plan, _, err := cfg.CheckPlan()
			if err != nil {
				return err
			}
			d, err := demo.Prepare(dir, plan, scale)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			terminal.DemoStart(w, d.Plan, d.Period)
			inboxStart := time.Now()
			notes, err := d.WriteInbox(cfg.Office())
			if err != nil {
				return err
			}
			inboxTook := time.Since(inboxStart)
			terminal.DemoInbox(w, d.Inbox(), notes)
			genStart := time.Now()
			if err := d.WritePlan(); err != nil {
				return err
			}
			genTook := time.Since(genStart)
			o, err := monthOptions(cfg, d.Plan, d.Period)
			if err != nil {
				return err
			}
			// The demo's month runs in its own folder.
			o.Inbox, o.Out, o.Store = d.Inbox(), d.Out(), d.Store()
			res, err := runMonth(cmd.Context(), o, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			terminal.DemoRun(w, res)
			if timings {
				terminal.Stages(cmd.ErrOrStderr(), append([]month.Stage{{Name: stageDemoForm, Took: inboxTook + genTook}}, res.Stages...))
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&dir, "out", "o", "shinchoku-demo", "見本を作るフォルダ")
	cmd.Flags().IntVar(&scale, "scale", 0, "N を指定すると、N 課 × 指標100行の合成計画で性能測定用の見本を作ります（計画は <フォルダ>/plan.yaml）")
	cmd.Flags().BoolVar(&timings, "timings", false, "処理段階ごとの所要時間を標準エラーに表示する")
	return cmd
}
