package content

import (
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
)

func TestHeading(t *testing.T) {
	for _, tc := range []struct {
		level, code string
		depth       int
		want        string
	}{
		{"基本目標", "1", 0, "基本目標1　題"},
		{"施策の基本的方向", "1-1", 1, "1-1 題"},
		{"施策", "①", 2, "施策①　題"},
		{"取組", "", 1, "取組　題"},
	} {
		n := &shinchoku.Node{Level: tc.level, Code: tc.code, Title: "題"}
		if got := Heading(n, tc.depth); got != tc.want {
			t.Errorf("Heading(%s %s, %d) = %q, want %q", tc.level, tc.code, tc.depth, got, tc.want)
		}
	}
}

func TestBandText(t *testing.T) {
	want := "A（目標値・期待値以上、100％以上）・B+（80％以上）・B（50％以上）・C（50％未満、基準値以下）、評価できないものは「−」"
	if got := BandText(shinchoku.DefaultRules); got != want {
		t.Errorf("BandText = %q, want %q", got, want)
	}
	want = "目標値以上・A（期待値以上、100％以上）・B（50％以上）・C（50％未満）・基準値以下、評価できないものは「−」"
	if got := BandText(shinchoku.ShizuokaRules); got != want {
		t.Errorf("BandText(Shizuoka) = %q, want %q", got, want)
	}
	// One band (a configuration error elsewhere) must not panic here.
	BandText(shinchoku.Rules{Bands: []shinchoku.GradeBand{{Grade: "A", Min: 0}}})
}

// TestKPITable: shared years go into the headers, differing years under
// each value; a missing actual shows the reason; negatives are written △.
func TestKPITable(t *testing.T) {
	period := shinchoku.Period{Year: 2022, Month: 3}
	a := &shinchoku.Indicator{ID: "a", Name: "来訪者数", Unit: "人", Direction: shinchoku.Increase,
		Baseline: shinchoku.Point{Year: 2018, Value: shinchoku.Num(100)}, Target: shinchoku.Point{Year: 2024, Value: shinchoku.Num(160)}}
	b := &shinchoku.Indicator{ID: "b", Name: "収支", Unit: "千円", Direction: shinchoku.Increase, Note: "決算額",
		Baseline: shinchoku.Point{Year: 2019, Value: shinchoku.Num(-50)}, Target: shinchoku.Point{Year: 2024, Value: shinchoku.Num(10)}}
	p := &shinchoku.Plan{Start: 2020, End: 2024, Levels: []string{"基本目標"}, Nodes: []*shinchoku.Node{{ID: "n", Level: "基本目標", Indicators: []*shinchoku.Indicator{a, b}}}}
	pr := shinchoku.NewProgress(p, period, shinchoku.DefaultRules, []*shinchoku.Submission{{Department: "課",
		Indicators: []shinchoku.IndicatorEntry{{IndicatorID: "a", Actual: shinchoku.Num(130)}, {IndicatorID: "b", Status: shinchoku.StatusPending, PublishDate: "令和4年6月"}}}},
		nil, "課")
	tab, notes := NewKPITables(pr).Table(p.Nodes[0].Indicators)
	heads := []string{}
	for _, c := range tab.Columns {
		heads = append(heads, c.Title)
	}
	if got, want := strings.Join(heads, "|"), "指標名|基準値|実績値\n(令和3年度)|目標値\n(令和6年度)|期待値\n(令和3年度)|達成率|評価"; got != want {
		t.Errorf("headers = %q, want %q", got, want)
	}
	row := func(r Row) string {
		var s []string
		for _, c := range r.Cells {
			s = append(s, c.Text)
		}
		return strings.Join(s, "|")
	}
	if got, want := row(tab.Rows[0]), "来訪者数|100人\n(平成30年度)|130人|160人|130人|100.0％|A"; got != want {
		t.Errorf("row a = %q, want %q", got, want)
	}
	if got, want := row(tab.Rows[1]), "収支※|△50千円\n(令和元年度)|調査中（令和4年6月公表予定）|10千円|△26千円|−|−"; got != want {
		t.Errorf("row b = %q, want %q", got, want)
	}
	if len(notes) != 1 || notes[0] != "※収支: 決算額" {
		t.Errorf("notes = %q", notes)
	}
}

