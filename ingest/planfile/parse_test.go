package planfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
)

const validPlan = `format: 1
id: test-plan
title: テスト市総合戦略
organization: テスト市
period: {start: 2020, end: 2024}
levels: [基本目標, 事業]
nodes:
  - id: g1
    level: 基本目標
    code: "1"
    title: 雇用を増やす
    description: |-
      一行目
      二行目
    indicators:
      - id: g1.k1
        name: 新規雇用創出数
        unit: 人
        cumulative: true
        direction: 増加
        baseline: {year: 2018, value: 46}
        target: {year: 2024, value: 230}
        actuals: [{year: 2021, value: 45}]
        tags: [数値目標変更]
        revisions:
          - {date: 2022-09-30, target: {year: 2024, value: 200}, note: 中間見直し}
    children:
      - id: p1
        level: 事業
        code: "1"
        title: 合同就職説明会事業
        departments: [工業・雇用振興課, 政策推進課]
        tags: [ＫＰＩ変更]
        indicators:
          - id: p1.k1
            name: 貨物取扱量
            unit: 千ｔ
            cumulative: false
            direction: 減少
            year_basis: 暦年
            baseline: {year: 2018, value: null}
            target: {year: 2024, value: 1234567.5}
            actuals: [{year: 2021, value: -3}]
            note: 暦年で集計
`

func TestParseValid(t *testing.T) {
	plan, err := Parse("plan.yaml", []byte(validPlan))
	if err != nil {
		t.Fatal(err)
	}
	if plan.ID != "test-plan" || plan.Start != 2020 || plan.End != 2024 || len(plan.Levels) != 2 {
		t.Errorf("plan header = %+v", plan)
	}
	g := plan.Nodes[0]
	if g.Code != "1" || g.Description != "一行目\n二行目" || len(g.Children) != 1 {
		t.Errorf("goal = %+v", g)
	}
	k := g.Indicators[0]
	want := &shinchoku.Indicator{
		ID: "g1.k1", Name: "新規雇用創出数", Unit: "人", Cumulative: true,
		Direction: shinchoku.Increase, YearBasis: shinchoku.FiscalYear,
		Baseline: shinchoku.Point{Year: 2018, Value: shinchoku.Num(46)},
		Target:   shinchoku.Point{Year: 2024, Value: shinchoku.Num(230)},
		Actuals:  []shinchoku.Point{{Year: 2021, Value: shinchoku.Num(45)}},
		Tags:     []string{"数値目標変更"},
		Revisions: []shinchoku.Revision{{Date: "2022-09-30",
			Target: shinchoku.Point{Year: 2024, Value: shinchoku.Num(200)}, Note: "中間見直し"}},
	}
	if !reflect.DeepEqual(k, want) {
		t.Errorf("indicator =\n%+v\nwant\n%+v", k, want)
	}
	p := g.Children[0]
	if !reflect.DeepEqual(p.Departments, []string{"工業・雇用振興課", "政策推進課"}) {
		t.Errorf("departments = %v", p.Departments)
	}
	pk := p.Indicators[0]
	if pk.Baseline.Value.Set || pk.Baseline.Year != 2018 || pk.YearBasis != shinchoku.CalendarYear ||
		pk.Direction != shinchoku.Decrease || pk.Target.Value.Num != 1234567.5 || pk.Actuals[0].Value.Num != -3 {
		t.Errorf("project indicator = %+v", pk)
	}
}

// TestParseErrors checks that each broken plan is rejected with the finding
// at the right place. Each case replaces one line of validPlan.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new string
		want     string // code@line:col
	}{
		{"duplicate id", "      - id: p1\n", "      - id: g1\n", "plan.duplicate_id@28:13"},
		{"bad id", "      - id: p1\n", "      - id: 事業1\n", "plan.bad_id@28:13"},
		{"unknown level", "        level: 事業\n", "        level: 施策\n", "plan.unknown_level@29:16"},
		{"wrong level", "        level: 事業\n", "        level: 基本目標\n", "plan.wrong_level@29:16"},
		{"no unit", "            unit: 千ｔ\n", "", "plan.missing@35:13"},
		{"target year outside", "        target: {year: 2024, value: 230}\n", "        target: {year: 2026, value: 230}\n", "plan.target_year@22:17"},
		{"value not a number", "        baseline: {year: 2018, value: 46}\n", "        baseline: {year: 2018, value: 46人}\n", "plan.not_number@21:39"},
		{"dash is not a number", "        baseline: {year: 2018, value: 46}\n", "        baseline: {year: 2018, value: −}\n", "plan.not_number@21:39"},
		{"department whitespace", "        departments: [工業・雇用振興課, 政策推進課]\n", "        departments: [工業・雇用振興課, \"政策推進課 \"]\n", "plan.whitespace@32:33"},
		{"department inner space", "        departments: [工業・雇用振興課, 政策推進課]\n", "        departments: [工業・雇用振興課, 政策　推進課]\n", "plan.whitespace@32:33"},
		{"unknown key", "        cumulative: true\n", "        cumulatve: true\n", "plan.unknown_key@19:9"},
		{"bad direction", "        direction: 増加\n", "        direction: 上昇\n", "plan.direction@20:20"},
		{"bad year basis", "            year_basis: 暦年\n", "            year_basis: 年\n", "plan.year_basis@40:25"},
		{"period reversed", "period: {start: 2020, end: 2024}\n", "period: {start: 2025, end: 2024}\n", "plan.period@5:9"},
		{"format version", "format: 1\n", "format: 2\n", "plan.format@1:9"},
		{"syntax", "    title: 雇用を増やす\n", "    title: [雇用\n", "plan.syntax@12:1"},
		{"actual year outside", "        actuals: [{year: 2021, value: 45}]\n", "        actuals: [{year: 2019, value: 45}]\n", "plan.actual_year@23:19"},
		{"revision date", "          - {date: 2022-09-30, target: {year: 2024, value: 200}, note: 中間見直し}\n", "          - {date: 令和4年, target: {year: 2024, value: 200}, note: 中間見直し}\n", "plan.date@26:20"},
		{"children below last level", "            note: 暦年で集計\n", "            note: 暦年で集計\n        children:\n          - {id: x, level: 事業, code: \"1\", title: x}\n", "plan.too_deep@46:11"},
		{"missing title", "    title: 雇用を増やす\n", "", "plan.missing@8:5"},
		{"cumulative not bool", "        cumulative: true\n", "        cumulative: 累計\n", "plan.not_bool@19:21"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(validPlan, tc.old) {
				t.Fatalf("test case: %q not in validPlan", tc.old)
			}
			src := strings.Replace(validPlan, tc.old, tc.new, 1)
			_, err := Parse("plan.yaml", []byte(src))
			var fs shinchoku.Findings
			if !errors.As(err, &fs) {
				t.Fatalf("Parse error = %v, want findings", err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%s@%d:%d", f.Code, f.Line, f.Col))
				if f.File != "plan.yaml" || f.Message == "" {
					t.Errorf("finding without file or message: %+v", f)
				}
			}
			if !containsStr(got, tc.want) {
				t.Errorf("findings = %v, want %s\n%v", got, tc.want, err)
			}
		})
	}
}

