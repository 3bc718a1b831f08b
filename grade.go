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
type Rules struct {
	Bands             []GradeBand // highest minimum first; the last band catches everything below
	MaintainTolerance float64     // 維持: achieved within this share of the baseline (0.10 = ±10 %)
}

// DefaultRules: A ≥ 100 %, B+ 80–99 %, B 50–79 %, C below 50 %; 維持 within ±10 %.
var DefaultRules = Rules{
	Bands:             []GradeBand{{GradeA, 100}, {GradeBPlus, 80}, {GradeB, 50}, {GradeC, math.Inf(-1)}},
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

// Evaluation is an indicator's grade for a period with every number needed
// to recompute it.
type Evaluation struct {
	Year     int   // the indicator's year the period belongs to
	Baseline Value // the base the rate is measured from (none for cumulative indicators)
	Expected Value // 期待値
	Actual   Value
	Rate     Value // progress rate in percent, rounded to one decimal
	Grade    Grade
	Reason   string // why there is no grade (調査中, 未提出, 目標値なし, …)
	Formula  string // how Rate was computed, in words
}

// Evaluate grades an indicator's actual for a period. status and
// publishDate explain a missing actual; submitted is false when the
// department has not reported at all.
func (r Rules) Evaluate(ind *Indicator, planStart int, p Period, actual Value, status Status, publishDate string, submitted bool) Evaluation {
	year := ind.YearOf(p)
	e := Evaluation{Year: year, Actual: actual, Expected: ind.Expected(year, planStart), Grade: GradeNone}
	if !ind.Cumulative {
		e.Baseline = ind.Baseline.Value
	}
	switch {
	case !ind.Target.Value.Set:
		e.Reason = "目標値なし"
		return e
	case !actual.Set && !submitted:
		e.Reason = "未提出"
		return e
	case !actual.Set && status == StatusPending:
		e.Reason = "調査中"
		if publishDate != "" {
			e.Reason += "（" + publishDate + "公表予定）"
		}
		return e
	case !actual.Set:
		e.Reason = "実績なし"
		return e
	}
	a := actual.Num
	if ind.Direction == Maintain {
		base := ind.Baseline.Value
		if !base.Set {
			base = ind.Target.Value
		}
		e.Baseline, e.Expected = base, base
		if base.Num == 0 {
			e.Reason = "基準値が0のため評価できません"
			return e
		}
		e.Rate = Num(round1(a / base.Num * 100))
		e.Formula = "実績値 ÷ 基準値"
		if math.Abs(a-base.Num) <= r.MaintainTolerance*math.Abs(base.Num) {
			e.Grade = r.Bands[0].Grade
			e.Formula += fmt.Sprintf("（基準値の±%g％以内で達成）", r.MaintainTolerance*100)
		} else {
			e.Grade = r.Bands[len(r.Bands)-1].Grade
			e.Formula += fmt.Sprintf("（基準値の±%g％を外れたため未達成）", r.MaintainTolerance*100)
		}
		return e
	}
	exp := e.Expected.Num
	var rate float64
	if e.Baseline.Set && ind.Baseline.Year < year {
		b := e.Baseline.Num
		if exp == b {
			e.Reason = "期待値が基準値と同じため評価できません"
			return e
		}
		rate = (a - b) / (exp - b) * 100
		e.Formula = "（実績値 − 基準値）÷（期待値 − 基準値）"
	} else {
		e.Baseline = Value{}
		if exp == 0 {
			e.Reason = "期待値が0のため評価できません"
			return e
		}
		rate = a / exp * 100
		if ind.Direction == Decrease {
			rate = exp / a * 100
			if a == 0 {
				rate = math.Inf(1)
			}
		}
		e.Formula = "実績値 ÷ 期待値"
		if ind.Direction == Decrease {
			e.Formula = "期待値 ÷ 実績値"
		}
	}
	if math.IsInf(rate, 1) {
		rate = 999.9
	}
	e.Rate = Num(round1(rate))
	e.Grade = GradeFor(e.Rate.Num, r.Bands)
	return e
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
