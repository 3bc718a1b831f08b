package shinchoku

import "testing"

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{46, "46"},
		{1200, "1,200"},
		{252943, "252,943"},
		{1234567.5, "1,234,567.5"},
		{-5, "△5"},
		{-1234, "△1,234"},
		{45.9, "45.9"},
		{0.125, "0.125"},
		{100, "100"},
		{999, "999"},
	} {
		if got := FormatNumber(tc.in); got != tc.want {
			t.Errorf("FormatNumber(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if got := (Value{}).String(); got != "−" {
		t.Errorf("absent value prints %q, want −", got)
	}
}

func TestGradeFor(t *testing.T) {
	for _, tc := range []struct {
		rate float64
		want Grade
	}{
		{150, GradeA}, {100, GradeA}, {99.9, GradeBPlus}, {80, GradeBPlus},
		{79.99, GradeB}, {50, GradeB}, {49.9, GradeC}, {-20, GradeC},
	} {
		if got := GradeFor(tc.rate, DefaultGradeBands); got != tc.want {
			t.Errorf("GradeFor(%v) = %s, want %s", tc.rate, got, tc.want)
		}
	}
}
