package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/config"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/templates/corpus"
)

// demoMarker marks a folder made by shinchoku demo, which a later demo may
// clear and fill again.
const demoMarker = ".shinchoku-demo"

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
			plan, err := cfg.Plan()
			if err != nil {
				return err
			}
			actual := corpus.PlanActual
			if scale > 0 {
				plan = corpus.Plan(scale, 100)
				actual = corpus.SyntheticActual(plan)
			}
			if err := prepareDemoDir(dir); err != nil {
				return err
			}
			period := demoPeriod(plan)
			inbox := filepath.Join(dir, "inbox", period.String())
			office := cfg.Office()
			w := terminal(cmd.OutOrStdout())
			fmt.Fprintf(w, "見本: %s（%s）\n", plan.Title, period.Label())
			inboxStart := time.Now()
			notes, err := corpus.WriteInbox(plan, period, office, inbox, actual)
			if err != nil {
				return err
			}
			inboxTook := time.Since(inboxStart)
			fmt.Fprintf(w, "担当課の提出を %s に用意しました。\n", inbox)
			for i, n := range notes {
				if i == 10 {
					fmt.Fprintf(w, "  ・ほか %d件\n", len(notes)-i)
					break
				}
				fmt.Fprintf(w, "  ・%s\n", n)
			}
			fmt.Fprintln(w)
			cfg.Set("inbox", inbox)
			cfg.Set("out", filepath.Join(dir, "out"))
			cfg.Set("store", filepath.Join(dir, "shinchoku-data", "shinchoku.db"))
			cfg.Set("period", period.String())
			var res *month.Result
			genStart := time.Now()
			if scale > 0 {
				// The synthetic plan is written beside the inbox, so that
				// shinchoku run --plan can be measured on its own.
				if err := month.WriteFile(filepath.Join(dir, "plan.yaml"), func(w io.Writer) error { return planfile.WriteYAML(w, plan) }); err != nil {
					return err
				}
			}
			genTook := time.Since(genStart)
			res, err = runMonth(cmd.Context(), cfg, plan, period, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			printRun(w, res)
			if timings {
				printStages(cmd.ErrOrStderr(), append([]month.Stage{{Name: "様式の作成・記入", Took: inboxTook + genTook}}, res.Stages...))
			}
			if res.Returned > 0 {
				fmt.Fprintln(w, "\n差し戻し用ブックには、問題のセルの色とコメント、指摘一覧シートが入っています。")
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&dir, "out", "o", "shinchoku-demo", "見本を作るフォルダ")
	cmd.Flags().IntVar(&scale, "scale", 0, "N を指定すると、N 課 × 指標100行の合成計画で性能測定用の見本を作ります（計画は <フォルダ>/plan.yaml）")
	cmd.Flags().BoolVar(&timings, "timings", false, "処理段階ごとの所要時間を標準エラーに表示する")
	return cmd
}

// prepareDemoDir makes the demo folder, or clears one that an earlier demo
// made. A folder with other content is left alone.
func prepareDemoDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return month.Failf(err, "フォルダ %s を読めません", dir)
	case len(entries) > 0:
		if _, err := os.Stat(filepath.Join(dir, demoMarker)); err != nil {
			return usagef("フォルダ %s は空ではなく、shinchoku demo が作ったものでもありません。別のフォルダを -o で指定してください", dir)
		}
		for _, sub := range []string{"inbox", "out", "shinchoku-data"} {
			if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
				return err
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return month.Failf(err, "フォルダ %s を作れません", dir)
	}
	return os.WriteFile(filepath.Join(dir, demoMarker), []byte("shinchoku demo\n"), 0o644)
}

// demoPeriod is the end of the last fiscal year the plan has actuals for
// (Tomakomai: 2022-03, 令和3年度末), or the end of the plan's first year.
func demoPeriod(p *shinchoku.Plan) shinchoku.Period {
	year := p.Start
	for _, ref := range p.Indicators() {
		for _, a := range ref.Actuals {
			year = max(year, a.Year)
		}
	}
	return shinchoku.Period{Year: year + 1, Month: 3}
}
