package sheet

import (
	"reflect"
	"testing"

	"github.com/shinchoku/shinchoku"
)

func TestColumnsAreConsistent(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Columns {
		if seen[c.Key] {
			t.Errorf("column %s declared twice", c.Key)
		}
		seen[c.Key] = true
		if c.Kind == List && len(c.List) == 0 {
			t.Errorf("list column %s has no entries", c.Key)
		}
		if c.Input && c.Kind != Number && c.Kind != List && c.MaxLen == 0 {
			t.Errorf("text input column %s has no length limit", c.Key)
		}
		if c.PerNode && !c.Input {
			t.Errorf("per-node column %s is not an input", c.Key)
		}
	}
	if got := Letter(NodeTitle); got != "A" {
		t.Errorf("Letter(node_title) = %s", got)
	}
	// Every column a department fills in is printed: none after LastPrinted.
	for i, c := range Columns {
		if c.Input && i+1 > Index(LastPrinted) {
			t.Errorf("input column %s is after the printed columns", c.Key)
		}
	}
	if got := Cell(Actual, 7); got != Letter(Actual)+"7" {
		t.Errorf("Cell = %s", got)
	}
}

func testPlan() *shinchoku.Plan {
	ind := func(id string) *shinchoku.Indicator {
		return &shinchoku.Indicator{ID: id, Name: id, Unit: "人", Direction: shinchoku.Increase, YearBasis: shinchoku.FiscalYear,
			Baseline: shinchoku.Point{Year: 2018, Value: shinchoku.Num(10)}, Target: shinchoku.Point{Year: 2024, Value: shinchoku.Num(40)}}
	}
	return &shinchoku.Plan{ID: "t", Start: 2020, End: 2024, Levels: []string{"目標", "施策", "事業"}, Nodes: []*shinchoku.Node{
		{ID: "g1", Code: "1", Indicators: []*shinchoku.Indicator{ind("g1.k1")}, Children: []*shinchoku.Node{
			{ID: "m1", Code: "①", Children: []*shinchoku.Node{
				{ID: "p1", Code: "1", Departments: []string{"A課"}, Indicators: []*shinchoku.Indicator{ind("p1.k1"), ind("p1.k2")}},
				{ID: "p2", Code: "2", Departments: []string{"B課", "A課"}},
			}},
			{ID: "m2", Code: "②", Departments: []string{"C課"}, Children: []*shinchoku.Node{
				{ID: "p3", Code: "1", Indicators: []*shinchoku.Indicator{ind("p3.k1")}},
			}},
		}},
	}}
}

func TestRowsAndReporters(t *testing.T) {
	p := testPlan()
	reporters := p.Reporters("政策推進課")
	if !reflect.DeepEqual(reporters, []string{"政策推進課", "A課", "B課", "C課"}) {
		t.Errorf("Reporters = %v", reporters)
	}
	// Every department that reports gets rows, and no other.
	byDept := RowsByDepartment(p, "政策推進課")
	if len(byDept) != len(reporters) {
		t.Errorf("rows for %d departments, %d report", len(byDept), len(reporters))
	}
	for _, d := range reporters {
		if len(byDept[d]) == 0 {
			t.Errorf("%s reports but has no rows", d)
		}
	}
	ids := func(rows []Row) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.Node.ID+"/"+r.IndicatorID())
		}
		return out
	}
	for _, tc := range []struct {
		dept string
		want []string
	}{
		{"政策推進課", []string{"g1/g1.k1"}},                 // goal-level 数値目標 go to the office
		{"A課", []string{"p1/p1.k1", "p1/p1.k2", "p2/"}}, // a project without indicators gets one row
		{"B課", []string{"p2/"}},                         // a shared project appears for both departments
		{"C課", []string{"p3/p3.k1"}},                    // departments are inherited from the measure
		{"D課", nil},
	} {
		if got := ids(Rows(p, tc.dept, "政策推進課")); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Rows(%s) = %v, want %v", tc.dept, got, tc.want)
		}
	}
}

func TestFindAndReadOnly(t *testing.T) {
	p := testPlan()
	r, ok := Find(p, "p1", "p1.k2")
	if !ok || r.Indicator.ID != "p1.k2" || len(r.Ancestors) != 2 {
		t.Fatalf("Find = %+v, %v", r, ok)
	}
	if _, ok := Find(p, "p1", ""); ok {
		t.Error("Find(p1, \"\") found a narrative row on a node with indicators")
	}
	if _, ok := Find(p, "p1", "nope"); ok {
		t.Error("Find found an unknown indicator")
	}
	vals := ReadOnly(p, r, shinchoku.Period{Year: 2022, Month: 3}, &shinchoku.RecordedActual{Value: shinchoku.Num(20), Period: shinchoku.Period{Year: 2021, Month: 9}})
	got := map[string]any{}
	for i, k := range ReadOnlyColumns() {
		got[k] = vals[i]
	}
	want := map[string]any{Code: "①-1", Baseline: 10.0, BaselineYear: "平成30年度", Target: 40.0, Expected: 25.0,
		LastActual: 20.0, LastPeriod: "令和3年9月末現在", Cumulative: "単年", IndicatorID: "p1.k2"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}
