package form

import (
	"math"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// styles are the cell styles of a workbook, made once per file.
type styles struct {
	title, note, header, heading, locked, unused, input int
	lockedNum, inputNum                                 [3]int // by number of decimals
	guideTitle, guideHeading, guideText                 int
}

const (
	inputFill   = "FFF2CC" // pale yellow: type here
	headerFill  = "D9E1F2"
	headingFill = "EDEDED"
	unusedFill  = "D9D9D9"
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

// rowHeight fits a row to its wrapped titles: Excel does not grow rows for
// wrapped text written by a library.
func rowHeight(r sheet.Row) float64 {
	lines := linesIn(r.Node.Title, sheet.Columns[sheet.Index(sheet.NodeTitle)-1].Width)
	if r.Indicator != nil {
		lines = max(lines, linesIn(r.Indicator.Name, sheet.Columns[sheet.Index(sheet.IndicatorName)-1].Width))
	}
	return math.Max(18, float64(lines)*13.5+4)
}

// linesIn estimates how many lines text wraps to in a column of the given
// width, in Excel's character units (a full-width character of BIZ UDゴシック
// takes about 1.7 of them).
func linesIn(text string, colWidth float64) int {
	units := 0.0
	for _, r := range text {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			units += 1.7
		default:
			units++
		}
	}
	if utf8.RuneCountInString(text) == 0 {
		return 1
	}
	return max(1, int(math.Ceil(units/(colWidth-1))))
}
