package html

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/shinchoku/shinchoku"
)

// Environment of the browser test. .ci/run sets both; elsewhere the test
// skips when either is missing.
const (
	// requireBrowserEnv=1 turns a skipped browser test into a failure.
	requireBrowserEnv = "SHINCHOKU_REQUIRE_BROWSER"
	// axeEnv is the path of axe-core's axe.min.js (npm package axe-core).
	axeEnv = "SHINCHOKU_AXE"
	// shotsEnv, when set, is a folder the test saves its screenshots and
	// a print to PDF into, to look at.
	shotsEnv = "SHINCHOKU_SCREENSHOTS"
)

// browser finds headless Chromium and axe-core, or skips (fails under
// SHINCHOKU_REQUIRE_BROWSER=1).
func browser(t *testing.T) (chromium string, axe []byte) {
	t.Helper()
	missing := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if os.Getenv(requireBrowserEnv) == "1" {
			t.Fatalf("%s (%s=1 requires the browser test)", msg, requireBrowserEnv)
		}
		t.Skipf("browser test skipped: %s", msg)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		missing("no chromium on PATH (apt-get install chromium)")
	}
	path := os.Getenv(axeEnv)
	if path == "" {
		missing("%s is not set (the path of axe.min.js from the npm package axe-core)", axeEnv)
	}
	axe, err := os.ReadFile(path)
	if err != nil {
		missing("axe-core: %v", err)
	}
	return chromium, axe
}

// violation is what the test keeps of an axe-core result.
type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// layout is what the page measures of itself at a width.
type layout struct {
	ViewportWidth int `json:"viewportWidth"`
	PageWidth     int `json:"pageWidth"`
	// Boxes is how many table boxes there are, Scrolling how many of them
	// scroll sideways, Overflowing how many are wider than the page.
	Boxes, Scrolling, Overflowing int
	// Unboxed counts tables outside a scrolling box.
	Unboxed int
}

const measureLayout = `(() => {
  const vw = document.documentElement.clientWidth;
  const boxes = [...document.querySelectorAll('.table')];
  return {
    viewportWidth: vw,
    pageWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    Boxes: boxes.length,
    Scrolling: boxes.filter(b => b.scrollWidth > b.clientWidth && getComputedStyle(b).overflowX === 'auto').length,
    Overflowing: boxes.filter(b => b.getBoundingClientRect().right > vw + 0.5).length,
    Unboxed: [...document.querySelectorAll('table')].filter(t => !t.parentElement.classList.contains('table')).length,
  };
})()`

var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)

