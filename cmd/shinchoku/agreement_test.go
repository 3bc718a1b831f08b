package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
)

// summaryIndicator is an indicator's evaluation as summary.json writes it.
type summaryIndicator struct {
	ID, Name, Unit, Grade, Reason, Outcome string
	YearLabel                              string `json:"year_label"`
	Baseline, Expected, Actual, Rate       *float64
	Base                                   *float64 `json:"evaluation_base"`
}

// TestOutputsAgree runs the demo and reads back its three outputs — the
// PDF report, the 集計 workbook and summary.json — and checks that they
// say the same of every indicator: its year, baseline, expected value,
// actual (or the reason there is none), rate (or the outcome in words),
// grade and reason.
func TestOutputsAgree(t *testing.T) {
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
	var summary struct{ Indicators []summaryIndicator }
	if err := json.Unmarshal(data, &summary); err != nil {
		t.Fatal(err)
	}
	pdfRows := readPDFRows(t, filepath.Join(out, "進捗状況報告書_2022-03.pdf"))
	if len(pdfRows) != len(summary.Indicators) {
		t.Fatalf("%d KPI rows in the PDF, %d indicators in summary.json", len(pdfRows), len(summary.Indicators))
	}
	book := readWorkbookRows(t, filepath.Join(out, "集計_2022-03.xlsx"))
	kinds := map[string]int{}
	for i, ind := range summary.Indicators {
		// The PDF prints the plan in the order summary.json lists it.
		checkPDFRow(t, ind, pdfRows[i])
		r, ok := book[ind.ID]
		if !ok {
			t.Errorf("%s: no row in the workbook's KPI一覧", ind.ID)
			continue
		}
		checkWorkbookRow(t, ind, r)
		switch {
		case ind.Rate != nil:
			kinds["rate"]++
		case ind.Outcome != "":
			kinds["outcome"]++
		case ind.Reason != "":
			kinds["reason"]++
		}
	}
	// The demo has every kind of result: a test of agreement that saw only
	// one kind would prove little.
	for _, k := range []string{"rate", "outcome", "reason"} {
		if kinds[k] == 0 {
			t.Errorf("no indicator with a %s in the demo", k)
		}
	}
	for _, reason := range []string{"未提出", "差し戻し（青少年課）", "調査中（令和4年6月公表予定）"} {
		found := false
		for _, ind := range summary.Indicators {
			found = found || ind.Reason == reason
		}
		if !found {
			t.Errorf("no indicator with the reason %s in the demo", reason)
		}
	}
}

// formatted is how the reports print a value of an indicator.
func formatted(v float64, unit string) string { return shinchoku.FormatNumber(v) + unit }

// pdfRow is a KPI table row read from the PDF: each cell's lines, and
// the header cells of its table.
type pdfRow struct {
	cells, headers [][]string
}

func joined(lines []string) string { return strings.Join(lines, "") }

// value is a cell's figure without 累計 and the year under it.
func value(lines []string) string {
	s := joined(lines)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "累計"), " ")
	if i := strings.Index(s, "("); i > 0 {
		s = s[:i]
	}
	return s
}

func checkPDFRow(t *testing.T, ind summaryIndicator, r pdfRow) {
	t.Helper()
	name := joined(r.cells[0])
	if !strings.HasPrefix(name, ind.Name) {
		t.Errorf("%s: PDF row %q, summary.json %q (not in the same order)", ind.ID, name, ind.Name)
		return
	}
	want := "−"
	if ind.Baseline != nil {
		want = formatted(*ind.Baseline, ind.Unit)
	}
	if got := value(r.cells[1]); got != want {
		t.Errorf("%s baseline: PDF %q, summary.json %q", ind.ID, got, want)
	}
	want = "−"
	if ind.Expected != nil {
		want = formatted(*ind.Expected, ind.Unit)
	}
	if got := value(r.cells[4]); got != want {
		t.Errorf("%s expected: PDF %q, summary.json %q", ind.ID, got, want)
	}
	want = cmp(ind.Outcome, "−")
	if ind.Rate != nil {
		want = shinchoku.FormatFixed(*ind.Rate, 1) + "％"
	}
	if got := joined(r.cells[5]); got != want {
		t.Errorf("%s rate: PDF %q, summary.json %q", ind.ID, got, want)
	}
	if ind.Actual != nil {
		if got := value(r.cells[2]); got != formatted(*ind.Actual, ind.Unit) {
			t.Errorf("%s actual: PDF %q, summary.json %v%s", ind.ID, got, *ind.Actual, ind.Unit)
		}
	} else if got := joined(r.cells[2]); got != cmp(ind.Reason, "−") {
		t.Errorf("%s actual: PDF %q, summary.json has none (%q)", ind.ID, got, ind.Reason)
	}
	if got := joined(r.cells[6]); got != ind.Grade {
		t.Errorf("%s grade: PDF %q, summary.json %q", ind.ID, got, ind.Grade)
	}
	if y := "(" + ind.YearLabel + ")"; !strings.Contains(joined(r.headers[2])+joined(r.cells[2]), y) {
		t.Errorf("%s year: %s neither in the PDF's header %q nor in %q", ind.ID, y, r.headers[2], r.cells[2])
	}
}

