package html

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/seeds"
	"github.com/shinchoku/shinchoku/templates/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seedProgress evaluates an embedded plan as if every department had
// reported the plan's own actuals for the period's year (Tomakomai: R3).
func seedProgress(t testing.TB, name string, period shinchoku.Period) *shinchoku.Progress {
	t.Helper()
	file, data, err := seeds.File(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := planfile.Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return corpus.Progress(p, period, "政策推進課", corpus.PlanActual)
}

var seedCases = []struct {
	name   string
	period shinchoku.Period
}{
	{"tomakomai", shinchoku.Period{Year: 2022, Month: 3}},
	{"hokkaido-sapporo", shinchoku.Period{Year: 2026, Month: 3}},
}

// TestGolden renders both embedded plans and compares the page with the
// golden file (go test -update rewrites it; review the diff).
func TestGolden(t *testing.T) {
	for _, tc := range seedCases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, seedProgress(t, tc.name, tc.period), Options{}); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", tc.name+".html"), buf.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it; review the diff)", path)
	}
}
