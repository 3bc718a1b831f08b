package shinchoku

import (
	"math/rand/v2"
	"slices"
	"testing"
)

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

// seedIndicator is an indicator as the seed plan writes it: baseline
// 平成30年度 (2018), target 令和6年度 (2024), plan from 2020.
func seedIndicator(name, unit string, dir Direction, baseline *float64, target float64, cumulative bool) Indicator {
	ind := Indicator{Name: name, Unit: unit, Direction: dir, Cumulative: cumulative,
		Baseline: Point{Year: 2018}, Target: Point{Year: 2024, Value: Num(target)}}
	if baseline != nil {
		ind.Baseline.Value = Num(*baseline)
	}
	return ind
}

func ptr(f float64) *float64 { return &f }

// TestEvaluate covers each case of the evaluation on the seed plan's own
// numbers, for the 令和4年3月 report (fiscal year 2021: three of six years
// from the baseline, two of five plan years).
func TestEvaluate(t *testing.T) {
	p := Period{Year: 2022, Month: 3}
	taiken := seedIndicator("体験プログラム参加人数", "人", Increase, ptr(10179), 9500, false)
	seminar := seedIndicator("新規創業セミナー参加者数", "人", Increase, ptr(69), 72, false)
	mushou := seedIndicator("市独自の無償化対象児童数", "人", Increase, ptr(275), 270, false)
	birth := seedIndicator("合計特殊出生率", "", Increase, nil, 1.8, false)
	satisfaction := seedIndicator("子育て環境や支援の満足度【５段階評価】", "", Increase, ptr(2.9), 3.3, false)
	jobs := seedIndicator("新規雇用創出数", "人", Increase, ptr(46), 230, true)
	matching := seedIndicator("北海道のマッチングサイト求人掲載数", "件", Increase, nil, 100, false)
	checkup := seedIndicator("産婦健康診査受診率", "％", Increase, nil, 100, false)
	waiting := seedIndicator("待機児童数", "人", Decrease, ptr(3), 0, false)
	share := seedIndicator("管内学生の管内事業所就職割合", "％", Increase, ptr(45.5), 50, false)
	visitors := seedIndicator("観光入込客数（交流人口数）", "万人", Increase, ptr(199.5), 260, false)
	maintain := Indicator{Direction: Maintain, Baseline: Point{2018, Num(27)}, Target: Point{2024, Num(27)}}
	robots := seedIndicator("飛行型偵察・監視ロボット、導水ロボット導入数", "式", Increase, nil, 1, true)
	// A baseline with a value but no year (baseline: {year: null, value: …}).
	noYear := Indicator{Name: "参加者数", Unit: "人", Direction: Increase, Baseline: Point{Value: Num(100)}, Target: Point{2024, Num(200)}}
	noYearShare := Indicator{Name: "就職割合", Unit: "％", Direction: Increase, Baseline: Point{Value: Num(45.5)}, Target: Point{2024, Num(50)}}
	noYearDecrease := Indicator{Name: "待機児童数", Unit: "人", Direction: Decrease, Baseline: Point{Value: Num(10)}, Target: Point{2024, Num(0)}}
	for _, tc := range []struct {
		name     string
		ind      Indicator
		rep      Report
		expected Value
		rate     Value
		outcome  string
		grade    Grade
		reason   string
	}{
		// Expected 10,179 + (9,500 − 10,179) × 3/6 = 9,839.5 → 9,840 (a count has no decimals).
		// A collapse below baseline and expected value: 基準値以下, never A.
		{"target below baseline, collapse", taiken, Report{Actual: Num(5705)}, Num(9840), Value{}, "基準値以下", GradeC, ""},
		{"target below baseline, above expected", taiken, Report{Actual: Num(9900)}, Num(9840), Value{}, "目標値以上", GradeA, ""},
		{"target below baseline, below expected", taiken, Report{Actual: Num(9600)}, Num(9840), Value{}, "基準値以下", GradeC, ""},
		{"target below baseline, above baseline", taiken, Report{Actual: Num(10500)}, Num(9840), Value{}, "目標値以上", GradeA, ""},
		// 275 → 270: expected 272.5 → 273; 252 is below both.
		{"無償化 below both", mushou, Report{Actual: Num(252)}, Num(273), Value{}, "基準値以下", GradeC, ""},
		// 69 → 72: expected 70.5 → 71; 48 is below the baseline: words, no △1,400 %.
		{"wrong side of baseline", seminar, Report{Actual: Num(48)}, Num(71), Value{}, "基準値以下", GradeC, ""},
		{"at baseline", seminar, Report{Actual: Num(69)}, Num(71), Value{}, "基準値以下", GradeC, ""},
		{"halfway to expected", seminar, Report{Actual: Num(70)}, Num(71), Num(50), "", GradeB, ""},
		{"expected reached", seminar, Report{Actual: Num(71)}, Num(71), Num(100), "", GradeA, ""},
		{"target reached", seminar, Report{Actual: Num(72)}, Num(71), Value{}, "目標値以上", GradeA, ""},
		// A rate without baseline is judged against its target, never a line from zero.
		{"rate without baseline short of target", birth, Report{Actual: Num(1.35)}, Value{}, Value{}, "目標値未満", GradeNone,
			"目標値未満（基準値がないため期待値を定めず、評価しません）"},
		{"rate without baseline reached", birth, Report{Actual: Num(1.8)}, Value{}, Value{}, "目標値以上", GradeA, ""},
		{"share without baseline", checkup, Report{Actual: Num(93.9)}, Value{}, Value{}, "目標値未満", GradeNone,
			"目標値未満（基準値がないため期待値を定めず、評価しません）"},
		// A score with a baseline: 2.9 → 3.3, expected 3.1 (one decimal, as the plan).
		{"score", satisfaction, Report{Actual: Num(3)}, Num(3.1), Num(50), "", GradeB, ""},
		// Cumulative: expected 230 × 2/5 = 92 from zero; 45 ÷ 92 = 48.9 %.
		{"cumulative", jobs, Report{Actual: Num(45)}, Num(92), Num(48.9), "", GradeC, ""},
		{"cumulative B+", jobs, Report{Actual: Num(80)}, Num(92), Num(87), "", GradeBPlus, ""},
		// A count of a new programme starts from zero: 100 × 2/5 = 40; 14 ÷ 40 = 35 %.
		{"count without baseline", matching, Report{Actual: Num(14)}, Num(40), Num(35), "", GradeC, ""},
		// 1 式 over five years: expected 0.4 → 0. None installed is no better
		// than the start (zero) and the target is not reached: never the best grade.
		{"expected rounds to zero, none yet", robots, Report{Actual: Num(0)}, Num(0), Value{}, "0以下", GradeC, ""},
		{"expected rounds to zero, installed", robots, Report{Actual: Num(1)}, Num(0), Value{}, "目標値以上", GradeA, ""},
		{"cumulative none yet", jobs, Report{Actual: Num(0)}, Num(92), Value{}, "0以下", GradeC, ""},
		// 減少: 3 → 0, expected 1.5 → 2; 0 reached the target.
		{"decrease reached", waiting, Report{Actual: Num(0)}, Num(2), Value{}, "目標値以下", GradeA, ""},
		{"decrease halfway", waiting, Report{Actual: Num(2.5)}, Num(2), Num(50), "", GradeB, ""},
		{"decrease worse", waiting, Report{Actual: Num(4)}, Num(2), Value{}, "基準値以上", GradeC, ""},
		// A share keeps the plan's decimals: 45.5 → 50, expected 47.75 → 47.8; (45.9 − 45.5) ÷ 2.3 = 17.4 %.
		{"share", share, Report{Actual: Num(45.9)}, Num(47.8), Num(17.4), "", GradeC, ""},
		// 199.5 → 260 万人: expected 229.75 → 229.8, as the baseline's one decimal.
		{"precision of the plan", visitors, Report{Actual: Num(148)}, Num(229.8), Value{}, "基準値以下", GradeC, ""},
		{"maintain within", maintain, Report{Actual: Num(25)}, Num(27), Num(92.6), "", GradeA, ""},
		{"maintain outside", maintain, Report{Actual: Num(24)}, Num(27), Num(88.9), "", GradeC, ""},
		// A baseline without a year is where the city stands before the plan's
		// first year: 100 in 2019 → 200 in 2024, expected 100 + 100 × 2/5 = 140.
		// Below the baseline is 基準値以下, never progress on a line from zero.
		{"baseline without year, below it", noYear, Report{Actual: Num(90)}, Num(140), Value{}, "基準値以下", GradeC, ""},
		{"baseline without year, halfway", noYear, Report{Actual: Num(120)}, Num(140), Num(50), "", GradeB, ""},
		// A level with such a baseline has a line too: 45.5 → 50, expected 47.3; 0.4 ÷ 1.8 = 22.2 %.
		{"share baseline without year", noYearShare, Report{Actual: Num(45.9)}, Num(47.3), Num(22.2), "", GradeC, ""},
		// 減少 10 → 0: expected 6; 8 is halfway.
		{"decrease baseline without year", noYearDecrease, Report{Actual: Num(8)}, Num(6), Num(50), "", GradeB, ""},
		{"decrease baseline without year, worse", noYearDecrease, Report{Actual: Num(11)}, Num(6), Value{}, "基準値以上", GradeC, ""},
		// Every state has its own words.
		{"pending", seminar, Report{Status: StatusPending, PublishDate: "令和4年6月"}, Num(71), Value{}, "", GradeNone, "調査中（令和4年6月公表予定）"},
		{"not submitted", seminar, Report{Missing: ReasonNotSubmitted}, Num(71), Value{}, "", GradeNone, "未提出"},
		{"returned", seminar, Report{Missing: Returned("青少年課")}, Num(71), Value{}, "", GradeNone, "差し戻し（青少年課）"},
		{"no actual", seminar, Report{Status: StatusFinal}, Num(71), Value{}, "", GradeNone, "実績なし"},
		{"no target", Indicator{Direction: Increase, Baseline: Point{2018, Num(1)}, Target: Point{Year: 2024}}, Report{Actual: Num(3)},
			Value{}, Value{}, "", GradeNone, "目標値なし"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := DefaultRules.Evaluate(&tc.ind, 2020, p, tc.rep)
			if e.Expected != tc.expected || e.Rate != tc.rate || e.Outcome != tc.outcome || e.Grade != tc.grade || e.Reason != tc.reason {
				t.Errorf("Evaluate = expected %v rate %v outcome %q grade %s reason %q (formula %s),\nwant %v %v %q %s %q",
					e.Expected, e.Rate, e.Outcome, e.Grade, e.Reason, e.Formula, tc.expected, tc.rate, tc.outcome, tc.grade, tc.reason)
			}
			if e.Rate.Set && e.Rate.Num < 0 {
				t.Errorf("negative rate %v", e.Rate)
			}
		})
	}
}

