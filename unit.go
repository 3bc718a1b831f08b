package shinchoku

import "strings"

// UnitClass is what an indicator's unit says about its values: whether they
// are a share of a whole, a level rather than a count, and whether they may
// be negative. ClassifyUnit is the one place that decides it; the evaluation
// (Countable) and the check of submitted actuals both ask it, so that a unit
// is never a share for one and a count for the other.
type UnitClass struct {
	// Whole is what the whole counts in this unit when the unit is a share
	// of a whole (100 for ％, 10 for 割), and 0 otherwise. A share lies
	// between 0 and Whole, and a cell Excel formats as a percentage stores
	// the share of 1 (12.5% is 0.125), which is Whole times too small.
	Whole float64
	// Level is true for a share, a rate or a score (％, 倍, 点, ポイント,
	// and no unit, as 合計特殊出生率 has none), as opposed to a count or an
	// amount (人, 件, 千円): a level never starts from zero.
	Level bool
	// Signed is true where a value may be negative by nature: money (a
	// deficit) and a change in points. Other units count or measure things.
	Signed bool
}

// Share reports whether the unit is a share of a whole (％, 割). ポイント is
// not: it is a difference of shares or a score, and may be negative or
// above 100.
func (c UnitClass) Share() bool { return c.Whole > 0 }

// unitClasses are the units that are not plain counts; every other unit
// (人, 件, 回, 千ｔ, …) counts things: not a level, never negative.
var unitClasses = map[string]UnitClass{
	"％":    {Whole: 100, Level: true},
	"%":    {Whole: 100, Level: true},
	"割":    {Whole: 10, Level: true},
	"倍":    {Level: true},
	"点":    {Level: true},
	"":     {Level: true},
	"ポイント": {Level: true, Signed: true},
	"pt":   {Level: true, Signed: true},
	"pt.":  {Level: true, Signed: true},
	"円":    {Signed: true},
	"千円":   {Signed: true},
	"万円":   {Signed: true},
	"億円":   {Signed: true},
}

// ClassifyUnit says what a unit, as the plan writes it, tells about the
// indicator's values.
func ClassifyUnit(unit string) UnitClass {
	return unitClasses[strings.TrimSpace(unit)]
}
