package templates

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

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
