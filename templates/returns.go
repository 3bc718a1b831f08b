package templates

import (
	"bytes"
	"fmt"
	"strconv"

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

// ReturnName is the file name of a 差し戻し workbook for a submitted file.
func ReturnName(file string) string {
	return "差し戻し_" + file
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
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
			id, err = f.NewStyle(st)
			if err != nil {
				return nil, err
			}
			fills[[2]int{orig, sev}] = id
		}
		w.set(f.SetCellStyle(fd.Sheet, fd.Cell, fd.Cell, id))
		if comments < maxComments {
			// excelize looks through every comment shape to add one: the
			// cost grows with the square of their number.
			comments++
			w.set(f.AddComment(fd.Sheet, excelize.Comment{Cell: fd.Cell, Author: "shinchoku", Text: fd.Severity.Label() + ": " + fd.Message}))
		}
	}
	w.findingList(findings)
	if w.err != nil {
		f.Close()
		return nil, w.err
	}
	return f, nil
}

// findingList writes the 指摘一覧 sheet, places it first and opens the
// workbook on it.
func (w *writer) findingList(findings shinchoku.Findings) {
	f := w.f
	_, err := f.NewSheet(ReturnSheet)
	w.set(err)
	w.set(f.MoveSheet(ReturnSheet, f.GetSheetName(0)))
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: Font, Bold: true, Size: 11},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}}})
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
	w.set(f.SetCellValue(ReturnSheet, "A1", fmt.Sprintf("差し戻し: エラー %d件（修正が必要）、警告 %d件（確認してください）。セルの位置をクリックすると該当のセルに移動します。修正したらこのファイルを保存して再提出してください。", errs, warns)))
	w.set(f.MergeCell(ReturnSheet, "A1", "F1"))
	w.set(f.SetCellStyle(ReturnSheet, "A1", "F1", text))
	w.set(f.SetRowHeight(ReturnSheet, 1, 48))
	header := []any{"No.", "重要度", "シート", "セル", "入力値", "内容（どう直すか）"}
	w.set(f.SetSheetRow(ReturnSheet, "A3", &header))
	w.set(f.SetCellStyle(ReturnSheet, "A3", "F3", bold))
	for i, fd := range findings {
		n := strconv.Itoa(i + 4)
		row := []any{i + 1, fd.Severity.Label(), fd.Sheet, fd.Cell, fd.Value, fd.Message}
		w.set(f.SetSheetRow(ReturnSheet, "A"+n, &row))
		w.set(f.SetCellStyle(ReturnSheet, "A"+n, "F"+n, text))
		if fd.Sheet != "" && fd.Cell != "" && fd.Sheet != sheet.MetaSheet {
			w.set(f.SetCellHyperLink(ReturnSheet, "D"+n, fmt.Sprintf("'%s'!%s", fd.Sheet, fd.Cell), "Location"))
			w.set(f.SetCellStyle(ReturnSheet, "D"+n, "D"+n, link))
		}
		w.set(f.SetRowHeight(ReturnSheet, i+4, float64(linesIn(fd.Message, 70))*14+4))
	}
	for i, width := range []float64{5, 8, 10, 8, 16, 72} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.set(f.SetColWidth(ReturnSheet, col, col, width))
	}
	// Printed on A4 landscape, one page wide, like the 入力 sheet.
	size, orient, wide, tall, fit := 9, "landscape", 1, 0, true
	w.set(f.SetPageLayout(ReturnSheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}))
	w.set(f.SetSheetProps(ReturnSheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	idx, _ := f.GetSheetIndex(ReturnSheet)
	f.SetActiveSheet(idx)
}
