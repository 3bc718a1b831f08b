package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/store"
	"github.com/shinchoku/shinchoku/report/pdf"
	"github.com/shinchoku/shinchoku/report/workbook"
	"github.com/shinchoku/shinchoku/templates"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

func newRunCommand(v *viper.Viper) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run --period YYYY-MM",
		Short: "月次バッチ: 提出を検証・受理し、集計表・報告書（PDF）・差し戻しを作ります",
		Long: `受付フォルダ（inbox）の様式をすべて検証し、エラーのないものを記録（store）に受理して、
<out>/<期間>/ に次のものを書き出します。

  集計_<期間>.xlsx                  集計表（総括・数値目標・KPI一覧・事業一覧・提出状況・検証結果・推移）
  進捗状況報告書_<期間>.pdf         議会向けの進捗状況報告書（PDF）
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
			bindFlags(v, cmd, "period", "period", "inbox", "inbox", "store", "store", "workers", "workers")
			period, err := periodFlag(v)
			if err != nil {
				return err
			}
			loadStart := time.Now()
			plan, err := loadPlan(v)
			if err != nil {
				return err
			}
			loaded := stage{"計画の読み込み", time.Since(loadStart)}
			res, err := runBatch(cmd.Context(), v, plan, period, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			printRun(cmd.OutOrStdout(), res)
			if timings, _ := cmd.Flags().GetBool("timings"); timings {
				printStages(cmd.ErrOrStderr(), append([]stage{loaded}, res.stages...))
			}
			if res.returned > 0 {
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

// batch is what one run did.
type batch struct {
	period   shinchoku.Period
	outDir   string
	outputs  []string
	results  []ingest.Result
	skipped  []ingest.Skipped
	progress *shinchoku.Progress
	accepted int
	returned int
	changed  int

	reportOptions pdf.Options
	stages        []stage // wall time of each stage, for --timings
	mu            sync.Mutex
}

// stage is how long one step of a run took. Only --timings prints it; no
// output file carries the time.
type stage struct {
	name string
	took time.Duration
}

// timed runs fn and records its wall time under name.
func (b *batch) timed(name string, fn func() error) error {
	start := time.Now()
	err := fn()
	b.mu.Lock()
	b.stages = append(b.stages, stage{name, time.Since(start)})
	b.mu.Unlock()
	return err
}

func runBatch(ctx context.Context, v *viper.Viper, plan *shinchoku.Plan, period shinchoku.Period, progressOut io.Writer) (*batch, error) {
	office := v.GetString("office")
	inbox := v.GetString("inbox")
	if inbox == "" {
		inbox = filepath.Join("inbox", period.String())
	}
	storePath := v.GetString("store")
	rules, err := rulesFromConfig(v)
	if err != nil {
		return nil, err
	}
	opts, err := readerOptions(v)
	if err != nil {
		return nil, err
	}
	opts.Period = &period
	if _, err := os.Stat(inbox); err != nil {
		return nil, usagef("受付フォルダ %s を開けません（%s）。提出された様式のフォルダを --inbox で指定してください", inbox, ingest.Reason(err))
	}
	files, skipped, err := ingest.Collect([]string{inbox})
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, storePath)
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("記録 %s は別の shinchoku run が使用中です。終わるのを待ってから実行してください", storePath)
	}
	if err != nil {
		return nil, failf(err, "記録 %s を開けません", storePath)
	}
	defer st.Close()
	run, err := st.Begin(ctx)
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("記録 %s は別の shinchoku run が使用中です。終わるのを待ってから実行してください", storePath)
	}
	if err != nil {
		return nil, err
	}
	defer run.Rollback()
	if opts.Last, err = run.LastActuals(ctx, period); err != nil {
		return nil, err
	}
	workers := v.GetInt("workers")
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	b := &batch{period: period, skipped: skipped}
	b.timed("読み取り・検証", func() error {
		bar := newProgress(progressOut, "検証", len(files))
		b.results = ingest.NewReader(plan, opts).ReadFiles(files, workers, bar.done)
		bar.finish()
		return nil
	})
	storeStart := time.Now()
	// Superseded files first, so that the accepted one is recorded last.
	order := make([]int, len(b.results))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return boolInt(!b.results[x].Superseded) - boolInt(!b.results[y].Superseded)
	})
	depts := sheet.Recipients(plan, office)
	// Accepted files are copied into the archive on a second goroutine
	// while the first records them (creating a file is slow next to an
	// insert). The first error stops the copying; so does a run that
	// fails or is cancelled before all are queued.
	toArchive := make(chan ingest.Result, len(b.results))
	archived := make(chan error, 1)
	abandon := make(chan struct{})
	go func(in <-chan ingest.Result) {
		var err error
		for r := range in {
			if err != nil {
				continue
			}
			select {
			case <-abandon:
				err = errAbandoned
				continue
			case <-ctx.Done():
				err = ctx.Err()
				continue
			default:
			}
			var data []byte
			if data, err = readInput(r.File); err == nil {
				if err = st.Archive(r.SHA256, data); err != nil {
					err = failf(err, "受理したファイルを保管できません")
				}
			}
		}
		archived <- err
	}(toArchive)
	// stopArchive waits for the copying: to its end when all is queued,
	// else only for the file being copied.
	stopArchive := func(queued bool) error {
		if toArchive == nil {
			return nil
		}
		if !queued {
			close(abandon)
		}
		close(toArchive)
		toArchive = nil
		return <-archived
	}
	defer stopArchive(false)
	for _, i := range order {
		r := b.results[i]
		dept := ""
		if r.Submission != nil {
			dept = r.Submission.Department
		} else if r.Findings.HasErrors() {
			b.returned++
			// A file that could not be read as a template is the department's
			// whose name its file name carries, if any: it was sent, and is returned.
			if dept = departmentOfFile(r.File, depts); dept == "" {
				continue
			}
		}
		errs, warns := count(r.Findings)
		state := "accepted"
		switch {
		case r.Submission == nil:
			state = "returned"
		case r.Findings.HasErrors():
			state = "returned"
			b.returned++
		case r.Superseded:
			state = "superseded"
		default:
			b.accepted++
		}
		changed, err := run.Record(ctx, store.Receipt{Period: period, Department: dept,
			File: filepath.Base(r.File), SHA256: r.SHA256, SavedAt: r.SavedAt, State: state, Errors: errs, Warnings: warns}, r.Submission)
		if err != nil {
			return nil, err
		}
		if changed {
			b.changed++
		}
		if state == "accepted" {
			toArchive <- r
		}
	}
	if err := stopArchive(true); err != nil {
		return nil, err
	}
	pr, err := progressFrom(ctx, run, plan, period, rules, office)
	if err != nil {
		return nil, err
	}
	b.stages = append(b.stages, stage{"記録・評価", time.Since(storeStart)})
	for _, r := range b.results {
		pr.Findings = append(pr.Findings, r.Findings...)
	}
	b.progress = pr
	b.outDir = filepath.Join(v.GetString("out"), period.String())
	b.reportOptions = pdf.Options{Title: v.GetString("report.title")}
	if err := b.write(); err != nil {
		return nil, err
	}
	// The record changes only when every output is written.
	if err := run.Commit(); err != nil {
		return nil, failf(err, "記録 %s に書き込めません", storePath)
	}
	return b, nil
}

// errAbandoned stops archiving when the run has already failed; it is
// never shown (the run's own error is).
var errAbandoned = errors.New("archiving abandoned")

// departmentOfFile finds the department a file name names: the longest
// department name in it (templates are named <period>_<department>.xlsx).
func departmentOfFile(path string, depts []string) string {
	base := filepath.Base(path)
	best := ""
	for _, d := range depts {
		if strings.Contains(base, d) && len(d) > len(best) {
			best = d
		}
	}
	return best
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// progressFrom evaluates the period from the store: the accepted
// submissions, who has and has not submitted, and the history.
func progressFrom(ctx context.Context, q interface {
	Accepted(context.Context, shinchoku.Period) ([]*shinchoku.Submission, error)
	Receipts(context.Context, shinchoku.Period) ([]store.Receipt, error)
	History(context.Context, shinchoku.Period) (map[string][]shinchoku.PeriodValue, error)
}, plan *shinchoku.Plan, period shinchoku.Period, rules shinchoku.Rules, office string) (*shinchoku.Progress, error) {
	accepted, err := q.Accepted(ctx, period)
	if err != nil {
		return nil, err
	}
	owners := func(n *shinchoku.Node, anc []*shinchoku.Node) []string { return sheet.Owners(n, anc, office) }
	pr := shinchoku.NewProgress(plan, period, rules, accepted, owners)
	receipts, err := q.Receipts(ctx, period)
	if err != nil {
		return nil, err
	}
	byDept := map[string]store.Receipt{}
	for _, rc := range receipts {
		byDept[rc.Department] = rc
	}
	for _, d := range sheet.Recipients(plan, office) {
		ds := shinchoku.DepartmentStatus{Department: d, State: shinchoku.StateNotSubmitted}
		if rc, ok := byDept[d]; ok {
			ds.File, ds.Errors, ds.Warnings = rc.File, rc.Errors, rc.Warnings
			ds.State = shinchoku.StateReturned
			if rc.State == "accepted" {
				ds.State = shinchoku.StateAccepted
			}
		}
		pr.Departments = append(pr.Departments, ds)
	}
	if pr.History, err = q.History(ctx, period); err != nil {
		return nil, err
	}
	return pr, nil
}

// storedProgress evaluates a period from an existing store, for the
// commands that read the record without a run.
func storedProgress(ctx context.Context, v *viper.Viper, plan *shinchoku.Plan, period shinchoku.Period, rules shinchoku.Rules) (*shinchoku.Progress, error) {
	path := v.GetString("store")
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("記録 %s がありません（shinchoku run で作られます）", path)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, failf(err, "記録 %s を開けません", path)
	}
	defer st.Close()
	return progressFrom(ctx, st, plan, period, rules, v.GetString("office"))
}

// write writes every output of the run, each through a temporary file. The
// consolidated workbook, the report and summary.json are put in place
// together, once all three are written.
func (b *batch) write() error {
	returnsDir := filepath.Join(b.outDir, "差し戻し")
	outputs := []struct {
		stage, path, fail string
		write             func(io.Writer) error
	}{
		{"集計表", filepath.Join(b.outDir, workbook.FileName(b.period)), "集計表を作れません",
			func(w io.Writer) error { return workbook.Write(w, b.progress) }},
		{"報告書（PDF）", filepath.Join(b.outDir, pdf.FileName(b.period)), "報告書を作れません",
			func(w io.Writer) error { return pdf.Write(w, b.progress, b.reportOptions) }},
		{"実行結果（summary.json）", filepath.Join(b.outDir, "summary.json"), "summary.json を作れません",
			func(w io.Writer) error { return writeSummary(w, b) }},
	}
	// The outputs only read the evaluated progress: write them side by side.
	var wg sync.WaitGroup
	temps := make([]string, len(outputs))
	errs := make([]error, len(outputs)+1)
	for i, o := range outputs {
		wg.Go(func() {
			errs[i] = b.timed(o.stage, func() (err error) {
				if temps[i], err = writeTemp(o.path, o.write); err != nil {
					return failf(err, "%s", o.fail)
				}
				return nil
			})
		})
	}
	wg.Go(func() {
		errs[len(outputs)] = b.timed("差し戻し用ブック", func() error { return writeReturns(returnsDir, b.results) })
	})
	wg.Wait()
	err := errors.Join(errs...)
	for i, o := range outputs {
		if err == nil {
			err = commitTemp(temps[i], o.path)
		} else if temps[i] != "" {
			os.Remove(temps[i]) // nothing is put in place after a failure
		}
	}
	if err != nil {
		return err
	}
	b.outputs = append(b.outputs, outputs[0].path, outputs[1].path)
	for _, r := range b.results {
		if r.Findings.HasErrors() && r.Submission != nil {
			b.outputs = append(b.outputs, filepath.Join(returnsDir, templates.ReturnName(filepath.Base(r.File))))
		}
	}
	b.outputs = append(b.outputs, outputs[2].path)
	return nil
}

// writeSummary writes the machine-readable run summary: submissions,
// findings and every indicator's evaluation with its inputs.
func writeSummary(w io.Writer, b *batch) error {
	type evalJSON struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		Unit        string   `json:"unit"`
		Department  string   `json:"department"`
		Year        int      `json:"year"`
		Baseline    *float64 `json:"baseline"`
		Expected    *float64 `json:"expected"`
		Actual      *float64 `json:"actual"`
		Status      string   `json:"status"`
		PublishDate string   `json:"publish_date"`
		Rate        *float64 `json:"rate"`
		Grade       string   `json:"grade"`
		Reason      string   `json:"reason"`
		Formula     string   `json:"formula"`
	}
	type deptJSON struct {
		Department string `json:"department"`
		State      string `json:"state"`
		File       string `json:"file"`
		Errors     int    `json:"errors"`
		Warnings   int    `json:"warnings"`
	}
	depts := []deptJSON{}
	for _, d := range b.progress.Departments {
		depts = append(depts, deptJSON{d.Department, d.State, d.File, d.Errors, d.Warnings})
	}
	type skippedJSON struct {
		File   string `json:"file"`
		Reason string `json:"reason"`
	}
	skipped := []skippedJSON{}
	for _, sk := range b.skipped {
		skipped = append(skipped, skippedJSON{sk.File, sk.Reason})
	}
	val := func(v shinchoku.Value) *float64 {
		if !v.Set {
			return nil
		}
		return &v.Num
	}
	evals := func(yield func(evalJSON) bool) {
		for _, ip := range b.progress.Indicators {
			e := ip.Eval
			if !yield(evalJSON{ip.ID, ip.Name, ip.Unit, ip.Department, e.Year, val(e.Baseline), val(e.Expected), val(e.Actual),
				string(ip.Entry.Status), ip.Entry.PublishDate, val(e.Rate), string(e.Grade), e.Reason, e.Formula}) {
				return
			}
		}
	}
	findings := func(yield func(findingJSON) bool) {
		for _, f := range b.progress.Findings {
			if !yield(toFindingJSON(f)) {
				return
			}
		}
	}
	// Written key by key, in sorted order, with the large lists streamed one
	// element at a time: a run of 100,000 indicators makes a 40 MB summary.
	bw := bufio.NewWriterSize(w, 1<<16)
	sw := summaryWriter{w: bw}
	sw.value("accepted", b.accepted)
	sw.value("departments", depts)
	writeList(&sw, "findings", len(b.progress.Findings), findings)
	writeList(&sw, "indicators", len(b.progress.Indicators), evals)
	sw.value("period", b.period.String())
	sw.value("plan", b.progress.Plan.ID)
	sw.value("returned", b.returned)
	sw.value("skipped", skipped)
	if sw.err != nil {
		return sw.err
	}
	if _, err := bw.WriteString("\n}\n"); err != nil {
		return err
	}
	return bw.Flush()
}

// summaryWriter writes the members of summary.json's top-level object, as
// encoding/json would indent it with two spaces.
type summaryWriter struct {
	w    *bufio.Writer
	n    int // members written
	err  error
	buf  bytes.Buffer
	encs map[string]*json.Encoder // by prefix, writing to buf
}

// key starts a member.
func (sw *summaryWriter) key(k string) {
	sep := ",\n  "
	if sw.n == 0 {
		sep = "{\n  "
	}
	sw.n++
	sw.raw(sep + strconv.Quote(k) + ": ")
}

func (sw *summaryWriter) raw(s string) {
	if sw.err == nil {
		_, sw.err = sw.w.WriteString(s)
	}
}

// encode writes v indented for the given depth, without the encoder's
// trailing newline.
func (sw *summaryWriter) encode(v any, prefix string) {
	if sw.err != nil {
		return
	}
	enc := sw.encs[prefix]
	if enc == nil {
		enc = json.NewEncoder(&sw.buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent(prefix, "  ")
		if sw.encs == nil {
			sw.encs = map[string]*json.Encoder{}
		}
		sw.encs[prefix] = enc
	}
	sw.buf.Reset()
	if sw.err = enc.Encode(v); sw.err == nil {
		_, sw.err = sw.w.Write(bytes.TrimSuffix(sw.buf.Bytes(), []byte("\n")))
	}
}

func (sw *summaryWriter) value(k string, v any) {
	sw.key(k)
	sw.encode(v, "  ")
}

// writeList writes a list member element by element; an empty list is null,
// as a nil slice would be.
func writeList[T any](sw *summaryWriter, k string, n int, items iter.Seq[T]) {
	sw.key(k)
	if n == 0 {
		sw.raw("null")
		return
	}
	sw.raw("[")
	first := true
	for it := range items {
		if !first {
			sw.raw(",")
		}
		first = false
		sw.raw("\n    ")
		sw.encode(it, "    ")
	}
	sw.raw("\n  ]")
}

func printRun(w io.Writer, b *batch) {
	fmt.Fprintf(w, "%sの月次処理（%s）\n\n", b.period.Label(), b.progress.Plan.Title)
	var rows [][]string
	states := map[string]int{}
	for _, d := range b.progress.Departments {
		states[d.State]++
		rows = append(rows, []string{d.Department, d.State, fmt.Sprint(d.Errors), fmt.Sprint(d.Warnings), d.File})
	}
	printTable(w, []string{"担当課", "状態", " エラー", " 警告", "ファイル"}, rows)
	for _, s := range b.skipped {
		fmt.Fprintf(w, "読み飛ばし: %s（%s）\n", s.File, s.Reason)
	}
	printReturned(w, b.outDir, b.results)
	errs, warns := count(b.progress.Findings)
	fmt.Fprintf(w, "\n受理 %d、差し戻し %d、未提出 %d（指摘: エラー %d件、警告 %d件）\n",
		states[shinchoku.StateAccepted], states[shinchoku.StateReturned], states[shinchoku.StateNotSubmitted], errs, warns)
	if b.changed == 0 {
		fmt.Fprintln(w, "記録に変更はありません（同じ提出を処理済み）")
	}
	fmt.Fprintln(w, "\n出力:")
	for _, o := range b.outputs {
		fmt.Fprintf(w, "  %s\n", o)
	}
}

// rulesFromConfig reads the evaluation rules: grade bands and the tolerance
// of 維持 indicators.
func rulesFromConfig(v *viper.Viper) (shinchoku.Rules, error) {
	rules := shinchoku.DefaultRules
	if v.IsSet("evaluation.maintain_tolerance") {
		rules.MaintainTolerance = v.GetFloat64("evaluation.maintain_tolerance")
		if rules.MaintainTolerance < 0 || rules.MaintainTolerance > 1 {
			return rules, usagef("evaluation.maintain_tolerance は 0〜1 の数です（0.1 = ±10％）")
		}
	}
	if v.IsSet("evaluation.bands") {
		var bands []struct {
			Grade string  `mapstructure:"grade"`
			Min   float64 `mapstructure:"min"`
		}
		if err := v.UnmarshalKey("evaluation.bands", &bands); err != nil || len(bands) == 0 {
			return rules, usagef("evaluation.bands は「- {grade: A, min: 100}」の一覧で書いてください")
		}
		rules.Bands = nil
		for i, b := range bands {
			if i > 0 && b.Min >= bands[i-1].Min {
				return rules, usagef("evaluation.bands は min の大きい順に書いてください（%s）", b.Grade)
			}
			rules.Bands = append(rules.Bands, shinchoku.GradeBand{Grade: shinchoku.Grade(b.Grade), Min: b.Min})
		}
		// The last band catches everything below it.
		rules.Bands[len(rules.Bands)-1].Min = -1e308
	}
	return rules, nil
}

func newStatusCommand(v *viper.Viper) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "status --period YYYY-MM",
		Short:   "担当課ごとの提出状況（受理・差し戻し・未提出）を記録から表示します",
		Example: `  shinchoku status --period 2024-09`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bindFlags(v, cmd, "period", "period", "store", "store")
			period, err := periodFlag(v)
			if err != nil {
				return err
			}
			plan, err := loadPlan(v)
			if err != nil {
				return err
			}
			pr, err := storedProgress(cmd.Context(), v, plan, period, shinchoku.DefaultRules)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%sの提出状況（%s）\n\n", period.Label(), plan.Title)
			var rows [][]string
			states := map[string]int{}
			for _, d := range pr.Departments {
				states[d.State]++
				rows = append(rows, []string{d.Department, d.State, d.File})
			}
			printTable(w, []string{"担当課", "状態", "ファイル"}, rows)
			fmt.Fprintf(w, "\n受理 %d、差し戻し %d、未提出 %d\n", states[shinchoku.StateAccepted], states[shinchoku.StateReturned], states[shinchoku.StateNotSubmitted])
			return nil
		},
	}
	cmd.Flags().String("period", "", "報告する月（YYYY-MM）")
	cmd.Flags().String("store", "", "記録（SQLite）のファイル（既定: shinchoku-data/shinchoku.db）")
	return cmd
}

func newReportCommand(v *viper.Viper) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report --period YYYY-MM",
		Short: "記録（store）から進捗状況報告書（PDF）を作り直します",
		Long: `受理済みの記録から、様式を読み直さずに進捗状況報告書（PDF）を作ります。
