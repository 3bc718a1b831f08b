package shinchoku

import (
	"fmt"
	"math"
)

// Grade is the evaluation of one indicator for a period.
type Grade string

// The default grades (Ibaraki Prefecture's bands). Bands and labels are
// configurable through Rules.
const (
	GradeA     Grade = "A"
	GradeBPlus Grade = "B+"
	GradeB     Grade = "B"
	GradeC     Grade = "C"
	GradeNone  Grade = "−" // cannot be evaluated; Evaluation.Reason says why
)

// GradeBand is the lowest progress rate (in percent) that earns a grade.
type GradeBand struct {
	Grade Grade
	Min   float64
}

// Rules say how indicators are evaluated.
//
// An actual is first placed in one of Shizuoka Prefecture's categories,
// counted in the indicator's better direction: the target reached (目標値以上),
// at or beyond the expected value (期待値以上), between the baseline and the
// expected value, or no better than the baseline (基準値以下). Only between
// the baseline and the expected value does the progress rate say something
// a reader can take at face value; there the grade comes from Bands. The
// other categories take Reached, Bands[0] and Worse.
type Rules struct {
	Bands             []GradeBand // highest minimum first; the last band catches everything below
	Reached           Grade       // grade of an actual that reached the target; empty: Bands[0]
	Worse             Grade       // grade of an actual no better than the baseline; empty: the last band
	MaintainTolerance float64     // 維持: achieved within this share of the baseline (0.10 = ±10 %)
}

// DefaultRules: A ≥ 100 % (and the target or expected value reached), B+
// 80–99 %, B 50–79 %, C below 50 % and no better than the baseline
// (Ibaraki Prefecture's bands); 維持 within ±10 %.
var DefaultRules = Rules{
	Bands:             []GradeBand{{GradeA, 100}, {GradeBPlus, 80}, {GradeB, 50}, {GradeC, math.Inf(-1)}},
	MaintainTolerance: 0.10,
}

// ShizuokaRules grade with Shizuoka Prefecture's five categories: 目標値以上,
// A (期待値以上), B (at least halfway from the baseline to the expected
// value), C (better than the baseline), 基準値以下.
var ShizuokaRules = Rules{
	Bands:             []GradeBand{{GradeA, 100}, {GradeB, 50}, {GradeC, math.Inf(-1)}},
	Reached:           "目標値以上",
	Worse:             "基準値以下",
	MaintainTolerance: 0.10,
}

// DefaultGradeBands are the bands of DefaultRules.
var DefaultGradeBands = DefaultRules.Bands

// GradeFor returns the grade of a progress rate (percent) under bands ordered
// from the highest minimum down.
func GradeFor(rate float64, bands []GradeBand) Grade {
	for _, b := range bands {
		if rate >= b.Min {
			return b.Grade
		}
	}
	return GradeNone
}

// best is the grade of an actual at or beyond the expected value, reached
// that of one that reached the target, worse that of one no better than the
// baseline.
func (r Rules) best() Grade { return r.Bands[0].Grade }

func (r Rules) reached() Grade {
	if r.Reached != "" {
		return r.Reached
	}
	return r.best()
}

func (r Rules) worse() Grade {
	if r.Worse != "" {
		return r.Worse
	}
	return r.Bands[len(r.Bands)-1].Grade
}

// Report is what the evaluation knows of a department's report on an
// indicator.
type Report struct {
	Actual      Value
	Status      Status
	PublishDate string
	// Missing says why nothing was reported: 未提出, or 差し戻し（課名） when
	// the department's workbook was returned. Empty when a department's
	// report was accepted.
	Missing string
}

// The reasons an indicator has no grade. Each is a different fact for the
// council, never merged into another.
const (
	ReasonNotSubmitted = "未提出"
	ReasonReturned     = "差し戻し" // followed by the department: 差し戻し（青少年課）
	ReasonPending      = "調査中"  // followed by the publication time: 調査中（令和4年6月公表予定）
	ReasonNoActual     = "実績なし"
	ReasonNoTarget     = "目標値なし"
)

