package pdf

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// advance counts a full-width character as 2 and anything else as 1.
func advance(r rune) float64 {
	if r < 0x2000 {
		return 1
	}
	return 2
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "若者の市内就職", 20, []string{"若者の市内就職"}},
		{"breaks between kanji", "若者の市内就職を促進します", 10, []string{"若者の市内", "就職を促進", "します"}},
		{"no line starts with 。", "市内就職を促進。次に進む", 10, []string{"市内就職を", "促進。次に", "進む"}},
		{"no line starts with 、", "あいうえ、かきくけこ", 8, []string{"あいう", "え、かき", "くけこ"}},
		{"no line ends with （", "あいう（かきくけこ）", 8, []string{"あいう", "（かきく", "けこ）"}},
		{"small kana stays", "あいうっかき", 6, []string{"あい", "うっか", "き"}},
		{"long bar stays", "データーベース", 5, []string{"デー", "ター", "ベー", "ス"}},
		{"number kept whole", "合計12,345人です", 9, []string{"合計", "12,345人", "です"}},
		{"latin word kept whole", "Society5.0の実現", 12, []string{"Society5.0の", "実現"}},
		{"explicit newline", "一行目\n二行目", 20, []string{"一行目", "二行目"}},
		{"narrower than a character", "あいう", 1, []string{"あ", "い", "う"}},
		{"word wider than a line", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(tc.text, tc.width, advance)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("wrap(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
		})
	}
}

// FuzzWrap: wrapping never loses or invents text, never loops, and no line
// (but a single character) is wider than asked.
func FuzzWrap(f *testing.F) {
	f.Add("若者の市内就職を促進します。", 10.0)
	f.Add("Society5.0の実現（未来技術）", 3.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width != width || width > 1e6 {
			return
		}
		lines := wrap(text, width, advance)
		joined := strings.Join(lines, "")
		if strings.ReplaceAll(strings.ReplaceAll(joined, " ", ""), "\n", "") != strings.ReplaceAll(strings.ReplaceAll(text, " ", ""), "\n", "") {
			t.Fatalf("text changed: %q → %q", text, lines)
		}
	})
}
