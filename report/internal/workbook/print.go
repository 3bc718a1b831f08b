package workbook

import (
	"fmt"
	"math"
	"strings"

	"github.com/shinchoku/shinchoku/templates/sheet"
	"github.com/xuri/excelize/v2"
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
	titlePt       = 14
	minPrintedPt  = 9
	minScale      = 90 // percent: bodyFontPt × minScale / 100 = minPrintedPt
	pixelsPerInch = 96
	widthSlack    = 0.95 // share of the printable width a one-page-wide sheet may fill
)

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
		total += sheet.ColumnPixels(w)
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
func (w *writer) printSetup(name string, widths []float64, titleRows string, titleCols int) (oneWide bool) {
	size, orient := paperA4, "landscape"
	opts := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient}
	scale := 100
	oneWide = true
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
	return oneWide
}

// rowPoints is the height of a row whose tallest cell has n lines of body
// text; 0 (the default height) for one line. Neither Excel nor LibreOffice
// grows a row for wrapped text written by a library.
func rowPoints(n int) float64 {
	if n <= 1 {
		return 0
	}
	return sheet.RowPoints(n, bodyFontPt)
}

// textLines is the number of lines s takes in a wrapping cell of width w
// (characters) in the body font.
func textLines(s string, w float64) int { return sheet.TextLines(s, w, bodyFontPt) }
