package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// load makes settings from a configuration file's text, read from a
// temporary folder, with the environment cleared of SHINCHOKU_ variables.
func load(t *testing.T, yaml string) (*Config, error) {
	t.Helper()
	for _, e := range os.Environ() {
		if name, _, _ := strings.Cut(e, "="); strings.HasPrefix(name, "SHINCHOKU_") {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
	file := filepath.Join(t.TempDir(), "shinchoku.yaml")
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	c := New()
	return c, c.Load(file)
}

// set gives key a value as a flag does.
func set(t *testing.T, c *Config, key, value string) {
	t.Helper()
	fs := pflag.NewFlagSet(key, pflag.ContinueOnError)
	fs.String(key, "", "")
	c.BindFlag(key, fs.Lookup(key))
	if err := fs.Set(key, value); err != nil {
		t.Fatal(err)
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string // every problem, in order
	}{
		{"empty", "", nil},
		{"good", "workers: 2\noffice: 政策推進課\nrequired: [progress]\nevaluation:\n  method: shizuoka\n  bands:\n    - {grade: A, min: 100}\n    - {grade: C, min: 0}\n", nil},
		{"not a mapping", "- a\n", []string{"f.yaml:1:1: 設定ファイルは「キー: 値」の形で書いてください"}},
		{"misspelt", "wrokers: 2\n", []string{"f.yaml:1:1: 「wrokers」という設定はありません（workers のことですか）"}},
		{"unknown", "colour: red\n", []string{"f.yaml:1:1: 「colour」という設定はありません（README の「設定」を参照）"}},
		{"misspelt in a section", "evaluation:\n  methd: x\n", []string{"f.yaml:2:3: 「evaluation.methd」という設定はありません（evaluation.method のことですか）"}},
		{"twice", "office: a\noffice: b\n", []string{"f.yaml:2:1: office が二度書かれています"}},
		{"count", "workers: -1\n", []string{"f.yaml:1:10: workers は 0 以上の整数です: 「-1」"}},
		{"number", "evaluation: {maintain_tolerance: .inf}\n", []string{"f.yaml:1:34: evaluation.maintain_tolerance は数です: 「.inf」"}},
		{"section not a mapping", "report: 進捗\n", []string{"f.yaml:1:9: report の下には「キー: 値」を字下げして書いてください"}},
		{"list of lists", "required: [[a]]\n", []string{"f.yaml:1:12: required の要素は文字で書いてください"}},
		{"not a value", "office: [a]\n", []string{"f.yaml:1:9: office には値を一つ書いてください（一覧や「キー: 値」は使えません）"}},
		{"office not a department", "office: \"課\\x1b[2J\"\n", []string{"f.yaml:1:9: office は 64文字までの、制御文字を含まない担当課名です: \"課\\x1b[2J\""}},
		{"bands", "evaluation:\n  bands:\n    - A\n    - {grade: A, min: x, max: 1}\n    - {min: 0}\n    - {grade: A}\n", []string{
			"f.yaml:3:7: evaluation.bands の区分は {grade: A, min: 100} の形で書いてください",
			"f.yaml:4:26: evaluation.bands の区分に「max」という項目はありません（grade と min）",
			"f.yaml:4:23: evaluation.bands の min は数です: 「x」",
			"f.yaml:5:7: evaluation.bands の区分に grade（評価の記号）がありません",
			"f.yaml:6:15: evaluation.bands の grade「A」が二度あります（4行目）",
			"f.yaml:6:7: evaluation.bands の区分に min（達成率の下限、％）がありません",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := check("f.yaml", []byte(tc.yaml))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestCheckEnvironment(t *testing.T) {
	t.Setenv("SHINCHOKU_WORKERS", "many")
	t.Setenv("SHINCHOKU_EVALUATION_MAINTAIN_TOLERANCE", "0.1")
	t.Setenv("SHINCHOKU_OFFICE", "") // empty: as if not set
	got := check("", nil)
	want := []string{"環境変数 SHINCHOKU_WORKERS: workers は 0 以上の整数です: 「many」"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNearestKey(t *testing.T) {
	for _, tc := range []struct{ prefix, name, want string }{
		{"", "wrokers", "workers"},
		{"", "offce", "office"},
		{"", "colour", ""},
		{"evaluation.", "bans", "evaluation.bands"},
		{"", "bands", ""}, // only keys at the same level
	} {
		if got := nearestKey(tc.prefix, tc.name); got != tc.want {
			t.Errorf("nearestKey(%q, %q) = %q, want %q", tc.prefix, tc.name, got, tc.want)
		}
	}
	if d := editDistance("担当課", "担当"); d != 1 {
		t.Errorf("editDistance counts runes: %d", d)
	}
}

// TestRequiredNone: "required: []" (or an empty value) means no column is
// required, for the reader and for the templates alike; the templates read
// a nil list as their default columns, so the list must not be nil.
func TestRequiredNone(t *testing.T) {
	for _, text := range []string{"required: []\n", "required: \"\"\n"} {
		c, err := load(t, text)
		if err != nil {
			t.Fatal(err)
		}
		req, err := c.Required()
		if err != nil || req == nil || len(req) != 0 {
			t.Errorf("%q: required %#v, %v; want an empty, non-nil list", text, req, err)
		}
	}
	c, err := load(t, "office: 企画課\n")
	if err != nil {
		t.Fatal(err)
	}
	if req, _ := c.Required(); !slices.Equal(req, []string{sheet.Progress, sheet.Outlook}) {
		t.Errorf("default required %q", req)
	}
}

func TestLoad(t *testing.T) {
	c, err := load(t, "office: 企画課\nworkers: 3\nrequired: [analysis, self_evaluation]\nreport: {title: 進捗}\nwatch: {results: 結果}\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.Office() != "企画課" || c.Workers() != 3 || c.ReportTitle() != "進捗" || c.WatchResults() != "結果" {
		t.Errorf("office %q, workers %d, title %q, results %q", c.Office(), c.Workers(), c.ReportTitle(), c.WatchResults())
	}
	if req, err := c.Required(); err != nil || !slices.Equal(req, []string{sheet.Analysis, sheet.SelfEval}) {
		t.Errorf("required %q, %v", req, err)
	}
	// Defaults.
	if c.Store() != filepath.Join("shinchoku-data", "shinchoku.db") || c.Out() != "shinchoku-out" {
		t.Errorf("store %q, out %q", c.Store(), c.Out())
	}
	// The environment is above the file, a flag above both.
	t.Setenv("SHINCHOKU_OFFICE", "総務課")
	if c.Office() != "総務課" {
		t.Errorf("environment: office %q", c.Office())
	}
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.String("office", "", "")
	c.BindFlag("office", fs.Lookup("office"))
	if err := fs.Parse([]string{"--office", "財政課"}); err != nil {
		t.Fatal(err)
	}
	if c.Office() != "財政課" {
		t.Errorf("flag: office %q", c.Office())
	}
}

func TestLoadErrors(t *testing.T) {
	_, err := load(t, "workers: many\nwrokers: 2\n")
	var ce ingest.UsageError
	if !errors.As(err, &ce) {
		t.Fatalf("%T %v is not an ingest.UsageError", err, err)
	}
	if !strings.HasPrefix(err.Error(), "設定に誤りがあります（2件）:\n") || strings.Count(err.Error(), "\n") != 2 {
		t.Errorf("error %q", err)
	}
	c, _ := load(t, "required: [progress, summary]\n")
	if _, err := c.Required(); !errors.As(err, &ce) || err.Error() != "設定 required の「summary」は使えません（使えるもの: analysis, outlook, progress, self_evaluation）" {
		t.Errorf("required: %v", err)
	}
	if _, err := c.ReaderOptions(); !errors.As(err, &ce) {
		t.Errorf("reader options: %v", err)
	}
	missing := filepath.Join(t.TempDir(), "none.yaml")
	if err := New().Load(missing); err == nil || errors.As(err, &ce) || !strings.Contains(err.Error(), "設定ファイル "+missing+" を読めません") {
		t.Errorf("missing file: %v", err)
	}
}

func TestPeriod(t *testing.T) {
	c, err := load(t, "")
	if err != nil {
		t.Fatal(err)
	}
	var ce ingest.UsageError
	if _, err := c.Period(); !errors.As(err, &ce) || err.Error() != "--period で報告する月を指定してください（例: --period 2024-09）" {
		t.Errorf("no period: %v", err)
	}
	if o, err := c.ReaderOptions(); err != nil || o.Period != nil || o.Office != "政策推進課" {
		t.Errorf("reader options without a period: %+v, %v", o, err)
	}
	set(t, c, "period", "2024-9")
	if _, err := c.Period(); !errors.As(err, &ce) || err.Error() != `--period は YYYY-MM の形で指定してください（例: 2024-09）: "2024-9"` {
		t.Errorf("bad period: %v", err)
	}
	set(t, c, "period", "2024-09")
	p, err := c.Period()
	if err != nil || p != (shinchoku.Period{Year: 2024, Month: 9}) {
		t.Errorf("period %v, %v", p, err)
	}
	if o, err := c.ReaderOptions(); err != nil || o.Period == nil || *o.Period != p {
		t.Errorf("reader options: %+v, %v", o, err)
	}
}

func TestPlan(t *testing.T) {
	c, err := load(t, "cache_dir: off\n")
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Plan()
	if err != nil || p == nil {
		t.Fatalf("built-in plan: %v", err)
	}
	// A period outside the plan is refused; one far from it is shown as typed.
	var ce ingest.UsageError
	for _, tc := range []struct{ period, want string }{
		{"2015-04", "--period 2015-04（平成27年度）は計画「"},
		{"9999-12", "--period 9999-12 は計画「"},
	} {
		set(t, c, "period", tc.period)
		if _, _, err := c.PeriodAndPlan(); !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("period %s: %v", tc.period, err)
		}
	}
	set(t, c, "period", "")
	set(t, c, "plan", "no-such-plan")
	if _, err := c.Plan(); !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), `計画 "no-such-plan" が見つかりません（組み込みの計画: `) {
		t.Errorf("unknown plan: %v", err)
	}
	// A plan file is read; a folder cannot be.
	dir := t.TempDir()
	set(t, c, "plan", dir)
	var fe ingest.Failure
	if _, err := c.Plan(); !errors.As(err, &fe) || errors.As(err, &ce) || !strings.HasPrefix(err.Error(), "計画ファイル "+dir+" を読めません（") {
		t.Errorf("plan folder: %v", err)
	}
}

func TestNewRules(t *testing.T) {
	tol := func(f float64) *float64 { return &f }
	for _, tc := range []struct {
		name  string
		bands []shinchoku.GradeBand
		tol   *float64
		ok    bool
	}{
		{"defaults", nil, nil, true},
		{"tolerance", nil, tol(0.2), true},
		{"tolerance too large", nil, tol(1.5), false},
		{"negative tolerance", nil, tol(-0.1), false},
		{"bands", []shinchoku.GradeBand{{Grade: "S", Min: 120}, {Grade: "A", Min: 90}, {Grade: "B", Min: 0}}, nil, true},
		{"bands not descending", []shinchoku.GradeBand{{Grade: "A", Min: 90}, {Grade: "B", Min: 90}}, nil, false},
		{"no bands", []shinchoku.GradeBand{}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := newRules("", tc.bands, tc.tol)
			if (err == nil) != tc.ok {
				t.Fatalf("err = %v", err)
			}
			if err != nil {
				var ce ingest.UsageError
				if !errors.As(err, &ce) {
					t.Errorf("%T is not an ingest.UsageError", err)
				}
				return
			}
			if tc.bands != nil {
				// The last band catches every rate below it, however low.
				if g := shinchoku.GradeFor(-1e300, r.Bands); g != tc.bands[len(tc.bands)-1].Grade {
					t.Errorf("grade of a very low rate = %s", g)
				}
				if tc.bands[len(tc.bands)-1].Min != 0 {
					t.Error("newRules changed the caller's bands")
				}
			}
			if tc.tol != nil && r.MaintainTolerance != *tc.tol {
				t.Errorf("tolerance %v", r.MaintainTolerance)
			}
		})
	}
}

// FuzzCheck: any configuration file is checked without a panic, and every
// problem is told with its place in the file.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "workers: 2\n", "- a\n", "evaluation:\n  bands:\n    - {grade: A, min: .nan}\n    - [1]\n", "office: {a: b}\nwrokers: x\n", "report: 1\nreport: 2\n", "&a [*a]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range check("f.yaml", data) {
			if !strings.HasPrefix(p, "f.yaml:") && !strings.HasPrefix(p, "環境変数 ") {
				t.Errorf("problem without its place: %q", p)
			}
		}
	})
}

