package form

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// TestReturnSurvivesWhatExcelizeCannotRead: excelize dereferences nil when
// it moves a sheet of a workbook whose sheet XML is UTF-16 or in an encoding
// it does not know. Return gives an error instead of taking the run down.
func TestReturnSurvivesWhatExcelizeCannotRead(t *testing.T) {
	f, _, err := Workbook(options(seedPlan(t, "tomakomai")), "政策推進課")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	findings := shinchoku.Findings{{Severity: shinchoku.SeverityError, Code: "value.not_number", Sheet: sheet.InputSheet, Cell: "M5", Message: "数値ではありません"}}
	for _, enc := range []string{"UTF-16", "x-nonesuch"} {
		t.Run(enc, func(t *testing.T) {
			data := reencode(t, buf.Bytes(), enc)
			if r, err := Return(data, findings); err == nil {
				r.Close()
			}
		})
	}
}

// reencode rewrites the worksheets of a workbook in an encoding: UTF-16 for
// real, any other only in the declaration.
func reencode(t *testing.T, data []byte, enc string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			s := strings.Replace(string(b), `encoding="UTF-8"`, `encoding="`+enc+`"`, 1)
			b = []byte(s)
			if enc == "UTF-16" {
				b = []byte{0xFF, 0xFE}
				for _, r := range s {
					b = append(b, byte(r), byte(r>>8))
				}
			}
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// returned builds a 差し戻し workbook from a template whose cells were
// changed by edit, with the findings the reader gives, and opens it again.
func returned(t *testing.T, edit func(f *excelize.File), findings shinchoku.Findings) (*excelize.File, []byte) {
	t.Helper()
	f, _, err := Workbook(options(seedPlan(t, "tomakomai")), "青少年課")
	if err != nil {
		t.Fatal(err)
	}
	edit(f)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := Return(buf.Bytes(), findings)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := r.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	r.Close()
	g, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g, out.Bytes()
}

// firstDataRow is the first row of the 入力 sheet that names an indicator.
func firstDataRow(t *testing.T, f *excelize.File) int {
	t.Helper()
	for r := sheet.FirstRow; r < sheet.FirstRow+50; r++ {
		if v, _ := f.GetCellValue(sheet.InputSheet, sheet.Cell(sheet.IndicatorName, r)); v != "" {
			return r
		}
	}
	t.Fatal("no indicator row")
	return 0
}

// TestReturnFindingList reads the 指摘一覧 back: the department and period
// at the top, a row per finding with the project and indicator of its row,
// the typed value and no ID columns; a locked cell is put back to its
// original; the sheet prints one page across at 100 %.
func TestReturnFindingList(t *testing.T) {
	plain, _, err := Workbook(options(seedPlan(t, "tomakomai")), "青少年課")
	if err != nil {
		t.Fatal(err)
	}
	row := firstDataRow(t, plain)
	target, _ := plain.GetCellValue(sheet.InputSheet, sheet.Cell(sheet.Target, row))
	plain.Close()
	findings := shinchoku.Findings{
		{Severity: shinchoku.SeverityError, Code: "template.locked", Sheet: sheet.InputSheet, Cell: sheet.Cell(sheet.Target, row), Value: "999", Want: target, Message: "変更できないセルが書き換えられています"},
		{Severity: shinchoku.SeverityError, Code: "value.missing_actual", Sheet: sheet.InputSheet, Cell: sheet.Cell(sheet.Actual, row), Value: "-", Message: "実績値がありません"},
		{Severity: shinchoku.SeverityError, Code: "value.required", Sheet: sheet.InputSheet, Cell: sheet.Cell(sheet.Progress, row), Message: "取組状況・成果を入力してください"},
	}
	g, _ := returned(t, func(f *excelize.File) {
		f.SetCellValue(sheet.InputSheet, sheet.Cell(sheet.Target, row), 999)
		f.SetCellValue(sheet.InputSheet, sheet.Cell(sheet.Actual, row), "-")
	}, findings)
	if got := g.GetSheetList()[0]; got != ReturnSheet {
		t.Fatalf("first sheet %s, want %s", got, ReturnSheet)
	}
	rows, err := g.GetRows(ReturnSheet)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rows[0][0], "青少年課") || !strings.Contains(rows[0][0], "令和6年9月末現在") {
		t.Errorf("title %q does not name the department and period", rows[0][0])
	}
	wantHeader := []string{"No.", "重要度", "事業名", "指標名", "セル", "入力値", "内容（どう直すか）"}
	if strings.Join(rows[3], "|") != strings.Join(wantHeader, "|") {
		t.Errorf("header %v, want %v", rows[3], wantHeader)
	}
	project, _ := g.GetCellValue(sheet.InputSheet, sheet.Cell(sheet.NodeTitle, row))
	indicator, _ := g.GetCellValue(sheet.InputSheet, sheet.Cell(sheet.IndicatorName, row))
	for i, want := range [][]string{
		{"1", "エラー", project, indicator, sheet.Cell(sheet.Target, row), "999"},
		{"2", "エラー", project, indicator, sheet.Cell(sheet.Actual, row), "-"},
		{"3", "エラー", project, "", sheet.Cell(sheet.Progress, row), ""},
	} {
		got := append(rows[4+i], make([]string, 7)...)[:6]
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("row %d: %v, want %v", i+1, got, want)
		}
	}
	if got, _ := g.GetCellValue(sheet.InputSheet, sheet.Cell(sheet.Target, row)); got != target {
		t.Errorf("locked cell holds %q, want the original %q put back", got, target)
	}
	// The copy's 入力 sheet keeps its print area (no reference or ID
	// columns) and titles, and 記入要領 its own, after 指摘一覧 is put first.
	areas := map[string]string{}
	for _, d := range g.GetDefinedName() {
		areas[d.Scope+" "+d.Name] = d.RefersTo
	}
	if a := areas[sheet.InputSheet+" _xlnm.Print_Area"]; !strings.HasPrefix(a, "'"+sheet.InputSheet+"'!$A$1:$"+sheet.Letter(sheet.LastPrinted)+"$") {
		t.Errorf("入力 print area in the copy is %q (names: %v)", a, areas)
	}
	if a := areas[sheet.GuideSheet+" _xlnm.Print_Area"]; !strings.HasPrefix(a, "'"+sheet.GuideSheet+"'!") {
		t.Errorf("記入要領 print area in the copy is %q (names: %v)", a, areas)
	}
	// Print: A4 landscape at 100 %, one page across, header row repeated.
	lay, _ := g.GetPageLayout(ReturnSheet)
	if lay.AdjustTo == nil || *lay.AdjustTo != 100 || *lay.Orientation != "landscape" || *lay.Size != 9 {
		t.Errorf("page layout %+v, want A4 landscape at 100%%", lay)
	}
	m, _ := g.GetPageMargins(ReturnSheet)
	total := 0.0
	for i := range wantHeader {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w, _ := g.GetColWidth(ReturnSheet, col)
		total += w*7 + 5
	}
	if printable := (297/25.4 - *m.Left - *m.Right) * 96; total > printable {
		t.Errorf("指摘一覧 is %.0f px wide, wider than the page (%.0f px)", total, printable)
	}
}

