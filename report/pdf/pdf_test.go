package pdf

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/shinchoku/shinchoku/report/internal/golden"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/planfile"
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

// TestReport renders both embedded plans: the file validates, bookmarks nest
// like the plan, and the text of every page matches the golden dump.
func TestReport(t *testing.T) {
	for _, tc := range []struct {
		name   string
		period shinchoku.Period
	}{
		{"tomakomai", shinchoku.Period{Year: 2022, Month: 3}},
		{"hokkaido-sapporo", shinchoku.Period{Year: 2026, Month: 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pr := seedProgress(t, tc.name, tc.period)
			// The text of every page, in the order it was drawn on that page.
			pages := map[int][]string{}
			opts := Options{trace: func(page int, x, y float64, s string) {
				pages[page] = append(pages[page], s)
			}}
			var buf bytes.Buffer
			if err := Write(&buf, pr, opts); err != nil {
				t.Fatal(err)
			}
			if err := api.Validate(bytes.NewReader(buf.Bytes()), nil); err != nil {
				t.Fatalf("pdfcpu: %v", err)
			}
			bms, err := api.Bookmarks(bytes.NewReader(buf.Bytes()), nil)
			if err != nil {
				t.Fatalf("bookmarks: %v", err)
			}
			if len(bms) != 1+len(pr.Plan.Nodes) || bms[0].Title != "総括" {
				t.Errorf("top-level bookmarks = %d (%v), want 総括 and %d goals", len(bms), titles(bms), len(pr.Plan.Nodes))
			}
			for i, n := range pr.Plan.Nodes {
				if i+1 < len(bms) && len(bms[i+1].Kids) != len(n.Children) {
					t.Errorf("bookmark %s has %d kids, want %d", bms[i+1].Title, len(bms[i+1].Kids), len(n.Children))
				}
			}
			var dump strings.Builder
			for p := 1; p <= len(pages); p++ {
				fmt.Fprintf(&dump, "=== page %d\n%s\n", p, strings.Join(pages[p], "\n"))
			}
			golden.Check(t, filepath.Join("testdata", tc.name+".txt"), []byte(dump.String()))
		})
	}
}