func TestPlanCache(t *testing.T) {
	c, err := load(t, "")
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := c.Plan()
	if err != nil {
		t.Fatal(err)
	}
	var yaml bytes.Buffer
	if err := planfile.WriteYAML(&yaml, builtin); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(file, yaml.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	set(t, c, "plan", file)
	for _, tc := range []struct {
		dir     string
		entries int
	}{{"off", 0}, {t.TempDir(), 1}} {
		set(t, c, "cache_dir", tc.dir)
		for range 2 { // the second reading comes from the cache, when there is one
			p, err := c.Plan()
			if err != nil || p.Hash() != builtin.Hash() {
				t.Fatalf("cache_dir %s: %v", tc.dir, err)
			}
		}
		if tc.dir == "off" {
			if _, err := os.Stat("off"); err == nil {
				t.Error("cache_dir off made a folder named off")
			}
			continue
		}
		entries, _ := os.ReadDir(tc.dir)
		if len(entries) != tc.entries {
			t.Errorf("cache_dir %s holds %d entries, want %d", tc.dir, len(entries), tc.entries)
		}
	}
}

// TestKeysInReadme: the README's table of settings names every key a
// configuration file may hold, and no other; a new key is documented or
// refused.
func TestKeysInReadme(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "| キー | フラグ | 既定値 | 意味 |")
	if !ok {
		t.Fatal("README has no table of settings")
	}
	documented := map[string]bool{}
	for _, line := range strings.Split(table, "\n")[2:] {
		if !strings.HasPrefix(line, "| `") {
			break
		}
		key, _, _ := strings.Cut(strings.TrimPrefix(line, "| `"), "`")
		documented[key] = true
		if _, ok := keys[key]; !ok && !strings.HasSuffix(key, ".*") {
			t.Errorf("README documents %s, which the configuration refuses", key)
		}
	}
	for key, kind := range keys {
		section, _, nested := strings.Cut(key, ".")
		switch {
		case kind == sectionKey:
		case documented[key], nested && documented[section+".*"]:
		default:
			t.Errorf("the README's table of settings does not name %s", key)
		}
	}
}

