package terminal

import (
	"strings"
	"testing"
)

func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"政策推進課", 10},
		{"ＡＢ12", 6}, // full-width letters take two cells
		{"ｱｲｳ", 3},  // half-width katakana take one
		{"受理 3", 6},
	} {
		if got := Width(tc.in); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// TestTable: columns line up on a terminal whatever mix of Japanese and
// ASCII they hold, a header starting with a space right-aligns its column,
// the last column is not padded, and a control character in a cell is
// escaped instead of reaching the terminal.
func TestTable(t *testing.T) {
	var b strings.Builder
	Table(&b, []string{"担当課", " 件数", "ファイル"}, [][]string{
		{"政策推進課", "3", "a.xlsx"},
		{"IT課", "12", "b\x1b[2J.xlsx"},
	})
	want := "担当課      件数  ファイル\n" +
		"政策推進課     3  a.xlsx\n" +
		"IT課          12  b\\x1b[2J.xlsx\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
