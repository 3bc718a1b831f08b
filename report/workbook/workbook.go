// Package workbook writes the policy office's consolidated workbook
// (集計_<period>.xlsx): the grade overview with a chart, the numeric targets,
// one row per indicator and per project, submissions, findings and the
// history of every indicator. Every number needed to recompute a grade is in
// it. Large sheets are written with excelize's streaming writer.
package workbook

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
)

// Font is the typeface of the workbook (shipped with Windows).
const Font = "BIZ UDゴシック"

// FileName is the consolidated workbook's file name for a period.
func FileName(p shinchoku.Period) string { return "集計_" + p.String() + ".xlsx" }

// Sheet names, in order.
const (
	SheetSummary     = "総括"
	SheetGoals       = "数値目標"
	SheetIndicators  = "KPI一覧"
	SheetProjects    = "事業一覧"
	SheetSubmissions = "提出状況"
	SheetFindings    = "検証結果"
	SheetHistory     = "推移"
)

type writer struct {
	f   *excelize.File
	pr  *shinchoku.Progress
	err error
	st  struct {
		title, header, text, wrap int
		num                       [shinchoku.MaxDecimals + 1]int
		rate                      int
	}
}

func (w *writer) set(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

// Build writes the consolidated workbook of a period's progress.
func Build(pr *shinchoku.Progress) (*excelize.File, error) {
	w := &writer{f: excelize.NewFile(), pr: pr}
	w.styles()
	w.set(w.f.SetSheetName("Sheet1", SheetSummary))
	w.summary()
	w.goals()
	w.indicators()
	w.projects()
	w.submissions()
	w.findings()
	w.history()
	date := pr.Period.End().Format("2006-01-02T15:04:05Z")
	w.set(w.f.SetDocProps(&excelize.DocProperties{
		Title: pr.Plan.Title + " 進捗状況 集計（" + pr.Period.Label() + "）", Creator: pr.Plan.Organization,
		LastModifiedBy: pr.Plan.Organization, Created: date, Modified: date, Language: "ja-JP",
	}))
	// 総括 is the first sheet of a new file and so already the active one:
	// SetActiveSheet now would parse every streamed sheet again.
	if w.err != nil {
		w.f.Close()
		return nil, w.err
	}
	return w.f, nil
}

func (w *writer) styles() {
	mk := func(s excelize.Style) int {
		id, err := w.f.NewStyle(&s)
		w.set(err)
		return id
	}
	font := &excelize.Font{Family: Font, Size: 10}
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	w.st.title = mk(excelize.Style{Font: &excelize.Font{Family: Font, Size: 14, Bold: true}})
	w.st.header = mk(excelize.Style{Font: &excelize.Font{Family: Font, Size: 10, Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	w.st.text = mk(excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	w.st.wrap = mk(excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	for d := range w.st.num {
		f := shinchoku.ExcelNumberFormat(d)
		w.st.num[d] = mk(excelize.Style{Font: font, Border: border, CustomNumFmt: &f, Alignment: &excelize.Alignment{Vertical: "top"}})
	}
	rate := `0.0"％"`
	w.st.rate = mk(excelize.Style{Font: font, Border: border, CustomNumFmt: &rate, Alignment: &excelize.Alignment{Vertical: "top"}})
}

// cell is a value with its style; numbers that are absent are written as −.
func (w *writer) num(v shinchoku.Value, decimals int) excelize.Cell {
	if !v.Set {
		return excelize.Cell{StyleID: w.st.text, Value: "−"}
	}
	return excelize.Cell{StyleID: w.st.num[decimals], Value: v.Num}
}

// value is a value of an indicator with its own decimals, as the report
// prints it (92, not 92.00).
func (w *writer) value(v shinchoku.Value) excelize.Cell {
	return w.num(v, shinchoku.DecimalsOf(v))
}

// txt and long are text cells; an empty text is a blank cell (with its
// style), not an empty string, so that Excel's blank tests and COUNTA
// see it as empty.
func (w *writer) txt(s string) excelize.Cell { return textCell(w.st.text, s) }

func (w *writer) long(s string) excelize.Cell { return textCell(w.st.wrap, s) }

func textCell(style int, s string) excelize.Cell {
	if s == "" {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: s}
}

// table streams a sheet: a title row, a header row, then the rows; with
// column widths, a frozen header and a filter on the header. The rows are
// made one at a time as they are written (KPI一覧 has a row per indicator).
func (w *writer) table(name, title string, header []string, widths []float64, rows iter.Seq[[]excelize.Cell], filter bool) {
	if name != SheetSummary {
		_, err := w.f.NewSheet(name)
		w.set(err)
	}
	// Page settings first: after streaming, any call on the sheet would
	// parse its whole XML again.
	w.printSetup(name)
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		w.set(err)
		return
	}
	for i, width := range widths {
		w.set(sw.SetColWidth(i+1, i+1, width))
	}
	w.set(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}))
	w.set(sw.SetRow("A1", []any{excelize.Cell{StyleID: w.st.title, Value: title}}))
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = excelize.Cell{StyleID: w.st.header, Value: h}
	}
	w.set(sw.SetRow("A2", hdr, excelize.RowOpts{Height: 30}))
	n := 0
	var ptrs []any // the row's cells by pointer: SetRow takes them without boxing each one
	for r := range rows {
		n++
		ptrs = ptrs[:0]
		for i := range r {
			ptrs = append(ptrs, &r[i])
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		w.set(sw.SetRow(cell, ptrs))
	}
	if filter && n > 0 {
		last, _ := excelize.CoordinatesToCellName(len(header), n+2)
		w.set(sw.AddTable(&excelize.Table{Range: "A2:" + last, Name: tableName(name), StyleName: "TableStyleLight1", ShowRowStripes: ptr(true)}))
	}
	w.set(sw.Flush())
}

// tableName is an ASCII name for a sheet's table (Excel table names must
// not clash with cell references).
func tableName(sheet string) string {
	switch sheet {
	case SheetIndicators:
		return "tblKPI"
	case SheetProjects:
		return "tblProjects"
	case SheetFindings:
		return "tblFindings"
	case SheetHistory:
		return "tblHistory"
	}
	return "tblData"
}

func ptr[T any](v T) *T { return &v }

func (w *writer) printSetup(name string) {
	size, orient, wide, tall := 9, "landscape", 1, 0
	w.set(w.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}))
	w.set(w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
	w.set(w.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + strings.ReplaceAll(w.pr.Plan.Title, "&", "&&") + "&R" + w.pr.Period.Label(),
		OddFooter: "&C- &P -",
	}))
}