// TestEvaluateBaselineWithoutYear is the reviewer's case: 参加者数 with a
// baseline of 100 and no year, target 200 in 2027, plan from 2023, actual 90
// in September 2025. The line runs from 100 before 2023 (2022) to 200 in
// 2027: expected 100 + 100 × 3/5 = 160. 90 is below the baseline, and the
// formula must say so, not divide 90 by an expected value from zero.
func TestEvaluateBaselineWithoutYear(t *testing.T) {
	ind := Indicator{Name: "参加者数", Unit: "人", Direction: Increase, Baseline: Point{Value: Num(100)}, Target: Point{2027, Num(200)}}
	p := Period{Year: 2025, Month: 9}
	for _, tc := range []struct {
		actual           float64
		grade            Grade
		outcome, formula string
		rate             Value
	}{
		{90, GradeC, "基準値以下", "実績値と基準値の比較", Value{}},
		{100, GradeC, "基準値以下", "実績値と基準値の比較", Value{}},
		{130, GradeB, "", "（実績値 − 基準値）÷（期待値 − 基準値）", Num(50)},
	} {
		e := DefaultRules.Evaluate(&ind, 2023, p, Report{Actual: Num(tc.actual)})
		if e.Expected != Num(160) || e.Base != Num(100) || e.Grade != tc.grade || e.Outcome != tc.outcome || e.Formula != tc.formula || e.Rate != tc.rate {
			t.Errorf("actual %v: expected %v base %v rate %v grade %s outcome %q formula %q,\nwant 160 100 %v %s %q %q",
				tc.actual, e.Expected, e.Base, e.Rate, e.Grade, e.Outcome, e.Formula, tc.rate, tc.grade, tc.outcome, tc.formula)
		}
	}
}

