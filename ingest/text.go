package ingest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/shinchoku/shinchoku/fonts"
)

// cleanText normalises what a department typed where that loses nothing a
// printed page shows: line breaks of every kind become one line feed (a
// space outside multi-line cells), a TAB becomes a space, invisible
// characters (zero-width space, byte order mark, joiners, emoji
// presentation selectors) are removed, and the result is trimmed. It then
// lists, once each in order of appearance, the characters the report fonts
// cannot print (fonts.Covers, the rule the PDF draws with), and whether the
// text held bytes that are not UTF-8.
func cleanText(s string, multiline bool) (clean string, bad []rune, invalid bool) {
	if isPlain(s) {
		return strings.TrimSpace(s), nil, false
	}
	var b strings.Builder
	b.Grow(len(s))
	newline := func() {
		if multiline {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			invalid = true
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			newline()
		case r == '\n', r == 0x2028, r == 0x2029, r == 0x85:
			newline()
		case r == '\t':
			b.WriteByte(' ')
		case invisible(r):
		default:
			b.WriteRune(r)
		}
	}
	clean = strings.TrimSpace(b.String())
	for _, r := range clean {
		if r != '\n' && !fonts.Covers(r) && !strings.ContainsRune(string(bad), r) && !(r == utf8.RuneError && invalid) {
			bad = append(bad, r)
		}
	}
	return clean, bad, invalid
}

// isPlain reports whether s needs no normalising: printable ASCII only
// (most numbers and list values), which the fonts all cover.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F {
			return false
		}
	}
	return true
}

// invisible characters print as nothing and mean nothing on paper.
func invisible(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0xFE0E, 0xFE0F:
		return true
	}
	return false
}

// describeRunes names characters for a message: each shown (unless it is
// invisible or a control character) with its code point and what to type
// instead, e.g. 「✔」（U+2714）→「✓」.
func describeRunes(bad []rune) string {
	const most = 5
	parts := make([]string, 0, min(len(bad), most+1))
	for i, r := range bad {
		if i == most {
			parts = append(parts, fmt.Sprintf("ほか%d文字", len(bad)-most))
			break
		}
		parts = append(parts, describeRune(r)+"は"+suggest(r))
	}
	return strings.Join(parts, "、")
}

// describeRune is a character as a message shows it: the character itself
// where it can be seen, and its code point.
func describeRune(r rune) string {
	switch {
	case unicode.IsControl(r):
		return fmt.Sprintf("制御文字（U+%04X）", r)
	case isSelector(r):
		return fmt.Sprintf("異体字セレクタ（U+%04X）", r)
	}
	return fmt.Sprintf("「%c」（U+%04X）", r, r)
}

func isSelector(r rune) bool { return (r >= 0xE0100 && r <= 0xE01EF) || (r >= 0xFE00 && r <= 0xFE0F) }

// substitutes are printable characters for unprintable ones that are
// commonly typed or pasted: dingbats from Word's symbol menu, and the CJK
// Extension B forms of common names.
var substitutes = map[rune]string{
	'✔': "✓", '☑': "✓", '✅': "✓", '✖': "×", '✗': "×", '✘': "×", '❌': "×",
	'⭕': "○", '❗': "！", '❓': "？", '➡': "→", '⬅': "←", '⬆': "↑", '⬇': "↓",
	0x20BB7: "吉", 0x2000B: "丈", 0x2123D: "塚", 0x29E3D: "ほっけ",
}

// suggest says what to do with an unprintable character.
func suggest(r rune) string {
	if s, ok := substitutes[r]; ok {
		return "「" + s + "」に置き換えてください"
	}
	switch {
	case r >= 0x2780 && r <= 0x2789: // ➀…➉
		return "「" + string(rune(0x2460+r-0x2780)) + "」に置き換えてください"
	case r >= 0x278A && r <= 0x2793: // ➊…➓
		return "「" + string(rune(0x2776+r-0x278A)) + "」に置き換えてください"
	case unicode.IsControl(r):
		return "削除してください（見えない文字です）"
	case isSelector(r):
		return "削除してください（標準の字体で印刷されます）"
	case unicode.Is(unicode.Hangul, r):
		return "カタカナなどで書き換えてください"
	case r >= 0x20000 && r <= 0x3FFFF:
		return "通常の字体に置き換えてください"
	}
	if n := norm.NFKC.String(string(r)); n != string(r) && printable(n) {
		return "「" + n + "」に置き換えてください"
	}
	if r >= 0x1F000 || unicode.Is(unicode.So, r) {
		return "言葉か印刷できる記号（○・×・※ など）に置き換えてください"
	}
	return "別の文字に置き換えるか削除してください"
}

func printable(s string) bool {
	for _, r := range s {
		if !fonts.Covers(r) {
			return false
		}
	}
	return s != ""
}

// noControl is s with control characters (but line feeds) and bytes that
// are not UTF-8 shown as <U+XXXX> and <XX>.
func noControl(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "<%02X>", s[i])
		case r != '\n' && unicode.IsControl(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
