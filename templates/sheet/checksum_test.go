package sheet

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"
)

// plainCanonical and plainChecksum are Canonical and Checksum written the
// obvious way; the real ones skip work, and must give the same text, since
// checksums written into departments' workbooks are compared on return.
func plainCanonical(text string) string {
	if f, err := strconv.ParseFloat(text, 64); err == nil && !strings.ContainsAny(text, "xXnN_") {
		return strconv.FormatFloat(f, 'g', 12, 64)
	}
	return text
}

func plainChecksum(texts []string) string {
	h := sha256.New()
	for _, t := range texts {
		h.Write([]byte(plainCanonical(t)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12", "12"},
		{"12.50", "12.5"},
		{"+3", "3"},
		{"-0.1", "-0.1"},
		{".5", "0.5"},
		{"1e3", "1000"},
		{"0.30000000000000004", "0.3"},
		{"inf", "inf"},
		{"-Infinity", "-Infinity"},
		{"NaN", "NaN"},
		{"0x10", "0x10"},
		{"1_000", "1_000"},
		{"1e999", "1e999"},
		{"１２", "１２"},
		{"若者の就職", "若者の就職"},
		{"", ""},
		{"-", "-"},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got, want := Checksum([]string{tt.in, "x"}), plainChecksum([]string{tt.in, "x"}); got != want {
			t.Errorf("Checksum(%q) = %s, want %s", tt.in, got, want)
		}
	}
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"12", "12.50", "-.5e-3", "inf", "+Inf", "0x1p3", "1_0", "△1", "ID-001"} {
		f.Add(s, "件")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := Canonical(a), plainCanonical(a); got != want {
			t.Fatalf("Canonical(%q) = %q, want %q", a, got, want)
		}
		if got, want := Checksum([]string{a, b}), plainChecksum([]string{a, b}); got != want {
			t.Fatalf("Checksum(%q, %q) = %s, want %s", a, b, got, want)
		}
	})
}
