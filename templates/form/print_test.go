package form

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/seeds"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// reopen writes a workbook and opens it again, as a department's Excel would.
func reopen(t *testing.T, f *excelize.File) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g
}

// TestInputPrintsReadably reads back every Tomakomai department's 入力
// sheet: A4 landscape at a fixed 90 %, the printed columns one page across
// at that scale with 3 % to spare (so 10 pt text prints at 9 pt), every input column printed,
// the reference and ID columns not, and merged titles and headings ending
// at the last printed column.
func TestInputPrintsReadably(t *testing.T) {
	p := seedPlan(t, seeds.Default)
	opts := options(p)
	for _, dept := range p.Reporters(opts.Office) {
		f, _, err := Workbook(opts, dept)
		if err != nil {
			t.Fatal(err)
		}
		g := reopen(t, f)
		lay, _ := g.GetPageLayout(sheet.InputSheet)
		if lay.AdjustTo == nil || *lay.Orientation != "landscape" || *lay.Size != 9 {
			t.Fatalf("%s: layout %+v", dept, lay)
		}
		scale := float64(*lay.AdjustTo) / 100
		if pt := bodyPt * scale; pt < 9 {
			t.Errorf("%s: text prints at %.1f pt", dept, pt)
		}
		if props, _ := g.GetSheetProps(sheet.InputSheet); props.FitToPage != nil && *props.FitToPage {
			t.Errorf("%s: fit to page is on", dept)
		}
		m, _ := g.GetPageMargins(sheet.InputSheet)
		printable := (297/25.4 - *m.Left - *m.Right) * pixelsPerInch
		last := sheet.Index(sheet.LastPrinted)
		width := 0.0
		for i := 1; i <= last; i++ {
			col, _ := excelize.ColumnNumberToName(i)
			w, _ := g.GetColWidth(sheet.InputSheet, col)
			width += sheet.ColumnPixels(w)
		}
		if width*scale > printable*0.97 {
			t.Errorf("%s: printed columns are %.0f px at %.0f%%, wider than the page (%.0f px)", dept, width*scale, scale*100, printable)
		}
		area := ""
		for _, d := range g.GetDefinedName() {
			if d.Name == "_xlnm.Print_Area" && d.Scope == sheet.InputSheet {
				area = d.RefersTo
			}
		}
		if !strings.Contains(area, "!$A$1:$"+sheet.Letter(sheet.LastPrinted)+"$") {
			t.Errorf("%s: print area %q does not end at %s (%s)", dept, area, sheet.Letter(sheet.LastPrinted), sheet.LastPrinted)
		}
		for i, c := range sheet.Columns {
			if (i+1 > last) != (c.Key == sheet.Code || c.Key == sheet.BaselineYear || c.Key == sheet.TargetYear ||
				c.Key == sheet.LastPeriod || c.Key == sheet.Departments || c.Key == sheet.NodeID || c.Key == sheet.IndicatorID) {
				t.Errorf("column %s printed = %v", c.Key, i+1 <= last)
			}
		}
		merges, _ := g.GetMergeCells(sheet.InputSheet)
		for _, mc := range merges {
			col, _, _ := excelize.CellNameToCoordinates(mc.GetEndAxis())
			if col > last {
				t.Errorf("%s: merged %s:%s runs past the print area", dept, mc.GetStartAxis(), mc.GetEndAxis())
			}
		}
	}
}

