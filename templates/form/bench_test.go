package form

import (
	"io"
	"testing"

	"github.com/shinchoku/shinchoku/seeds"
)

// BenchmarkAllTemplates generates and serialises every department's workbook
// of the Tomakomai plan: what `shinchoku templates` does each month.
func BenchmarkAllTemplates(b *testing.B) {
	p := seedPlan(b, seeds.Default)
	opts := options(p)
	depts := p.Reporters(opts.Office)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range depts {
			f, _, err := Workbook(opts, d)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := f.WriteTo(io.Discard); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
	}
	b.ReportMetric(float64(len(depts)), "workbooks/op")
}
