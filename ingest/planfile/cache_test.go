package planfile

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/seeds"
)

func exportYAML(t *testing.T, p *shinchoku.Plan) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteYAML(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestCache: a plan read back from the cache is the plan parsed from the
// file; an edited file, another program or a damaged entry parses again;
// a plan with findings is not cached; an unusable folder only turns the
// cache off.
func TestCache(t *testing.T) {
	edited := strings.Replace(validPlan, "テスト市総合戦略", "テスト市総合戦略（改訂）", 1)
	broken := strings.Replace(validPlan, "value: 46", "value: 46人", 1)
	for _, tc := range []struct {
		name string
		// between acts on the cache after the first parse, before the second
		between   func(t *testing.T, c *Cache, entry string)
		second    string // the file's bytes at the second run
		wantTitle string
	}{
		{"same file", func(*testing.T, *Cache, string) {}, validPlan, "テスト市総合戦略"},
		{"edited file", func(*testing.T, *Cache, string) {}, edited, "テスト市総合戦略（改訂）"},
		{"new program", func(t *testing.T, c *Cache, entry string) {
			// An entry of the old program that says otherwise is not used.
			p, _ := Parse("plan.yaml", []byte(validPlan))
			p.Title = "古いプログラムの計画"
			writeEntry(c.Dir, entry, c.key([]byte(validPlan)), p, nil)
			c.Program = "v2"
		}, validPlan, "テスト市総合戦略"},
		{"damaged entry", func(t *testing.T, _ *Cache, entry string) {
			data, err := os.ReadFile(entry)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(entry, data[:len(data)/2], 0o644); err != nil {
				t.Fatal(err)
			}
		}, validPlan, "テスト市総合戦略"},
		{"entry is what is read", func(t *testing.T, c *Cache, entry string) {
			p, _ := Parse("plan.yaml", []byte(validPlan))
			p.Title = "キャッシュから読んだ計画"
			writeEntry(c.Dir, entry, c.key([]byte(validPlan)), p, nil)
		}, validPlan, "キャッシュから読んだ計画"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Cache{Dir: filepath.Join(t.TempDir(), "cache"), Program: "v1"}
			name := filepath.Join(t.TempDir(), "plan.yaml")
			first, err := c.Parse(name, []byte(validPlan))
			if err != nil {
				t.Fatal(err)
			}
			entry := c.entry(name)
			if _, err := os.Stat(entry); err != nil {
				t.Fatalf("no cache entry after a clean parse: %v", err)
			}
			tc.between(t, c, entry)
			second, err := c.Parse(name, []byte(tc.second))
			if err != nil {
				t.Fatal(err)
			}
			if second.Title != tc.wantTitle {
				t.Errorf("title = %q, want %q", second.Title, tc.wantTitle)
			}
			if tc.second == validPlan && tc.wantTitle == first.Title {
				if got, want := exportYAML(t, second), exportYAML(t, first); got != want {
					t.Errorf("cached plan differs from the parsed one:\n%s\nwant:\n%s", got, want)
				}
			}
		})
	}

	// Both embedded plans, and plans with what gob would not keep as it is
	// (−0, empty lists), come back from the cache as they were parsed.
	sources := map[string]string{
		"minus zero":  strings.Replace(validPlan, "value: 46}", "value: -0.0}", 1),
		"empty lists": strings.Replace(validPlan, "        tags: [数値目標変更]\n", "        tags: []\n        actuals: []\n", 1),
	}
	for _, name := range seeds.Names() {
		_, data, err := seeds.File(name)
		if err != nil {
			t.Fatal(err)
		}
		sources["seed "+name] = string(data)
	}
	for name, src := range sources {
		t.Run(name, func(t *testing.T) {
			file, data := name+".yaml", []byte(src)
			c := Cache{Dir: t.TempDir(), Program: "v1"}
			first, err := c.Parse(file, data)
			if err != nil {
				t.Fatal(err)
			}
			second, _ := readEntry(c.entry(file), func() []byte { return c.key(data) })
			if second == nil {
				t.Fatal("no cache entry")
			}
			if got, want := exportYAML(t, second), exportYAML(t, first); got != want {
				t.Error("cached plan differs from the parsed one")
			}
			// Templates record the plan's hash: a cached plan must hash the same.
			if second.Hash() != first.Hash() {
				t.Error("cached plan hashes differently")
			}
		})
	}

	t.Run("findings are not cached", func(t *testing.T) {
		c := Cache{Dir: t.TempDir(), Program: "v1"}
		for range 2 {
			if _, err := c.Parse("plan.yaml", []byte(broken)); err == nil {
				t.Fatal("a plan with findings parsed without error")
			}
		}
		if entries, _ := os.ReadDir(c.Dir); len(entries) != 0 {
			t.Errorf("cache holds %d entries for a plan with findings", len(entries))
		}
	})

	t.Run("unusable folder", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(file, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		c := Cache{Dir: filepath.Join(file, "cache"), Program: "v1"}
		p, err := c.Parse("plan.yaml", []byte(validPlan))
		if err != nil || p.Title != "テスト市総合戦略" {
			t.Fatalf("Parse = %v, %v; want the plan", p, err)
		}
	})
}

// TestCacheKeepsWarnings: a plan read back from the cache says the same
// warnings as the file parsed afresh.
func TestCacheKeepsWarnings(t *testing.T) {
	lowered := strings.NewReplacer("value: 46}", "value: 460}", "cumulative: true", "cumulative: false").Replace(validPlan)
	c := Cache{Dir: filepath.Join(t.TempDir(), "cache"), Program: "v1"}
	name := filepath.Join(t.TempDir(), "plan.yaml")
	_, want, err := Check(name, []byte(lowered))
	if err != nil || len(want) != 1 || want[0].Code != "plan.target_direction" {
		t.Fatalf("Check: warnings %v, err %v; want one plan.target_direction", want, err)
	}
	for i := range 2 { // parsed, then from the cache
		_, got, err := c.Check(name, []byte(lowered))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("run %d: warnings %v, err %v; want %v", i, got, err, want)
		}
	}
}
