package gopdf

import (
	"io"
	"strconv"
	"strings"
)

// shinchoku patch: the content-stream writers for text, rectangles, lines,
// line widths and colours used fmt for every operator, which was a quarter
// of the time of a long report. They append the same bytes with strconv.

// appendNums appends each number with prec decimals (as %.{prec}f), each
// followed by a space.
func appendNums(b []byte, prec int, nums ...float64) []byte {
	for _, n := range nums {
		b = strconv.AppendFloat(b, n, 'f', prec, 64)
		b = append(b, ' ')
	}
	return b
}

// appendGlyph appends a glyph index as four or more upper-case hex digits
// (as %04X).
func appendGlyph(b []byte, g uint) []byte {
	const digits = "0123456789ABCDEF"
	if g > 0xFFFF {
		return append(b, strings.ToUpper(strconv.FormatUint(uint64(g), 16))...)
	}
	return append(b, digits[g>>12&0xF], digits[g>>8&0xF], digits[g>>4&0xF], digits[g&0xF])
}

// appendGS appends the graphics-state operators of a drawing's
// transparency (as /GS%d gs).
func appendGS(b []byte, indexes []int) []byte {
	for _, i := range indexes {
		b = append(b, "/GS"...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, " gs\n"...)
	}
	return b
}

func writeBytes(w io.Writer, b []byte) error {
	_, err := w.Write(b)
	return err
}
