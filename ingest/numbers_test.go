package ingest_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// TestNumbersAsExcelShowsThem: the actual is the number Excel shows, or a
// finding on its cell; never another number. Cell XML is written as other
// programs (a macro, openpyxl, a converter) write it.
func TestNumbersAsExcelShowsThem(t *testing.T) {
	const marker = "777777"
	// inSheet replaces the marker cell's value XML in the 入力 sheet.
	inSheet := func(old, new string) func(string, []byte) []byte {
		return func(name string, b []byte) []byte {
			if !strings.HasPrefix(name, "xl/worksheets/") {
				return b
			}
			return bytes.ReplaceAll(b, []byte(old), []byte(new))
		}
	}
	for _, tc := range []struct {
		name  string
		typed any // typed into the actual of p1.k1 with excelize
		edit  func(string, []byte) []byte
		code  string
		want  shinchoku.Value
	}{
		{name: "20 digits typed as text", typed: "12345678901234567890", code: "value.too_precise"},
		{name: "20 digits stored as a number", typed: 777777, edit: inSheet("<v>"+marker+"</v>", "<v>12345678901234567890</v>"), code: "value.too_precise"},
		{name: "a thousand trillion", typed: "1,000,000,000,000,000", code: "value.too_precise"},
		{name: "17 significant decimals typed", typed: "0.12345678901234567", code: "value.too_precise"},
		{name: "boolean TRUE", typed: true, code: "value.not_number"},
		{name: "shared string index with no string", typed: 777777, edit: inSheet(`"><v>`+marker+`</v>`, `" t="s"><v>99999</v>`), code: "value.broken"},
		{name: "E-notation", typed: 777777, edit: inSheet("<v>"+marker+"</v>", "<v>1.5E+1</v>"), want: shinchoku.Num(15)},
		{name: "tiny E-notation", typed: 777777, edit: inSheet("<v>"+marker+"</v>", "<v>1e-05</v>"), want: shinchoku.Num(0.00001)},
		{name: "binary artefact of a sum", typed: 777777, edit: inSheet("<v>"+marker+"</v>", "<v>12.300000000000001</v>"), want: shinchoku.Num(12.3)},
		{name: "formula with an empty cached value", typed: 777777, edit: inSheet("<v>"+marker+"</v>", "<f>10+2</f><v></v>"), code: "value.formula"},
		{name: "fifteen digits are kept", typed: "123456789012345", want: shinchoku.Num(123456789012345)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := plan(t)
			f, rows := filled(t, p)
			cell := sheet.Cell(sheet.Actual, rows[0])
			if err := f.SetCellValue(sheet.InputSheet, cell, tc.typed); err != nil {
				t.Fatal(err)
			}
			data := bytesOf(t, f)
			if tc.edit != nil {
				edited := rezip(t, data, tc.edit)
				if bytes.Equal(edited, rezip(t, data, func(_ string, b []byte) []byte { return b })) {
					t.Fatal("the edit changed nothing")
				}
				data = edited
			}
			res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("n.xlsx", data)
			if tc.code == "" {
				if len(res.Findings) > 0 || res.Submission == nil {
					t.Fatalf("findings:\n%s", dump(res.Findings))
				}
				if got := res.Submission.Indicators[0].Actual; got != tc.want {
					t.Errorf("actual = %v, want %v", got, tc.want)
				}
				return
			}
			found := false
			for _, fd := range res.Findings {
				found = found || (fd.Code == tc.code && fd.Cell == cell && fd.Severity == shinchoku.SeverityError)
			}
			if !found || res.State() == shinchoku.StateAccepted {
				t.Fatalf("want error %s at %s; got\n%s", tc.code, cell, dump(res.Findings))
			}
		})
	}
}
