package shinchoku

import (
	"math"
	"strings"
)

// YearOf is the year of this indicator that a reporting period belongs to:
// the fiscal year the period falls in. A 暦年 indicator takes the calendar
// year of the same number (the 令和4年3月 report, in fiscal year 令和3年度,
// shows 令和3年 for it): the calendar year that began in the fiscal year is
// still running, and cities report a calendar year once it is closed.
func (ind *Indicator) YearOf(p Period) int {
	return p.FiscalYear()
}

// levelWords in an indicator's name mark a level even where the unit does
// not (合計特殊出生率 has no unit, 満足度 is a score).
var levelWords = []string{"率", "割合", "満足度", "評価", "指数"}

// Countable reports whether the indicator counts or sums something (人, 件,
// 千円), so that a line from zero is a fair expectation for it when there is
// no baseline: a new programme starts from nothing. Cumulative indicators
// always count. A share, a rate or a score (％, 合計特殊出生率, 満足度) is a
// level: it never starts from zero, and without a baseline it is judged
// against its target only.
func (ind *Indicator) Countable() bool {
	if ind.Cumulative {
		return true
	}
	if ClassifyUnit(ind.Unit).Level {
		return false
	}
	for _, w := range levelWords {
		if strings.Contains(ind.Name, w) {
			return false
		}
	}
	return true
}

// TargetContradicts reports whether the target lies on the wrong side of the
// baseline for the direction: a 増加 indicator whose target is below its
// baseline (a programme cut back, 10,179 → 9,500), or a 減少 one whose
// target is above. The direction still says which way is better; the
// evaluation then compares with the expected value only (see Evaluate).
func (ind *Indicator) TargetContradicts() bool {
	b, t := ind.Baseline.Value, ind.Target.Value
	if ind.Cumulative || !b.Set || !t.Set {
		return false
	}
	switch ind.Direction {
	case Increase:
		return t.Num < b.Num
	case Decrease:
		return t.Num > b.Num
	}
	return false
}

// Expected is the value the indicator should have reached in a year if it
// moved in a straight line to its target (期待値, Shizuoka Prefecture's
// method), rounded to the indicator's precision (Precision):
//   - single-year indicators with a baseline: from the baseline in the
//     baseline year to the target in the target year; a baseline without a
//     year is taken as the value before the plan's first year, where a line
//     from zero starts too;
//   - cumulative indicators, and counts without a baseline: from zero
//     before the plan's first year to the target, because a cumulative target
//     sums the plan years and the baseline year is not part of the sum, and
//     a new programme starts from nothing;
//   - a level (share, rate, score; see Countable) without a baseline, or a
//     減少 indicator without one: none, because a line from zero would be
//     invented; the actual is judged against the target alone;
//   - 維持 indicators: the baseline.
//
// Years before the line starts give the starting value, years after the
// target year the target. Without a target there is no expected value.
func (ind *Indicator) Expected(year, planStart int) Value {
	t := ind.Target
	if !t.Value.Set || t.Year == 0 {
		return Value{}
	}
	b := ind.Baseline
	if ind.Direction == Maintain {
		if b.Value.Set {
			return b.Value
		}
		return t.Value
	}
	from, fromYear, _, ok := ind.lineStart(planStart)
	if !ok {
		return Value{}
	}
	switch {
	case year >= t.Year || fromYear >= t.Year:
		return t.Value
	case year <= fromYear:
		return Num(from)
	}
	f := from + (t.Value.Num-from)*float64(year-fromYear)/float64(t.Year-fromYear)
	return Num(RoundTo(f, ind.Precision()))
}

// lineStart is where the expected line starts, the one decision that both
// Expected and Evaluate use: the baseline, or zero before the plan's first
// year (fromZero). ok is false when there is no fair start.
//
// A baseline with a value but no year (the plan file allows
// `baseline: {year: null, value: 100}`) still starts the line: a plan states
// its baseline as where the city stands when the plan begins, so the line
// starts at that value before the plan's first year, the same year as a line
// from zero. Drawing it from zero instead would grade an actual below the
// baseline as progress (90 against a baseline of 100 graded B).
func (ind *Indicator) lineStart(planStart int) (from float64, fromYear int, fromZero, ok bool) {
	b := ind.Baseline
	switch {
	case !ind.Cumulative && b.Value.Set && b.Year != 0:
		return b.Value.Num, b.Year, false, true
	case !ind.Cumulative && b.Value.Set:
		return b.Value.Num, planStart - 1, false, true
	case ind.Direction == Decrease || !ind.Countable():
		return 0, 0, true, false
	}
	return 0, planStart - 1, true, true
}

// RoundTo rounds half away from zero (四捨五入) to a number of decimals.
func RoundTo(f float64, decimals int) float64 {
	p := math.Pow10(decimals)
	r := math.Round(f*p) / p
	if r == 0 {
		return 0 // no −0
	}
	return r
}