// TestParseReportsEveryProblem checks that problems are collected, not
// reported one at a time.
func TestParseReportsEveryProblem(t *testing.T) {
	src := strings.NewReplacer(
		"      - id: p1\n", "      - id: g1\n",
		"            unit: 千ｔ\n", "",
		"        direction: 増加\n", "        direction: 上昇\n",
	).Replace(validPlan)
	_, err := Parse("plan.yaml", []byte(src))
	var fs shinchoku.Findings
	if !errors.As(err, &fs) || len(fs) != 3 {
		t.Fatalf("want 3 findings, got %v", err)
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if !strings.HasPrefix(line, "plan.yaml:") {
			t.Errorf("finding line %q does not start with file:line:col", line)
		}
	}
}

// TestUnitlessIndicator: a unit written as "" is a deliberate "no unit"
// (合計特殊出生率); a missing unit is an error (see TestParseErrors).
func TestUnitlessIndicator(t *testing.T) {
	src := strings.Replace(validPlan, "            unit: 千ｔ\n", "            unit: \"\"\n", 1)
	plan, err := Parse("plan.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if u := plan.Nodes[0].Children[0].Indicators[0].Unit; u != "" {
		t.Errorf("unit = %q", u)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "[1, 2]\n", "format: 1\n"} {
		if _, err := Parse("p.yaml", []byte(src)); err == nil {
			t.Errorf("Parse(%q) succeeded", src)
		}
	}
}

func TestYAMLRoundTrip(t *testing.T) {
	plan, err := Parse("plan.yaml", []byte(validPlan))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteYAML(&buf, plan); err != nil {
		t.Fatal(err)
	}
	again, err := Parse("export.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("exported plan does not load: %v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(plan, again) {
		t.Errorf("round trip changed the plan:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), "e+") {
		t.Errorf("export uses E-notation:\n%s", buf.String())
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// FuzzParse feeds arbitrary text to the loader: it must never panic, and
// whatever it accepts must survive a YAML round trip.
func FuzzParse(f *testing.F) {
	f.Add([]byte(validPlan))
	f.Add([]byte("format: 1\nid: x\n"))
	f.Add([]byte("nodes: [{id: a, children: [{id: a}]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsWhole(t, data)
		plan, err := Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteYAML(&buf, plan); err != nil {
			t.Fatal(err)
		}
		if _, err := Parse("again.yaml", buf.Bytes()); err != nil {
			t.Fatalf("exported plan does not load: %v", err)
		}
	})
}

// TestJSONContract pins the JSON shape documented in the README: the keys a
// program may rely on, numbers as printed, null for −, Western years.
func TestJSONContract(t *testing.T) {
	plan, err := Parse("plan.yaml", []byte(validPlan))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, plan); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	has := func(m map[string]any, keys ...string) {
		t.Helper()
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("key %q missing in %v", k, m)
			}
		}
	}
	has(doc, "id", "title", "levels", "nodes")
	goal := doc["nodes"].([]any)[0].(map[string]any)
	has(goal, "id", "level", "code", "title", "departments", "tags", "indicators", "children")
	ind := goal["indicators"].([]any)[0].(map[string]any)
	has(ind, "id", "name", "unit", "cumulative", "direction", "note", "baseline", "target", "actuals")
	if ind["cumulative"] != true || ind["target"].(map[string]any)["value"] != 230.0 ||
		ind["baseline"].(map[string]any)["year"] != 2018.0 || ind["actuals"].([]any)[0].(map[string]any)["value"] != 45.0 {
		t.Errorf("indicator = %v", ind)
	}
	project := goal["children"].([]any)[0].(map[string]any)
	pind := project["indicators"].([]any)[0].(map[string]any)
	if pind["baseline"].(map[string]any)["value"] != nil {
		t.Errorf("a value printed − must be null: %v", pind["baseline"])
	}
	if len(project["children"].([]any)) != 0 {
		t.Errorf("children must be an empty list, not null")
	}
}
