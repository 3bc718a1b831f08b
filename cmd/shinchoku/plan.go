package main

import (
	"bufio"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shinchoku/shinchoku/ingest/config"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/report/outline"
	"github.com/shinchoku/shinchoku/report/terminal"
)

var planFormats = []string{"tree", "json", "csv", "yaml"}

func newPlanCommand(cfg *config.Config) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "計画（基本目標・施策・事業・ＫＰＩ）を表示・書き出します",
		Long: `計画の内容を表示します。--format で形式を選べます。

  tree  階層を字下げして表示します（既定）
  json  プログラムから読むための JSON（形式は README を参照）
  csv   指標ごとに1行の表（Excel / Power Query 用、UTF-8 BOM 付き）
  yaml  計画ファイルそのもの。編集して自分の市の計画に使えます`,
		Example: `  shinchoku plan
  shinchoku plan --plan hokkaido-sapporo
  shinchoku plan --format csv > kpi.csv
  shinchoku plan --format yaml > myplan.yaml   # 編集して shinchoku.yaml に plan: myplan.yaml と書く
  shinchoku plan --plan myplan.yaml            # 自分の計画ファイルを検査して表示する`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains(planFormats, format) {
				return usagef(msgFormat, strings.Join(planFormats, ", "), format)
			}
			plan, warnings, err := cfg.CheckPlan()
			if err != nil {
				return err
			}
			// Warnings go to stderr, so that the plan on stdout stays usable.
			for _, f := range warnings {
				fmt.Fprintln(terminal.Escape(cmd.ErrOrStderr()), f.String())
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			switch format {
			case "tree":
				err = outline.Tree(w, plan)
			case "json":
				err = planfile.WriteJSON(w, plan)
			case "csv":
				err = outline.CSV(w, plan)
			case "yaml":
				err = planfile.WriteYAML(w, plan)
			}
			if err == nil {
				err = w.Flush()
			}
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "tree", "出力形式: "+strings.Join(planFormats, ", "))
	return cmd
}