// levelColumns are the hierarchy columns: one per level above the node.
func levelColumns(p *shinchoku.Plan) []string {
	return slices.Clone(p.Levels)
}

func hierarchy(p *shinchoku.Plan, node *shinchoku.Node, anc []*shinchoku.Node) []string {
	out := make([]string, len(p.Levels))
	for i, a := range append(slices.Clone(anc), node) {
		if i < len(out) {
			out[i] = strings.TrimSpace(a.Code + " " + a.Title)
		}
	}
	return out
}

func (w *writer) summary() {
	f, name, pr := w.f, SheetSummary, w.pr
	grades := pr.Rules.Grades()
	counts := pr.GradeCounts()
	w.set(f.SetCellValue(name, "A1", pr.Plan.Title+" 進捗状況 総括（"+pr.Period.Label()+"）"))
	w.set(f.SetCellStyle(name, "A1", "A1", w.st.title))
	header := []any{pr.Plan.Levels[0]}
	for _, g := range grades {
		header = append(header, string(g))
	}
	header = append(header, "計")
	w.set(f.SetSheetRow(name, "A3", &header))
	lastCol, _ := excelize.ColumnNumberToName(len(header))
	w.set(f.SetCellStyle(name, "A3", lastCol+"3", w.st.header))
	row := 4
	writeCounts := func(label string, c map[shinchoku.Grade]int) {
		vals := []any{label}
		total := 0
		for _, g := range grades {
			vals = append(vals, c[g])
			total += c[g]
		}
		vals = append(vals, total)
		cell := fmt.Sprintf("A%d", row)
		w.set(f.SetSheetRow(name, cell, &vals))
		w.set(f.SetCellStyle(name, cell, fmt.Sprintf("%s%d", lastCol, row), w.st.text))
		row++
	}
	for _, n := range pr.Plan.Nodes {
		if c, ok := counts[n.ID]; ok {
			writeCounts(strings.TrimSpace(n.Code+" "+n.Title), c)
		}
	}
	firstData, lastData := 4, row-1
	writeCounts("全体", counts[""])
	w.set(f.SetColWidth(name, "A", "A", 48))
	w.set(f.SetColWidth(name, "B", lastCol, 7))
	// A stacked bar per goal: how its indicators are graded.
	if lastData >= firstData {
		var series []excelize.ChartSeries
		for i := range grades {
			col, _ := excelize.ColumnNumberToName(i + 2)
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("'%s'!$%s$3", name, col),
				Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", name, firstData, lastData),
				Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", name, col, firstData, col, lastData),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{gradeColor(i, len(grades))}},
			})
		}
		w.set(f.AddChart(name, fmt.Sprintf("A%d", row+2), &excelize.Chart{
			Type: excelize.BarPercentStacked, Series: series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "評価の内訳（" + pr.Plan.Levels[0] + "別）"}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: 720, Height: 60*uint(lastData-firstData+1) + 160},
			YAxis:     excelize.ChartAxis{ReverseOrder: true},
		}))
	}
	// Submissions at a glance.
	states := map[shinchoku.State]int{}
	for _, d := range pr.Departments {
		states[d.State]++
	}
	top := row + 4 + 3*(lastData-firstData+1) + 10
	w.set(f.SetSheetRow(name, fmt.Sprintf("A%d", top), &[]any{"提出状況", "受理", "差し戻し", "未提出", "計"}))
	w.set(f.SetCellStyle(name, fmt.Sprintf("A%d", top), fmt.Sprintf("E%d", top), w.st.header))
	w.set(f.SetSheetRow(name, fmt.Sprintf("A%d", top+1), &[]any{"担当課数", states[shinchoku.StateAccepted],
		states[shinchoku.StateReturned], states[shinchoku.StateNotSubmitted], len(pr.Departments)}))
	w.set(f.SetCellStyle(name, fmt.Sprintf("A%d", top+1), fmt.Sprintf("E%d", top+1), w.st.text))
	w.printSetup(name)
}

