package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/config"
	"github.com/shinchoku/shinchoku/report/terminal"
)

// Exit codes: 0 clean, 1 findings in the input, 2 usage or I/O failure.
const (
	exitOK       = 0
	exitFindings = 1
	exitFailure  = 2
)

// usagef is a mistake in how the command was called: a wrong flag is a
// mistake in the settings, told with the same hint.
func usagef(format string, args ...any) error {
	return ingest.Usagef(format, args...)
}

// exitCode prints err for the user and maps it to the process exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	stderr = terminal.Escape(stderr) // messages quote file names and cell text
	if errors.Is(err, errFindings) {
		return exitFindings
	}
	var fs shinchoku.Findings
	if errors.As(err, &fs) {
		fmt.Fprintln(stderr, fs.Error())
		fmt.Fprintf(stderr, msgFindings+"\n", len(fs))
		return exitFindings
	}
	fmt.Fprintf(stderr, "shinchoku: %v\n", err)
	var ue ingest.UsageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, msgSeeHelp)
	}
	return exitFailure
}

// run builds the command tree and runs it; it is main without the process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := config.New()
	prof := &profiles{}
	root := newRootCommand(cfg, prof)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if perr := prof.stop(); err == nil {
		err = perr
	}
	if err != nil && cmd != nil && isCobraUsageError(err) {
		return ingest.UsageError{Msg: translateUsage(err.Error())}
	}
	return err
}

func newRootCommand(cfg *config.Config, prof *profiles) *cobra.Command {
	var configFile string
	root := &cobra.Command{
		Use:   "shinchoku",
		Short: "総合戦略の進捗管理（様式の配布・提出の検証・集計・報告書作成）",
		Long: `shinchoku（進捗）は、総合戦略の進捗管理を一つのコマンドで行います。

  計画（基本目標・施策・事業・ＫＰＩ）を読み込み、担当課ごとの入力様式（Excel）を作り、
  提出された様式を検証して差し戻し、集計表（Excel）と議会向けの進捗状況報告書（PDF）を作ります。

設定は、フラグ ＞ 環境変数（SHINCHOKU_PLAN など）＞ 設定ファイル（shinchoku.yaml）＞ 既定値 の順に優先します。`,
		Example: `  # 見本の月次処理を最初から最後まで実行する（設定不要）
  shinchoku demo

  # 毎月の流れ
  shinchoku templates --period 2024-09
  shinchoku run --period 2024-09 --inbox 提出/2024-09

  # 自分の市の計画ファイルの雛形を作る
  shinchoku plan --format yaml > myplan.yaml`,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Name() == "help" {
				// Help needs no settings, and a mistake in them sends
				// the user to help.
				return nil
			}
			if err := cfg.Load(configFile); err != nil {
				return err
			}
			return prof.start()
		},
	}
	root.PersistentFlags().StringVar(&prof.cpu, "cpuprofile", "", "CPU プロファイル（pprof）を書き出すファイル（性能の測定用）")
	root.PersistentFlags().StringVar(&prof.mem, "memprofile", "", "メモリのプロファイル（pprof）を書き出すファイル（性能の測定用）")
	root.CompletionOptions.DisableDefaultCmd = true
	root.PersistentFlags().StringVar(&configFile, "config", "", "設定ファイル（既定: カレントディレクトリの shinchoku.yaml）")
	root.PersistentFlags().String("plan", "", "計画: 組み込みの計画名（tomakomai, hokkaido-sapporo）または計画ファイル（.yaml）")
	cfg.BindFlag("plan", root.PersistentFlags().Lookup("plan"))

	root.PersistentFlags().String("out-dir", "", "出力の親フォルダ（既定: shinchoku-out）")
	cfg.BindFlag("out", root.PersistentFlags().Lookup("out-dir"))

	root.AddCommand(newPlanCommand(cfg), newTemplatesCommand(cfg), newValidateCommand(cfg), newRunCommand(cfg), newStatusCommand(cfg), newReportCommand(cfg), newWatchCommand(cfg), newDemoCommand(cfg))
	japaneseHelp(root)
	return root
}

