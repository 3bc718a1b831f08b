package pdf

import (
	"sort"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/internal/content"
)

// drawn is one text drawn on a page.
type drawn struct {
	y    float64
	text string
}

// TestKeeps renders Tomakomai's report and checks what a reader sees at
// page breaks: a heading (goal, direction, measure, project, a narrative's
// ■ label) always has something of its own below it on its page; no page
// starts with （報告なし）; a unit never stands on a line without its number;
// a tag is never split over two lines.
func TestKeeps(t *testing.T) {
	for _, period := range []shinchoku.Period{{Year: 2022, Month: 3}, {Year: 2021, Month: 9}} {
		pr := seedProgress(t, "tomakomai", period)
		pages := map[int][]drawn{}
		d, err := render(pr, Options{}, func(page int, _, y float64, s string) {
			if y < 40 || y > pageH-50 {
				return // page furniture: running title and page number
			}
			pages[page] = append(pages[page], drawn{y, s})
		})
		if err != nil {
			t.Fatal(err)
		}
		for p := range pages {
			sort.SliceStable(pages[p], func(i, j int) bool { return pages[p][i].y < pages[p][j].y })
		}
		// Every heading's full text, to tell a heading's own lines from
		// what follows it.
		var headingTexts []string
		pr.Plan.Walk(func(n *shinchoku.Node, anc []*shinchoku.Node) bool {
			headingTexts = append(headingTexts, content.Heading(n, len(anc)), content.ProjectHeading(n))
			return true
		})
		isHeading := func(s string) bool {
			for _, h := range headingTexts {
				if strings.Contains(h, s) {
					return true
				}
			}
			return false
		}
		for _, h := range d.headings {
			below := false
			for _, dr := range pages[h.page] {
				if dr.y > h.y && !isHeading(dr.text) {
					below = true
					break
				}
			}
			if !below {
				t.Errorf("%s: heading %q alone at the foot of page %d", period, h.title, h.page)
			}
		}
		units := map[string]bool{}
		for _, ip := range pr.Indicators {
			if u := ip.DisplayUnit(); u != "" {
				units[u] = true
			}
		}
		tags := map[string]bool{}
		pr.Plan.Walk(func(n *shinchoku.Node, _ []*shinchoku.Node) bool {
			for _, tg := range n.Tags {
				tags[tg] = true
			}
			return true
		})
		for p, texts := range pages {
			if len(texts) == 0 {
				continue
			}
			if first := texts[0].text; first == content.NoReport {
				t.Errorf("%s: page %d starts with %s", period, p, first)
			}
			if last := texts[len(texts)-1].text; strings.HasPrefix(last, "■") {
				t.Errorf("%s: label %s alone at the foot of page %d", period, last, p)
			}
			for _, dr := range texts {
				if units[dr.text] {
					t.Errorf("%s: page %d: unit %q on a line of its own", period, p, dr.text)
				}
				for tg := range tags {
					r := []rune(tg)
					for i := 1; i < len(r); i++ {
						if strings.HasSuffix(dr.text, string(r[:i])) && !strings.HasSuffix(dr.text, tg) && strings.Contains(dr.text, "　"+string(r[:i])) {
							t.Errorf("%s: page %d: tag %s broken in %q", period, p, tg, dr.text)
						}
					}
				}
			}
		}
	}
}

// TestLongNumberFits: a number with its unit wider than its KPI cell at
// the table's size (a 15-digit actual) is drawn whole on one line, inside
// the cell, in a smaller font, never broken as 999,999,999, / 999,999人.
func TestLongNumberFits(t *testing.T) {
	pr := seedProgress(t, "tomakomai", shinchoku.Period{Year: 2022, Month: 3})
	var ip *shinchoku.IndicatorProgress
	for i := range pr.Indicators {
		if p := &pr.Indicators[i]; p.Eval.Actual.Set && !p.Cumulative && p.DisplayUnit() == "人" {
			ip = p
			break
		}
	}
	if ip == nil {
		t.Fatal("no indicator with an actual in 人 in the seed")
	}
	ip.Eval.Actual = shinchoku.Num(999999999999999)
	want := "999,999,999,999,999人"
	cellLeft := marginX + kpiWidths[content.ColName] + kpiWidths[content.ColBaseline]
	cellRight := cellLeft + kpiWidths[content.ColActual]
	found := false
	_, err := render(pr, Options{}, func(_ int, x, _ float64, s string) {
		if strings.Contains(s, "999") {
			if !strings.Contains(s, want) {
				t.Errorf("the number is broken: %q drawn on a line of its own", s)
				return
			}
			found = true
			if x < cellLeft+cellPad-0.01 || x > cellRight {
				t.Errorf("%q drawn at x %.2f, outside its cell (%.2f–%.2f)", s, x, cellLeft, cellRight)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Errorf("%s not drawn", want)
	}
}