// gradeColor: best grade green, worst red, no grade grey.
func gradeColor(i, n int) string {
	palette := []string{"70AD47", "A9D18E", "FFD966", "F4B183", "C00000"}
	if i == n-1 {
		return "BFBFBF"
	}
	if i < len(palette) {
		return palette[i]
	}
	return "808080"
}

var indicatorHeader = []string{"指標ID", "指標名", "単位", "単年/累計", "方向", "基準年度", "基準値", "目標年度", "目標値",
	"対象年度", "期待値", "実績値", "状態", "公表予定時期", "報告した課", "達成率", "評価", "評価できない理由", "算定式", "備考"}

func (w *writer) indicatorRow(ip shinchoku.IndicatorProgress) []excelize.Cell {
	ind, e := ip.Indicator, ip.Eval
	kind := "単年"
	if ind.Cumulative {
		kind = "累計"
	}
	year := func(y int) string {
		if y == 0 {
			return ""
		}
		return ind.YearLabel(y)
	}
	// The rate as a number where there is one, else the outcome in words
	// (基準値以下), as the report prints it.
	rate := w.txt(e.RateText())
	if e.Rate.Set {
		rate = excelize.Cell{StyleID: w.st.rate, Value: e.Rate.Num}
	}
	status := string(ip.Entry.Status)
	if !ip.Submitted {
		status = e.Reason // 未提出, or 差し戻し（課）
		if status == "" {
			status = shinchoku.StateNotSubmitted.Label()
		}
	}
	return []excelize.Cell{w.txt(ind.ID), w.txt(ind.Name), w.txt(ind.DisplayUnit()), w.txt(kind), w.txt(string(ind.Direction)),
		w.txt(year(ind.Baseline.Year)), w.value(ind.Baseline.Value), w.txt(year(ind.Target.Year)), w.value(ind.Target.Value),
		w.txt(ind.YearLabel(e.Year)), w.value(e.Expected), w.value(e.Actual), w.txt(status), w.txt(ip.Entry.PublishDate),
		w.txt(ip.Department), rate, w.txt(string(e.Grade)), w.txt(e.Reason), w.txt(e.Formula), w.txt(ip.Entry.Remarks)}
}

var indicatorWidths = []float64{10, 28, 6, 6, 5, 11, 10, 11, 10, 11, 10, 10, 8, 12, 14, 8, 5, 20, 30, 20}

func (w *writer) goals() {
	rows := func(yield func([]excelize.Cell) bool) {
		for _, ip := range w.pr.Indicators {
			if len(ip.Ancestors) == 0 && !yield(append([]excelize.Cell{w.txt(strings.TrimSpace(ip.Node.Code + " " + ip.Node.Title))}, w.indicatorRow(ip)...)) {
				return
			}
		}
	}
	w.table(SheetGoals, "数値目標（"+w.pr.Period.Label()+"）", append([]string{w.pr.Plan.Levels[0]}, indicatorHeader...),
		append([]float64{36}, indicatorWidths...), rows, false)
}

