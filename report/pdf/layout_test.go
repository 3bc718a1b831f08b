package pdf

import (
	"sort"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/content"
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
