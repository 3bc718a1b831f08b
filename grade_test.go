package shinchoku

import "testing"

func TestGradeFor(t *testing.T) {
	for _, tc := range []struct {
		rate float64
		want Grade
	}{
		{150, GradeA}, {100, GradeA}, {99.9, GradeBPlus}, {80, GradeBPlus},
		{79.99, GradeB}, {50, GradeB}, {49.9, GradeC}, {-20, GradeC},
	} {
		if got := GradeFor(tc.rate, DefaultGradeBands); got != tc.want {
			t.Errorf("GradeFor(%v) = %s, want %s", tc.rate, got, tc.want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	pt := func(y int, v float64) Point { return Point{Year: y, Value: Num(v)} }
	p := Period{Year: 2022, Month: 3} // fiscal year 2021
	for _, tc := range []struct {
		name      string
		ind       Indicator
		actual    Value
		status    Status
		submitted bool
		rate      Value
		grade     Grade
		reason    string
	}{
		// Expected 2021: 45.5 + (50−45.5)×3/6 = 47.75; (47−45.5)/(47.75−45.5) = 66.7 %.
		{"single-year", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, Num(47), "", true, Num(66.7), GradeB, ""},
		{"single-year reached", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, Num(48), "", true, Num(111.1), GradeA, ""},
		{"below baseline", Indicator{Baseline: pt(2018, 45.5), Target: pt(2024, 50)}, Num(45), "", true, Num(-22.2), GradeC, ""},
		// Decrease: expected 2021 = 100 − 60×3/6 = 70; (80−100)/(70−100) = 66.7 %.
		{"decrease", Indicator{Direction: Decrease, Baseline: pt(2018, 100), Target: pt(2024, 40)}, Num(80), "", true, Num(66.7), GradeB, ""},
		// Cumulative: expected 2021 = 230 × 2/5 = 92; 45/92 = 48.9 %.
		{"cumulative", Indicator{Cumulative: true, Baseline: pt(2018, 46), Target: pt(2024, 230)}, Num(45), "", true, Num(48.9), GradeC, ""},
		{"cumulative B+", Indicator{Cumulative: true, Baseline: pt(2018, 46), Target: pt(2024, 230)}, Num(80), "", true, Num(87), GradeBPlus, ""},
		// No baseline: expected 2021 = 100 × 2/5 = 40.
		{"no baseline", Indicator{Baseline: Point{Year: 2018}, Target: pt(2024, 100)}, Num(14), "", true, Num(35), GradeC, ""},
		{"maintain within", Indicator{Direction: Maintain, Baseline: pt(2018, 27), Target: pt(2024, 27)}, Num(25), "", true, Num(92.6), GradeA, ""},
		{"maintain outside", Indicator{Direction: Maintain, Baseline: pt(2018, 27), Target: pt(2024, 27)}, Num(24), "", true, Num(88.9), GradeC, ""},
		{"pending", Indicator{Baseline: pt(2018, 1), Target: pt(2024, 2)}, Value{}, StatusPending, true, Value{}, GradeNone, "調査中（令和4年6月公表予定）"},
		{"not submitted", Indicator{Baseline: pt(2018, 1), Target: pt(2024, 2)}, Value{}, "", false, Value{}, GradeNone, "未提出"},
		{"no actual", Indicator{Baseline: pt(2018, 1), Target: pt(2024, 2)}, Value{}, StatusFinal, true, Value{}, GradeNone, "実績なし"},
		{"no target", Indicator{Baseline: pt(2018, 1), Target: Point{Year: 2024}}, Num(3), "", true, Value{}, GradeNone, "目標値なし"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.ind.Direction == "" {
				tc.ind.Direction = Increase
			}
			pd := ""
			if tc.status == StatusPending {
				pd = "令和4年6月"
			}
			e := DefaultRules.Evaluate(&tc.ind, 2020, p, tc.actual, tc.status, pd, tc.submitted)
			if e.Rate != tc.rate || e.Grade != tc.grade || e.Reason != tc.reason {
				t.Errorf("Evaluate = rate %v grade %s reason %q (expected %v, formula %s), want %v %s %q",
					e.Rate, e.Grade, e.Reason, e.Expected, e.Formula, tc.rate, tc.grade, tc.reason)
			}
		})
	}
}