// TestNarrativeRoom: the rows of every project are together tall enough,
// in the cell metrics of Excel, for a 200-character narrative in each
// narrative column, or for a longer narrative carried over from last month.
func TestNarrativeRoom(t *testing.T) {
	p := seedPlan(t, seeds.Default)
	long := strings.Repeat("市内企業と連携して説明会を開催した。", 20) // 360 characters
	for _, carried := range []string{"", long} {
		for _, dept := range []string{"港湾・企業振興課", "工業・雇用振興課", "こども育成課"} {
			opts := options(p)
			rows := sheet.Rows(p, dept, opts.Office)
			if carried != "" {
				prev := map[string]shinchoku.NodeEntry{}
				for _, r := range rows {
					prev[r.Node.ID] = shinchoku.NodeEntry{NodeID: r.Node.ID, Progress: carried, Analysis: carried}
				}
				opts.History.Narratives = map[string]map[string]shinchoku.NodeEntry{dept: prev}
			}
			f, _, err := Workbook(opts, dept)
			if err != nil {
				t.Fatal(err)
			}
			g := reopen(t, f)
			numbers := rowNumbers(t, g)
			text := strings.Repeat("国", reservedChars)
			if len([]rune(carried)) > reservedChars {
				text = carried
			}
			for i := 0; i < len(rows); {
				j := i
				total := 0.0
				for j < len(rows) && rows[j].Node == rows[i].Node {
					h, _ := g.GetRowHeight(sheet.InputSheet, numbers[j])
					total += h
					j++
				}
				for _, key := range []string{sheet.Progress, sheet.Analysis} {
					c := sheet.Columns[sheet.Index(key)-1]
					// Capped at Excel's tallest rows: a one-indicator project
					// holds about 300 characters in print.
					need := min(float64(sheet.TextLines(text, c.Width, bodyPt))*bodyPt*1.35, float64(j-i)*sheet.MaxRowPoints)
					if total < need {
						t.Errorf("%s %s: rows %d–%d are %.0f pt; %s needs %.0f pt for %d characters",
							dept, rows[i].Node.Title, numbers[i], numbers[j-1], total, c.Header, need, len([]rune(text)))
					}
				}
				i = j
			}
		}
	}
}

// TestRequiredMarks: the narrative columns a department must fill in say
// so in their header, in a colour of their own; the configuration decides
// which.
func TestRequiredMarks(t *testing.T) {
	p := seedPlan(t, seeds.Default)
	for _, tc := range []struct {
		required []string
		want     map[string]bool
	}{
		{nil, map[string]bool{sheet.Progress: true, sheet.Outlook: true}},
		{[]string{sheet.Analysis}, map[string]bool{sheet.Analysis: true}},
		{[]string{}, map[string]bool{}},
	} {
		opts := options(p)
		opts.Required = tc.required
		f, _, err := Workbook(opts, "港湾・企業振興課")
		if err != nil {
			t.Fatal(err)
		}
		g := reopen(t, f)
		for _, c := range sheet.Columns {
			cell := sheet.Cell(c.Key, sheet.HeaderRow)
			text, _ := g.GetCellValue(sheet.InputSheet, cell)
			id, _ := g.GetCellStyle(sheet.InputSheet, cell)
			st, _ := g.GetStyle(id)
			marked := strings.Contains(text, "（必須）")
			coloured := len(st.Fill.Color) > 0 && strings.EqualFold(st.Fill.Color[0], requiredFill)
			if marked != tc.want[c.Key] || coloured != tc.want[c.Key] {
				t.Errorf("required %v: %s header %q (coloured %v), want marked %v", tc.required, c.Key, text, coloured, tc.want[c.Key])
			}
		}
		if note, _ := g.GetCellValue(sheet.InputSheet, "A2"); len(tc.want) > 0 && !strings.Contains(note, "（必須）の欄") {
			t.Errorf("note does not name the required fields: %s", note)
		}
	}
}

// TestPeriodInWords: at 2024-09 the sheet says which year's actual to
// enter and that the expected value is the year-end value.
func TestPeriodInWords(t *testing.T) {
	p := seedPlan(t, seeds.Default)
	f, _, err := Workbook(options(p), "港湾・企業振興課")
	if err != nil {
		t.Fatal(err)
	}
	g := reopen(t, f)
	for key, want := range map[string]string{sheet.Expected: "令和6年度の期待値", sheet.Actual: "令和6年度の実績値"} {
		if got, _ := g.GetCellValue(sheet.InputSheet, sheet.Cell(key, sheet.HeaderRow)); got != want {
			t.Errorf("%s header %q, want %q", key, got, want)
		}
	}
	note, _ := g.GetCellValue(sheet.InputSheet, "A2")
	for _, want := range []string{"実績値は令和6年度の値（令和6年9月末現在で分かっているもの", "期待値は令和6年度末に計画どおりなら達する値"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q: %s", want, note)
		}
	}
	guide, _ := g.GetRows(sheet.GuideSheet)
	found := false
	for _, r := range guide {
		if len(r) > 1 && r[0] == "令和6年度の実績値" && strings.Contains(r[1], "令和6年度（2024年4月〜2025年3月）") {
			found = true
		}
	}
	if !found {
		t.Errorf("記入要領 does not say which year's actual to enter: %v", guide)
	}
}

