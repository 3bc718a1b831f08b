package seeds_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/report/outline"
	"github.com/shinchoku/shinchoku/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func load(t *testing.T, name string) *shinchoku.Plan {
	t.Helper()
	file, data, err := seeds.File(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := planfile.Parse(file, data)
	if err != nil {
		t.Fatalf("embedded plan %s does not load:\n%v", name, err)
	}
	return p
}

// counts tallies nodes per level, indicators per level and tags.
func counts(p *shinchoku.Plan) (nodes, indicators, tags map[string]int) {
	nodes, indicators, tags = map[string]int{}, map[string]int{}, map[string]int{}
	p.Walk(func(n *shinchoku.Node, _ []*shinchoku.Node) bool {
		nodes[n.Level]++
		indicators[n.Level] += len(n.Indicators)
		for _, t := range n.Tags {
			tags[t]++
		}
		for _, ind := range n.Indicators {
			for _, t := range ind.Tags {
				tags[t]++
			}
		}
		return true
	})
	return nodes, indicators, tags
}

func TestSeedCounts(t *testing.T) {
	for _, tc := range []struct {
		name       string
		nodes      map[string]int
		indicators map[string]int
		tags       map[string]int
		depts      []string // some of the departments that must be there
	}{
		{
			name: "tomakomai",
			// Chapter 3 of the strategy: 4 goals with 10 数値目標, 16 directions,
			// 19 measures, 75 projects with 94 KPI rows.
			nodes:      map[string]int{"基本目標": 4, "施策の基本的方向": 16, "施策": 19, "事業": 75},
			indicators: map[string]int{"基本目標": 10, "事業": 94},
			// The FY2022 revision as printed on the projects. 第3章 6. counts
			// ＫＰＩ変更 as 32 項目, but the text marks 27 projects (with 40 KPI
			// rows between them); the plan keeps what is printed.
			tags:  map[string]int{"新規施策": 1, "新規事業": 5, "事業内容変更": 6, "取組終了": 2, "数値目標変更": 1, "ＫＰＩ変更": 27},
			depts: []string{"政策推進課", "工業・雇用振興課", "介護福祉課", "港湾・企業振興課", "青少年課"},
		},
		{
			name:       "hokkaido-sapporo",
			nodes:      map[string]int{"テーマ": 3, "取組": 26},
			indicators: map[string]int{},
			tags:       map[string]int{},
			depts:      []string{"北海道", "札幌市"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := load(t, tc.name)
			nodes, indicators, tags := counts(p)
			for _, m := range []struct {
				what      string
				got, want map[string]int
			}{{"nodes", nodes, tc.nodes}, {"indicators", indicators, tc.indicators}, {"tags", tags, tc.tags}} {
				for k, want := range m.want {
					if m.got[k] != want {
						t.Errorf("%s %s = %d, want %d", m.what, k, m.got[k], want)
					}
				}
				for k, got := range m.got {
					if _, ok := m.want[k]; !ok && got != 0 {
						t.Errorf("unexpected %s %s = %d", m.what, k, got)
					}
				}
			}
			have := map[string]bool{}
			for _, d := range p.Departments() {
				have[d] = true
			}
			for _, d := range tc.depts {
				if !have[d] {
					t.Errorf("department %s missing", d)
				}
			}
		})
	}
}

// TestSeedGolden keeps the whole content of each embedded plan reviewable as
// text: the outline and the CSV table. Run `go test ./seeds -update` after
// changing a plan and read the diff.
func TestSeedGolden(t *testing.T) {
	for _, name := range seeds.Names() {
		p := load(t, name)
		for _, format := range []struct {
			ext   string
			write func(*bytes.Buffer, *shinchoku.Plan) error
		}{
			{"tree", func(b *bytes.Buffer, p *shinchoku.Plan) error { return outline.Tree(b, p) }},
			{"csv", func(b *bytes.Buffer, p *shinchoku.Plan) error { return outline.CSV(b, p) }},
		} {
			var buf bytes.Buffer
			if err := format.write(&buf, p); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+"."+format.ext+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./seeds -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the plan's output; run go test ./seeds -update and review the diff", golden)
			}
		}
	}
}

// TestSeedRoundTrip: every embedded plan survives export and reload.
func TestSeedRoundTrip(t *testing.T) {
	for _, name := range seeds.Names() {
		p := load(t, name)
		var buf bytes.Buffer
		if err := planfile.WriteYAML(&buf, p); err != nil {
			t.Fatal(err)
		}
		again, err := planfile.Parse("export.yaml", buf.Bytes())
		if err != nil {
			t.Fatalf("%s: exported plan does not load: %v", name, err)
		}
		if again.Hash() != p.Hash() {
			t.Errorf("%s: round trip changed the plan", name)
		}
	}
}
