package pdf

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
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
		{"unit stays with its number", "累計 1,800件", 7, []string{"累計", "1,800件"}},
		{"unit stays with a decimal", "あ657.6件", 8, []string{"あ", "657.6件"}},
		{"tag glued with word joiners", "事業名　Ｋ\u2060Ｐ\u2060Ｉ\u2060変\u2060更", 18, []string{"事業名　", "Ｋ\u2060Ｐ\u2060Ｉ\u2060変\u2060更"}},
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

// plainBreakPieces is breakPieces written the obvious way, with a copy of
// every piece; the real one slices the paragraph.
func plainBreakPieces(seg *segmenter.Segmenter, para string) []string {
	seg.Init([]rune(para))
	var pieces []string
	it := seg.LineIterator()
	for it.Next() {
		pieces = append(pieces, string(it.Line().Text))
	}
	var out []string
	for _, p := range pieces {
		if len(out) > 0 {
			prev := out[len(out)-1]
			first := []rune(p)[0]
			last := []rune(strings.TrimRight(prev, " "))
			prevLast := []rune(prev)
			unit := len(prevLast) > 0 && isDigit(prevLast[len(prevLast)-1]) && !strings.ContainsRune(" 　（(「『【〔〈《［[｛{", first) && !isDigit(first)
			if strings.ContainsRune(noLineStart, first) || (len(last) > 0 && strings.ContainsRune(noLineEnd, last[len(last)-1])) || unit {
				out[len(out)-1] = prev + p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

func FuzzBreakPieces(f *testing.F) {
	for _, s := range []string{"若者の市内就職を促進します。", "「子育て」（支援）、", "Society 5.0 の実現", "a\xffb「c」", "  "} {
		f.Add(s)
	}
	var seg segmenter.Segmenter
	f.Fuzz(func(t *testing.T, para string) {
		if got, want := breakPieces(&seg, para), plainBreakPieces(&seg, para); !reflect.DeepEqual(got, want) {
			t.Fatalf("breakPieces(%q) = %q, want %q", para, got, want)
		}
	})
}

// plainWrap is wrap written the obvious way, joining strings.
func plainWrap(text string, width float64, advance func(rune) float64) []string {
	var lines []string
	var seg segmenter.Segmenter
	for _, para := range strings.Split(text, "\n") {
		if para == "" {
			lines = append(lines, "")
			continue
		}
		line, start := "", len(lines)
		lineW := 0.0
		for _, p := range plainBreakPieces(&seg, para) {
			withP := extend(lineW, p, advance)
			switch {
			case withP <= width, trimmedWidth(line, lineW, p, advance) <= width:
				line, lineW = line+p, withP
			default:
				if line != "" {
					lines = append(lines, strings.TrimRight(line, " "))
				}
				for p != "" && extend(0, p, advance) > width {
					head := fit(p, width, advance)
					lines = append(lines, head)
					p = p[len(head):]
				}
				line, lineW = p, extend(0, p, advance)
			}
		}
		if line != "" || len(lines) == start {
			lines = append(lines, strings.TrimRight(line, " "))
		}
	}
	return lines
}

func FuzzWrapSameAsPlain(f *testing.F) {
	f.Add("若者の市内就職を促進します。「子育て」（支援）、Society 5.0 の実現", 7.0)
	f.Add("a\xffb「c」\n\n  長い長い長い", 2.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if width != width || width > 1e6 {
			return
		}
		if got, want := wrap(text, width, advance), plainWrap(text, width, advance); !reflect.DeepEqual(got, want) {
			t.Fatalf("wrap(%q, %v) = %q, want %q", text, width, got, want)
		}
	})
}
