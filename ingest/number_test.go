package ingest

import (
	"math"
	"strconv"
	"testing"
)

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		text, unit string
		want       string // shortest float text, "none" for no value, "error"
	}{
		{"123", "人", "123"},
		{"１２３", "人", "123"},
		{"1,234", "人", "1234"},
		{"１，２３４", "人", "1234"},
		{"1,234人", "人", "1234"},
		{"1,234 人", "人", "1234"},
		{"45.9％", "％", "45.9"},
		{"45.9%", "％", "45.9"},
		{"12.5%", "%", "12.5"},
		{"△5", "件", "-5"},
		{"▲1,200", "千円", "-1200"},
		{"−3", "人", "-3"},
		{"-3", "人", "-3"},
		{"－３", "人", "-3"},
		{"+7", "人", "7"},
		{"  42\n", "人", "42"},
		{"\u300042\u3000", "人", "42"},
		{"", "人", "none"},
		{"-", "人", "none"},
		{"−", "人", "none"},
		{"－", "人", "none"},
		{"―", "人", "none"},
		{"22,144千ｔ", "千ｔ", "22144"},
		{"0.125", "％", "0.125"},
		{"約100", "人", "error"},
		{"100件", "人", "error"},
		{"集計中", "人", "error"},
		{"1,2,,3", "人", "error"},
		{",123", "人", "error"},
		{"Inf", "人", "error"},
		{"1e5", "人", "error"},
		{"0x10", "人", "error"},
		{"△", "人", "error"},
		{"1.2.3", "人", "error"},
	} {
		got, err := ParseNumber(tc.text, tc.unit)
		var s string
		switch {
		case err != nil:
			s = "error"
		case !got.Set:
			s = "none"
		default:
			s = strconv.FormatFloat(got.Num, 'f', -1, 64)
		}
		if s != tc.want {
			t.Errorf("ParseNumber(%q, %q) = %s, want %s", tc.text, tc.unit, s, tc.want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1,234人", "△5", "４５．９％", "−", "1e5", " 12 "} {
		f.Add(s, "人")
	}
	f.Fuzz(func(t *testing.T, text, unit string) {
		v, err := ParseNumber(text, unit)
		if err != nil {
			return
		}
		if v.Set && (math.IsNaN(v.Num) || math.IsInf(v.Num, 0)) {
			t.Fatalf("ParseNumber(%q) = %v", text, v.Num)
		}
		// A number printed back the plain way parses to itself.
		if v.Set {
			back, err := ParseNumber(strconv.FormatFloat(v.Num, 'f', -1, 64), "")
			if err != nil || back != v {
				t.Fatalf("round trip of %v: %v, %v", v.Num, back, err)
			}
		}
	})
}
