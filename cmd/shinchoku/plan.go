package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/report/outline"
	"github.com/shinchoku/shinchoku/seeds"
)

var planFormats = []string{"tree", "json", "csv", "yaml"}

func newPlanCommand(v *viper.Viper) *cobra.Command {
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
				return usagef("--format は %s のいずれかです: %q", strings.Join(planFormats, ", "), format)
			}
			plan, warnings, err := checkPlan(v)
			if err != nil {
				return err
			}
			// Warnings go to stderr, so that the plan on stdout stays usable.
			for _, f := range warnings {
				fmt.Fprintln(terminal(cmd.ErrOrStderr()), f.String())
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

// loadPlan reads the configured plan: an embedded plan by name, or a file.
func loadPlan(v *viper.Viper) (*shinchoku.Plan, error) {
	p, _, err := checkPlan(v)
	if err != nil {
		return p, err
	}
	// Every command that takes a period refuses one outside the plan
	// (0000-01, 9999-12 would print 令和7981年12月末現在).
	if period, perr := shinchoku.ParsePeriod(v.GetString("period")); perr == nil {
		if err := withinPlan(p, period); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// checkPlan reads the configured plan with its warnings (a target against
// its direction), which the plan command shows.
func checkPlan(v *viper.Viper) (*shinchoku.Plan, shinchoku.Findings, error) {
	name := v.GetString("plan")
	if name == "" {
		name = seeds.Default
	}
	if slices.Contains(seeds.Names(), name) {
		file, data, err := seeds.File(name)
		if err != nil {
			return nil, nil, err
		}
		return planfile.Check(file, data)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil, usagef("計画 %q が見つかりません（組み込みの計画: %s、またはファイルのパス）",
				name, strings.Join(seeds.Names(), ", "))
		}
		return nil, nil, month.Failf(err, "計画ファイル %s を読めません", name)
	}
	return planCache(v).Check(name, data)
}

// planCache is where parsed plan files are kept (config cache_dir, default
// the user's cache folder; "off" turns it off), keyed by this executable.
func planCache(v *viper.Viper) planfile.Cache {
	dir := v.GetString("cache_dir")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return planfile.Cache{}
		}
		dir = filepath.Join(base, "shinchoku", "plans")
	}
	if dir == "off" {
		return planfile.Cache{}
	}
	exe, err := os.Executable()
	if err != nil {
		return planfile.Cache{}
	}
	f, err := os.Open(exe)
	if err != nil {
		return planfile.Cache{}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return planfile.Cache{}
	}
	return planfile.Cache{Dir: dir, Program: hex.EncodeToString(h.Sum(nil))}
}