// TestGuideOnePage: 記入要領 prints on one A4 portrait page at 100 %: its
// columns within the page width and its rows within the page height.
func TestGuideOnePage(t *testing.T) {
	p := seedPlan(t, seeds.Default)
	opts := options(p)
	for _, dept := range p.Reporters(opts.Office) {
		f, _, err := Workbook(opts, dept)
		if err != nil {
			t.Fatal(err)
		}
		g := reopen(t, f)
		lay, _ := g.GetPageLayout(sheet.GuideSheet)
		if *lay.Orientation != "portrait" || lay.AdjustTo == nil || *lay.AdjustTo != 100 {
			t.Fatalf("%s: 記入要領 layout %+v", dept, lay)
		}
		m, _ := g.GetPageMargins(sheet.GuideSheet)
		width := 0.0
		for _, col := range []string{"A", "B"} {
			w, _ := g.GetColWidth(sheet.GuideSheet, col)
			width += sheet.ColumnPixels(w)
		}
		if max := (210/25.4 - *m.Left - *m.Right) * pixelsPerInch; width > max {
			t.Errorf("%s: 記入要領 is %.0f px wide, the page %.0f px", dept, width, max)
		}
		rows, _ := g.GetRows(sheet.GuideSheet)
		height := 0.0
		for i := range rows {
			h, _ := g.GetRowHeight(sheet.GuideSheet, i+1)
			height += h
		}
		if max := (297/25.4 - *m.Top - *m.Bottom) * 72; height > max {
			t.Errorf("%s: 記入要領 is %.0f pt tall, the page %.0f pt", dept, height, max)
		}
	}
}

// TestLibreOfficeRoundTrip prints a template filled with 200-character
// narratives through LibreOffice and checks that every character of every
// narrative is on the pages: the words printed in the 取組状況・成果 column,
// in reading order, hold each narrative whole. It runs only where soffice
// and pdftotext are installed (and not with -short).
func TestLibreOfficeRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice round trip skipped in -short")
	}
	for _, tool := range []string{"soffice", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	const dept = "港湾・企業振興課"
	p := seedPlan(t, seeds.Default)
	f, _, err := Workbook(options(p), dept)
	if err != nil {
		t.Fatal(err)
	}
	// Full-width only, so that the PDF's words are whole lines of the cell.
	text := strings.Repeat("令和６年度は市内企業と連携して合同説明会を２回開催し、延べ１２０人が参加した。", 6)
	text = string([]rune(text)[:199]) + "了"
	projects := map[string]bool{}
	for _, n := range rowNumbers(t, f) {
		cell := sheet.Cell(sheet.Progress, n)
		if v, _ := f.GetCellValue(sheet.InputSheet, cell); v == "" && !mergedBelowTop(t, f, cell) {
			f.SetCellValue(sheet.InputSheet, cell, text)
			projects[cell] = true
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "filled.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "--convert-to", "pdf", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", "-bbox", filepath.Join(dir, "filled.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
	var column strings.Builder
	for _, page := range strings.Split(string(out), "<page ")[1:] {
		lo, hi := -1.0, -1.0
		for _, m := range word.FindAllStringSubmatch(page, -1) {
			if strings.HasPrefix(m[3], "取組状況・成果（") {
				lo, _ = strconv.ParseFloat(m[1], 64)
				hi, _ = strconv.ParseFloat(m[2], 64)
			}
		}
		if lo < 0 {
			continue
		}
		for _, m := range word.FindAllStringSubmatch(page, -1) {
			x0, _ := strconv.ParseFloat(m[1], 64)
			x1, _ := strconv.ParseFloat(m[2], 64)
			if c := (x0 + x1) / 2; c > lo-30 && c < hi+30 && !strings.HasPrefix(m[3], "取組状況・成果") {
				column.WriteString(m[3])
			}
		}
	}
	if got, want := strings.Count(column.String(), text), len(projects); got != want || want == 0 {
		t.Errorf("%d whole 200-character narratives printed, want %d (column text: %.200s…)", got, want, column.String())
	}
}

// mergedBelowTop reports whether a cell is inside a merge but not its
// top-left cell (it cannot take a value).
func mergedBelowTop(t *testing.T, f *excelize.File, cell string) bool {
	merges, err := f.GetMergeCells(sheet.InputSheet)
	if err != nil {
		t.Fatal(err)
	}
	c, r, _ := excelize.CellNameToCoordinates(cell)
	for _, m := range merges {
		c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		if c >= c0 && c <= c1 && r >= r0 && r <= r1 && (c != c0 || r != r0) {
			return true
		}
	}
	return false
}
