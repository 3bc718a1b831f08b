package ingest_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/templates/corpus"
	"github.com/shinchoku/shinchoku/templates/form"
)

// corpusFiles writes n filled workbooks of 100 indicator rows each (the
// synthetic prefecture plan) into a temporary folder.
func corpusFiles(b *testing.B, n int) (*shinchoku.Plan, []string) {
	b.Helper()
	p := corpus.Plan(n, 100)
	period := shinchoku.Period{Year: 2026, Month: 3}
	gen := form.NewGenerator(form.Options{Plan: p, Period: period, Office: "政策推進課"})
	dir := b.TempDir()
	var files []string
	for _, d := range gen.Departments() {
		f, sum, err := gen.Workbook(d)
		if err != nil {
			b.Fatal(err)
		}
		if err := corpus.Fill(f, period, gen.Rows(d), sum.Rows, corpus.SyntheticActual(p), corpus.None); err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, sum.File)
		if err := f.SaveAs(path); err != nil {
			b.Fatal(err)
		}
		f.Close()
		files = append(files, path)
	}
	return p, files
}

// BenchmarkReadValidate reads and validates a month of submissions: 1,000
// workbooks × 100 rows (20 in -short mode), on all cores.
func BenchmarkReadValidate(b *testing.B) {
	n := 1000
	if testing.Short() {
		n = 20
	}
	p, files := corpusFiles(b, n)
	rd := ingest.NewReader(p, ingest.Options{Office: "政策推進課"})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		results := rd.ReadFiles(files, runtime.GOMAXPROCS(0), nil)
		for _, r := range results {
			if r.State() != shinchoku.StateAccepted {
				b.Fatalf("%s: %v", r.File, r.Findings)
			}
		}
	}
	b.ReportMetric(float64(n), "workbooks/op")
}
