package main

import (
	"github.com/spf13/cobra"

	"github.com/shinchoku/shinchoku/ingest/config"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/report/terminal"
	"github.com/shinchoku/shinchoku/templates/form"
)

func newTemplatesCommand(cfg *config.Config) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates --period YYYY-MM",
		Short: "担当課ごとの入力様式（Excel）を作ります",
		Long: `報告する月（--period）の入力様式を、担当課ごとに1ファイルずつ作ります。
各ファイルにはその課の事業・指標だけが入り、入力するセル（黄色）以外は保護されています。
二つの課が担当する事業は両方のファイルに入ります。計画の目標（数値目標）は政策推進課（office）の様式に入ります。

提出期限・問い合わせ先・提出先（office）・保護パスワードは設定ファイルで指定できます。`,
		Example: `  shinchoku templates --period 2024-09
  shinchoku templates --period 2024-09 --dept 政策推進課 --dept 介護福祉課 -o 配布用
  shinchoku templates --period 2025-03 --plan hokkaido-sapporo`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bindFlags(cfg, cmd, "period", "period", "dept", "dept", "templates-out", "out", "store", "store")
			period, plan, err := cfg.PeriodAndPlan()
			if err != nil {
				return err
			}
			required, err := cfg.Required()
			if err != nil {
				return err
			}
			res, err := month.Templates(cmd.Context(), month.TemplateOptions{
				Form: form.Options{
					Plan: plan, Period: period, Office: cfg.Office(),
					Deadline: cfg.Deadline(), Contact: cfg.Contact(),
					Password: cfg.Password(),
					// The fields the reader will require are marked on the sheet.
					Required: required,
				},
				Store: cfg.Store(), Departments: cfg.Departments(),
				Dir: cfg.TemplatesDir(), Out: cfg.Out(),
			})
			if err != nil {
				return err
			}
			terminal.Templates(cmd.OutOrStdout(), plan, period, res.Dir, res.Workbooks)
			return nil
		},
	}
	cmd.Flags().String("period", "", "報告する月（YYYY-MM、例: 2024-09）")
	cmd.Flags().StringSlice("dept", nil, "この担当課の様式だけを作る（繰り返し指定可）")
	cmd.Flags().StringP("out", "o", "", "出力先フォルダ（既定: <out>/<期間>/様式）")
	cmd.Flags().String("store", "", "記録（SQLite）のファイル。前回までに受理した実績値と取組状況を様式に引き継ぎます")
	return cmd
}
