package gopdf

import (
	"math"
	"strconv"
	"testing"
)

// The fast number writers give strconv's bytes (shinchoku patch).
func TestAppendFixed(t *testing.T) {
	for _, n := range []float64{0, math.Copysign(0, -1), -0.001, 0.125, 0.375, 1.005, 2.675, 0.1, 56.69, 841.89,
		-12.345, 1e14 + 0.5, 1e15, 1e300, 90351544374525, 144156555105854, 1 << 43, 1<<43 - 1, math.Inf(1), math.Inf(-1), math.NaN(), 0.5, 1.5, 2.5, 999.995} {
		for prec := 0; prec <= 6; prec++ {
			if got, want := string(appendFixed(nil, n, prec)), strconv.FormatFloat(n, 'f', prec, 64); got != want {
				t.Errorf("appendFixed(%v, %d) = %s, want %s", n, prec, got, want)
			}
		}
		if got, want := string(appendFloatTrim(nil, n)), FormatFloatTrim(n); got != want {
			t.Errorf("appendFloatTrim(%v) = %s, want %s", n, got, want)
		}
	}
}

func FuzzAppendFixed(f *testing.F) {
	f.Add(0.125, 2)
	f.Add(-841.885, 3)
	f.Add(9.0, 0)
	f.Fuzz(func(t *testing.T, n float64, prec int) {
		prec = (prec%8 + 8) % 8
		if got, want := string(appendFixed(nil, n, prec)), strconv.FormatFloat(n, 'f', prec, 64); got != want {
			t.Fatalf("appendFixed(%v, %d) = %s, want %s", n, prec, got, want)
		}
		if got, want := string(appendFloatTrim(nil, n)), FormatFloatTrim(n); got != want {
			t.Fatalf("appendFloatTrim(%v) = %s, want %s", n, got, want)
		}
	})
}
