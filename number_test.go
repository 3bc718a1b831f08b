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
