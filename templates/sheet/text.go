package sheet

import (
	"math"
	"strings"

	"golang.org/x/text/width"
)

// Text metrics for sizing rows, shared by the department templates
// (templates/form) and the consolidated workbook (report/internal/workbook): neither
// Excel nor LibreOffice grows a row for wrapped text written by a library,
// so both compute the height of every row with more than one line.

// MaxRowPoints is the tallest row Excel allows; excelize refuses to write a
// taller one, and the whole file with it. A text longer than a row of this
// height shows stays in its cell, wrapped: it is read on screen and in the
// cell's edit box.
const MaxRowPoints = 409

// ColumnPixels is the on-screen and printed width of a column of width w
// (in characters of the default font, whose digit is 7 pixels wide), as
// Excel and LibreOffice lay it out: the characters plus 5 pixels of padding,
// in whole pixels as Excel rounds them.
func ColumnPixels(w float64) float64 { return math.Trunc(w*7 + 5) }

// cellPadding is the pixels of a cell's width that its text does not use.
const cellPadding = 6

// TextLines is the number of lines s takes in a wrapping cell of width w
// (characters) at pt points: full-width characters are 1 em wide, the
// others half; lines break at any character, which is what Japanese text
// needs (at most one line short for long Latin words).
func TextLines(s string, w, pt float64) int {
	em := pt * 96 / 72
	avail := ColumnPixels(w) - cellPadding
	lines := 0
	for seg := range strings.SplitSeq(s, "\n") {
		px, n := 0.0, 1
		for _, r := range seg {
			cw := em / 2
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
				cw = em
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

// TextPoints is the height n lines of pt-point text need (lines 1.35 em
// high, 4 points of padding): for text spread over several rows, which
// together may be taller than one row can be.
func TextPoints(n int, pt float64) float64 {
	return math.Ceil(float64(n)*pt*1.35 + 4)
}

// RowPoints is the height of a row of n lines of pt-point text: TextPoints,
// at most MaxRowPoints.
func RowPoints(n int, pt float64) float64 {
	return min(MaxRowPoints, TextPoints(n, pt))
}
