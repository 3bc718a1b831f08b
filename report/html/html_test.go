package html

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku/report/internal/golden"

	"golang.org/x/net/html"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/report/internal/content"
	"github.com/shinchoku/shinchoku/seeds"
	"github.com/shinchoku/shinchoku/templates/corpus"
)

// seedProgress evaluates an embedded plan as if every department had
// reported the plan's own actuals for the period's year (Tomakomai: R3).
func seedProgress(t testing.TB, name string, period shinchoku.Period) *shinchoku.Progress {
	t.Helper()
	file, data, err := seeds.File(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := planfile.Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return corpus.Progress(p, period, "政策推進課", corpus.PlanActual)
}

var seedCases = []struct {
	name   string
	period shinchoku.Period
}{
	{"tomakomai", shinchoku.Period{Year: 2022, Month: 3}},
	{"hokkaido-sapporo", shinchoku.Period{Year: 2026, Month: 3}},
}

// TestGolden renders both embedded plans and compares the page with the
// golden file (go test -update rewrites it; review the diff).
func TestGolden(t *testing.T) {
	for _, tc := range seedCases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, seedProgress(t, tc.name, tc.period), Options{}); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tc.name+".html"), buf.Bytes())
		})
	}
}

// TestStructure reads the page back as a screen reader meets it: one h1,
// lang="ja" and a title; headings that never skip a level; every table
// with a caption and every header cell with a scope; unique IDs; every
// contents link pointing at a heading; the chart with a text alternative.
func TestStructure(t *testing.T) {
	for _, tc := range seedCases {
		t.Run(tc.name, func(t *testing.T) {
			pr := seedProgress(t, tc.name, tc.period)
			var buf bytes.Buffer
			if err := Write(&buf, pr, Options{}); err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(&buf)
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]string{} // id → element
			var links []string
			counts := map[string]int{}
			last := 1
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode {
					counts[n.Data]++
					if id := attr(n, "id"); id != "" {
						if _, dup := ids[id]; dup {
							t.Errorf("id %q used twice", id)
						}
						ids[id] = n.Data
					}
					if n.Data == "title" && n.Parent.Data == "head" {
						counts["head title"]++
					}
					switch n.Data {
					case "html":
						if attr(n, "lang") != "ja" {
							t.Errorf(`<html lang=%q>, want "ja"`, attr(n, "lang"))
						}
					case "h1", "h2", "h3", "h4", "h5", "h6":
						level := int(n.Data[1] - '0')
						if level > last+1 {
							t.Errorf("%s %q follows h%d", n.Data, text(n), last)
						}
						last = level
					case "table":
						c := n.FirstChild
						for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
							c = c.NextSibling
						}
						if c == nil || c.Data != "caption" || text(c) == "" {
							t.Errorf("table %s has no caption first", attr(n, "id"))
						}
					case "th":
						if s := attr(n, "scope"); s != "col" && s != "row" {
							t.Errorf("th %q has scope %q", text(n), s)
						}
					case "a":
						links = append(links, attr(n, "href"))
					case "svg":
						if attr(n, "role") != "img" || attr(n, "aria-labelledby") == "" || attr(n, "aria-describedby") == "" {
							t.Errorf("the chart has no role=img with a label and a description")
						}
					case "script", "link", "img", "iframe":
						t.Errorf("<%s> in a page that must stand alone", n.Data)
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			if counts["h1"] != 1 || counts["head title"] != 1 {
				t.Errorf("%d h1, %d title; want one each", counts["h1"], counts["head title"])
			}
			if counts["table"] == 0 || counts["nav"] != 1 || counts["main"] != 1 {
				t.Errorf("%d tables, %d nav, %d main", counts["table"], counts["nav"], counts["main"])
			}
			for _, l := range links {
				el, ok := ids[strings.TrimPrefix(l, "#")]
				if l == "#main" && el == "main" { // the skip link
					continue
				}
				if !strings.HasPrefix(l, "#") || !ok || !strings.HasPrefix(el, "h") {
					t.Errorf("link %q does not lead to a heading of the page", l)
				}
			}
			// Every goal and every node the PDF lists in its contents is linked.
			want := 1 // 総括
			pr.Plan.Walk(func(_ *shinchoku.Node, anc []*shinchoku.Node) bool {
				if content.InContents(pr.Plan, len(anc)) {
					want++
				}
				return true
			})
			if got := len(links) - 1; got != want { // less the skip link
				t.Errorf("%d contents links, want %d", got, want)
			}
		})
	}
}

// TestHostileText: whatever a department types (markup, quotes, control
// characters, a line break) is shown as text, never as markup.
func TestHostileText(t *testing.T) {
	pr := seedProgress(t, "tomakomai", shinchoku.Period{Year: 2022, Month: 3})
	if len(pr.Narratives["p01-1"]) == 0 {
		t.Fatal("no narrative of the first project")
	}
	n := &pr.Narratives["p01-1"][0]
	n.Progress = "<script>alert(1)</script>\"'&<b>太字</b>\x00\x07\x1b[31m\n二行目"
	n.Outlook = "</dd></dl><h1>偽の見出し</h1>"
	var buf bytes.Buffer
	if err := Write(&buf, pr, Options{Title: "題名</title><script>x()</script>"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<b>", "<h1>偽", "\x00", "\x07", "\x1b"} {
		if strings.Contains(out, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;太字&lt;/b&gt;[31m<br>二行目", "&lt;h1&gt;偽の見出し"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	h1 := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "h1" {
			h1++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if h1 != 1 {
		t.Errorf("%d h1 after hostile text", h1)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(text(c))
	}
	return b.String()
}

// BenchmarkHTMLScale writes the HTML edition of a synthetic plan of 100
// departments × 100 indicators (10 with -short).
func BenchmarkHTMLScale(b *testing.B) {
	depts := 100
	if testing.Short() {
		depts = 10
	}
	pr := corpus.BenchProgress(depts)
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, pr, Options{}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/(1<<20), "MB")
}