// TestContentStreams reads the PDF itself: every text drawn on a page is
// one text operator with its glyphs in that page's content stream (the
// golden dumps above record what was drawn, not what was written).
func TestContentStreams(t *testing.T) {
	pr := seedProgress(t, "tomakomai", shinchoku.Period{Year: 2022, Month: 3})
	drawn := map[int]int{}
	var buf bytes.Buffer
	if err := Write(&buf, pr, Options{trace: func(page int, _, _ float64, _ string) { drawn[page]++ }}); err != nil {
		t.Fatal(err)
	}
	ctx, err := api.ReadAndValidate(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ctx.EnsurePageCount(); err != nil || ctx.PageCount != len(drawn) {
		t.Fatalf("%d pages (%v), %d drawn on", ctx.PageCount, err, len(drawn))
	}
	texts := regexp.MustCompile(`\[<([0-9A-F]{4})+>\] TJ`)
	for p := 1; p <= ctx.PageCount; p++ {
		r, err := pdfcpu.ExtractPageContent(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(texts.FindAll(content, -1)); got != drawn[p] || got != bytes.Count(content, []byte(" TJ")) {
			t.Errorf("page %d: %d text operators with glyphs, %d in all, %d texts drawn", p, got, bytes.Count(content, []byte(" TJ")), drawn[p])
		}
	}
}

func titles(bms []pdfcpu.Bookmark) []string {
	var out []string
	for _, b := range bms {
		out = append(out, b.Title)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	pr := seedProgress(t, "tomakomai", shinchoku.Period{Year: 2022, Month: 3})
	var a, b bytes.Buffer
	if err := Write(&a, pr, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, pr, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings differ")
	}
}

// TestMissingGlyph: a character the font lacks is an error naming the text.
func TestMissingGlyph(t *testing.T) {
	pr := seedProgress(t, "hokkaido-sapporo", shinchoku.Period{Year: 2026, Month: 3})
	pr.Plan.Nodes[0].Title = "働き方改革\U0001F600"
	before := runtime.NumGoroutine()
	err := Write(&bytes.Buffer{}, pr, Options{})
	if err == nil || !strings.Contains(err.Error(), "働き方改革") {
		t.Fatalf("err = %v, want an error naming the text", err)
	}
	// The goroutine that finishes pages ends with the failed report.
	for i := 0; runtime.NumGoroutine() > before; i++ {
		if i == 100 {
			t.Fatalf("%d goroutines after a failed report, %d before", runtime.NumGoroutine(), before)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// BenchmarkReport renders the Tomakomai report (75 projects, 94 KPIs).
func BenchmarkReport(b *testing.B) {
	pr := seedProgress(b, "tomakomai", shinchoku.Period{Year: 2022, Month: 3})
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, pr, Options{}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KB")
}

// BenchmarkReportScale renders the report of a synthetic plan of 100
// departments × 100 indicators (10 with -short), about 920 pages, and
// reports the time per page.
func BenchmarkReportScale(b *testing.B) {
	depts := 100
	if testing.Short() {
		depts = 10
	}
	pr := corpus.BenchProgress(depts)
	var pages int
	for b.Loop() {
		pages = 0
		opts := Options{trace: func(page int, _, _ float64, _ string) { pages = max(pages, page) }}
		if err := Write(io.Discard, pr, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(pages), "ms/page")
}

// BenchmarkReport1000 renders the report of the 1,000-department run
// (1,000 departments × 100 indicators, about 9,000 pages): the figure
// PATCHES.md weighs each speed patch of the gopdf copy by. Skipped with
// -short (CI).
func BenchmarkReport1000(b *testing.B) {
	if testing.Short() {
		b.Skip("the 1,000-department report takes seconds per run")
	}
	pr := corpus.BenchProgress(1000)
	var pages int
	for b.Loop() {
		pages = 0
		opts := Options{trace: func(page int, _, _ float64, _ string) { pages = max(pages, page) }}
		if err := Write(io.Discard, pr, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(pages), "ms/page")
}

// TestFontNames reads the fonts back: each embedded font is named as a
// subset of its PostScript name (ABCDEF+BIZUDMincho-Regular), the same in
// the Type0 font, its CIDFont and its descriptor, never the family names
// the code uses (mincho).
func TestFontNames(t *testing.T) {
	pr := seedProgress(t, "tomakomai", shinchoku.Period{Year: 2022, Month: 3})
	var buf bytes.Buffer
	if err := Write(&buf, pr, Options{}); err != nil {
		t.Fatal(err)
	}
	ctx, err := api.ReadAndValidate(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	subset := regexp.MustCompile(`^[A-Z]{6}\+BIZUD(Mincho-Regular|Gothic-Regular|Gothic-Bold)$`)
	names := map[string]map[string]int{} // kind → name → count
	for _, e := range ctx.XRefTable.Table {
		d, ok := e.Object.(types.Dict)
		if !ok || d.Type() == nil {
			continue
		}
		var kind, key string
		switch {
		case *d.Type() == "Font" && d.Subtype() != nil:
			kind, key = *d.Subtype(), "BaseFont"
		case *d.Type() == "FontDescriptor":
			kind, key = "FontDescriptor", "FontName"
		default:
			continue
		}
		name := d.NameEntry(key)
		if name == nil || !subset.MatchString(*name) {
			t.Errorf("%s %s = %v, want ABCDEF+<PostScript name>", kind, key, name)
			continue
		}
		if names[kind] == nil {
			names[kind] = map[string]int{}
		}
		names[kind][*name]++
	}
	if len(names["Type0"]) != 3 || !reflect.DeepEqual(names["Type0"], names["CIDFontType2"]) || !reflect.DeepEqual(names["Type0"], names["FontDescriptor"]) {
		t.Errorf("font names differ between font objects: %v", names)
	}
}