// TestCheckEnvironmentOffice: the office named in the environment is
// checked as a department name, as in the file (it names a template file).
func TestCheckEnvironmentOffice(t *testing.T) {
	t.Setenv("SHINCHOKU_OFFICE", "政策\x1b[31m推進課")
	got := check("", nil)
	if len(got) != 1 || !strings.HasPrefix(got[0], "環境変数 SHINCHOKU_OFFICE: office は ") {
		t.Errorf("got %q, want the office name refused", got)
	}
}

// TestLoadInJapanese: a configuration file that is missing, a folder, or
// not YAML is said in Japanese with what to do, never in viper's or the
// system's English.
func TestLoadInJapanese(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, text string
		want       string
	}{
		{"tab", "office: 企画課\n\tworkers: 2\n", "2行目が YAML の書き方に合いません"},
		{"not yaml", "[a, b\n", "YAML の書き方に合いません"},
	} {
		_, err := load(t, tc.text)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "yaml:") {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "none.yaml"), "を読めません: 見つかりません"},
		{dir, "を読めません: ファイルではなくフォルダです"},
	} {
		err := New().Load(tc.path)
		if err == nil || !strings.Contains(err.Error(), "設定ファイル "+tc.path+" を読めません: ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.path, err, tc.want)
		}
	}
}
