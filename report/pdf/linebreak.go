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
// wider than a line is broken between characters. measure gives the width of
// a string in the current font. Explicit line breaks are kept.
func wrap(text string, width float64, measure func(string) float64) []string {
	var lines []string
	var seg segmenter.Segmenter
	for _, para := range strings.Split(text, "\n") {
		if para == "" {
			lines = append(lines, "")
			continue
		}
		pieces := breakPieces(&seg, para)
		line, start := "", len(lines)
		for _, p := range pieces {
			switch {
			case measure(line+p) <= width:
				line += p
			case measure(strings.TrimRight(line+p, " ")) <= width:
				// Trailing spaces may hang past the margin.
				line += p
			default:
				if line != "" {
					lines = append(lines, strings.TrimRight(line, " "))
					line = ""
				}
				for measure(p) > width {
					// Wider than a line: break between characters, at least one per line.
					head := fit(p, width, measure)
					lines = append(lines, head)
					p = p[len(head):]
				}
				line = p
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

// fit returns the longest head of s (at least one character) that fits in
// width.
func fit(s string, width float64, measure func(string) float64) string {
	runes := []rune(s)
	n := 1
	for n < len(runes) && measure(string(runes[:n+1])) <= width {
		n++
	}
	return string(runes[:n])
}
