package shinchoku

import "math"

// YearOf is the year of this indicator that a reporting period belongs to:
// the fiscal year, or the calendar year for a 暦年 indicator.
func (ind *Indicator) YearOf(p Period) int {
	if ind.YearBasis == CalendarYear {
		return p.Year
	}
	return p.FiscalYear()
}

// Expected is the value the indicator should have reached in a year if it
// moved in a straight line to its target (期待値, Shizuoka Prefecture's
// method), rounded to two decimals:
//   - single-year indicators: from the baseline in the baseline year to the
//     target in the target year;
//   - cumulative indicators, and any indicator without a baseline: from zero
//     before the plan's first year to the target, because a cumulative target
//     sums the plan years and the baseline year is not part of the sum;
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
	from, fromYear := 0.0, planStart-1
	if !ind.Cumulative && b.Value.Set && b.Year != 0 {
		from, fromYear = b.Value.Num, b.Year
	}
	switch {
	case year >= t.Year || fromYear >= t.Year:
		return t.Value
	case year <= fromYear:
		return Num(from)
	}
	f := from + (t.Value.Num-from)*float64(year-fromYear)/float64(t.Year-fromYear)
	return Num(math.Round(f*100) / 100)
}
