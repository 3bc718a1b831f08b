package form

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// Font is the typeface of every workbook: Windows ships BIZ UDゴシック, so
// department PCs show the workbook as it was designed.
const Font = "BIZ UDゴシック"

// Options is what every workbook of one month shares.
type Options struct {
	Plan     *shinchoku.Plan
	Period   shinchoku.Period
	Office   string   // the policy office: sends the forms, reports goal-level 数値目標
	Deadline string   // 提出期限, as written to departments (e.g. 令和6年10月10日（木）)
	Contact  string   // 問い合わせ先
	Password string   // sheet protection password; empty for none
	Required []string // keys of the narrative columns that must be filled in; nil: DefaultRequired
	History  History
}

// DefaultRequired are the narrative columns a department must fill in when
// the configuration names none: what the report prints for every project.
var DefaultRequired = []string{sheet.Progress, sheet.Outlook}

// required reports whether a column must be filled in.
func (o Options) required(key string) bool {
	req := o.Required
	if req == nil {
		req = DefaultRequired
	}
	return slices.Contains(req, key)
}

// History is what earlier accepted submissions carry into a new template.
type History struct {
	Actuals    map[string]shinchoku.RecordedActual       // last accepted actual by indicator ID
	Narratives map[string]map[string]shinchoku.NodeEntry // last accepted narrative by department, then node ID
}

// Summary describes one generated workbook.
type Summary struct {
	Department string
	File       string // file name, without directory
	Projects   int    // nodes reported on
	Indicators int
	Rows       []int // the Excel row of each data row, in sheet.Rows order
}

// Generator builds the workbooks of one month. It works out the plan's hash
// and every department's rows once, for batches of many departments.
type Generator struct {
	opts  Options
	hash  string
	depts []string
	rows  map[string][]sheet.Row
	names map[string]string // file name by department, unique among them
}

// NewGenerator prepares the workbooks of one month.
func NewGenerator(opts Options) *Generator {
	g := &Generator{opts: opts, hash: opts.Plan.Hash()}
	g.depts, g.rows = opts.Plan.Reporters(opts.Office), sheet.RowsByDepartment(opts.Plan, opts.Office)
	g.names = sheet.FileNames(opts.Period, g.depts)
	return g
}

// Departments lists the departments that get a workbook, in plan order.
func (g *Generator) Departments() []string { return g.depts }

// Rows lists a department's data rows, in the order of Summary.Rows.
func (g *Generator) Rows(dept string) []sheet.Row { return g.rows[dept] }

// Workbook builds one department's workbook.
func Workbook(opts Options, dept string) (*excelize.File, Summary, error) {
	return NewGenerator(opts).Workbook(dept)
}

// Workbook builds one department's workbook.
func (g *Generator) Workbook(dept string) (*excelize.File, Summary, error) {
	opts := g.opts
	rows := g.rows[dept]
	sum := Summary{Department: dept, File: g.names[dept]}
	if sum.File == "" {
		sum.File = sheet.FileName(opts.Period, dept)
	}
	if len(rows) == 0 {
		return nil, sum, fmt.Errorf(msgNoProjects, dept)
	}
	w := &writer{f: excelize.NewFile(), opts: opts, dept: dept, hash: g.hash}
	if err := w.build(rows, &sum); err != nil {
		w.f.Close()
		return nil, sum, err
	}
	return w.f, sum, nil
}

type writer struct {
	f    *excelize.File
	opts Options
	dept string
	hash string // the plan's content hash
	err  error
	st   styles
}

