// Package workbook writes the policy office's consolidated workbook
// (集計_<period>.xlsx): the grade overview with a chart, the numeric targets,
// one row per indicator and per project, submissions, findings and the
// history of every indicator. Every number needed to recompute a grade is in
// it. Large sheets are written with excelize's streaming writer.
package workbook

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
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
	f     *excelize.File
	pr    *shinchoku.Progress
	sheet string // the sheet being written, for the error
	err   error
	st    struct {
		title, titleWrap, header, text, wrap int
		num                                  [shinchoku.MaxDecimals + 1]int
		rate                                 int
	}
}

// set keeps the first error of excelize, with the sheet it came from.
func (w *writer) set(err error) {
	if w.err == nil && err != nil {
		w.err = &Error{Sheet: w.sheet, Err: err}
	}
}

// Error is excelize refusing to write part of the workbook, told in
// Japanese: the policy office sees which sheet, never excelize's English.
// The cause stays reachable with errors.Is and errors.As, for developers.
type Error struct {
	Sheet string // "" when the file as a whole could not be put together
	Err   error
}

// Error says which sheet, in Japanese, without the cause.
func (e *Error) Error() string {
	if e.Sheet == "" {
		return msgPackage
	}
	return fmt.Sprintf(msgSheet, e.Sheet)
}

// Unwrap is excelize's error.
func (e *Error) Unwrap() error { return e.Err }

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
	w.sheet = ""
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
	w.st.title = mk(excelize.Style{Font: &excelize.Font{Family: Font, Size: titlePt, Bold: true}})
	w.st.titleWrap = mk(excelize.Style{Font: &excelize.Font{Family: Font, Size: titlePt, Bold: true},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
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
func (w *writer) table(name, title string, header []string, widths []float64, rows iter.Seq[[]excelize.Cell], lay layout) {
	w.sheet = name
	if name != SheetSummary {
		_, err := w.f.NewSheet(name)
		w.set(err)
	}
	// Page settings first: after streaming, any call on the sheet would
	// parse its whole XML again.
	oneWide := w.printSetup(name, widths, "$2:$2", lay.freezeCols)
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		w.set(err)
		return
	}
	for i, width := range widths {
		w.set(sw.SetColWidth(i+1, i+1, width))
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}
	if lay.freezeCols > 0 {
		panes.XSplit = lay.freezeCols
		panes.TopLeftCell, _ = excelize.CoordinatesToCellName(lay.freezeCols+1, 3)
		panes.ActivePane = "bottomRight"
	}
	w.set(sw.SetPanes(panes))
	// A sheet printed over several pages across repeats its first column
	// on each: the title, overflowing into the next column, would be cut
	// where that column is not on the page, so it wraps within column A.
	if lines := sheet.TextLines(title, widths[0], titlePt); !oneWide && lay.freezeCols > 0 && lines > 1 {
		w.set(sw.SetRow("A1", []any{excelize.Cell{StyleID: w.st.titleWrap, Value: title}}, excelize.RowOpts{Height: sheet.RowPoints(lines, titlePt)}))
	} else {
		w.set(sw.SetRow("A1", []any{excelize.Cell{StyleID: w.st.title, Value: title}}))
	}
	hdr := make([]any, len(header))
	headerLines := 2
	for i, h := range header {
		hdr[i] = excelize.Cell{StyleID: w.st.header, Value: h}
		headerLines = max(headerLines, textLines(h, widths[i]))
	}
	w.set(sw.SetRow("A2", hdr, excelize.RowOpts{Height: rowPoints(headerLines)}))
	n := 0
	var ptrs []any // the row's cells by pointer: SetRow takes them without boxing each one
	for r := range rows {
		n++
		ptrs = ptrs[:0]
		for i := range r {
			ptrs = append(ptrs, &r[i])
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		lines := 1
		for i, c := range r {
			if text, ok := c.Value.(string); ok && c.StyleID == w.st.wrap && i < len(widths) {
				lines = max(lines, textLines(text, widths[i]))
			}
		}
		if h := rowPoints(lines); h > 0 {
			w.set(sw.SetRow(cell, ptrs, excelize.RowOpts{Height: h}))
		} else {
			w.set(sw.SetRow(cell, ptrs))
		}
	}
	if lay.filter && n > 0 {
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
	case SheetGoals:
		return "tblGoals"
	case SheetSubmissions:
		return "tblSubmissions"
	}
	return "tblData"
}

func ptr[T any](v T) *T { return &v }

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
	w.sheet = name
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
		w.set(f.SetCellStyle(name, cell, cell, w.st.wrap))
		w.set(f.SetRowHeight(name, row, max(rowPoints(textLines(label, summaryTitleWidth)), 15)))
		row++
	}
	for _, n := range pr.Plan.Nodes {
		if c, ok := counts[n.ID]; ok {
			writeCounts(strings.TrimSpace(n.Code+" "+n.Title), c)
		}
	}
	firstData, lastData := 4, row-1
	writeCounts("全体", counts[""])
	w.set(f.SetColWidth(name, "A", "A", summaryTitleWidth))
	w.set(f.SetColWidth(name, "B", lastCol, countWidth)) // 差し戻し of the 提出状況 table on one line
	// A stacked bar per goal: how its indicators are graded. The category
	// axis runs top to bottom, as the table above does (goal 1 first); the
	// value axis stays left to right. Each segment is labelled with its
	// count (zeros hidden). The chart starts below the table and is sized
	// to end on the first page; a page break before it keeps it whole when
	// a plan has so many goals that the table fills the page.
	chartTop := row + 1
	chartHeight := uint(44*(lastData-firstData+1) + 150)
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
		axisFont := excelize.Font{Family: Font, Size: 9, Color: "000000"}
		w.set(f.AddChart(name, fmt.Sprintf("A%d", chartTop), &excelize.Chart{
			Type: excelize.BarPercentStacked, Series: series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "評価の内訳（" + pr.Plan.Levels[0] + "別）", Font: &excelize.Font{Family: Font, Size: 12, Color: "000000"}}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0;;;"}},
			XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
			YAxis:     excelize.ChartAxis{Font: axisFont, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
		}))
		if float64(chartTop)*summaryRowPixels+float64(chartHeight) > printableHeight() && chartTop > 1 {
			w.set(f.InsertPageBreak(name, fmt.Sprintf("A%d", chartTop)))
		}
	}
	// Submissions at a glance, below the chart.
	states := pr.StateCounts()
	top := chartTop + int(math.Ceil(float64(chartHeight)/summaryRowPixels)) + 2
	w.set(f.SetSheetRow(name, fmt.Sprintf("A%d", top), &[]any{"提出状況", shinchoku.StateAccepted.Label(),
		shinchoku.StateReturned.Label(), shinchoku.StateNotSubmitted.Label(), "計"}))
	w.set(f.SetCellStyle(name, fmt.Sprintf("A%d", top), fmt.Sprintf("E%d", top), w.st.header))
	w.set(f.SetSheetRow(name, fmt.Sprintf("A%d", top+1), &[]any{"担当課数", states[shinchoku.StateAccepted],
		states[shinchoku.StateReturned], states[shinchoku.StateNotSubmitted], len(pr.Departments)}))
	w.set(f.SetCellStyle(name, fmt.Sprintf("A%d", top+1), fmt.Sprintf("E%d", top+1), w.st.text))
	w.printSetup(name, nil, "", 0)
}

