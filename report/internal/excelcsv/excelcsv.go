// Package excelcsv writes CSV files meant to be opened in Excel: UTF-8 with a
// byte order mark (so that Excel reads Japanese text), CRLF line ends, and
// every cell that a spreadsheet would run as a formula made plain text.
// Every CSV that shinchoku writes goes through it.
package excelcsv

import (
	"encoding/csv"
	"io"
)

// Writer writes records as Excel-safe CSV.
type Writer struct {
	w     io.Writer
	cw    *csv.Writer
	bom   bool
	cells []string
}

// NewWriter returns a writer to w; the byte order mark is written with the
// first record.
func NewWriter(w io.Writer) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &Writer{w: w, cw: cw}
}

// Write writes one record, each cell passed through Cell.
func (w *Writer) Write(record []string) error {
	if !w.bom {
		w.bom = true
		if _, err := io.WriteString(w.w, "\ufeff"); err != nil {
			return err
		}
	}
	w.cells = w.cells[:0]
	for _, c := range record {
		w.cells = append(w.cells, Cell(c))
	}
	return w.cw.Write(w.cells)
}

// Flush writes what is buffered and reports any error of the writes.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}

// Cell makes text safe to open in a spreadsheet, following OWASP's rule for
// CSV injection: a cell starting with = + - @, TAB or CR is read by Excel,
// LibreOffice and Google Sheets as a formula (=HYPERLINK(…), =cmd|…), so it
// gets a leading apostrophe, which the spreadsheet takes as "this is text".
// A plain number (-12.5, +3, 1e-05) is left as it is: it cannot be a formula,
// and a negative value must stay a number for the tools that read the file.
func Cell(s string) string {
	if s == "" || isNumber(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// isNumber reports whether s is a decimal number as a spreadsheet reads it:
// an optional sign, digits with at most one point, an optional exponent.
// (strconv.ParseFloat would also take "-Inf" and "0x1p3", which Excel reads as
// formulas or text.)
func isNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, point := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			goto exponent
		}
	}
exponent:
	if digits == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != 'e' && s[i] != 'E' {
		return false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > start && i == len(s)
}