func TestShizuokaRules(t *testing.T) {
	p := Period{Year: 2022, Month: 3}
	seminar := seedIndicator("新規創業セミナー参加者数", "人", Increase, ptr(69), 72, false)
	for actual, want := range map[float64]Grade{48: "基準値以下", 69: "基準値以下", 69.5: GradeC, 70: GradeB, 71: GradeA, 72: "目標値以上"} {
		if e := ShizuokaRules.Evaluate(&seminar, 2020, p, Report{Actual: Num(actual)}); e.Grade != want {
			t.Errorf("actual %v: grade %s, want %s", actual, e.Grade, want)
		}
	}
	// The seed's 1 式 of robots (expected 0.4 → 0): none installed is 基準値以下, not A.
	robots := seedIndicator("飛行型偵察・監視ロボット、導水ロボット導入数", "式", Increase, nil, 1, true)
	for actual, want := range map[float64]Grade{0: "基準値以下", 1: "目標値以上"} {
		if e := ShizuokaRules.Evaluate(&robots, 2020, p, Report{Actual: Num(actual)}); e.Grade != want {
			t.Errorf("robots actual %v: grade %s, want %s", actual, e.Grade, want)
		}
	}
	want := []Grade{"目標値以上", GradeA, GradeB, GradeC, "基準値以下", GradeNone}
	if got := ShizuokaRules.Grades(); !slices.Equal(got, want) {
		t.Errorf("Grades() = %v, want %v", got, want)
	}
}