// TestReturnOpenpyxlColours: a workbook saved by openpyxl writes colours
// with eight digits (00000000). The 差し戻し copy must keep every colour at
// six or eight digits, or openpyxl cannot open it again.
func TestReturnOpenpyxlColours(t *testing.T) {
	f, _, err := Workbook(options(seedPlan(t, "tomakomai")), "青少年課")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	// As openpyxl saves it: every colour with an alpha byte of 00.
	data := rewriteEntry(t, buf.Bytes(), "xl/styles.xml", func(s string) string {
		return regexp.MustCompile(`rgb="FF([0-9A-F]{6})"`).ReplaceAllString(s, `rgb="00$1"`)
	})
	g, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	row := firstDataRow(t, g)
	g.Close()
	r, err := Return(data, shinchoku.Findings{{Severity: shinchoku.SeverityError, Code: "value.not_number", Sheet: sheet.InputSheet,
		Cell: sheet.Cell(sheet.Actual, row), Value: "約100", Message: "数値ではありません"}})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := r.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	styles := readEntry(t, out.Bytes(), "xl/styles.xml")
	colours := regexp.MustCompile(`rgb="([^"]*)"`).FindAllStringSubmatch(styles, -1)
	if len(colours) == 0 {
		t.Fatal("no colours in styles.xml")
	}
	for _, c := range colours {
		if !regexp.MustCompile(`^([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$`).MatchString(c[1]) {
			t.Errorf("colour %q is not aRGB hex (openpyxl refuses the file)", c[1])
		}
	}
}

func readEntry(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("%s not found", name)
	return ""
}

func rewriteEntry(t *testing.T, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == name {
			b = []byte(edit(string(b)))
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
