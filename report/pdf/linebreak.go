package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// noLineStart are characters that must not begin a line (行頭禁則), and
// noLineEnd characters that must not end one (行末禁則).
const (
	noLineStart = "、。，．,.）)」』】〕〉》］]｝}ー－…‥・：；:;？！?!ゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ％%"
	noLineEnd   = "（(「『【〔〈《［[｛{"
)

// wrap breaks text into lines no wider than width. Break opportunities come
// from the Unicode line breaking algorithm (UAX #14, go-text/typesetting),
// so Latin words and numbers stay whole; 禁則処理 is applied on top; a piece
// wider than a line is broken between characters. advance gives the width of
// a character in the current font; a line's width is the sum of its
// characters' advances (no kerning), added up left to right as it grows.
// Explicit line breaks are kept.
func wrap(text string, width float64, advance func(rune) float64) []string {
	var lines []string
	var seg segmenter.Segmenter
	for _, para := range strings.Split(text, "\n") {
		if para == "" {
			lines = append(lines, "")
			continue
		}
		pieces := breakPieces(&seg, para)
		if !utf8.ValidString(para) {
			para = string([]rune(para)) // what the pieces are slices of
		}
		// The pieces are consecutive slices of para, so the line being
		// filled is para[ls:le]: it grows without copying.
		ls, le, start := 0, 0, len(lines)
		lineW := 0.0 // the width of the line
		pos := 0     // where the next piece starts in para
		for _, p := range pieces {
			pStart := pos
			pos += len(p)
			withP := extend(lineW, p, advance)
			if withP <= width || trimmedWidth(para[ls:le], lineW, p, advance) <= width {
				// It fits, or only its trailing spaces hang past the margin.
				if ls == le {
					ls = pStart
				}
				le, lineW = pos, withP
				continue
			}
			if ls != le {
				lines = append(lines, strings.TrimRight(para[ls:le], " "))
			}
			for p != "" && extend(0, p, advance) > width {
				// Wider than a line: break between characters, at least one per line.
				head := fit(p, width, advance)
				lines = append(lines, head)
				p = p[len(head):]
			}
			ls, le, lineW = pos-len(p), pos, extend(0, p, advance)
		}
		if ls != le || len(lines) == start {
			lines = append(lines, strings.TrimRight(para[ls:le], " "))
		}
	}
	return lines
}

// breakPieces splits a paragraph at its line break opportunities and joins
// pieces where 禁則 forbids a break.
func breakPieces(seg *segmenter.Segmenter, para string) []string {
	if !utf8.ValidString(para) {
		para = string([]rune(para)) // as the segmenter sees it
	}
	seg.Init([]rune(para))
	var out []string
	start, pos := 0, 0 // byte offsets in para of the last piece kept and of the next one
	it := seg.LineIterator()
	for it.Next() {
		end := pos
		for _, r := range it.Line().Text {
			end += utf8.RuneLen(r)
		}
		p := para[pos:end] // pieces follow each other: slices of para, not copies
		if len(out) > 0 {
			first, _ := utf8.DecodeRuneInString(p)
			last, n := utf8.DecodeLastRuneInString(strings.TrimRight(out[len(out)-1], " "))
			if strings.ContainsRune(noLineStart, first) || (n > 0 && strings.ContainsRune(noLineEnd, last)) || unitAfterNumber(out[len(out)-1], first) {
				out[len(out)-1] = para[start:end]
				pos = end
				continue
			}
		}
		out = append(out, p)
		start, pos = pos, end
	}
	return out
}

// unitAfterNumber says whether a piece starting with first continues a
// number that prev ends with: a unit (1,800件, 657.6千円, 3年度) stays on the
// number's line. UAX #14 allows a break between a digit and an ideograph.
func unitAfterNumber(prev string, first rune) bool {
	last, n := utf8.DecodeLastRuneInString(prev)
	if n == 0 || !isDigit(last) {
		return false
	}
	return first != ' ' && first != '　' && !isDigit(first) && !strings.ContainsRune(noLineEnd, first)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// extend adds the advances of s's characters to the width w.
func extend(w float64, s string, advance func(rune) float64) float64 {
	for _, r := range s {
		w += advance(r)
	}
	return w
}

// trimmedWidth is the width of line+p without its trailing spaces, where
// lineW is the width of line.
func trimmedWidth(line string, lineW float64, p string, advance func(rune) float64) float64 {
	if tp := strings.TrimRight(p, " "); tp != "" {
		return extend(lineW, tp, advance)
	}
	return extend(0, strings.TrimRight(line, " "), advance)
}

// fit returns the longest head of s (at least one character) that fits in
// width.
func fit(s string, width float64, advance func(rune) float64) string {
	runes := []rune(s)
	n := 1
	w := advance(runes[0])
	for n < len(runes) {
		if w += advance(runes[n]); w > width {
			break
		}
		n++
	}
	return string(runes[:n])
}