// Returned is the reason of an indicator whose department's workbook was
// returned: 差し戻し（青少年課）.
func Returned(departments ...string) string {
	s := ReasonReturned + "（"
	for i, d := range departments {
		if i > 0 {
			s += "・"
		}
		s += d
	}
	return s + "）"
}

// Evaluation is an indicator's grade for a period with every number needed
// to recompute it.
type Evaluation struct {
	Year int // the indicator's year the period belongs to
	// Base is where the evaluation measures from: the baseline, 0 for a
	// line from zero (cumulative indicators, counts without a baseline: see
	// Expected), the baseline (or target) of a 維持 indicator; none without
	// an expected value. It differs from the plan's baseline, which the
	// reports print, for a line from zero.
	Base Value

	Expected Value // 期待値, rounded to the indicator's precision
	Actual   Value
	Rate     Value // progress rate in percent, rounded to one decimal; only where it means something, never negative
	// Outcome says in words what happened where a rate would mislead:
	// 目標値以上, 期待値以上 or 基準値以下 (目標値以下, 期待値以下 and 基準値以上 for
	// a 減少 indicator), or 目標値未満 where there is no expected value.
	Outcome string
	Grade   Grade
	Reason  string // why there is no grade (調査中, 未提出, 差し戻し, 目標値なし, …)
	Formula string // how Rate or Outcome was found, in words
}

// RateText is what the 達成率 column shows: the rate with one decimal
// (48.9％), else the outcome in words, else −.
func (e Evaluation) RateText() string {
	switch {
	case e.Rate.Set:
		return FormatFixed(e.Rate.Num, 1) + "％"
	case e.Outcome != "":
		return e.Outcome
	}
	return "−"
}

// Words of the outcomes, by direction: which way is better decides whether
// reaching the target means 以上 or 以下.
type outcomeWords struct{ reached, expected, worse, short string }

func wordsFor(d Direction) outcomeWords {
	if d == Decrease {
		return outcomeWords{"目標値以下", "期待値以下", "基準値以上", "目標値超過"}
	}
	return outcomeWords{"目標値以上", "期待値以上", "基準値以下", "目標値未満"}
}

