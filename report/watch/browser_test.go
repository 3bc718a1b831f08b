package watch

import (
	"context"
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

	"github.com/chromedp/chromedp"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/seeds"
	"github.com/shinchoku/shinchoku/templates/corpus"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// The browser test's environment, shared with the HTML report's test:
// .ci/run sets SHINCHOKU_REQUIRE_BROWSER=1, which turns a skip for want of
// Chromium into a failure; SHINCHOKU_SCREENSHOTS names a folder to save
// screenshots and the printed PDF into, to look at.
const (
	requireBrowserEnv = "SHINCHOKU_REQUIRE_BROWSER"
	shotsEnv          = "SHINCHOKU_SCREENSHOTS"
)

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no chromium on PATH (apt-get install chromium)"
	if os.Getenv(requireBrowserEnv) == "1" {
		t.Fatalf("%s (%s=1 requires the browser test)", msg, requireBrowserEnv)
	}
	t.Skipf("browser test skipped: %s", msg)
	return ""
}

// statusPage makes a status page for Tomakomai's 27 departments: one
// accepted, one returned, one sent twice, one whose file is broken, a file
// of no department, and a lock file.
func statusPage(t *testing.T) (dir string, m *corpusMonth, returned string, finding string) {
	t.Helper()
	file, data, err := seeds.File("tomakomai")
	if err != nil {
		t.Fatal(err)
	}
	p, err := planfile.Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	period := shinchoku.Period{Year: 2022, Month: 3}
	m = filled(t, p, period, corpus.PlanActual, 4)
	inbox := t.TempDir()
	name := func(d string) string { return filepath.Join(inbox, sheet.FileName(period, d)) }
	put(t, name(m.depts[0]), m.good[m.depts[0]])
	put(t, name(m.depts[1]), m.bad[m.depts[1]])
	older := filepath.Join(inbox, "旧_"+filepath.Base(name(m.depts[2])))
	put(t, older, m.bad[m.depts[2]])
	put(t, name(m.depts[2]), m.good[m.depts[2]])
	// The same save time inside; the file times say which came last.
	hour := time.Now().Add(-time.Hour)
	if err := os.Chtimes(older, hour, hour); err != nil {
		t.Fatal(err)
	}
	put(t, name(m.depts[3]), m.good[m.depts[3]][:2000])
	put(t, filepath.Join(inbox, "報告書（最終版）とても長いファイル名のファイルです_令和4年3月末現在_提出用_コピー_コピー.xlsx"), []byte("not a workbook"))
	// A long name without a break opportunity must wrap, not widen the page.
	put(t, filepath.Join(inbox, "houkokusho_saishuban_teishutsuyou_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy_copy.xlsx"), []byte("PK"))
	put(t, filepath.Join(inbox, "~$"+filepath.Base(name(m.depts[0]))), []byte("lock"))
	w, err := start(Options{Plan: p, Period: period, Inbox: inbox, Office: "政策推進課", Settle: time.Nanosecond, Grace: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 3 {
		time.Sleep(time.Millisecond)
		w.scan(ctx)
	}
	v := w.view()
	for _, dv := range v.Departments {
		if dv.Department == m.depts[2] && (dv.State != shinchoku.StateAccepted || len(dv.Older) != 1) {
			t.Fatalf("%s: %s, %d older files; want accepted and the older file replaced", dv.Department, dv.State, len(dv.Older))
		}
		if dv.Department == m.depts[1] {
			if dv.State != shinchoku.StateReturned || len(dv.Current.Findings) == 0 {
				t.Fatalf("%s: %s %+v", dv.Department, dv.State, dv.Current)
			}
			returned, finding = dv.Department, dv.Current.Findings[0].Message
		}
	}
	return w.o.Results, m, returned, finding
}

var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)

// pageFacts is what the test reads of the page in the browser.
type pageFacts struct {
	Departments []string // the rows of the department table
	Findings    []string // the finding texts under the returned department's heading
	ScrollWidth int
	ClientWidth int
	DeptWidth   float64  // the department column's width in px
	FontSize    float64  // the page's font size in px
	Overlaps    []string // rows of the department table whose cells overlap or whose name overflows its cell
}

const readPage = `((returned) => {
  const rows = [...document.querySelectorAll('table')[0].querySelectorAll('tbody th[scope=row]')].map(th => th.textContent);
  const h = [...document.querySelectorAll('h3')].find(h => h.textContent.startsWith(returned + ':'));
  let findings = [];
  if (h && h.nextElementSibling) findings = [...h.nextElementSibling.querySelectorAll('tbody tr')].map(tr => tr.textContent);
  const table = document.querySelectorAll('table')[0];
  const overlaps = [];
  for (const tr of table.querySelectorAll('tbody tr')) {
    const name = tr.querySelector('th'), state = tr.querySelector('td.state');
    const a = name.getBoundingClientRect(), b = state.getBoundingClientRect();
    if (a.right > b.left + 0.5 || name.scrollWidth > name.clientWidth + 1 || state.scrollWidth > state.clientWidth + 1) {
      overlaps.push(name.textContent + ' / ' + state.textContent);
    }
  }
  return {Departments: rows, Findings: findings,
    DeptWidth: table.querySelector('thead th').getBoundingClientRect().width,
    FontSize: parseFloat(getComputedStyle(document.body).fontSize), Overlaps: overlaps,
    ScrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    ClientWidth: document.documentElement.clientWidth};
})(%q)`

// TestStatusPageInBrowser loads 提出状況.html from the file system in
// headless Chromium and checks what a person sees: every department of the
// plan, the returned one with its findings, no sideways scrolling at
// 1280 px (nor at a printed A4 page's width, nor on a 375 px phone, where
// the department names keep room and no cell overlaps), and a print on A4.
func TestStatusPageInBrowser(t *testing.T) {
	exe := chromium(t)
	results, m, returned, finding := statusPage(t)
	page := filepath.Join(results, PageFile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := context.WithTimeout(actx, 90*time.Second)
	defer cancel()
	ctx, cancel = chromedp.NewContext(ctx)
	defer cancel()
	shots := os.Getenv(shotsEnv)
	if shots != "" {
		if data, err := os.ReadFile(page); err == nil {
			_ = os.WriteFile(filepath.Join(shots, "watch.html"), data, 0o644)
		}
	}
	// 1280 px is a desktop browser; 718 px is the width of an A4 page
	// printed with this page's margins (190 mm at 96 px per inch); 375 px
	// is a phone.
	for _, width := range []int64{1280, 718, 375} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate("file://"+page)); err != nil {
			t.Fatal(err)
		}
		f, err := chromedp.Run(ctx, chromedp.Evaluate[pageFacts](fmt.Sprintf(readPage, returned)))
		if err != nil {
			t.Fatal(err)
		}
		if f.ScrollWidth > f.ClientWidth {
			t.Errorf("%d px: the page scrolls sideways (%d px wide in %d px)", width, f.ScrollWidth, f.ClientWidth)
		}
		// On a phone the department names were squeezed to one character
		// per line, with the state drawn over them: the column keeps room
		// for several characters (the table scrolls inside its box).
		if f.DeptWidth < 5*f.FontSize {
			t.Errorf("%d px: the department column is %.0f px wide, less than 5 characters of %.0f px", width, f.DeptWidth, f.FontSize)
		}
		if len(f.Overlaps) > 0 {
			t.Errorf("%d px: cells overlap or overflow in %d rows: %q", width, len(f.Overlaps), f.Overlaps)
		}
		listed := map[string]bool{}
		for _, d := range f.Departments {
			listed[d] = true
		}
		for _, d := range m.plan.Reporters("政策推進課") {
			if !listed[d] {
				t.Errorf("%d px: department %s is not listed", width, d)
			}
		}
		if len(f.Findings) == 0 || !strings.Contains(strings.Join(f.Findings, "\n"), finding) {
			t.Errorf("%d px: the findings of %s do not show %q: %q", width, returned, finding, f.Findings)
		}
		if shots != "" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("watch-%d.png", width)), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if err != nil {
		t.Fatal(err)
	}
	boxes := mediaBox.FindAllStringSubmatch(string(pdf), -1)
	// 27 departments and two findings tables fit on a few A4 pages; dozens
	// would mean rows or cells broken apart.
	if len(boxes) == 0 || len(boxes) > 6 {
		t.Errorf("printed on %d pages, want 1 to 6", len(boxes))
	}
	for _, b := range boxes {
		w, _ := strconv.ParseFloat(b[1], 64)
		h, _ := strconv.ParseFloat(b[2], 64)
		if math.Abs(w-595.28) > 1 || math.Abs(h-841.89) > 1 {
			t.Errorf("a printed page is %s × %s pt, not A4 portrait", b[1], b[2])
		}
	}
	t.Logf("printed on %d A4 pages", len(boxes))
	if shots != "" {
		if err := os.WriteFile(filepath.Join(shots, "watch.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