// The 総括 chart's width in pixels, and the height of a row of 総括 (20
// pixels = 15 pt, the default row height) for placing what follows it.
const (
	chartWidth        = 960
	summaryRowPixels  = 20
	summaryTitleWidth = 60
	countWidth        = 9
)

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
		w.long(ip.Department), rate, w.txt(string(e.Grade)), w.txt(e.Reason), w.txt(e.Formula), w.txt(ip.Entry.Remarks)}
}

// indicatorWidths fit each column's longest text on one line (単年/累計,
// 基準値以下 in 達成率); the names and reasons wrap.
var indicatorWidths = []float64{10, 28, 6, 10, 5, 11, 10, 11, 10, 11, 10, 10, 8, 12, 14, 11, 5, 20, 30, 20}

// indicatorOrder is the order of indicatorHeader's columns on the sheets:
// 指標名 first (kept in view and repeated on printed pages), then what a
// reader compares (単位, 対象年度, 基準値 … 評価), then the details; the ID
// last. The hierarchy columns go between 指標名 and the rest.
var indicatorOrder = []int{1, 2, 9, 6, 8, 10, 11, 15, 16, 17, 12, 13, 14, 5, 7, 3, 4, 18, 19, 0}

// indicatorColumns returns the header, widths and cells of the indicator
// columns in sheet order, with extra columns (hierarchy) after 指標名.
func indicatorColumns[T any](cols []T, extra ...T) []T {
	out := make([]T, 0, len(cols)+len(extra))
	out = append(out, cols[indicatorOrder[0]])
	out = append(out, extra...)
	for _, i := range indicatorOrder[1:] {
		out = append(out, cols[i])
	}
	return out
}

// wrapped makes the long texts of an indicator row wrap: 指標名 (first),
// 評価できない理由, 算定式 and 備考 (found by their header).
func (w *writer) wrapped(r []excelize.Cell) []excelize.Cell {
	r[0].StyleID = w.st.wrap
	extra := len(r) - len(indicatorOrder) // columns inserted after 指標名
	for k := 1; k < len(indicatorOrder); k++ {
		switch indicatorHeader[indicatorOrder[k]] {
		case "評価できない理由", "算定式", "備考", "公表予定時期":
			r[extra+k].StyleID = w.st.wrap
		}
	}
	return r
}

// Widths of the hierarchy and department columns; their text wraps.
const (
	levelWidth = 20
	deptWidth  = 12
)

