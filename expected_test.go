package shinchoku

import "testing"

func TestExpected(t *testing.T) {
	pt := func(y int, v float64) Point { return Point{Year: y, Value: Num(v)} }
	for _, tc := range []struct {
		name string
		ind  Indicator
		year int
		want Value
	}{
		{"single-year halfway", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, 2021, Num(47.8)},
		{"single-year at target", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, 2024, Num(50)},
		{"single-year after target", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, 2026, Num(50)},
		{"single-year at baseline", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, 2018, Num(45.5)},
		{"two decimals", Indicator{Baseline: pt(2018, 45.25), Target: pt(2024, 50)}, 2021, Num(47.63)},
		{"count has no decimals", Indicator{Unit: "施設", Baseline: pt(2018, 6), Target: pt(2024, 15)}, 2021, Num(11)},
		{"decrease", Indicator{Direction: Decrease, Baseline: pt(2018, 100), Target: pt(2024, 40)}, 2020, Num(80)},
		{"cumulative ignores baseline", Indicator{Unit: "人", Cumulative: true, Baseline: pt(2018, 46), Target: pt(2024, 230)}, 2021, Num(92)},
		{"cumulative first year", Indicator{Unit: "人", Cumulative: true, Baseline: pt(2018, 46), Target: pt(2024, 230)}, 2020, Num(46)},
		{"count without baseline", Indicator{Unit: "件", Baseline: Point{Year: 2018}, Target: pt(2024, 100)}, 2021, Num(40)},
		{"rate without baseline", Indicator{Name: "合計特殊出生率", Baseline: Point{Year: 2018}, Target: pt(2024, 1.8)}, 2021, Value{}},
		{"share without baseline", Indicator{Name: "受診率", Unit: "％", Baseline: Point{Year: 2018}, Target: pt(2024, 100)}, 2021, Value{}},
		{"decrease without baseline", Indicator{Unit: "人", Direction: Decrease, Baseline: Point{Year: 2018}, Target: pt(2024, 10)}, 2021, Value{}},
		{"maintain", Indicator{Direction: Maintain, Baseline: pt(2018, 27), Target: pt(2024, 27)}, 2021, Num(27)},
		{"rounded", Indicator{Baseline: pt(2018, 0), Target: pt(2024, 1)}, 2020, Num(0)},
		{"no target", Indicator{Baseline: pt(2018, 10), Target: Point{Year: 2024}}, 2021, Value{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.ind.Direction == "" {
				tc.ind.Direction = Increase
			}
			if got := tc.ind.Expected(tc.year, 2020); got != tc.want {
				t.Errorf("Expected(%d) = %+v, want %+v", tc.year, got, tc.want)
			}
		})
	}
}

// TestYearOf: the 令和4年3月 report is in fiscal year 令和3年度 and shows
// 令和3年 for a calendar-year indicator; a report in fiscal year N takes
// calendar year N.
func TestYearOf(t *testing.T) {
	fy := Indicator{YearBasis: FiscalYear}
	cy := Indicator{YearBasis: CalendarYear}
	for _, tc := range []struct {
		p        Period
		fiscal   int
		calendar int
	}{
		{Period{2022, 3}, 2021, 2021},
		{Period{2021, 4}, 2021, 2021},
		{Period{2021, 12}, 2021, 2021},
	} {
		if fy.YearOf(tc.p) != tc.fiscal || cy.YearOf(tc.p) != tc.calendar {
			t.Errorf("YearOf(%s) = %d (年度), %d (暦年), want %d, %d", tc.p, fy.YearOf(tc.p), cy.YearOf(tc.p), tc.fiscal, tc.calendar)
		}
	}
	if got := cy.YearLabel(cy.YearOf(Period{2022, 3})); got != "令和3年" {
		t.Errorf("label = %s, want 令和3年", got)
	}
}

func TestTargetContradicts(t *testing.T) {
	for _, tc := range []struct {
		ind  Indicator
		want bool
	}{
		{seedIndicator("体験プログラム参加人数", "人", Increase, ptr(10179), 9500, false), true},
		{seedIndicator("新規創業セミナー参加者数", "人", Increase, ptr(69), 72, false), false},
		{seedIndicator("待機児童数", "人", Decrease, ptr(3), 5, false), true},
		{seedIndicator("待機児童数", "人", Decrease, ptr(3), 0, false), false},
		{seedIndicator("累計", "人", Increase, ptr(46), 30, true), false},
		{seedIndicator("合計特殊出生率", "", Increase, nil, 1.8, false), false},
	} {
		if got := tc.ind.TargetContradicts(); got != tc.want {
			t.Errorf("%s %v → %v: TargetContradicts = %v", tc.ind.Name, tc.ind.Baseline.Value, tc.ind.Target.Value, got)
		}
	}
}