// set keeps the first error so that the layout code reads as a list of steps.
func (w *writer) set(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

func (w *writer) build(rows []sheet.Row, sum *Summary) error {
	f := w.f
	w.set(f.SetSheetName("Sheet1", sheet.GuideSheet))
	_, err := f.NewSheet(sheet.InputSheet)
	w.set(err)
	_, err = f.NewSheet(sheet.MetaSheet)
	w.set(err)
	w.st = newStyles(f, w.set)
	rowMap, checksums := w.input(rows, sum)
	w.guide(rows)
	w.meta(rowMap, checksums)
	w.set(f.SetDocProps(&excelize.DocProperties{
		Creator:        w.opts.Office,
		LastModifiedBy: w.opts.Office,
		Title:          w.opts.Period.Label() + " 進捗状況報告（" + w.dept + "）",
		Subject:        w.opts.Plan.Title,
		Created:        w.opts.Period.End().Format("2006-01-02T15:04:05Z"),
		Modified:       w.opts.Period.End().Format("2006-01-02T15:04:05Z"),
		Language:       "ja-JP",
	}))
	f.SetActiveSheet(0)
	return w.err
}

// input writes the 入力 sheet and returns the row map and the checksum of
// each data row's locked cells.
func (w *writer) input(rows []sheet.Row, sum *Summary) ([][]any, []string) {
	f, name, opts := w.f, sheet.InputSheet, w.opts
	// Titles, notes and headings span the printed columns only: their fill
	// ends where the page does.
	// span is the first and last printed cell of a row.
	span := func(row int) (string, string) {
		return sheet.CellAt(1, row), sheet.Cell(sheet.LastPrinted, row)
	}
	for i, c := range sheet.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.set(f.SetColWidth(name, col, col, c.Width))
		w.set(f.SetCellValue(name, col+strconv.Itoa(sheet.HeaderRow), w.header(c)))
	}
	title := fmt.Sprintf("%s　%s 進捗状況報告（%s）", opts.Period.Label(), opts.Plan.Title, w.dept)
	from, to := span(sheet.TitleRow)
	w.set(f.SetCellValue(name, from, title))
	w.set(f.MergeCell(name, from, to))
	w.set(f.SetCellStyle(name, from, to, w.st.title))
	note := w.noteLine()
	from, to = span(sheet.NoteRow)
	w.set(f.SetCellValue(name, from, note))
	w.set(f.MergeCell(name, from, to))
	w.set(f.SetCellStyle(name, from, to, w.st.note))
	w.set(f.SetRowHeight(name, sheet.NoteRow, sheet.RowPoints(sheet.TextLines(note, printedWidth(), bodyPt), bodyPt)))
	// The header's style runs over every column, printed or not.
	w.set(f.SetCellStyle(name, sheet.CellAt(1, sheet.HeaderRow), sheet.LastLetter()+strconv.Itoa(sheet.HeaderRow), w.st.header))
	for _, c := range sheet.Columns {
		if w.opts.required(c.Key) {
			cell := sheet.Cell(c.Key, sheet.HeaderRow)
			w.set(f.SetCellStyle(name, cell, cell, w.st.headerRequired))
		}
	}
	headerLines := 1
	for _, c := range sheet.Columns {
		headerLines = max(headerLines, sheet.TextLines(w.header(c), c.Width, bodyPt))
	}
	w.set(f.SetRowHeight(name, sheet.HeaderRow, sheet.RowPoints(headerLines, bodyPt)))

	var rowMap [][]any
	var checksums []string
	var prevAnc []*shinchoku.Node
	n := sheet.FirstRow
	var blocks [][2]int // first and last row of each project with the headings above it
	for i := 0; i < len(rows); {
		r := rows[i]
		blockStart := n
		// Heading rows for every level that changed since the last row. A
		// node with children (a goal's 数値目標) is its rows' own heading, so
		// that they sit under it and not under the previous goal's last
		// measure.
		headings := r.Ancestors
		if len(r.Node.Children) > 0 {
			headings = append(headings[:len(headings):len(headings)], r.Node)
		}
		for d, a := range headings {
			if d < len(prevAnc) && prevAnc[d] == a {
				continue
			}
			from, to := span(n)
			w.set(f.SetCellValue(name, from, a.Level+"　"+a.Code+"　"+a.Title))
			w.set(f.MergeCell(name, from, to))
			w.set(f.SetCellStyle(name, from, to, w.st.heading))
			n++
		}
		prevAnc = headings
		// The node's rows: one per indicator, narrative merged over them.
		j := i
		for j < len(rows) && rows[j].Node == r.Node {
			j++
		}
		first := n
		heights := make([]float64, 0, j-i)
		for _, row := range rows[i:j] {
			ck, h := w.dataRow(row, n)
			heights = append(heights, h)
			checksums = append(checksums, ck)
			rowMap = append(rowMap, []any{n, row.Node.ID, row.IndicatorID(), ck})
			sum.Rows = append(sum.Rows, n)
			if row.Indicator != nil {
				sum.Indicators++
			}
			n++
		}
		w.narrative(r.Node, first, n-1, heights)
		blocks = append(blocks, [2]int{blockStart, n - 1})
		sum.Projects++
		i = j
	}
	lastRow := n - 1
	w.pageBreaks(blocks)
	w.validations(lastRow)
	w.set(f.SetPanes(name, &excelize.Panes{
		Freeze: true, XSplit: sheet.Index(sheet.IndicatorName), YSplit: sheet.HeaderRow,
		TopLeftCell: sheet.Cell(sheet.Unit, sheet.FirstRow), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: sheet.Cell(sheet.Actual, sheet.FirstRow), ActiveCell: sheet.Cell(sheet.Actual, sheet.FirstRow), Pane: "bottomRight"}},
	}))
	w.printSetup(name, fmt.Sprintf("'%s'!$%d:$%d", name, sheet.TitleRow, sheet.HeaderRow), "landscape", inputScale)
	// The reference columns after 備考 (番号, years, IDs) are for the screen, not for paper.
	w.set(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: name,
		RefersTo: fmt.Sprintf("'%s'!$A$%d:$%s$%d", name, sheet.TitleRow, sheet.Letter(sheet.LastPrinted), max(lastRow, sheet.HeaderRow))}))
	w.protect(name)
	return rowMap, checksums
}

