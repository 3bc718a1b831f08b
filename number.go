package shinchoku

import (
	"strconv"
	"strings"
)

// FormatNumber writes a number as Japanese official documents print it:
// thousands separators, no trailing zeros, and △ for negatives (△1,234.5).
func FormatNumber(f float64) string {
	neg := f < 0
	if neg {
		f = -f
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteString("△")
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// String writes the value with FormatNumber, or − when there is none.
func (v Value) String() string {
	if !v.Set {
		return "−"
	}
	return FormatNumber(v.Num)
}