func (w *writer) indicators() {
	p := w.pr.Plan
	header := append(append(levelColumns(p), "担当課"), indicatorHeader...)
	widths := []float64{}
	for range p.Levels {
		widths = append(widths, 24)
	}
	widths = append(append(widths, 16), indicatorWidths...)
	rows := func(yield func([]excelize.Cell) bool) {
		for _, ip := range w.pr.Indicators {
			var r []excelize.Cell
			for _, h := range hierarchy(p, ip.Node, ip.Ancestors) {
				r = append(r, w.txt(h))
			}
			r = append(r, w.txt(strings.Join(ip.Node.Departments, "／")))
			if !yield(append(r, w.indicatorRow(ip)...)) {
				return
			}
		}
	}
	w.table(SheetIndicators, "KPI一覧（"+w.pr.Period.Label()+"）", header, widths, rows, true)
}

func (w *writer) projects() {
	p := w.pr.Plan
	header := append(levelColumns(p), "報告した課", "取組状況・成果", "要因分析・課題", "今後の方向性", "自己評価")
	var widths []float64
	for range p.Levels {
		widths = append(widths, 24)
	}
	widths = append(widths, 14, 50, 50, 10, 8)
	rows := func(yield func([]excelize.Cell) bool) {
		p.Walk(func(n *shinchoku.Node, anc []*shinchoku.Node) bool {
			for _, nn := range w.pr.Narratives[n.ID] {
				var r []excelize.Cell
				for _, h := range hierarchy(p, n, anc) {
					r = append(r, w.txt(h))
				}
				if !yield(append(r, w.txt(nn.Department), w.long(nn.Progress), w.long(nn.Analysis), w.txt(nn.Outlook), w.txt(nn.SelfEvaluation))) {
					return false
				}
			}
			return true
		})
	}
	w.table(SheetProjects, "事業一覧（"+w.pr.Period.Label()+"）", header, widths, rows, true)
}

func (w *writer) submissions() {
	rows := func(yield func([]excelize.Cell) bool) {
		for _, d := range w.pr.Departments {
			if !yield([]excelize.Cell{w.txt(d.Department), w.txt(d.State.Label()), w.txt(d.File), w.num(shinchoku.Num(float64(d.Errors)), 0), w.num(shinchoku.Num(float64(d.Warnings)), 0)}) {
				return
			}
		}
	}
	w.table(SheetSubmissions, "提出状況（"+w.pr.Period.Label()+"）", []string{"担当課", "状態", "ファイル", "エラー", "警告"},
		[]float64{20, 10, 40, 8, 8}, rows, false)
}

func (w *writer) findings() {
	rows := func(yield func([]excelize.Cell) bool) {
		for _, f := range w.pr.Findings {
			if !yield([]excelize.Cell{w.txt(f.Severity.Label()), w.txt(f.Code), w.txt(f.File), w.txt(f.Sheet), w.txt(f.Cell), w.txt(f.Value), w.long(f.Message)}) {
				return
			}
		}
	}
	w.table(SheetFindings, "検証結果（"+w.pr.Period.Label()+"）", []string{"重要度", "コード", "ファイル", "シート", "セル", "入力値", "内容"},
		[]float64{8, 22, 36, 8, 8, 16, 70}, rows, true)
}

func (w *writer) history() {
	periodSet := map[shinchoku.Period]bool{}
	for _, h := range w.pr.History {
		for _, pv := range h {
			periodSet[pv.Period] = true
		}
	}
	var periods []shinchoku.Period
	for p := range periodSet {
		periods = append(periods, p)
	}
	slices.SortFunc(periods, func(a, b shinchoku.Period) int { return strings.Compare(a.String(), b.String()) })
	header := []string{"指標ID", "指標名", "単位"}
	widths := []float64{10, 28, 6}
	for _, p := range periods {
		header = append(header, p.String())
		widths = append(widths, 10)
	}
	rows := func(yield func([]excelize.Cell) bool) {
		for _, ip := range w.pr.Indicators {
			r := []excelize.Cell{w.txt(ip.ID), w.txt(ip.Name), w.txt(ip.Unit)}
			byPeriod := map[shinchoku.Period]shinchoku.Value{}
			for _, pv := range w.pr.History[ip.ID] {
				byPeriod[pv.Period] = pv.Value
			}
			for _, p := range periods {
				r = append(r, w.value(byPeriod[p]))
			}
			if !yield(r) {
				return
			}
		}
	}
	w.table(SheetHistory, "推移（報告時点別の実績値）", header, widths, rows, true)
}
