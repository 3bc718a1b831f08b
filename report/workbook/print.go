package workbook

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Printing. Every sheet prints on A4 landscape at a fixed scale, so that
// the 10 pt text of the cells comes out at 9 pt or more: a sheet whose
// columns fit one page width at 90 % or more is scaled to fit it; a wider
// one (KPI一覧, 数値目標, 推移) prints at 100 % over several pages across,
// each page repeating the header row and the naming columns, page by page
// across before down, so that the pages of the same rows lie side by side.

// Page geometry in inches, set on every sheet.
const (
	paperA4       = 9 // OOXML paper size code
	pageWidthIn   = 297 / 25.4
	pageHeightIn  = 210 / 25.4
	marginSideIn  = 0.5
	marginTopIn   = 0.75
	marginHeadIn  = 0.3
	bodyFontPt    = 10
	minPrintedPt  = 9
	minScale      = 90 // percent: bodyFontPt × minScale / 100 = minPrintedPt
	pixelsPerInch = 96
	widthSlack    = 0.95 // share of the printable width a one-page-wide sheet may fill
)

// columnPixels is the on-screen and printed width of a column of width w
// (in characters of the default font, whose digit is 7 pixels wide), as
// Excel and LibreOffice lay it out: the characters plus 5 pixels of padding.
func columnPixels(w float64) float64 {
	return math.Trunc(w*7 + 5) // whole pixels, as Excel rounds them
}

// printableWidth is the width inside the side margins, in pixels at 100 %.
func printableWidth() float64 {
	return (pageWidthIn - 2*marginSideIn) * pixelsPerInch
}

// printableHeight is the height inside the top and bottom margins, in
// pixels at 100 %.
func printableHeight() float64 {
	return (pageHeightIn - 2*marginTopIn) * pixelsPerInch
}

// PrintScale is the scale (percent) a sheet of these column widths prints
// at, and whether it fits one page across at that scale.
func PrintScale(widths []float64) (scale int, oneWide bool) {
	total := 0.0
	for _, w := range widths {
		total += columnPixels(w)
	}
	// 5 % of the width is left free: applications round column widths
	// their own way (LibreOffice lays them out a little wider than Excel).
	fit := int(math.Floor(printableWidth() * widthSlack * 100 / total))
	switch {
	case fit >= 100:
		return 100, true
	case fit >= minScale:
		return fit, true
	}
	return 100, false
}

// layout is how a table sheet is viewed and printed.
type layout struct {
	freezeCols int // columns kept in view when scrolling across (and repeated on printed pages across)
	filter     bool
}

// printSetup sets the page of a sheet: A4 landscape at the scale its columns
// need, margins, the header and footer, and the rows (and, for sheets wider
// than a page, the columns) repeated on every printed page.
func (w *writer) printSetup(name string, widths []float64, titleRows string, titleCols int) {
	size, orient := paperA4, "landscape"
	opts := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient}
	scale, oneWide := 100, true
	if widths != nil {
		scale, oneWide = PrintScale(widths)
	}
	adjust := uint(scale)
	opts.AdjustTo = &adjust
	if !oneWide {
		order := "overThenDown"
		opts.PageOrder = &order
	}
	w.set(w.f.SetPageLayout(name, opts))
	w.set(w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(false)}))
	side, top, head := marginSideIn, marginTopIn, marginHeadIn
	w.set(w.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &head, Footer: &head}))
	w.set(w.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + strings.ReplaceAll(w.pr.Plan.Title, "&", "&&") + "&R" + w.pr.Period.Label(),
		OddFooter: "&C- &P -",
	}))
	var refs []string
	quoted := "'" + strings.ReplaceAll(name, "'", "''") + "'"
	if titleCols > 0 && !oneWide {
		last, _ := excelize.ColumnNumberToName(titleCols)
		refs = append(refs, fmt.Sprintf("%s!$A:$%s", quoted, last))
	}
	if titleRows != "" {
		refs = append(refs, quoted+"!"+titleRows)
	}
	if len(refs) > 0 {
		w.set(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: strings.Join(refs, ","), Scope: name}))
	}
}

// Text metrics of the body font (BIZ UDゴシック 10 pt) for sizing rows:
// full-width characters are 1 em wide, the others half of that; a line is
// 1.35 em high. Neither Excel nor LibreOffice grows a row for wrapped text
// written by a library, so every row with more than one line of text is
// given its height here.
const (
	emPixels    = bodyFontPt * pixelsPerInch / 72.0
	linePoints  = bodyFontPt * 1.35
	cellPadding = 6 // pixels of a cell's width that text does not use
	rowPadding  = 4 // points above and below the lines of a row
)

// textLines is the number of lines s takes in a wrapping cell of width w
// (characters). Lines break at any character: the count is what a
// Japanese text needs, and at most one line short for long Latin words.
func textLines(s string, w float64) int {
	avail := columnPixels(w) - cellPadding
	lines := 0
	for seg := range strings.SplitSeq(s, "\n") {
		px := 0.0
		n := 1
		for _, r := range seg {
			cw := emPixels / 2
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
				cw = emPixels
			}
			if px+cw > avail && px > 0 {
				n++
				px = 0
			}
			px += cw
		}
		lines += n
	}
	return max(lines, 1)
}

// rowPoints is the height of a row whose tallest cell has n lines; 0 (the
// default height) for one line.
func rowPoints(n int) float64 {
	if n <= 1 {
		return 0
	}
	return math.Ceil(float64(n)*linePoints + rowPadding)
}
