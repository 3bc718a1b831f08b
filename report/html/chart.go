package html

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/shinchoku/shinchoku/report/internal/content"
)

// chart is the overview's horizontal stacked bars, one per goal and one for
// the whole plan, drawn as SVG: label above, bar below, the count written in
// every segment wide enough, a legend that names each grade. The same
// counts are in the table under it and, in words, in Description.
type chart struct {
	Title       string
	Description string
	Width       float64
	Height      float64
	Rows        []chartRow
	Legend      []legendItem
	LegendY     float64
}

type chartRow struct {
	Label    string
	LabelY   float64
	Y        float64
	Segments []segment
}

type segment struct {
	X, Width, TextX float64
	Fill, Ink       string
	Count           string // empty when the segment is too narrow to label
}

type legendItem struct {
	X     float64
	Fill  string
	Grade string
}

// Chart geometry in SVG user units; the SVG scales to the page width.
const (
	chartW      = 480.0
	chartFont   = 13.0
	chartBarH   = 18.0
	chartRowH   = 46.0
	chartMinSeg = 22.0 // narrowest segment that carries its count
)

func newChart(g content.GradeOverview, caption string) *chart {
	c := &chart{Title: caption + "の横棒グラフ", Width: chartW}
	var desc []string
	for i, r := range g.Rows {
		y := float64(i) * chartRowH
		cr := chartRow{Label: fitLabel(r.Label, chartW), LabelY: y + chartFont, Y: y + chartFont + 6}
		var parts []string
		x := 0.0
		for gi, n := range r.Counts {
			parts = append(parts, fmt.Sprintf("%s %d件", g.Grades[gi], n))
			if n == 0 || r.Total == 0 {
				continue
			}
			w := chartW * float64(n) / float64(r.Total)
			fill := content.GradeColor(gi, len(g.Grades))
			sg := segment{X: round2(x), Width: round2(w), TextX: round2(x + w/2), Fill: hex(fill), Ink: ink(fill)}
			if w >= chartMinSeg {
				sg.Count = fmt.Sprint(n)
			}
			cr.Segments = append(cr.Segments, sg)
			x += w
		}
		c.Rows = append(c.Rows, cr)
		desc = append(desc, fmt.Sprintf("%s: %s（%s %d件）", r.Label, strings.Join(parts, "、"), content.Total, r.Total))
	}
	c.LegendY = float64(len(g.Rows))*chartRowH + 4
	for gi, gr := range g.Grades {
		c.Legend = append(c.Legend, legendItem{X: float64(gi) * 60, Fill: hex(content.GradeColor(gi, len(g.Grades))), Grade: string(gr)})
	}
	c.Height = c.LegendY + 20
	c.Description = strings.Join(desc, "。") + "。"
	return c
}

// fitLabel shortens a label to about a width, for the chart only (the
// table and the description carry it whole). SVG text cannot be measured
// here: a wide character counts as one em, others as half.
func fitLabel(s string, width float64) string {
	w := 0.0
	for i, r := range s {
		adv := chartFont * 0.55
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r >= 0x3000 {
			adv = chartFont
		}
		if w+adv > width-chartFont {
			return s[:i] + "…"
		}
		w += adv
	}
	return s
}

func hex(c [3]uint8) string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

// ink is black or white, whichever contrasts more with a fill (WCAG
// relative luminance).
func ink(c [3]uint8) string {
	l := luminance(c)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return "#000000"
	}
	return "#ffffff"
}

func luminance(c [3]uint8) float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c[0]) + 0.7152*ch(c[1]) + 0.0722*ch(c[2])
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