報告書の題名は設定 report.title で変えられます（既定: <計画名> 進捗状況報告書）。

その月の提出が記録に一つもないとき（shinchoku run をまだ実行していない月）は、報告書を作らずに終了します（終了コード 2）。
提出はあっても受理したものがないときは、すべての評価が「−」になる旨を表示したうえで作ります。`,
		Example: `  shinchoku report --period 2024-09
  shinchoku report --period 2024-09 -o 議会資料/報告書.pdf`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bindFlags(v, cmd, "period", "period", "store", "store")
			period, err := periodFlag(v)
			if err != nil {
				return err
			}
			plan, err := loadPlan(v)
			if err != nil {
				return err
			}
			rules, err := rulesFromConfig(v)
			if err != nil {
				return err
			}
			pr, err := storedProgress(cmd.Context(), v, plan, period, rules)
			if err != nil {
				return err
			}
			if err := reportable(cmd.ErrOrStderr(), pr, v.GetString("store")); err != nil {
				return err
			}
			out, _ := cmd.Flags().GetString("out")
			if out == "" {
				out = filepath.Join(v.GetString("out"), period.String(), pdf.FileName(period))
			}
			if err := writeAtomic(out, func(w io.Writer) error { return pdf.Write(w, pr, pdf.Options{Title: v.GetString("report.title")}) }); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%sの進捗状況報告書を作成しました: %s\n", period.Label(), out)
			return nil
		},
	}
	cmd.Flags().String("period", "", "報告する月（YYYY-MM）")
	cmd.Flags().String("store", "", "記録（SQLite）のファイル")
	cmd.Flags().StringP("out", "o", "", "PDF の出力先（既定: <out>/<期間>/進捗状況報告書_<期間>.pdf）")
	return cmd
}

// printStages writes how long each stage of a run took. The outputs are
// written side by side, so their times overlap.
func printStages(w io.Writer, stages []stage) {
	var rows [][]string
	for _, s := range stages {
		rows = append(rows, []string{s.name, fmt.Sprintf("%.3f", s.took.Seconds())})
	}
	printTable(w, []string{"段階", " 秒"}, rows)
	if peak := peakMemory(); peak > 0 {
		fmt.Fprintf(w, "ピークメモリ（最大常駐）: %d MB\n", peak>>20)
	}
}