// Evaluate grades an indicator's reported actual for a period.
//
// Values are compared in the indicator's better direction: for a 減少
// indicator lower is better, whatever the target. The categories, in order:
//  1. the actual is at or beyond the target and the expected value: Reached;
//  2. at or beyond the expected value: the best band;
//  3. better than the baseline (for a line from zero: above zero): the
//     progress rate (実績値 − 基準値) ÷ (期待値 − 基準値), graded by the bands;
//  4. no better than the baseline (for a line from zero: zero): Worse.
//
// Category 4 is checked before 2: an actual no better than the baseline,
// with the expected value not behind it, is Worse even where the expected
// value rounds to the baseline.
//
// A rate is given only in category 2 and 3 with the expected value beyond the
// baseline, so it is never negative and never divides by a change near zero.
// A target on the wrong side of the baseline (TargetContradicts) makes the
// expected value fall behind the baseline; categories 1, 2 and 4 still mean
// something there and an actual behind both baseline and expected value is
// Worse. Without an expected value (a level without baseline, see Expected)
// the actual is judged against the target alone: Reached, or no grade.
func (r Rules) Evaluate(ind *Indicator, planStart int, p Period, rep Report) Evaluation {
	year := ind.YearOf(p)
	e := Evaluation{Year: year, Actual: rep.Actual, Expected: ind.Expected(year, planStart), Grade: GradeNone}
	if !ind.Cumulative {
		e.Base = ind.Baseline.Value
	}
	switch {
	case !ind.Target.Value.Set:
		e.Reason = ReasonNoTarget
		return e
	case !rep.Actual.Set && rep.Missing != "":
		e.Reason = rep.Missing
		return e
	case !rep.Actual.Set && rep.Status == StatusPending:
		e.Reason = ReasonPending
		if rep.PublishDate != "" {
			e.Reason += "（" + rep.PublishDate + "公表予定）"
		}
		return e
	case !rep.Actual.Set:
		e.Reason = ReasonNoActual
		return e
	}
	if ind.Direction == Maintain {
		return r.maintain(ind, e)
	}
	w := wordsFor(ind.Direction)
	sign := 1.0
	if ind.Direction == Decrease {
		sign = -1
	}
	a, t := sign*rep.Actual.Num, sign*ind.Target.Value.Num
	if !e.Expected.Set {
		e.Base = Value{}
		if a >= t {
			e.Grade, e.Outcome = r.reached(), w.reached
			e.Formula = "実績値と目標値の比較（基準値がないため期待値なし）"
			return e
		}
		e.Outcome = w.short
		e.Reason = w.short + "（基準値がないため期待値を定めず、評価しません）"
		e.Formula = "実績値と目標値の比較（基準値がないため期待値なし）"
		return e
	}
	from, _, fromZero, _ := ind.lineStart(planStart)
	if fromZero {
		e.Base = Num(0)
	}
	b, x := sign*from, sign*e.Expected.Num
	switch {
	case a >= t && a >= x:
		e.Grade, e.Outcome = r.reached(), w.reached
		e.Formula = "実績値と目標値の比較"
	case a < b || (a == b && (!fromZero || x >= b)):
		// No better than the start. With the expected value not behind the
		// start this is Worse even where the expected value, rounded to the
		// indicator's precision, equals the start (1 式 over five years:
		// 0.4 → 0): nothing done is never "at or beyond the expected value".
		e.Grade, e.Outcome = r.worse(), w.worse
		e.Formula = "実績値と基準値の比較"
		if fromZero {
			e.Outcome = "0以下"
			e.Formula = "実績値と0の比較（累計・新しい事業は0から数えるため）"
		}
	case x <= b:
		// The expected value is not beyond the start (a target behind the
		// baseline, or no change expected yet), and the actual is at least
		// the start: at or beyond the expected value, with no rate to give.
		e.Grade, e.Outcome = r.best(), w.expected
		switch {
		case ind.TargetContradicts() && sign > 0:
			e.Formula = "実績値と期待値の比較（目標値が基準値より低いため達成率なし）"
		case ind.TargetContradicts():
			e.Formula = "実績値と期待値の比較（目標値が基準値より高いため達成率なし）"
		default:
			e.Formula = "実績値と期待値の比較（期待値が基準値と同じため達成率なし）"
		}
	default:
		rate := RoundTo((a-b)/(x-b)*100, 1)
		e.Rate = Num(rate)
		e.Grade = GradeFor(rate, r.Bands)
		if a >= x {
			e.Grade = r.best()
		}
		e.Formula = "（実績値 − 基準値）÷（期待値 − 基準値）"
		if fromZero {
			e.Formula = "実績値 ÷ 期待値"
		}
	}
	return e
}

// maintain grades a 維持 indicator: achieved within the tolerance around the
// baseline (or the target, without one).
func (r Rules) maintain(ind *Indicator, e Evaluation) Evaluation {
	base := ind.Baseline.Value
	if !base.Set {
		base = ind.Target.Value
	}
	e.Base, e.Expected = base, base
	a := e.Actual.Num
	if base.Num == 0 {
		e.Reason = "基準値が0のため評価できません"
		return e
	}
	if rate := RoundTo(a/base.Num*100, 1); rate >= 0 {
		e.Rate = Num(rate)
	}
	e.Formula = "実績値 ÷ 基準値"
	if math.Abs(a-base.Num) <= r.MaintainTolerance*math.Abs(base.Num) {
		e.Grade = r.best()
		e.Formula += fmt.Sprintf("（基準値の±%g％以内で達成）", r.MaintainTolerance*100)
	} else {
		e.Grade = r.worse()
		e.Formula += fmt.Sprintf("（基準値の±%g％を外れたため未達成）", r.MaintainTolerance*100)
	}
	return e
}