// dataRow writes one indicator (or narrative-only) row and returns the
// checksum of its locked cells and the height its titles need.
func (w *writer) dataRow(r sheet.Row, n int) (string, float64) {
	f, name := w.f, sheet.InputSheet
	var last *shinchoku.RecordedActual
	if r.Indicator != nil {
		if a, ok := w.opts.History.Actuals[r.Indicator.ID]; ok {
			last = &a
		}
	}
	values := sheet.ReadOnly(w.opts.Plan, r, w.opts.Period, last)
	texts := make([]string, len(values))
	decimals := decimalsOf(r.Indicator, last)
	for i, key := range sheet.ReadOnlyColumns() {
		texts[i] = sheet.CellText(values[i])
		cell := sheet.Cell(key, n)
		if values[i] != "" {
			w.set(f.SetCellValue(name, cell, values[i]))
		}
		style := w.st.locked
		if _, isNum := values[i].(float64); isNum {
			style = w.st.lockedNum[decimals]
		}
		w.set(f.SetCellStyle(name, cell, cell, style))
	}
	for _, c := range sheet.Columns {
		if !c.Input || c.PerNode {
			continue
		}
		cell := sheet.Cell(c.Key, n)
		switch {
		case r.Indicator == nil:
			// Nothing to measure: the indicator columns stay locked.
			w.set(f.SetCellStyle(name, cell, cell, w.st.unused))
		case c.Kind == sheet.Number:
			w.set(f.SetCellStyle(name, cell, cell, w.st.inputNum[decimals]))
		default:
			w.set(f.SetCellStyle(name, cell, cell, w.st.input))
		}
	}
	return sheet.Checksum(texts), rowHeight(r)
}

// narrative writes a node's narrative cells, merged over its rows and
// carried over from the last accepted submission, and sets the heights of
// the rows: together tall enough for the longer of the carried-over text
// and reservedChars characters in every narrative column, each at least as
// tall as its own titles need (heights). Excel grows no merged cell for
// the text typed into it, so the room is made here.
func (w *writer) narrative(node *shinchoku.Node, first, last int, heights []float64) {
	f, name := w.f, sheet.InputSheet
	prev := w.opts.History.Narratives[w.dept][node.ID]
	values := map[string]string{
		sheet.Progress: prev.Progress, sheet.Analysis: prev.Analysis,
		sheet.Outlook: prev.Outlook, sheet.SelfEval: prev.SelfEvaluation,
	}
	for _, c := range sheet.Columns {
		if !c.PerNode {
			continue
		}
		top, bottom := sheet.Cell(c.Key, first), sheet.Cell(c.Key, last)
		if v := values[c.Key]; v != "" {
			w.set(f.SetCellValue(name, top, v))
		}
		if last > first {
			w.set(f.MergeCell(name, top, bottom))
		}
		w.set(f.SetCellStyle(name, top, bottom, w.st.input))
	}
	need := 0.0
	for _, c := range sheet.Columns {
		if c.Kind != sheet.LongText {
			continue
		}
		text := values[c.Key]
		if n := len([]rune(text)); n < reservedChars {
			text += strings.Repeat("国", reservedChars-n)
		}
		need = max(need, sheet.TextPoints(sheet.TextLines(text, c.Width, bodyPt), bodyPt))
	}
	total := 0.0
	for _, h := range heights {
		total += h
	}
	extra := max(0, need-total) / float64(len(heights))
	for i, h := range heights {
		// Excel's tallest row is 409 points: a narrative longer than the
		// rows can hold at that height shows on screen (and is read) but
		// prints cut.
		w.set(f.SetRowHeight(name, first+i, min(sheet.MaxRowPoints, math.Ceil(h+extra))))
	}
}

