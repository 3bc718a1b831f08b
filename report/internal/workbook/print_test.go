package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
	"github.com/xuri/excelize/v2"
)

// built writes the Tomakomai workbook and opens it again, as the policy
// office's Excel would.
func built(t *testing.T) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, progress(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

// TestPrintReadable reads back every sheet's page settings and column
// widths and checks the printed size: A4 landscape at a fixed scale that
// makes the 10 pt text 9 pt or more, the header row repeated on every page,
// and either all columns on one page across or the naming column repeated
// on the pages across.
func TestPrintReadable(t *testing.T) {
	f, _ := built(t)
	for _, s := range f.GetSheetList() {
		lay, err := f.GetPageLayout(s)
		if err != nil {
			t.Fatal(err)
		}
		if lay.Size == nil || *lay.Size != paperA4 || lay.Orientation == nil || *lay.Orientation != "landscape" {
			t.Errorf("%s: paper %v %v, want A4 landscape", s, lay.Size, lay.Orientation)
		}
		props, err := f.GetSheetProps(s)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage != nil && *props.FitToPage {
			t.Errorf("%s: fit to page is on; the scale would depend on the data", s)
		}
		if lay.AdjustTo == nil {
			t.Fatalf("%s: no print scale", s)
		}
		scale := float64(*lay.AdjustTo) / 100
		if pt := bodyFontPt * scale; pt < minPrintedPt {
			t.Errorf("%s: %.0f%% prints the %d pt text at %.1f pt, want ≥ %d pt", s, scale*100, bodyFontPt, pt, minPrintedPt)
		}
		m, err := f.GetPageMargins(s)
		if err != nil {
			t.Fatal(err)
		}
		printable := (pageWidthIn - *m.Left - *m.Right) * pixelsPerInch
		if s == SheetSummary {
			continue
		}
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		total := 0.0
		for i := range rows[1] {
			col, _ := excelize.ColumnNumberToName(i + 1)
			w, err := f.GetColWidth(s, col)
			if err != nil {
				t.Fatal(err)
			}
			total += sheet.ColumnPixels(w)
		}
		titles := definedName(f, s, "_xlnm.Print_Titles")
		if !strings.Contains(titles, "$2:$2") {
			t.Errorf("%s: print titles %q do not repeat the header row", s, titles)
		}
		if total*scale > printable {
			if !regexp.MustCompile(`!\$A:\$[A-Z]+`).MatchString(titles) {
				t.Errorf("%s: %.0f px at %.0f%% is wider than the page (%.0f px) and no column repeats on the pages across (%q)", s, total, scale*100, printable, titles)
			}
			if lay.PageOrder == nil || *lay.PageOrder != "overThenDown" {
				t.Errorf("%s: pages across are not printed next to each other (page order %v)", s, lay.PageOrder)
			}
		}
		switch s {
		case SheetProjects, SheetSubmissions, SheetFindings:
			if total*scale > printable {
				t.Errorf("%s: %.0f px at %.0f%% is wider than the page (%.0f px)", s, total, scale*100, printable)
			}
		}
	}
}

func definedName(f *excelize.File, scope, name string) string {
	for _, d := range f.GetDefinedName() {
		if d.Scope == scope && d.Name == name {
			return d.RefersTo
		}
	}
	return ""
}

// TestWrapAndRowHeights checks that the hierarchy, department and
// narrative columns wrap and that each row is tall enough for its
// longest wrapped text.
func TestWrapAndRowHeights(t *testing.T) {
	f, _ := built(t)
	for _, tc := range []struct {
		sheet string
		cols  []string // headers of columns that must wrap
	}{
		{SheetIndicators, []string{"指標名", "基本目標", "施策", "事業", "担当課"}},
		{SheetGoals, []string{"指標名", "基本目標"}},
		{SheetProjects, []string{"基本目標", "施策", "事業", "取組状況・成果", "今後の方向性"}},
	} {
		rows, err := f.GetRows(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, h := range tc.cols {
			j := indexOf(rows[1], h)
			if j < 0 {
				t.Fatalf("%s: no column %s in %v", tc.sheet, h, rows[1])
			}
			col, _ := excelize.ColumnNumberToName(j + 1)
			w, _ := f.GetColWidth(tc.sheet, col)
			for i := 2; i < len(rows); i++ {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				id, _ := f.GetCellStyle(tc.sheet, cell)
				st, _ := f.GetStyle(id)
				if st == nil || st.Alignment == nil || !st.Alignment.WrapText {
					t.Errorf("%s!%s (%s) does not wrap", tc.sheet, cell, h)
					break
				}
				if j >= len(rows[i]) {
					continue
				}
				need := textLines(rows[i][j], w)
				ht, _ := f.GetRowHeight(tc.sheet, i+1)
				if need > 1 && ht < min(float64(need)*bodyFontPt*1.35, sheet.MaxRowPoints) {
					t.Errorf("%s!%s: %d lines of %q in a row %.0f pt high", tc.sheet, cell, need, rows[i][j], ht)
				}
				if need > 1 {
					checked++
				}
			}
		}
		if checked == 0 {
			t.Errorf("%s: no wrapped text of more than one line to check", tc.sheet)
		}
	}
}

func indexOf(row []string, h string) int {
	for i, v := range row {
		if v == h {
			return i
		}
	}
	return -1
}

// TestViewAndFilters checks frozen columns, filters and the 和暦 headings
// of 推移.
func TestViewAndFilters(t *testing.T) {
	f, _ := built(t)
	for s, cols := range map[string]int{SheetIndicators: 1, SheetGoals: 1, SheetProjects: 4, SheetSubmissions: 1, SheetHistory: 3} {
		p, err := f.GetPanes(s)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Freeze || p.YSplit != 2 || p.XSplit != cols {
			t.Errorf("%s: panes %+v, want the header row and %d columns frozen", s, p, cols)
		}
	}
	for _, s := range []string{SheetGoals, SheetIndicators, SheetProjects, SheetSubmissions, SheetFindings, SheetHistory} {
		tables, err := f.GetTables(s)
		if err != nil || len(tables) != 1 {
			t.Errorf("%s: %d tables (%v), want one with a filter", s, len(tables), err)
		}
	}
	rows, _ := f.GetRows(SheetHistory)
	for _, h := range rows[1][3:] {
		if !regexp.MustCompile(`^(令和|平成)(元|\d+)年\d+月末$`).MatchString(h) {
			t.Errorf("推移 heading %q is not in 和暦", h)
		}
	}
}

// TestSummaryChart reads the chart's XML: categories top to bottom (goal
// 1 first) with the value axis left to right, black axis text, values on
// the bars, and the chart within the first printed page.
func TestSummaryChart(t *testing.T) {
	f, data := built(t)
	chart := zipEntry(t, data, "xl/charts/chart1.xml")
	cat := between(chart, "<catAx>", "</catAx>")
	val := between(chart, "<valAx>", "</valAx>")
	if !strings.Contains(cat, `<orientation val="maxMin"`) {
		t.Errorf("category axis is not top to bottom: %s", cat)
	}
	if !strings.Contains(val, `<orientation val="minMax"`) {
		t.Errorf("value axis is reversed: %s", val)
	}
	for _, ax := range []string{cat, val} {
		if strings.Contains(ax, "D9D9D9") || !strings.Contains(ax, `<a:srgbClr val="000000"`) {
			t.Errorf("axis text is not black: %s", ax)
		}
	}
	if !strings.Contains(chart, `<showVal val="1"`) {
		t.Error("no data labels on the bars")
	}
	// The chart's bottom edge, from the rows it spans (their heights as
	// the workbook sets them), must be on the first printed page.
	drawing := zipEntry(t, data, "xl/drawings/drawing1.xml")
	to := regexp.MustCompile(`<xdr:to><xdr:col>(\d+)</xdr:col><xdr:colOff>(\d+)</xdr:colOff><xdr:row>(\d+)</xdr:row><xdr:rowOff>(\d+)</xdr:rowOff>`).FindStringSubmatch(drawing)
	if to == nil {
		t.Fatalf("chart anchor not found: %s", drawing)
	}
	var col, colOff, row, rowOff int
	fmt.Sscan(to[1], &col)
	fmt.Sscan(to[2], &colOff)
	fmt.Sscan(to[3], &row)
	fmt.Sscan(to[4], &rowOff)
	const emuPerPixel = 9525
	bottom := float64(rowOff) / emuPerPixel
	for r := 1; r <= row; r++ {
		h, err := f.GetRowHeight(SheetSummary, r)
		if err != nil {
			t.Fatal(err)
		}
		bottom += h * pixelsPerInch / 72
	}
	if bottom > printableHeight() {
		t.Errorf("chart ends %.0f px down the sheet, below the printable %.0f px: it would print on two pages", bottom, printableHeight())
	}
	right := float64(colOff) / emuPerPixel
	for c := 1; c <= col; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, _ := f.GetColWidth(SheetSummary, name)
		right += sheet.ColumnPixels(w)
	}
	if right > printableWidth() {
		t.Errorf("chart reaches %.0f px across, wider than the page (%.0f px)", right, printableWidth())
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

func zipEntry(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zipReader(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s not in the workbook", name)
	return ""
}

func zipReader(data []byte) (*zip.Reader, error) {
	return zip.NewReader(bytes.NewReader(data), int64(len(data)))
}

// TestLongTextFitsExcel: a department's narrative or a finding's value of
// any length gives rows at most Excel's 409 points (excelize refuses a
// taller row, and with it the whole workbook, for every department), and
// the text stays whole in its cell.
func TestLongTextFitsExcel(t *testing.T) {
	sentence := "介護人材の確保に向けて研修会を開催し、受講者の定着を支援した。"
	for _, tc := range []struct {
		name string
		text string
	}{
		{"545 characters", strings.Repeat(sentence, 20)[:545*3]},
		{"2000 characters", strings.Repeat(sentence, 70)[:2000*3]},
		{"5000 characters", strings.Repeat(sentence, 170)[:5000*3]},
		{"2000 line breaks", strings.Repeat("あ\n", 2000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pr := progress(t)
			for id, nn := range pr.Narratives {
				for i := range nn {
					nn[i].Progress = tc.text
				}
				pr.Narratives[id] = nn
				break
			}
			pr.Findings = append(pr.Findings, shinchoku.Finding{Severity: shinchoku.SeverityError, Code: "value.too_long",
				File: "x.xlsx", Sheet: "入力", Cell: "L7", Value: tc.text, Message: "取組状況・成果が長すぎます"})
			var buf bytes.Buffer
			if err := Write(&buf, pr); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for _, name := range []string{SheetProjects, SheetFindings} {
				rows, err := f.GetRows(name)
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for i, r := range rows {
					if slices.Contains(r, tc.text) {
						found = true
					}
					if h, _ := f.GetRowHeight(name, i+1); h > sheet.MaxRowPoints {
						t.Errorf("%s row %d is %.0f pt high, over Excel's %d", name, i+1, h, sheet.MaxRowPoints)
					}
				}
				if !found {
					t.Errorf("%s: the text is not whole in any cell", name)
				}
			}
		})
	}
}

// TestErrorInJapanese: when excelize refuses a value, the policy office
// reads which sheet in Japanese; the cause stays reachable for developers.
func TestErrorInJapanese(t *testing.T) {
	w := &writer{sheet: SheetProjects}
	w.set(excelize.ErrMaxRowHeight)
	w.set(excelize.ErrColumnNumber) // only the first error is kept
	msg := w.err.Error()
	if !strings.Contains(msg, "「"+SheetProjects+"」") || regexp.MustCompile(`[A-Za-z]{4,}`).MatchString(strings.NewReplacer("shinchoku", "", "Excel", "").Replace(msg)) {
		t.Errorf("message %q: want the sheet named in Japanese, no English", msg)
	}
	if !errors.Is(w.err, excelize.ErrMaxRowHeight) {
		t.Errorf("%v does not wrap excelize's error", w.err)
	}
	if msg := (&Error{Err: io.ErrShortBuffer}).Error(); strings.Contains(msg, io.ErrShortBuffer.Error()) {
		t.Errorf("message %q shows the cause", msg)
	}
}

// TestNothingCut: every text of the workbook prints whole. A cell that
// wraps has a row tall enough for its lines (up to Excel's 409 points); one
// that does not wrap fits its column on one line (LibreOffice cut 基準値以下
// in 達成率 and broke 単年/累計 into three lines out of its cell). Only a
// sheet's title may run on into the empty cells beside it, and only where
// the sheet prints one page across (else column A is repeated on pages
// without the cells the title runs into).
func TestNothingCut(t *testing.T) {
	f, _ := built(t)
	checked := 0
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		layout, _ := f.GetPageLayout(name)
		repeated := definedName(f, name, "_xlnm.Print_Titles")
		for i, r := range rows {
			for j, text := range r {
				if text == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				col, _ := excelize.ColumnNumberToName(j + 1)
				w, _ := f.GetColWidth(name, col)
				id, _ := f.GetCellStyle(name, cell)
				st, _ := f.GetStyle(id)
				pt := float64(bodyFontPt)
				if st != nil && st.Font != nil && st.Font.Size > 0 {
					pt = st.Font.Size
				}
				lines := sheet.TextLines(text, w, pt)
				wraps := st != nil && st.Alignment != nil && st.Alignment.WrapText
				checked++
				switch {
				case wraps:
					h, _ := f.GetRowHeight(name, i+1)
					if need := min(float64(lines)*pt*1.35, sheet.MaxRowPoints); lines > 1 && h < need {
						t.Errorf("%s!%s: %d lines of %q in a row %.0f pt high (%.0f needed)", name, cell, lines, text, h, need)
					}
				case lines > 1 && i == 0 && j == 0 && (len(r) == 1) && !strings.Contains(repeated, "$A:"):
					// the title, running on into empty cells on every page
				case lines > 1:
					t.Errorf("%s!%s: %q is wider than its column (%.0f characters) and does not wrap (scale %v)", name, cell, text, w, layout.AdjustTo)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no cells checked")
	}
}
