package terminal

import (
	"bytes"
	"testing"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"予定どおり実施した。\n", "予定どおり実施した。\n"},
		{"\x1b]0;title\x07", `\x1b]0;title\x07`},
		{"赤\x1b[31m字", `赤\x1b[31m字`},
		{"a\rb\bc\td", `a\x0db\x08c\x09d`},
		{"\u009b2J", `\u009b2J`},
		{"\x9b2J", `\x9b2J`},
		{"abc\u202edef", `abc\u202edef`},
		{"\x7f", `\x7f`},
		{"𠮷✔", "𠮷✔"},
	} {
		if got := escapeText(tc.in); got != tc.want {
			t.Errorf("escapeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
		var b bytes.Buffer
		n, err := Escape(&b).Write([]byte(tc.in))
		if err != nil || n != len(tc.in) || b.String() != tc.want {
			t.Errorf("terminal writer: %q, %d, %v", b.String(), n, err)
		}
	}
}