// japaneseHelp gives every command Japanese help text and headings.
func japaneseHelp(root *cobra.Command) {
	cobra.AddTemplateFunc("flagUsagesJa", flagUsages)
	root.SetUsageTemplate(usageTemplate)
	help := &cobra.Command{
		Use:   "help [コマンド]",
		Short: "コマンドの説明を表示します",
		// cobra adds the help command after the walk below: the template
		// writes 「[フラグ]」, not cobra's [flags], and -h is described here.
		DisableFlagsInUseLine: true,
		Run: func(c *cobra.Command, args []string) {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil {
				cmd = c.Root()
			}
			cmd.Help()
		},
	}
	help.Flags().BoolP("help", "h", false, "このヘルプを表示します")
	root.SetHelpCommand(help)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		// The template writes 「[フラグ]」 itself.
		c.DisableFlagsInUseLine = true
		c.Flags().BoolP("help", "h", false, "このヘルプを表示します")
		c.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
			return ingest.UsageError{Msg: translateUsage(err.Error())}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

const usageTemplate = `使い方:{{if .Runnable}}
  {{.UseLine}}{{if .HasAvailableFlags}} [フラグ]{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [コマンド]{{end}}{{if gt (len .Aliases) 0}}

別名:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

例:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

コマンド:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

フラグ:
{{flagUsagesJa .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

共通のフラグ:
{{flagUsagesJa .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

各コマンドの説明: {{.CommandPath}} [コマンド] --help{{end}}
`

// flagUsages lists flags as pflag's FlagUsages does, but in Japanese: the
// value's placeholder is 「値」 or 「数」 instead of the Go type name, and a
// default is written （既定: X） unless the description already says it.
func flagUsages(fs *pflag.FlagSet) string {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		switch f.Value.Type() {
		case "bool":
			name = ""
		case "int", "int64", "uint":
			if name == "int" || name == "int64" || name == "uint" {
				name = "数"
			}
		default:
			if name == f.Value.Type() || name == "strings" {
				name = "値"
			}
		}
		if name != "" {
			left += " " + name
		}
		if d := f.DefValue; d != "" && d != "0" && d != "false" && d != "[]" && !strings.Contains(usage, "既定") {
			usage += "（既定: " + d + "）"
		}
		lines = append(lines, line{left, usage})
		width = max(width, terminal.Width(left))
	})
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.left + strings.Repeat(" ", width-terminal.Width(l.left)+3) + l.usage)
	}
	return b.String()
}

var usagePatterns = []struct {
	re  *regexp.Regexp
	out string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), "「$1」というコマンドや引数はありません（$2）"},
	{regexp.MustCompile(`^unknown flag: (.*)`), "不明なフラグです: $1"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)`), "不明なフラグです: -$1"},
	{regexp.MustCompile(`^flag needs an argument: (.*)`), "フラグ $1 には値が必要です"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)`), "フラグ $2 の値「$1」が正しくありません"},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)`), "引数は $1 個です（$2 個指定されました）"},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)`), "引数は $1 個までです（$2 個指定されました）"},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)`), "引数が $1 個以上必要です（$2 個指定されました）"},
}

// translateUsage turns cobra's and pflag's English usage errors into Japanese.
func translateUsage(msg string) string {
	for _, p := range usagePatterns {
		if p.re.MatchString(msg) {
			return p.re.ReplaceAllString(strings.SplitN(msg, "\n", 2)[0], p.out)
		}
	}
	return msg
}

func isCobraUsageError(err error) bool {
	for _, p := range usagePatterns {
		if p.re.MatchString(err.Error()) {
			return true
		}
	}
	return false
}

// bindFlags binds a command's flags to config keys (pairs of key, flag name)
// when the command runs: several commands have a --period flag, and the
// settings keep one binding per key.
func bindFlags(cfg *config.Config, cmd *cobra.Command, pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		cfg.BindFlag(pairs[i], cmd.Flags().Lookup(pairs[i+1]))
	}
}
