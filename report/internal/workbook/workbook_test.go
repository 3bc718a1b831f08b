package workbook

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku/report/internal/golden"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/seeds"
	"github.com/shinchoku/shinchoku/templates/corpus"
)

func progress(t testing.TB) *shinchoku.Progress {
	t.Helper()
	file, data, err := seeds.File("tomakomai")
	if err != nil {
		t.Fatal(err)
	}
	p, err := planfile.Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	pr := corpus.Progress(p, shinchoku.Period{Year: 2022, Month: 3}, "政策推進課", corpus.PlanActual)
	pr.Findings = shinchoku.Findings{{Severity: shinchoku.SeverityError, Code: "value.not_number", File: "x.xlsx",
		Sheet: "入力", Cell: "M5", Value: "約100", Message: "実績値が数値ではありません"}}
	return pr
}

// TestConsolidated builds the consolidated workbook and checks it as a
// reader would: the sheets, and a text dump of every cell (golden).
func TestConsolidated(t *testing.T) {
	pr := progress(t)
	var buf bytes.Buffer
	if err := Write(&buf, pr); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{SheetSummary, SheetGoals, SheetIndicators, SheetProjects, SheetSubmissions, SheetFindings, SheetHistory}
	if got := g.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	rows, err := g.GetRows(SheetIndicators)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2+len(pr.Indicators) {
		t.Errorf("KPI一覧 has %d rows, want %d indicators + 2", len(rows), len(pr.Indicators))
	}
	// An empty text is a blank cell, not an empty string: the header row
	// says how wide the rows are.
	blanks := 0
	for i, r := range rows[2:] {
		for j := range rows[1] {
			if j < len(r) && r[j] != "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+3)
			if typ, err := g.GetCellType(SheetIndicators, cell); err != nil || typ != excelize.CellTypeUnset {
				t.Errorf("%s!%s is empty but of type %v (%v), want a blank cell", SheetIndicators, cell, typ, err)
			}
			blanks++
		}
	}
	if blanks == 0 {
		t.Error("no empty cell in KPI一覧 to check")
	}
	var dump strings.Builder
	for _, s := range g.GetSheetList() {
		rows, err := g.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				if v != "" {
					cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
					fmt.Fprintf(&dump, "%s!%s\t%s\n", s, cell, strings.ReplaceAll(v, "\n", `\n`))
				}
			}
		}
	}
	golden.Check(t, filepath.Join("testdata", "tomakomai.txt"), []byte(dump.String()))
	// Determinism: a second build is byte-identical.
	var buf2 bytes.Buffer
	if err := Write(&buf2, pr); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("two builds differ")
	}
}

// BenchmarkWorkbookScale writes the consolidated workbook of a synthetic
// plan of 100 departments × 100 indicators (10 with -short).
func BenchmarkWorkbookScale(b *testing.B) {
	depts := 100
	if testing.Short() {
		depts = 10
	}
	pr := corpus.BenchProgress(depts)
	for b.Loop() {
		if err := Write(io.Discard, pr); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pr.Indicators)), "indicators")
}