// pageBreaks keeps each project on one printed page with the headings
// above it: a page break goes before a project that would not fit in what
// is left of the page. The row heights are the ones set here, so Excel and
// LibreOffice break the pages alike. A project taller than a page is
// broken by the application.
func (w *writer) pageBreaks(blocks [][2]int) {
	f, name := w.f, sheet.InputSheet
	height := func(from, to int) float64 {
		h := 0.0
		for r := from; r <= to; r++ {
			rh, err := f.GetRowHeight(name, r)
			w.set(err)
			h += rh
		}
		return h
	}
	// The page's height in points of the sheet at the print scale, less
	// the title rows repeated at the top of every page.
	page := (210/25.4-2*marginTop)*72/(inputScale/100.0) - height(sheet.TitleRow, sheet.HeaderRow)
	used := 0.0
	for _, b := range blocks {
		h := height(b[0], b[1])
		if used > 0 && used+h > page {
			w.set(f.InsertPageBreak(name, "A"+strconv.Itoa(b[0])))
			used = 0
		}
		used += h
		for used > page {
			used -= page // a project taller than a page runs on
		}
	}
}

// header is the header text of a column on this month's sheet: the period's
// year in the value columns, and 「（必須）」 on the narratives that must be
// filled in.
func (w *writer) header(c sheet.Column) string {
	fy := w.opts.Period.FiscalYear()
	switch c.Key {
	case sheet.Expected:
		return shinchoku.WarekiYear(fy) + "年度の期待値"
	case sheet.Actual:
		return shinchoku.WarekiYear(fy) + "年度の実績値"
	}
	if w.opts.required(c.Key) {
		return c.Header + "（必須）"
	}
	return c.Header
}

// validations restricts every input column to what ingest accepts, with
// Japanese messages that say what to type.
func (w *writer) validations(lastRow int) {
	if lastRow < sheet.FirstRow {
		return
	}
	for _, c := range sheet.Columns {
		if !c.Input {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s%d:%s%d", sheet.Letter(c.Key), sheet.FirstRow, sheet.Letter(c.Key), lastRow))
		switch {
		case c.Kind == sheet.Number:
			w.set(dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
			dv.SetInput(c.Header, "数値だけを入力します（単位・カンマ不要、マイナスは -5）。未判明なら空欄にして状態を「調査中」に。")
			dv.SetError(excelize.DataValidationErrorStyleStop, "数値を入力してください",
				"実績値には数値だけを入力してください。「人」「％」などの単位や「△」は不要です。マイナスは -5 のように入力します。")
		case c.Kind == sheet.List:
			w.set(dv.SetDropList(c.List))
			dv.SetError(excelize.DataValidationErrorStyleStop, "一覧から選んでください",
				c.Header+"は次のいずれかを選んでください: "+strings.Join(c.List, "、"))
		default:
			w.set(dv.SetRange(0, c.MaxLen, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween))
			dv.SetError(excelize.DataValidationErrorStyleStop, "文字数が多すぎます",
				fmt.Sprintf("%sは%d文字以内で入力してください。", c.Header, c.MaxLen))
		}
		w.set(w.f.AddDataValidation(sheet.InputSheet, dv))
	}
}

// printSetup makes a sheet print on A4 at a fixed scale (never "fit to
// page", whose scale would depend on the data), with the department and
// period in the header and page numbers in the footer.
func (w *writer) printSetup(name, titles, orient string, scale uint) {
	size := 9
	w.set(w.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &scale}))
	fit := false
	w.set(w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	w.set(w.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: ptr(marginSide), Right: ptr(marginSide), Top: ptr(marginTop), Bottom: ptr(marginTop), Header: ptr(0.3), Footer: ptr(0.3),
	}))
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	w.set(w.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + esc(w.dept) + "&R" + esc(w.opts.Period.Label()),
		OddFooter: "&C- &P -",
	}))
	if titles != "" {
		w.set(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: name}))
	}
}

