package pdf

import (
	"strings"

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
		line, start := "", len(lines)
		lineW := 0.0 // the width of line
		for _, p := range pieces {
			withP := extend(lineW, p, advance)
			switch {
			case withP <= width:
				line, lineW = line+p, withP
			case trimmedWidth(line, lineW, p, advance) <= width:
				// Trailing spaces may hang past the margin.
				line, lineW = line+p, withP
			default:
				if line != "" {
					lines = append(lines, strings.TrimRight(line, " "))
					line = ""
				}
				for p != "" && extend(0, p, advance) > width {
					// Wider than a line: break between characters, at least one per line.
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

// breakPieces splits a paragraph at its line break opportunities and joins
// pieces where 禁則 forbids a break.
func breakPieces(seg *segmenter.Segmenter, para string) []string {
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
			if strings.ContainsRune(noLineStart, first) || (len(last) > 0 && strings.ContainsRune(noLineEnd, last[len(last)-1])) {
				out[len(out)-1] = prev + p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

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
