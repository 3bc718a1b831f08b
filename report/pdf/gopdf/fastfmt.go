package gopdf

import (
	"bytes"
	"io"
	"math"
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
		b = appendFixed(b, n, prec)
		b = append(b, ' ')
	}
	return b
}

var pow10 = [...]float64{1, 10, 100, 1000, 1e4, 1e5, 1e6}

// appendFixed appends n with prec decimals, the bytes of
// strconv.AppendFloat(b, n, 'f', prec, 64), which is slow for this
// (shortest-digit machinery). n scaled by 10^prec is off by at most about
// 0.1 from its exact value below 1e15, so when it is within 0.25 of an
// integer that integer is the correctly rounded result; otherwise (a near
// tie, a large number, NaN, ±Inf) strconv decides.
func appendFixed(b []byte, n float64, prec int) []byte {
	if prec >= 0 && prec < len(pow10) {
		m := math.Abs(n) * pow10[prec]
		r := math.Round(m)
		if m < 1e15 && math.Abs(m-r) < 0.25 {
			if math.Signbit(n) {
				b = append(b, '-')
			}
			k, p := uint64(r), uint64(pow10[prec])
			b = strconv.AppendUint(b, k/p, 10)
			if prec > 0 {
				b = append(b, '.')
				start := len(b)
				for i := 0; i < prec; i++ {
					b = append(b, '0')
				}
				for i, frac := len(b)-1, k%p; i >= start; i, frac = i-1, frac/10 {
					b[i] = byte('0' + frac%10)
				}
			}
			return b
		}
	}
	return strconv.AppendFloat(b, n, 'f', prec, 64)
}

// appendFloatTrim appends FormatFloatTrim(v), without strconv's shortest
// formatting when v is a whole number small enough (below 2^43) for
// FormatFloatTrim's rounding, 1000·v/1000, to give v back exactly.
func appendFloatTrim(b []byte, v float64) []byte {
	if v == math.Trunc(v) && math.Abs(v) < 1<<43 && !(v == 0 && math.Signbit(v)) {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return append(b, FormatFloatTrim(v)...)
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

// scratch is an empty slice with room for n bytes to append a writer's
// next bytes to: the free space of a bytes.Buffer (a page's stream), so
// that the bytes are not made twice. Take a new one after every write.
func scratch(w io.Writer, n int) []byte {
	if buf, ok := w.(*bytes.Buffer); ok {
		buf.Grow(n)
		return buf.AvailableBuffer()
	}
	return make([]byte, 0, n)
}

func writeBytes(w io.Writer, b []byte) error {
	_, err := w.Write(b)
	return err
}
