package form

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// ReturnSheet is the sheet of a 差し戻し workbook that lists the findings.
const ReturnSheet = "指摘一覧"

const (
	errorFill   = "FFC7CE" // red: must be fixed
	warningFill = "FFEB9C" // amber: please check
)

// maxComments is how many problem cells get a comment; every one is
// coloured and listed with a link in the 指摘一覧 sheet.
const maxComments = 500

// returnPrefix starts the file name of every 差し戻し workbook.
const returnPrefix = "差し戻し_"

// ReturnName is the file name of a 差し戻し workbook for a submitted file.
func ReturnName(file string) string {
	return returnPrefix + file
}

// IsReturnName says whether a file name is one ReturnName gives.
func IsReturnName(name string) bool {
	return strings.HasPrefix(name, returnPrefix) && len(name) > len(returnPrefix)
}

// Return builds the 差し戻し workbook for a submission: a copy of it with each
// problem cell highlighted and commented, and a first sheet listing every
// finding with a link to its cell. The department fixes the copy and sends
// it again; it is still a valid template.
func Return(data []byte, findings shinchoku.Findings) (_ *excelize.File, err error) {
	// The reader refuses what excelize is known to fail on (other
	// encodings, oversized parts), so that such a file gets no 差し戻し
	// copy; should excelize still panic on some other input, the department
	// gets its findings without the copy, and the month goes on.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("copy the workbook: %v", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	w := &writer{f: f}
	fills := map[[2]int]int{} // original style, severity → highlighted style
	comments := 0
	for _, fd := range findings {
		if fd.Sheet == "" || fd.Cell == "" || fd.Sheet == sheet.MetaSheet {
			continue
		}
		orig, err := f.GetCellStyle(fd.Sheet, fd.Cell)
		if err != nil {
			continue // the sheet is gone: the finding list still names it
		}
		sev := 0
		color := errorFill
		if fd.Severity == shinchoku.SeverityWarning {
			sev, color = 1, warningFill
		}
		id, ok := fills[[2]int{orig, sev}]
		if !ok {
			st, err := f.GetStyle(orig)
			if err != nil {
				return nil, err
			}
			plainColors(st)
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
			id, err = f.NewStyle(st)
			if err != nil {
				return nil, err
			}
			fills[[2]int{orig, sev}] = id
		}
		w.set(f.SetCellStyle(fd.Sheet, fd.Cell, fd.Cell, id))
		comment := fd.Severity.Label() + ": " + fd.Message
		if fd.Want != "" {
			// A locked cell that was overwritten: the sheet is protected, so
			// the copy puts the original back itself.
			w.set(restore(f, fd.Sheet, fd.Cell, fd.Want))
			comment = "元の値に戻しました（書き換えられていた値: " + fd.Value + "）"
		}
		if comments < maxComments {
			// excelize looks through every comment shape to add one: the
			// cost grows with the square of their number.
			comments++
			w.set(f.AddComment(fd.Sheet, excelize.Comment{Cell: fd.Cell, Author: "shinchoku", Text: comment}))
		}
	}
	w.findingList(findings)
	if w.err != nil {
		f.Close()
		return nil, w.err
	}
	return f, nil
}

// plainColors drops the alpha byte of the colours of a style read back
// from the workbook. A file saved by openpyxl has eight-digit colours
// (00000000); excelize returns them as they are and, on writing the new
// style, puts FF before them: ten digits, which openpyxl then refuses to
// open. Six digits are what NewStyle expects.
func plainColors(st *excelize.Style) {
	plain := func(c string) string {
		if len(c) == 8 {
			return c[2:]
		}
		return c
	}
	if st.Font != nil {
		st.Font.Color = plain(st.Font.Color)
	}
	for i := range st.Border {
		st.Border[i].Color = plain(st.Border[i].Color)
	}
}

// restore writes a locked cell's original text back, as a number where
// the template wrote one.
func restore(f *excelize.File, sheetName, cell, text string) error {
	if v, err := strconv.ParseFloat(text, 64); err == nil {
		return f.SetCellFloat(sheetName, cell, v, -1, 64)
	}
	return f.SetCellStr(sheetName, cell, text)
}

// Columns of the 指摘一覧 sheet: what a department needs to find and fix
// each problem, with no IDs. Widths are sized to print one page across on
// A4 landscape at 100 %.
var returnColumns = []struct {
	header string
	width  float64
}{
	{"No.", 4}, {"重要度", 7}, {"事業名", 22}, {"指標名", 20}, {"セル", 7}, {"入力値", 12}, {"内容（どう直すか）", 56},
}