// workbookRow is a row of KPI一覧 by header.
type workbookRow map[string]string

func checkWorkbookRow(t *testing.T, ind summaryIndicator, r workbookRow) {
	t.Helper()
	num := func(v *float64) string {
		if v == nil {
			return "−"
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	for _, c := range []struct {
		header, want string
	}{
		{"対象年度", ind.YearLabel},
		{"基準値", num(ind.Baseline)},
		{"期待値", num(ind.Expected)},
		{"実績値", num(ind.Actual)},
		{"評価", ind.Grade},
		{"評価できない理由", ind.Reason},
	} {
		if got := r[c.header]; got != c.want {
			t.Errorf("%s %s: workbook %q, summary.json %q", ind.ID, c.header, got, c.want)
		}
	}
	want := cmp(ind.Outcome, "−")
	if ind.Rate != nil {
		want = num(ind.Rate)
	}
	if got := r["達成率"]; got != want {
		t.Errorf("%s 達成率: workbook %q, summary.json %q", ind.ID, got, want)
	}
	// The workbook's number formats print a value with its own decimals
	// (92, not 92.00), as the PDF does.
	if f := r["期待値#format"]; ind.Expected != nil && f != shinchoku.ExcelNumberFormat(shinchoku.DecimalsOf(shinchoku.Num(*ind.Expected))) {
		t.Errorf("%s 期待値: number format %q for %v", ind.ID, f, *ind.Expected)
	}
}

// readWorkbookRows reads KPI一覧 by indicator ID: each cell's raw value by
// its column's header, and the number format of the expected value.
func readWorkbookRows(t *testing.T, path string) map[string]workbookRow {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "KPI一覧"
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var headers []string
	out := map[string]workbookRow{}
	for i, row := range rows {
		if len(row) > 0 && row[0] == "指標名" {
			headers = row
			continue
		}
		if headers == nil {
			continue
		}
		r := workbookRow{}
		for j, h := range headers {
			if j < len(row) {
				r[h] = row[j]
			}
			if h == "期待値" {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				style, err := f.GetCellStyle(sheet, cell)
				if err != nil {
					t.Fatal(err)
				}
				if s, err := f.GetStyle(style); err == nil && s.CustomNumFmt != nil {
					r["期待値#format"] = *s.CustomNumFmt
				}
			}
		}
		if id := r["指標ID"]; id != "" {
			out[id] = r
		}
	}
	return out
}

// readPDFRows reads the KPI tables back from the PDF file: the text of
// every page decoded through its fonts' ToUnicode maps, grouped into table
// cells by the rectangles drawn around them (a cell is a stroked
// rectangle followed by its lines of text; a row is the cells drawn at one
// height).
func readPDFRows(t *testing.T, path string) []pdfRow {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := api.ReadAndValidate(bytes.NewReader(data), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	type cellText struct {
		x0, y0, x1, y1 float64 // the rectangle
		lines          []string
	}
	var rows []pdfRow
	var headers [][]string
	for p := 1; p <= ctx.PageCount; p++ {
		fonts := pageFonts(t, ctx, p)
		r, err := pdfcpu.ExtractPageContent(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		var cells []cellText
		var font map[uint16]rune
		var x, y float64      // where the next text goes
		var pending *cellText // a rectangle not yet painted
		flush := func() {
			if len(cells) == 7 {
				row := make([][]string, 7)
				for i, c := range cells {
					row[i] = c.lines
				}
				switch {
				case joined(row[0]) == "指標名":
					headers = row
				case headers != nil:
					rows = append(rows, pdfRow{cells: row, headers: headers})
				}
			}
			cells = nil
		}
		var last []string // the operands of the next operator
		for _, tok := range pdfTokens(content) {
			if !isOperator(tok) {
				last = append(last, tok)
				continue
			}
			switch tok {
			case "re":
				// A stroked rectangle (S, or B for a header cell) starts a
				// cell; a filled one (the rate's bar) does not.
				if len(last) == 4 {
					v := make([]float64, 4)
					for i := range v {
						v[i], _ = strconv.ParseFloat(last[i], 64)
					}
					pending = &cellText{x0: v[0], x1: v[0] + v[2], y0: min(v[1], v[1]+v[3]), y1: max(v[1], v[1]+v[3])}
				}
			case "S", "B":
				if c := pending; c != nil {
					if n := len(cells); n > 0 && (cells[n-1].y0 != c.y0 || cells[n-1].y1 != c.y1) {
						flush()
					}
					cells = append(cells, *c)
				}
				pending = nil
			case "f":
				pending = nil // a bar under the rate, not a cell
			case "Tf":
				font = fonts[strings.TrimPrefix(last[0], "/")]
			case "TD":
				x, _ = strconv.ParseFloat(last[0], 64)
				y, _ = strconv.ParseFloat(last[1], 64)
			case "TJ":
				s := decodeTJ(t, last, font)
				if n := len(cells); n > 0 && x >= cells[n-1].x0 && x <= cells[n-1].x1 && y >= cells[n-1].y0 && y <= cells[n-1].y1 {
					cells[n-1].lines = append(cells[n-1].lines, s)
				} else if s != "" {
					flush() // text outside a table ends the table
					if !strings.HasPrefix(s, "-") && !strings.Contains(s, "進捗状況報告書") {
						headers = nil // not the page's running title or number
					}
				}
			}
			last = last[:0]
		}
		flush()
	}
	return rows
}

var tokenPattern = regexp.MustCompile(`\[[^\]]*\]|<[0-9A-Fa-f]*>|/[^\s/\[\]<>()]+|[^\s\[\]<>/]+`)

// pdfTokens splits a content stream into operands and operators; the
// report's streams hold no strings in parentheses.
func pdfTokens(content []byte) []string { return tokenPattern.FindAllString(string(content), -1) }

func isOperator(tok string) bool {
	if tok == "" || strings.ContainsAny(tok[:1], "[</") {
		return false
	}
	_, err := strconv.ParseFloat(tok, 64)
	return err != nil
}

var hexPattern = regexp.MustCompile(`<([0-9A-Fa-f]*)>`)

// decodeTJ turns the glyph IDs of a TJ array into text.
func decodeTJ(t *testing.T, operands []string, font map[uint16]rune) string {
	t.Helper()
	var b strings.Builder
	for _, op := range operands {
		for _, m := range hexPattern.FindAllStringSubmatch(op, -1) {
			for i := 0; i+4 <= len(m[1]); i += 4 {
				g, _ := strconv.ParseUint(m[1][i:i+4], 16, 16)
				r, ok := font[uint16(g)]
				if !ok {
					t.Fatalf("glyph %04X has no Unicode value in the font's ToUnicode map", g)
				}
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

var bfrangePattern = regexp.MustCompile(`<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>`)

// pageFonts reads the ToUnicode map of every font of a page, by resource
// name (F1, F2, …).
func pageFonts(t *testing.T, ctx *model.Context, page int) map[string]map[uint16]rune {
	t.Helper()
	d, _, inh, err := ctx.PageDict(page, true)
	if err != nil {
		t.Fatal(err)
	}
	res := d.DictEntry("Resources")
	if res == nil && inh != nil {
		res = inh.Resources
	}
	if res == nil {
		t.Fatalf("page %d has no resources", page)
	}
	fontsObj, err := ctx.DereferenceDict(res["Font"])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[uint16]rune{}
	for name, ref := range fontsObj {
		fd, err := ctx.DereferenceDict(ref)
		if err != nil {
			t.Fatal(err)
		}
		sd, _, err := ctx.DereferenceStreamDict(fd["ToUnicode"])
		if err != nil || sd == nil {
			t.Fatalf("font %s of page %d has no ToUnicode map (%v)", name, page, err)
		}
		if err := sd.Decode(); err != nil {
			t.Fatal(err)
		}
		m := map[uint16]rune{}
		for _, g := range bfrangePattern.FindAllStringSubmatch(string(sd.Content), -1) {
			lo, _ := strconv.ParseUint(g[1], 16, 16)
			hi, _ := strconv.ParseUint(g[2], 16, 16)
			dst, _ := strconv.ParseUint(g[3], 16, 32)
			for c := lo; c <= hi; c++ {
				m[uint16(c)] = rune(dst + c - lo)
			}
		}
		out[name] = m
	}
	return out
}
