package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"

	xhtml "golang.org/x/net/html"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/html"
)

// TestHTMLHasPDFText: the HTML edition says everything the PDF says. Every
// text the PDF draws (as wrapped lines, spaces aside) is in the page's
// text, except what only paper has: page numbers, the contents' dot
// leaders and the labels shortened with … to fit a width.
func TestHTMLHasPDFText(t *testing.T) {
	furniture := regexp.MustCompile(`^(-?[0-9]+-?|・+)$`)
	for _, tc := range []struct {
		name   string
		period shinchoku.Period
	}{
		{"tomakomai", shinchoku.Period{Year: 2022, Month: 3}},
		{"hokkaido-sapporo", shinchoku.Period{Year: 2026, Month: 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pr := seedProgress(t, tc.name, tc.period)
			var drawn []string
			opts := Options{trace: func(_ int, _, _ float64, s string) { drawn = append(drawn, s) }}
			if err := Write(&bytes.Buffer{}, pr, opts); err != nil {
				t.Fatal(err)
			}
			var page bytes.Buffer
			if err := html.Write(&page, pr, html.Options{}); err != nil {
				t.Fatal(err)
			}
			doc, err := xhtml.Parse(&page)
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			var walk func(n *xhtml.Node)
			walk = func(n *xhtml.Node) {
				if n.Type == xhtml.ElementNode && (n.Data == "style" || n.Data == "head") {
					return
				}
				if n.Type == xhtml.TextNode {
					text.WriteString(n.Data)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			all := squeeze(text.String())
			missing := 0
			for _, s := range drawn {
				s = squeeze(s)
				if s == "" || furniture.MatchString(s) || strings.HasSuffix(s, "…") {
					continue
				}
				if !strings.Contains(all, s) {
					if missing++; missing <= 10 {
						t.Errorf("the PDF draws %q, the HTML does not say it", s)
					}
				}
			}
			if len(drawn) < 100 {
				t.Fatalf("only %d texts drawn", len(drawn))
			}
		})
	}
}

// squeeze drops white space: the PDF wraps lines and pads cells where the
// HTML flows.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
