package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/shinchoku/shinchoku"
)

// TestHTMLMatchesSummary runs the demo and reads back both the HTML edition
// of the report and summary.json: every indicator of the summary has one
// row in the page, and its baseline, actual (or the reason there is none),
// expected value, rate, grade and year are the summary's.
func TestHTMLMatchesSummary(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	demo := filepath.Join(dir, "demo")
	if err := run(context.Background(), []string{"demo", "-o", demo}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(demo, "out", "2022-03")
	data, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var summary struct {
		Indicators []struct {
			ID, Unit, Grade, Reason, Outcome string
			YearLabel                        string `json:"year_label"`
			Baseline, Expected, Actual, Rate *float64
		}
	}
	if err := json.Unmarshal(data, &summary); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(out, "進捗状況報告書_2022-03.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := kpiRows(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(summary.Indicators) == 0 || len(rows) != len(summary.Indicators) {
		t.Fatalf("%d KPI rows in the HTML, %d indicators in summary.json", len(rows), len(summary.Indicators))
	}
	graded := 0
	for _, ind := range summary.Indicators {
		r, ok := rows[ind.ID]
		if !ok {
			t.Errorf("%s: no row in the HTML", ind.ID)
			continue
		}
		check := func(what, cell string, want *float64, unit string) {
			t.Helper()
			if want == nil {
				return
			}
			got, gotUnit, ok := figure(cell)
			if !ok || got != *want || gotUnit != unit {
				t.Errorf("%s %s: HTML %q, summary.json %v%s", ind.ID, what, cell, *want, unit)
			}
		}
		check("baseline", r.cells[1], ind.Baseline, ind.Unit)
		check("expected", r.cells[4], ind.Expected, ind.Unit)
		check("rate", r.cells[5], ind.Rate, "％")
		if ind.Expected == nil && firstLine(r.cells[4]) != "−" {
			t.Errorf("%s expected: HTML %q, none in summary.json", ind.ID, r.cells[4])
		}
		// Where no rate is given, the outcome in words (基準値以下) or −.
		if want := cmp(ind.Outcome, "−"); ind.Rate == nil && r.cells[5] != want {
			t.Errorf("%s rate: HTML %q, summary.json has no rate (%q)", ind.ID, r.cells[5], want)
		}
		if ind.Actual != nil {
			check("actual", r.cells[2], ind.Actual, ind.Unit)
		} else if want := cmp(ind.Reason, "−"); firstLine(r.cells[2]) != want {
			t.Errorf("%s actual: HTML %q, summary.json has none (%q)", ind.ID, r.cells[2], want)
		}
		if got := r.cells[6]; got != ind.Grade {
			t.Errorf("%s grade: HTML %q, summary.json %q", ind.ID, got, ind.Grade)
		}
		if ind.Grade != string(shinchoku.GradeNone) {
			graded++
		}
		// The year of the actual is in the column's header or under the value.
		if y := ind.YearLabel; y == "" || !strings.Contains(r.headers[2]+r.cells[2], y) {
			t.Errorf("%s year: %q is neither in the header %q nor in %q", ind.ID, y, r.headers[2], r.cells[2])
		}
	}
	if graded == 0 {
		t.Error("no indicator was graded: the comparison proved little")
	}
}

func cmp(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// kpiRow is a KPI table row of the HTML: its cells' text (line breaks as
// \n) and its table's header cells.
type kpiRow struct {
	cells, headers []string
}

// kpiRows reads the rows whose id is kpi-<indicator ID>.
func kpiRows(r io.Reader) (map[string]kpiRow, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	rows := map[string]kpiRow{}
	var headers []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "thead" {
			headers = cellsOf(n.FirstChild)
		}
		if n.Type == html.ElementNode && n.Data == "tr" {
			for _, a := range n.Attr {
				if a.Key == "id" && strings.HasPrefix(a.Val, "kpi-") {
					rows[strings.TrimPrefix(a.Val, "kpi-")] = kpiRow{cells: cellsOf(n), headers: headers}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return rows, nil
}

// cellsOf is the text of a row's th and td cells.
func cellsOf(tr *html.Node) []string {
	for tr != nil && tr.Data != "tr" {
		tr = tr.NextSibling
	}
	if tr == nil {
		return nil
	}
	var out []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "th" || c.Data == "td") {
			var b strings.Builder
			var text func(n *html.Node)
			text = func(n *html.Node) {
				switch {
				case n.Type == html.TextNode:
					b.WriteString(n.Data)
				case n.Type == html.ElementNode && n.Data == "br":
					b.WriteString("\n")
				}
				for k := n.FirstChild; k != nil; k = k.NextSibling {
					text(k)
				}
			}
			text(c)
			out = append(out, b.String())
		}
	}
	return out
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

var figurePattern = regexp.MustCompile(`^(?:累計 )?(△)?([0-9,]+(?:\.[0-9]+)?)(.*)$`)

// figure reads a number as the report prints it (累計 1,234人, △5千円,
// 48.9％) from the first line of a cell: the value and the unit after it.
func figure(cell string) (float64, string, bool) {
	m := figurePattern.FindStringSubmatch(firstLine(cell))
	if m == nil {
		return 0, "", false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", ""), 64)
	if err != nil {
		return 0, "", false
	}
	if m[1] != "" {
		v = -v
	}
	return v, m[3], true
}