const runAxe = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
  .then(r => JSON.stringify(r.violations))`

// printRange prints the first pages only (the page size comes from one
// @page rule), unless screenshots are kept: then all, to look at.
func printRange() chromedp.PDFOption {
	if os.Getenv(shotsEnv) != "" {
		return func(*cdppage.PrintToPDFParams) {}
	}
	return chromedp.PDFPageRanges("1-4")
}

// saveShots saves screenshots of a page for a person to look at: the top,
// the overview, and the first KPI table (the whole page is too long to
// view at once).
func saveShots(t *testing.T, ctx context.Context, prefix string) {
	t.Helper()
	for _, at := range []struct{ name, selector string }{{"top", "h1"}, {"overview", "#overview"}, {"kpi", "tr[id^=kpi-]"}, {"project", "h5"}} {
		script := fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return false; e.scrollIntoView(); return true })()`, at.selector)
		found, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script))
		if err != nil {
			t.Fatal(err)
		}
		if !found {
			continue
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(prefix+"-"+at.name+".png", png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkAxe runs axe-core's WCAG 2.0/2.1 A and AA rules on the page loaded
// in ctx and reports every violation.
func checkAxe(t *testing.T, ctx context.Context, axe []byte) {
	t.Helper()
	for _, v := range axeViolations(t, ctx, axe) {
		var where []string
		for i, n := range v.Nodes {
			if i == 3 {
				where = append(where, fmt.Sprintf("… %d more", len(v.Nodes)-3))
				break
			}
			where = append(where, fmt.Sprint(n.Target)+" "+n.HTML)
		}
		t.Errorf("axe %s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(where, "\n\t"))
	}
}

func axeViolations(t *testing.T, ctx context.Context, axe []byte) []violation {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](runAxe, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	var violations []violation
	if err := json.Unmarshal([]byte(res), &violations); err != nil {
		t.Fatal(err)
	}
	return violations
}

// TestBrowser loads both embedded plans' pages in headless Chromium at a
// phone's and a desktop's width: axe-core finds no WCAG 2.1 A/AA
// violation, the page never scrolls sideways (wide tables scroll inside
// their own box, at the phone's width only), and printing gives A4 pages.
func TestBrowser(t *testing.T) {
	chromium, axe := browser(t)
	shots := os.Getenv(shotsEnv)
	dir := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil { // starts the browser, without a timeout
		t.Fatalf("start chromium: %v", err)
	}
	// axe-core must see a violation where there is one (an image without
	// a text alternative, a table header without text), or its silence
	// below would prove nothing.
	t.Run("axe-control", func(t *testing.T) {
		ctx, cancel := chromedp.NewContext(bctx)
		defer cancel()
		bad := filepath.Join(dir, "bad.html")
		if err := os.WriteFile(bad, []byte(`<!DOCTYPE html><html lang="ja"><title>t</title><img src="x.png"><table><tr><th></th></tr></table></html>`), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+bad)); err != nil {
			t.Fatal(err)
		}
		if v := axeViolations(t, ctx, axe); len(v) == 0 {
			t.Fatal("axe-core found no violation in a page with an image without alt")
		}
	})
	for _, tc := range seedCases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".html")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			pr := seedProgress(t, tc.name, tc.period)
			// What a department may paste: a long address and a long
			// unbroken word must not widen the page on a phone.
			pasted := false
			pr.Plan.Walk(func(n *shinchoku.Node, _ []*shinchoku.Node) bool {
				if ns := pr.Narratives[n.ID]; !pasted && len(n.Children) == 0 && len(ns) > 0 {
					ns[0].Progress = "詳しくは https://www.city.example.lg.jp/" + strings.Repeat("kurashi/", 20) +
						"index.html を参照。" + strings.Repeat("w", 150)
					pasted = true
				}
				return !pasted
			})
			if !pasted {
				t.Fatal("no project narrative to paste into")
			}
			if err := Write(f, pr, Options{}); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(bctx, 5*time.Minute) // only a stuck browser takes this long
			defer cancel()
			ctx, cancel = chromedp.NewContext(ctx)
			defer cancel()
			for _, width := range []int64{375, 1280} {
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate("file://"+path)); err != nil {
					t.Fatal(err)
				}
				l, err := chromedp.Run(ctx, chromedp.Evaluate[layout](measureLayout))
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%d px: %+v", width, l)
				if l.PageWidth > l.ViewportWidth {
					t.Errorf("%d px: the page scrolls sideways (%d px wide in a %d px viewport)", width, l.PageWidth, l.ViewportWidth)
				}
				if l.Overflowing > 0 || l.Unboxed > 0 {
					t.Errorf("%d px: %d table boxes stick out of the page, %d tables are outside a box", width, l.Overflowing, l.Unboxed)
				}
				if l.Boxes == 0 {
					t.Errorf("%d px: no table boxes", width)
				}
				// The KPI tables are wider than a phone: they must scroll in
				// their box there, and fit a desktop's width.
				hasKPI := tc.name == "tomakomai"
				if width == 375 && hasKPI && l.Scrolling == 0 {
					t.Errorf("375 px: no table scrolls inside its box")
				}
				if width == 1280 && l.Scrolling > 0 {
					t.Errorf("1280 px: %d tables scroll although the page is wide", l.Scrolling)
				}
				// axe-core runs once, at the phone's width: that is where the
				// tables scroll (scrollable-region-focusable); nothing else it
				// checks depends on the width, and one run on this page takes
				// several seconds.
				if width == 375 {
					checkAxe(t, ctx, axe)
				}
				if shots != "" {
					saveShots(t, ctx, filepath.Join(shots, fmt.Sprintf("%s-%d", tc.name, width)))
				}
			}
			pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground(), printRange()))
			if err != nil {
				t.Fatal(err)
			}
			// Every printed page is A4 portrait (595.28 × 841.89 pt; Chromium
			// rounds to 594.96 × 841.92).
			boxes := mediaBox.FindAllStringSubmatch(string(pdf), -1)
			if len(boxes) == 0 {
				t.Errorf("printed PDF has no pages")
			}
			for _, b := range boxes {
				w, _ := strconv.ParseFloat(b[1], 64)
				h, _ := strconv.ParseFloat(b[2], 64)
				if math.Abs(w-595.28) > 1 || math.Abs(h-841.89) > 1 {
					t.Errorf("a printed page is %s × %s pt, not A4", b[1], b[2])
					break
				}
			}
			if shots != "" {
				if err := os.WriteFile(filepath.Join(shots, tc.name+".pdf"), pdf, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