func (w *writer) protect(name string) {
	w.set(w.f.ProtectSheet(name, &excelize.SheetProtectionOptions{
		Password: w.opts.Password, SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true,
	}))
}

// meta writes the very hidden identity sheet that ingest relies on.
func (w *writer) meta(rowMap [][]any, checksums []string) {
	f, name := w.f, sheet.MetaSheet
	identity := map[string]string{
		sheet.MetaFormat:     strconv.Itoa(sheet.FormatVersion),
		sheet.MetaPlanID:     w.opts.Plan.ID,
		sheet.MetaPlanHash:   w.hash,
		sheet.MetaPeriod:     w.opts.Period.String(),
		sheet.MetaDepartment: w.dept,
	}
	mapRows := make([]sheet.MapRow, len(rowMap))
	for i, r := range rowMap {
		mapRows[i] = sheet.MapRow{Row: r[0].(int), NodeID: r[1].(string), IndicatorID: r[2].(string), Locked: checksums[i]}
	}
	values := map[string]any{
		sheet.MetaFormat:     sheet.FormatVersion,
		sheet.MetaPlanID:     w.opts.Plan.ID,
		sheet.MetaPlanHash:   w.hash,
		sheet.MetaPeriod:     w.opts.Period.String(),
		sheet.MetaDepartment: w.dept,
		sheet.MetaCreated:    w.opts.Period.End().Format("2006-01-02"),
		sheet.MetaChecksum:   sheet.Seal(identity, mapRows),
	}
	for i, k := range sheet.MetaKeys {
		w.set(f.SetSheetRow(name, "A"+strconv.Itoa(i+1), &[]any{k, values[k]}))
	}
	start, _ := excelize.CoordinatesToCellName(sheet.RowMapColumn, 1)
	header := make([]any, len(sheet.RowMapHeaders))
	for i, h := range sheet.RowMapHeaders {
		header[i] = h
	}
	w.set(f.SetSheetRow(name, start, &header))
	for i, r := range rowMap {
		cell, _ := excelize.CoordinatesToCellName(sheet.RowMapColumn, i+2)
		w.set(f.SetSheetRow(name, cell, &r))
	}
	w.set(f.SetSheetVisible(name, false, true))
	w.protect(name)
}

// noteLine says, above the table, what to enter for this period and
// which fields are required.
func (w *writer) noteLine() string {
	o := w.opts
	fy := shinchoku.WarekiYear(o.Period.FiscalYear())
	var req []string
	for _, c := range sheet.Columns {
		if o.required(c.Key) {
			req = append(req, c.Header)
		}
	}
	s := fmt.Sprintf("黄色のセルに入力してください。実績値は%s年度の値（%sで分かっているもの。累計の指標は累計）、"+
		"まだ分からなければ状態を「調査中」にして公表予定時期を入力します。期待値は%s年度末に計画どおりなら達する値です。", fy, o.Period.Label(), fy)
	if len(req) > 0 {
		s += "（必須）の欄（" + strings.Join(req, "・") + "）は事業ごとに必ず入力してください。"
	}
	s += "行・列の追加や削除、シート名の変更はしないでください。"
	if o.Deadline != "" {
		s += "　提出期限: " + o.Deadline
	}
	if o.Office != "" {
		s += "　提出先: " + o.Office
	}
	if o.Contact != "" {
		s += "（" + o.Contact + "）"
	}
	return s
}

func ptr[T any](v T) *T { return &v }