// TestBars: only a KPI row's rate draws a bar; the overview and
// submission tables, and a row without a rate, draw none.
func TestBars(t *testing.T) {
	period := shinchoku.Period{Year: 2022, Month: 3}
	a := &shinchoku.Indicator{ID: "a", Name: "来訪者数", Unit: "人", Direction: shinchoku.Increase,
		Baseline: shinchoku.Point{Year: 2018, Value: shinchoku.Num(100)}, Target: shinchoku.Point{Year: 2024, Value: shinchoku.Num(160)}}
	b := &shinchoku.Indicator{ID: "b", Name: "相談件数", Unit: "件", Direction: shinchoku.Increase,
		Baseline: shinchoku.Point{Year: 2018, Value: shinchoku.Num(100)}, Target: shinchoku.Point{Year: 2024, Value: shinchoku.Num(160)}}
	p := &shinchoku.Plan{Start: 2020, End: 2024, Levels: []string{"基本目標"}, Nodes: []*shinchoku.Node{{ID: "n", Level: "基本目標", Indicators: []*shinchoku.Indicator{a, b}}}}
	pr := shinchoku.NewProgress(p, period, shinchoku.DefaultRules, []*shinchoku.Submission{{Department: "課",
		Indicators: []shinchoku.IndicatorEntry{{IndicatorID: "a", Actual: shinchoku.Num(115)}, {IndicatorID: "b", Actual: shinchoku.Num(90)}}}},
		[]shinchoku.DepartmentStatus{{Department: "課", State: shinchoku.StateAccepted}}, "課")
	kpi, _ := NewKPITables(pr).Table(p.Nodes[0].Indicators)
	if c := kpi.Rows[0].Cells[ColRate]; !c.HasBar || c.Bar != 0.5 {
		t.Errorf("rate 50%% cell: %+v, want a bar of 0.5", c)
	}
	if c := kpi.Rows[1].Cells[ColRate]; c.HasBar || c.Text != "基準値以下" {
		t.Errorf("a row below its baseline: %+v, want 基準値以下 and no bar", c)
	}
	// A share without baseline short of its target: no grade, and the
	// reason under the table.
	c := &shinchoku.Indicator{ID: "c", Name: "受診率", Unit: "％", Direction: shinchoku.Increase,
		Baseline: shinchoku.Point{Year: 2018}, Target: shinchoku.Point{Year: 2024, Value: shinchoku.Num(100)}}
	p.Nodes[0].Indicators = append(p.Nodes[0].Indicators, c)
	pr = shinchoku.NewProgress(p, period, shinchoku.DefaultRules, []*shinchoku.Submission{{Department: "課",
		Indicators: []shinchoku.IndicatorEntry{{IndicatorID: "c", Actual: shinchoku.Num(93.9)}}}},
		[]shinchoku.DepartmentStatus{{Department: "課", State: shinchoku.StateAccepted}}, "課")
	kpi, notes := NewKPITables(pr).Table([]*shinchoku.Indicator{c})
	if got, want := kpi.Rows[0].Cells[ColName].Text+"|"+kpi.Rows[0].Cells[ColRate].Text+"|"+kpi.Rows[0].Cells[ColGrade].Text, "受診率※|目標値未満|−"; got != want {
		t.Errorf("row = %q, want %q", got, want)
	}
	if want := "※受診率: 評価なし — 目標値未満（基準値がないため期待値を定めず、評価しません）"; len(notes) != 1 || notes[0] != want {
		t.Errorf("notes = %q, want %q", notes, want)
	}
	for _, tab := range []Table{Grades(pr).Table(), SubmissionTable(pr)} {
		for _, r := range tab.Rows {
			for _, c := range r.Cells {
				if c.HasBar {
					t.Errorf("%s: cell %q draws a bar", tab.Caption, c.Text)
				}
			}
		}
	}
}

// TestNarrativeBlank: a department whose workbook leaves every narrative
// cell of a node blank has not reported on it: with no other department's
// words the node prints NoReport, not an empty space.
func TestNarrativeBlank(t *testing.T) {
	n := &shinchoku.Node{ID: "p1"}
	blank := shinchoku.NodeNarrative{Department: "企画課"}
	said := shinchoku.NodeNarrative{Department: "財政課", NodeEntry: shinchoku.NodeEntry{Progress: "予定どおり実施した。"}}
	for _, tc := range []struct {
		name    string
		entries []shinchoku.NodeNarrative
		want    int // departments printed
	}{
		{"none", nil, 0},
		{"blank only", []shinchoku.NodeNarrative{blank}, 0},
		{"blank and said", []shinchoku.NodeNarrative{blank, said}, 1},
		{"said", []shinchoku.NodeNarrative{said}, 1},
	} {
		pr := &shinchoku.Progress{Narratives: map[string][]shinchoku.NodeNarrative{"p1": tc.entries}}
		if got := Narrative(pr, n); len(got) != tc.want {
			t.Errorf("%s: %d departments' paragraphs %q, want %d", tc.name, len(got), got, tc.want)
		}
	}
}
