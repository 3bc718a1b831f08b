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
		{"single-year halfway", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, 2021, Num(47.75)},
		{"single-year at target", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, 2024, Num(50)},
		{"single-year after target", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, 2026, Num(50)},
		{"single-year at baseline", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, 2018, Num(45.5)},
		{"decrease", Indicator{Direction: Decrease, Baseline: pt(2018, 100), Target: pt(2024, 40)}, 2020, Num(80)},
		{"cumulative ignores baseline", Indicator{Cumulative: true, Baseline: pt(2018, 46), Target: pt(2024, 230)}, 2021, Num(92)},
		{"cumulative first year", Indicator{Cumulative: true, Baseline: pt(2018, 46), Target: pt(2024, 230)}, 2020, Num(46)},
		{"no baseline", Indicator{Baseline: Point{Year: 2018}, Target: pt(2024, 100)}, 2021, Num(40)},
		{"maintain", Indicator{Direction: Maintain, Baseline: pt(2018, 27), Target: pt(2024, 27)}, 2021, Num(27)},
		{"rounded", Indicator{Baseline: pt(2018, 0), Target: pt(2024, 1)}, 2020, Num(0.33)},
		{"no target", Indicator{Baseline: pt(2018, 10), Target: Point{Year: 2024}}, 2021, Value{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.ind.Expected(tc.year, 2020); got != tc.want {
				t.Errorf("Expected(%d) = %+v, want %+v", tc.year, got, tc.want)
			}
		})
	}
}

func TestYearOf(t *testing.T) {
	p := Period{Year: 2025, Month: 2}
	fy := Indicator{YearBasis: FiscalYear}
	cy := Indicator{YearBasis: CalendarYear}
	if fy.YearOf(p) != 2024 || cy.YearOf(p) != 2025 {
		t.Errorf("YearOf(2025-02) = %d (年度), %d (暦年)", fy.YearOf(p), cy.YearOf(p))
	}
}
