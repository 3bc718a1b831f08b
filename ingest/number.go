package ingest

import (
	"errors"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/shinchoku/shinchoku"
)

// errNotNumber says a cell's text is not a number even after normalising.
var errNotNumber = errors.New("not a number")

// errTooPrecise says a number has more significant digits, or is larger,
// than a spreadsheet keeps exactly (fifteen digits): read as a double, it
// would be stored and graded as another number than the one typed.
var errTooPrecise = errors.New("more than 15 significant digits")

// noValue are the marks people type for "no value".
var noValue = map[string]bool{"-": true, "−": true, "－": true, "―": true, "‐": true, "—": true, "ー": true}

// ParseNumber reads a number as departments type it: full-width digits and
// signs, thousands commas, the unit typed after the number (1,234人, 45.9％),
// △ / ▲ / − (U+2212) as minus, spaces and line breaks around it. A dash alone
// means no value. unit is the indicator's unit; any other trailing text is an
// error. NFKC is applied to this numeric text only, never to names.
func ParseNumber(text, unit string) (shinchoku.Value, error) {
	s := strings.TrimFunc(text, unicode.IsSpace)
	if s == "" || noValue[s] {
		return shinchoku.Value{}, nil
	}
	s = norm.NFKC.String(s)
	s = strings.TrimFunc(s, unicode.IsSpace)
	neg := false
	for _, minus := range []string{"△", "▲", "−", "-"} {
		if rest, ok := strings.CutPrefix(s, minus); ok {
			neg, s = true, strings.TrimLeftFunc(rest, unicode.IsSpace)
			break
		}
	}
	if u := norm.NFKC.String(unit); u != "" {
		s = strings.TrimRightFunc(strings.TrimSuffix(s, u), unicode.IsSpace)
	}
	s = strings.TrimPrefix(s, "+")
	if s == "" || strings.HasPrefix(s, ",") || strings.HasSuffix(s, ",") || strings.Contains(s, ",,") {
		return shinchoku.Value{}, errNotNumber
	}
	s = strings.ReplaceAll(s, ",", "")
	// Only plain decimals: ParseFloat would also take "Inf", "0x1p3" and "1e5".
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			return shinchoku.Value{}, errNotNumber
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return shinchoku.Value{}, errNotNumber
	}
	if significant(s) > 15 || f >= 1e15 {
		return shinchoku.Value{}, errTooPrecise
	}
	if neg {
		f = -f
	}
	return shinchoku.Num(f), nil
}

// significant counts the significant digits of a plain decimal: without
// leading zeros, and without trailing zeros of an integer part.
func significant(s string) int {
	digits := strings.TrimLeft(strings.Replace(s, ".", "", 1), "0")
	if !strings.Contains(s, ".") {
		digits = strings.TrimRight(digits, "0")
	}
	return len(digits)
}