// findingList writes the 指摘一覧 sheet, places it first and opens the
// workbook on it: the department and period at the top, then a row per
// finding with the project and indicator of its row, the cell (a link to
// it), what was typed and what to do.
func (w *writer) findingList(findings shinchoku.Findings) {
	f := w.f
	dept, period := metaValue(f, sheet.MetaDepartment), metaValue(f, sheet.MetaPeriod)
	if p, err := shinchoku.ParsePeriod(period); err == nil {
		period = p.Label()
	}
	// Names kept per sheet (print areas and titles) are stored by sheet
	// position, which excelize does not update when a sheet moves: they
	// are taken off and put back by sheet name around the move, or the
	// 入力 sheet would print its reference and ID columns.
	var scoped []excelize.DefinedName
	for _, d := range f.GetDefinedName() {
		if d.Scope != "" && d.Scope != "Workbook" {
			scoped = append(scoped, d)
			w.set(f.DeleteDefinedName(&excelize.DefinedName{Name: d.Name, Scope: d.Scope}))
		}
	}
	_, err := f.NewSheet(ReturnSheet)
	w.set(err)
	w.set(f.MoveSheet(ReturnSheet, f.GetSheetName(0)))
	for _, d := range scoped {
		w.set(f.SetDefinedName(&excelize.DefinedName{Name: d.Name, RefersTo: d.RefersTo, Scope: d.Scope}))
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: Font, Bold: true, Size: 12}})
	w.set(err)
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: Font, Bold: true, Size: 10},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	w.set(err)
	text, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: Font, Size: 10},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	w.set(err)
	link, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: Font, Size: 10, Color: "0563C1", Underline: "single"},
		Alignment: &excelize.Alignment{Vertical: "top"}})
	w.set(err)
	errs, warns := 0, 0
	for _, fd := range findings {
		if fd.Severity == shinchoku.SeverityError {
			errs++
		} else {
			warns++
		}
	}
	last, _ := excelize.ColumnNumberToName(len(returnColumns))
	heading := "差し戻し"
	if dept != "" {
		heading += "　" + dept
	}
	if period != "" {
		heading += "　" + period + "の報告"
	}
	w.set(f.SetCellValue(ReturnSheet, "A1", heading))
	w.set(f.MergeCell(ReturnSheet, "A1", last+"1"))
	w.set(f.SetCellStyle(ReturnSheet, "A1", last+"1", title))
	w.set(f.SetCellValue(ReturnSheet, "A2", fmt.Sprintf("エラー %d件（直さないと受理できません）、警告 %d件（確認してください）。"+
		"セルの欄をクリックすると、入力シートの該当のセル（赤・黄色）に移動します。"+
		"このファイルの黄色のセルを直して保存し、そのまま提出してください。", errs, warns)))
	w.set(f.MergeCell(ReturnSheet, "A2", last+"2"))
	w.set(f.SetCellStyle(ReturnSheet, "A2", last+"2", text))
	w.set(f.SetRowHeight(ReturnSheet, 2, 32))
	header := make([]any, len(returnColumns))
	for i, c := range returnColumns {
		header[i] = c.header
	}
	w.set(f.SetSheetRow(ReturnSheet, "A4", &header))
	w.set(f.SetCellStyle(ReturnSheet, "A4", last+"4", bold))
	for i, fd := range findings {
		r := i + 5
		n := strconv.Itoa(r)
		project, indicator := rowNames(f, fd)
		row := []any{i + 1, fd.Severity.Label(), project, indicator, fd.Cell, fd.Value, fd.Message}
		w.set(f.SetSheetRow(ReturnSheet, "A"+n, &row))
		w.set(f.SetCellStyle(ReturnSheet, "A"+n, last+n, text))
		if fd.Sheet != "" && fd.Cell != "" && fd.Sheet != sheet.MetaSheet {
			w.set(f.SetCellHyperLink(ReturnSheet, "E"+n, fmt.Sprintf("'%s'!%s", fd.Sheet, fd.Cell), "Location"))
			w.set(f.SetCellStyle(ReturnSheet, "E"+n, "E"+n, link))
		}
		lines := 1
		for j, v := range []string{project, indicator, fd.Value, fd.Message} {
			lines = max(lines, sheet.TextLines(v, returnColumns[[]int{2, 3, 5, 6}[j]].width, bodyPt))
		}
		w.set(f.SetRowHeight(ReturnSheet, r, min(sheet.MaxRowPoints, float64(lines)*14+4)))
	}
	for i, c := range returnColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.set(f.SetColWidth(ReturnSheet, col, col, c.width))
	}
	w.set(f.SetPanes(ReturnSheet, &excelize.Panes{Freeze: true, YSplit: 4, TopLeftCell: "A5", ActivePane: "bottomLeft"}))
	// A4 landscape at 100 %: the columns fit one page across; the header
	// row repeats on every page.
	size, orient, scale := 9, "landscape", uint(100)
	w.set(f.SetPageLayout(ReturnSheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &scale}))
	w.set(f.SetSheetProps(ReturnSheet, &excelize.SheetPropsOptions{FitToPage: ptr(false)}))
	side, top, head := 0.5, 0.75, 0.3
	w.set(f.SetPageMargins(ReturnSheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &head, Footer: &head}))
	w.set(f.SetHeaderFooter(ReturnSheet, &excelize.HeaderFooterOptions{OddFooter: "&C- &P / &N -"}))
	w.set(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + ReturnSheet + "'!$4:$4", Scope: ReturnSheet}))
	idx, _ := f.GetSheetIndex(ReturnSheet)
	f.SetActiveSheet(idx)
}

// metaValue reads an identity value from the hidden sheet ("" if absent).
func metaValue(f *excelize.File, key string) string {
	for i, k := range sheet.MetaKeys {
		if k == key {
			v, _ := f.GetCellValue(sheet.MetaSheet, "B"+strconv.Itoa(i+1))
			return v
		}
	}
	return ""
}

// rowNames are the project and indicator named in the row of a finding's
// cell on the 入力 sheet, as the template wrote them there.
func rowNames(f *excelize.File, fd shinchoku.Finding) (project, indicator string) {
	if fd.Sheet != sheet.InputSheet || fd.Cell == "" {
		return "", ""
	}
	col, row, err := excelize.CellNameToCoordinates(fd.Cell)
	if err != nil || row < sheet.FirstRow {
		return "", ""
	}
	project, _ = f.GetCellValue(sheet.InputSheet, sheet.Cell(sheet.NodeTitle, row))
	if col >= 1 && col <= len(sheet.Columns) && sheet.Columns[col-1].PerNode {
		return project, "" // a project's narrative: not about one indicator
	}
	indicator, _ = f.GetCellValue(sheet.InputSheet, sheet.Cell(sheet.IndicatorName, row))
	return project, indicator
}