// TestEvaluateMonotone: for random baselines, targets, actuals and
// directions, an actual further in the better direction never gets a lower
// grade, no rate is negative, and an actual worse than both baseline and
// expected value never gets the best grade. An actual no better than the
// start of the line (the baseline, or zero for a line from zero) that has not
// reached the target, with the expected value not behind the start, is
// always Worse, also where the expected value rounds to the start (targets
// of a few units in whole numbers: 1 式 over five years, 0.4 → 0). Some
// baselines have no year, as the plan file allows.
func TestEvaluateMonotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	p := Period{Year: 2022, Month: 3}
	for _, rules := range []Rules{DefaultRules, ShizuokaRules} {
		grades := rules.Grades()
		rank := func(g Grade) int { return len(grades) - slices.Index(grades, g) }
		for i := range 20000 {
			dir := []Direction{Increase, Decrease}[rng.IntN(2)]
			num := func() float64 {
				if rng.IntN(4) == 0 {
					return float64(rng.IntN(4)) // a few whole units: the expected value rounds to them
				}
				return float64(rng.IntN(2000)) / float64([]int{1, 10, 100}[rng.IntN(3)])
			}
			ind := Indicator{Name: "指標", Unit: []string{"人", "％", ""}[rng.IntN(3)], Direction: dir, Cumulative: rng.IntN(4) == 0,
				Baseline: Point{Year: 2015 + rng.IntN(6)}, Target: Point{Year: 2021 + rng.IntN(6), Value: Num(num())}}
			if rng.IntN(5) > 0 {
				ind.Baseline.Value = Num(num())
			}
			if rng.IntN(6) == 0 {
				ind.Baseline.Year = 0 // baseline: {year: null, value: …}
			}
			a1, a2 := num(), num()
			if (a2 < a1) == (dir == Increase) {
				a1, a2 = a2, a1 // a2 is the better one
			}
			e1 := rules.Evaluate(&ind, 2020, p, Report{Actual: Num(a1)})
			e2 := rules.Evaluate(&ind, 2020, p, Report{Actual: Num(a2)})
			if rank(e2.Grade) < rank(e1.Grade) {
				t.Fatalf("case %d %+v: actual %v grade %s (%s), better actual %v grade %s (%s)", i, ind, a1, e1.Grade, e1.Formula, a2, e2.Grade, e2.Formula)
			}
			for _, e := range []Evaluation{e1, e2} {
				if e.Rate.Set && e.Rate.Num < 0 {
					t.Fatalf("case %d %+v: negative rate %v", i, ind, e.Rate)
				}
				b, x, a := ind.Baseline.Value, e.Expected, e.Actual.Num
				if dir == Decrease {
					a, b.Num, x.Num = -a, -b.Num, -x.Num
				}
				if !ind.Cumulative && b.Set && x.Set && a < b.Num && a < x.Num && e.Grade == grades[0] {
					t.Fatalf("case %d %+v: actual %v behind baseline and expected %v graded %s", i, ind, e.Actual, e.Expected, e.Grade)
				}
				from, _, _, ok := ind.lineStart(2020)
				tg := ind.Target.Value.Num
				if dir == Decrease {
					from, tg = -from, -tg
				}
				if ok && x.Set && a <= from && a < tg && x.Num >= from && e.Grade != rules.worse() {
					t.Fatalf("case %d %+v: actual %v no better than the start %v (expected %v) graded %s (%s), want %s",
						i, ind, e.Actual, from, e.Expected, e.Grade, e.Formula, rules.worse())
				}
			}
		}
	}
}

// TestEvaluationBase: the evaluation says where it measures from, which for
// a line from zero is not the plan's baseline the reports print.
func TestEvaluationBase(t *testing.T) {
	p := Period{Year: 2022, Month: 3}
	jobs := seedIndicator("新規雇用創出数", "人", Increase, ptr(46), 230, true)
	seminar := seedIndicator("新規創業セミナー参加者数", "人", Increase, ptr(69), 72, false)
	birth := seedIndicator("合計特殊出生率", "", Increase, nil, 1.8, false)
	for _, tc := range []struct {
		name string
		ind  Indicator
		base Value
	}{
		{"cumulative counts from zero", jobs, Num(0)},
		{"single year from the baseline", seminar, Num(69)},
		{"no expected value", birth, Value{}},
	} {
		if e := DefaultRules.Evaluate(&tc.ind, 2020, p, Report{Actual: Num(45)}); e.Base != tc.base {
			t.Errorf("%s: base %v, want %v", tc.name, e.Base, tc.base)
		}
	}
}