func (w *writer) goals() {
	rows := func(yield func([]excelize.Cell) bool) {
		for _, ip := range w.pr.Indicators {
			if len(ip.Ancestors) == 0 && !yield(w.wrapped(indicatorColumns(w.indicatorRow(ip), w.long(strings.TrimSpace(ip.Node.Code+" "+ip.Node.Title))))) {
				return
			}
		}
	}
	w.table(SheetGoals, "数値目標（"+w.pr.Period.Label()+"）", indicatorColumns(indicatorHeader, w.pr.Plan.Levels[0]),
		indicatorColumns(indicatorWidths, 2*levelWidth), rows, layout{freezeCols: 1, filter: true})
}

func (w *writer) indicators() {
	p := w.pr.Plan
	extraHeader := append(levelColumns(p), "担当課")
	var extraWidths []float64
	for range p.Levels {
		extraWidths = append(extraWidths, levelWidth)
	}
	extraWidths = append(extraWidths, deptWidth)
	rows := func(yield func([]excelize.Cell) bool) {
		for _, ip := range w.pr.Indicators {
			var extra []excelize.Cell
			for _, h := range hierarchy(p, ip.Node, ip.Ancestors) {
				extra = append(extra, w.long(h))
			}
			extra = append(extra, w.long(strings.Join(ip.Node.Departments, "／")))
			if !yield(w.wrapped(indicatorColumns(w.indicatorRow(ip), extra...))) {
				return
			}
		}
	}
	w.table(SheetIndicators, "KPI一覧（"+w.pr.Period.Label()+"）", indicatorColumns(indicatorHeader, extraHeader...),
		indicatorColumns(indicatorWidths, extraWidths...), rows, layout{freezeCols: 1, filter: true})
}

func (w *writer) projects() {
	p := w.pr.Plan
	header := append(levelColumns(p), "報告した課", "取組状況・成果", "要因分析・課題", "今後の方向性", "自己評価")
	// Sized to print one page across at 90 %: the narratives wrap in two
	// wide columns, the hierarchy in narrow ones.
	var widths []float64
	for range p.Levels {
		widths = append(widths, 12)
	}
	widths[len(widths)-1] = 18 // the project's name
	widths = append(widths, 10, 33, 33, 10, 6)
	rows := func(yield func([]excelize.Cell) bool) {
		p.Walk(func(n *shinchoku.Node, anc []*shinchoku.Node) bool {
			for _, nn := range w.pr.Narratives[n.ID] {
				var r []excelize.Cell
				for _, h := range hierarchy(p, n, anc) {
					r = append(r, w.long(h))
				}
				if !yield(append(r, w.long(nn.Department), w.long(nn.Progress), w.long(nn.Analysis), w.long(nn.Outlook), w.txt(nn.SelfEvaluation))) {
					return false
				}
			}
			return true
		})
	}
	w.table(SheetProjects, "事業一覧（"+w.pr.Period.Label()+"）", header, widths, rows, layout{freezeCols: len(p.Levels), filter: true})
}

func (w *writer) submissions() {
	rows := func(yield func([]excelize.Cell) bool) {
		for _, d := range w.pr.Departments {
			if !yield([]excelize.Cell{w.txt(d.Department), w.txt(d.State.Label()), w.long(d.File), w.num(shinchoku.Num(float64(d.Errors)), 0), w.num(shinchoku.Num(float64(d.Warnings)), 0)}) {
				return
			}
		}
	}
	w.table(SheetSubmissions, "提出状況（"+w.pr.Period.Label()+"）", []string{"担当課", "状態", "ファイル", "エラー", "警告"},
		[]float64{20, 10, 40, 8, 8}, rows, layout{freezeCols: 1, filter: true})
}

func (w *writer) findings() {
	rows := func(yield func([]excelize.Cell) bool) {
		for _, f := range w.pr.Findings {
			if !yield([]excelize.Cell{w.txt(f.Severity.Label()), w.txt(f.Code), w.long(f.File), w.txt(f.Sheet), w.txt(f.Cell), w.long(f.Value), w.long(f.Message)}) {
				return
			}
		}
	}
	w.table(SheetFindings, "検証結果（"+w.pr.Period.Label()+"）", []string{"重要度", "コード", "ファイル", "シート", "セル", "入力値", "内容"},
		[]float64{8, 20, 30, 8, 8, 16, 56}, rows, layout{filter: true})
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
	header := []string{"指標名", "単位", "指標ID"}
	widths := []float64{28, 6, 10}
	for _, p := range periods {
		header = append(header, periodHeading(p))
		widths = append(widths, 12)
	}
	rows := func(yield func([]excelize.Cell) bool) {
		for _, ip := range w.pr.Indicators {
			r := []excelize.Cell{w.long(ip.Name), w.txt(ip.Unit), w.txt(ip.ID)}
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
	w.table(SheetHistory, "推移（報告時点別の実績値）", header, widths, rows, layout{freezeCols: 3, filter: true})
}

// periodHeading names a reporting month in 和暦, as the report does:
// 令和4年3月末.
func periodHeading(p shinchoku.Period) string {
	return strings.TrimSuffix(p.Label(), "現在")
}
