package ingest

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXMatchesExcelize: the small reader gives the same raw cell values
// as excelize for a workbook with shared strings, inline strings, numbers,
// booleans, formulas with and without a cached value, entities, rich text
// with a phonetic guide, and gaps.
func TestXLSXMatchesExcelize(t *testing.T) {
	f := excelize.NewFile()
	s := "Sheet1"
	for cell, v := range map[string]any{
		"A1": "政策推進課", "B1": 12.5, "C1": -3, "E1": "a&b <c> \"d\"", "A3": true, "C3": "改行\nあり",
		"B4": 1234567.891, "Z5": "右端",
	} {
		if err := f.SetCellValue(s, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellFormula(s, "D1", "B1*2")
	f.SetCellValue(s, "D1", 25)
	f.SetCellFormula(s, "D3", "B1*3") // no cached value
	f.SetCellRichText(s, "A4", []excelize.RichTextRun{{Text: "東京"}, {Text: "事務所", Font: &excelize.Font{Bold: true}}})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	g, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want, err := g.GetRows(s, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// A boolean as Excel shows it, where excelize gives the stored 1.
	want[2][0] = "TRUE"
	x, err := openXLSX(data, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	got := make([][]string, len(want))
	var formulaOnly [][2]int
	if err := x.rows(s, func(row int, cols []string, m marks) {
		for len(got) < row {
			got = append(got, nil)
		}
		got[row-1] = cols
		for _, c := range m.formulaOnly {
			formulaOnly = append(formulaOnly, [2]int{row, c})
		}
	}); err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if len(want[i]) == 0 && len(got[i]) == 0 {
			continue
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i+1, got[i], want[i])
		}
	}
	if !reflect.DeepEqual(formulaOnly, [][2]int{{3, 3}}) {
		t.Errorf("formulas without a value at %v, want D3", formulaOnly)
	}
}

func TestSharedStrings(t *testing.T) {
	got, err := parseSharedStrings([]byte(`<?xml version="1.0"?><sst><si><t>苫小牧</t><rPh sb="0" eb="3"><t>トマコマイ</t></rPh></si>` +
		`<si/><si><r><rPr><b/></rPr><t xml:space="preserve">A </t></r><r><t>&amp;B&#x3042;</t></r></si><si><t><![CDATA[x<y]]></t></si></sst>`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"苫小牧", "", "A &Bあ", "x<y"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shared strings = %q, want %q", got, want)
	}
}

// FuzzXLSXScanner: the scanner never panics or loops on any XML.
func FuzzXLSXScanner(f *testing.F) {
	f.Add([]byte(`<row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3"><f>A1</f></c></row>`))
	f.Add([]byte(`<si><t>a&amp;b</t></si><![CDATA[x]]><!-- c --><?pi?>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseSharedStrings(data)
		x := &xlsxFile{shared: []string{"a"}}
		x.scanRows(data, func(int, []string, marks) {})
	})
}

func TestUnquoted(t *testing.T) {
	for code, percent := range map[string]bool{"0.0%": true, `0"%"`: false, `0\%`: false, `#,##0;"△"#,##0`: false, "0%;[Red]-0%": true} {
		if got := strings.Contains(unquoted(code), "%"); got != percent {
			t.Errorf("%q: percent = %v, want %v", code, got, percent)
		}
	}
}

// TestWideRowDoesNotWidenOthers: a value typed in the last column of one
// row does not make the rows after it as wide (the reader keeps every row).
func TestWideRowDoesNotWidenOthers(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1"><v>1</v></c></row>`)
	for r := 2; r <= 50; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d"><v>2</v></c></row>`, r, r, r)
	}
	b.WriteString(`</sheetData>`)
	x := &xlsxFile{}
	if err := x.scanRows([]byte(b.String()), func(row int, cols []string, _ marks) {
		if row == 1 && len(cols) != 1 {
			// Columns past maxColumns are not read.
			t.Errorf("row 1 has %d columns, want 1", len(cols))
		}
		if row > 1 && cap(cols) > 64 {
			t.Errorf("row %d: %d columns kept for %d values", row, cap(cols), len(cols))
		}
	}); err != nil {
		t.Fatal(err)
	}
}
