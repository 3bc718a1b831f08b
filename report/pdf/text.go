// The layout engine: fonts, the widths of characters, and text drawn on
// one line or wrapped to a width.

package pdf

import (
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
)

// wordJoiner (U+2060) glues characters that must stay on one line: line
// breaking (UAX #14) never breaks beside it, and it is neither measured nor
// drawn. What departments type never holds it (ingest removes invisible
// characters).
const wordJoiner = '\u2060'

// glue joins the characters of a word with word joiners, so that it never
// breaks inside (ＫＰＩ変更 is not split over two lines).
func glue(word string) string {
	return strings.Join(strings.Split(word, ""), string(wordJoiner))
}

func (d *doc) setFont(family string, size float64) {
	if d.font == family && d.size == size {
		return
	}
	d.font, d.size = family, size
	d.fail(d.gp.SetFont(family, "", size))
}

// fontSize keys the width cache.
type fontSize struct {
	family string
	size   float64
}

// advanceTable holds the widths of the characters of one font and size
// measured so far: those of the Basic Multilingual Plane (every Japanese
// character) in an array, for wrapping looks them up for every character
// of every text; others in a map.
type advanceTable struct {
	known [0x10000 / 64]uint64 // bit r: bmp[r] is measured
	bmp   [0x10000]float64
	other map[rune]float64
}

// advance is the width of a character in the current font, measured once
// by gopdf and cached, because wrapping measures the same text many times.
func (d *doc) advance(r rune) float64 {
	if r == wordJoiner {
		return 0
	}
	key := fontSize{d.font, d.size}
	if d.advanceKey != key || d.advances == nil {
		d.advances = d.widths[key]
		if d.advances == nil {
			d.advances = &advanceTable{other: map[rune]float64{}}
			d.widths[key] = d.advances
		}
		d.advanceKey = key
	}
	t := d.advances
	if r >= 0 && r < 0x10000 {
		if t.known[r/64]&(1<<(r%64)) != 0 {
			return t.bmp[r]
		}
		w := d.measureRune(r)
		t.bmp[r] = w
		t.known[r/64] |= 1 << (r % 64)
		return w
	}
	w, ok := t.other[r]
	if !ok {
		w = d.measureRune(r)
		t.other[r] = w
	}
	return w
}

func (d *doc) measureRune(r rune) float64 {
	w, err := d.gp.MeasureTextWidth(string(r))
	d.fail(err)
	return w
}

// measure is the width of s in the current font: the sum of its characters'
// advances (the fonts are used without kerning).
func (d *doc) measure(s string) float64 { return extend(0, s, d.advance) }

// text draws one line with its top-left corner at x, y, and turns a glyph
// the font lacks into an error that names the text (gopdf would silently
// draw nothing).
func (d *doc) text(x, y float64, s string) {
	s = strings.ReplaceAll(s, string(wordJoiner), "")
	if s == "" {
		return
	}
	if d.trace != nil {
		d.trace(d.page, x, y, s)
	}
	d.missing = d.missing[:0]
	d.gp.SetXY(x, y)
	// Left- and top-aligned without a border, a cell's width changes
	// nothing that is drawn: the text is not measured a second time here.
	d.fail(d.gp.CellWithOption(&gopdf.Rect{W: 1, H: d.size}, s, gopdf.CellOption{Align: gopdf.Left | gopdf.Top}))
	if len(d.missing) > 0 {
		d.fail(fmt.Errorf("フォントにない文字 %q があるため描けません: 「%s」", string(d.missing), s))
	}
}

func (d *doc) lineHeight() float64 { return d.size * lineGap }

// wrapKey keys the cache of wrapped text: tables repeat the same headers,
// units and numbers on every page.
type wrapKey struct {
	font  fontSize
	width float64
	text  string
}

// maxWrapped bounds the cache of wrapped text.
const maxWrapped = 20000

// lines wraps text to a width in the current font, once per distinct text.
func (d *doc) lines(text string, width float64) []string {
	k := wrapKey{fontSize{d.font, d.size}, width, text}
	if l, ok := d.wrapped[k]; ok {
		return l
	}
	l := wrap(text, width, d.advance)
	if len(text) < 200 {
		if len(d.wrapped) >= maxWrapped {
			clear(d.wrapped) // most cells of a long report are numbers seen once
		}
		d.wrapped[k] = l
	}
	return l
}

// paragraph draws wrapped text at an indent.
func (d *doc) paragraph(family string, size, indent float64, s string) {
	d.setFont(family, size)
	for _, line := range d.lines(s, contentW-indent) {
		d.ensure(d.lineHeight())
		d.text(marginX+indent, d.y, line)
		d.y += d.lineHeight()
	}
}
