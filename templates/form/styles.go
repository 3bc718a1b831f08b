package form

import (
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// styles are the cell styles of a workbook, made once per file.
type styles struct {
	title, note, header, headerRequired, heading, locked, unused, input int
	lockedNum, inputNum                                                 [3]int // by number of decimals
	guideTitle, guideHeading, guideText                                 int
}

const (
	inputFill    = "FFF2CC" // pale yellow: type here
	requiredFill = "F8CBAD" // orange: a header of a column that must be filled in
	headerFill   = "D9E1F2"
	headingFill  = "EDEDED"
	unusedFill   = "D9D9D9"
)

func newStyles(f *excelize.File, set func(error)) styles {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: Font, Size: size, Bold: bold}
	}
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	unlocked := &excelize.Protection{Locked: false}
	locked := &excelize.Protection{Locked: true}
	mk := func(s excelize.Style) int {
		id, err := f.NewStyle(&s)
		set(err)
		return id
	}
	var st styles
	st.title = mk(excelize.Style{Font: font(14, true), Protection: locked})
	st.note = mk(excelize.Style{Font: font(10, false), Alignment: top, Protection: locked})
	st.header = mk(excelize.Style{Font: font(10, true), Fill: fill(headerFill), Border: border, Protection: locked,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	st.headerRequired = mk(excelize.Style{Font: font(10, true), Fill: fill(requiredFill), Border: border, Protection: locked,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	st.heading = mk(excelize.Style{Font: font(10, true), Fill: fill(headingFill), Border: border, Protection: locked,
		Alignment: &excelize.Alignment{Vertical: "center"}})
	st.locked = mk(excelize.Style{Font: font(10, false), Border: border, Alignment: top, Protection: locked})
	st.unused = mk(excelize.Style{Font: font(10, false), Border: border, Fill: fill(unusedFill), Protection: locked})
	st.input = mk(excelize.Style{Font: font(10, false), Border: border, Fill: fill(inputFill), Alignment: top, Protection: unlocked})
	for d := range st.lockedNum {
		format := shinchoku.ExcelNumberFormat(d)
		st.lockedNum[d] = mk(excelize.Style{Font: font(10, false), Border: border, Protection: locked,
			Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &format})
		st.inputNum[d] = mk(excelize.Style{Font: font(10, false), Border: border, Fill: fill(inputFill), Protection: unlocked,
			Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &format})
	}
	st.guideTitle = mk(excelize.Style{Font: font(16, true)})
	st.guideHeading = mk(excelize.Style{Font: font(11, true), Fill: fill(headerFill)})
	st.guideText = mk(excelize.Style{Font: font(10.5, false), Alignment: top})
	return st
}

// decimalsOf is how many decimals an indicator's numbers show.
func decimalsOf(ind *shinchoku.Indicator, last *shinchoku.RecordedActual) int {
	if ind == nil {
		return 0
	}
	if last != nil {
		return ind.Decimals(last.Value)
	}
	return ind.Decimals()
}

// Printing. The 入力 sheet prints on A4 landscape at inputScale, its
// printed columns (up to sheet.LastPrinted) one page across, so that the
// 10 pt text comes out at 9 pt; 記入要領 prints on one A4 portrait page at
// 100 %.
const (
	bodyPt        = 10   // font size of the cells
	inputScale    = 90   // percent
	marginSide    = 0.25 // inches
	marginTop     = 0.6  // inches
	pixelsPerInch = 96
	// reservedChars is the length of narrative every project's rows have
	// room for in print, whatever the department types (Excel does not
	// grow a merged cell for its text): longer text shows on screen and
	// is read, and prints cut unless the row is made taller.
	reservedChars = 200
)

// printedWidth is the width, in characters, of the printed columns taken
// as one (for the merged title and note rows).
func printedWidth() float64 {
	px := 0.0
	for _, c := range sheet.Columns[:sheet.Index(sheet.LastPrinted)] {
		px += sheet.ColumnPixels(c.Width)
	}
	return (px - 5) / 7
}

// rowHeight fits a row to its wrapped titles: Excel does not grow rows for
// wrapped text written by a library.
func rowHeight(r sheet.Row) float64 {
	lines := sheet.TextLines(r.Node.Title, sheet.Columns[sheet.Index(sheet.NodeTitle)-1].Width, bodyPt)
	if r.Indicator != nil {
		lines = max(lines, sheet.TextLines(r.Indicator.Name, sheet.Columns[sheet.Index(sheet.IndicatorName)-1].Width, bodyPt))
	}
	return math.Max(18, sheet.RowPoints(lines, bodyPt))
}
