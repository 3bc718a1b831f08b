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
	s := strconv.FormatFloat(RoundTo(f, MaxDecimals), 'f', -1, 64)
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

// Decimals is how many decimals the numbers of an indicator show: as many as
// its plan values use, at most two.
func (ind *Indicator) Decimals(extra ...Value) int {
	values := append([]Value{ind.Baseline.Value, ind.Target.Value}, extra...)
	for _, a := range ind.Actuals {
		values = append(values, a.Value)
	}
	d := 0
	for _, v := range values {
		if !v.Set {
			continue
		}
		s := strconv.FormatFloat(v.Num, 'f', -1, 64)
		if i := strings.IndexByte(s, '.'); i >= 0 {
			d = max(d, len(s)-i-1)
		}
	}
	return min(d, 2)
}

// ExcelNumberFormat is the spreadsheet number format official documents
// use: thousands separators, a fixed number of decimals, △ for negatives.
func ExcelNumberFormat(decimals int) string {
	n := "#,##0"
	if decimals > 0 {
		n += "." + strings.Repeat("0", decimals)
	}
	return n + `;"△"` + n
}

// MaxDecimals is the most decimals a value is printed with.
const MaxDecimals = 4

// DecimalsOf is how many decimals a value is printed with: its own, as
// typed (45.9 has one, 92 none), at most MaxDecimals. The workbook's number
// formats use it so that a cell shows what the report prints.
func DecimalsOf(v Value) int {
	if !v.Set {
		return 0
	}
	s := strconv.FormatFloat(RoundTo(v.Num, MaxDecimals), 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// Precision is how many decimals the indicator's expected values show: the
// plan's own (a count of 件 has none, a share typed 45.5 has one), so that
// every output prints the same figure.
func (ind *Indicator) Precision() int { return ind.Decimals() }

// FormatFixed writes a number like FormatNumber with a fixed number of
// decimals (140.0, △1,234.50).
func FormatFixed(f float64, decimals int) string {
	s := FormatNumber(RoundTo(f, decimals))
	if decimals <= 0 {
		return s
	}
	intPart, frac, _ := strings.Cut(s, ".")
	return intPart + "." + frac + strings.Repeat("0", decimals-len(frac))
}
