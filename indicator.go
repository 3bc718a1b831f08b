package shinchoku

// Direction says which way an indicator should move.
type Direction string

// The directions an indicator can have, as the plan file writes them.
const (
	Increase Direction = "増加" // higher is better
	Decrease Direction = "減少" // lower is better
	Maintain Direction = "維持" // keep the baseline
)

// Directions lists the valid directions.
var Directions = []Direction{Increase, Decrease, Maintain}

// YearBasis says whether an indicator's years are fiscal years (April–March,
// the default) or calendar years.
type YearBasis string

// The year bases, as the plan file writes them.
const (
	FiscalYear   YearBasis = "年度"
	CalendarYear YearBasis = "暦年"
)

// Value is a number that may be absent: the plan prints − where there is no
// value (a new indicator, nothing measured).
type Value struct {
	Num float64
	Set bool
}

// Num returns a present value.
func Num(f float64) Value { return Value{Num: f, Set: true} }

// Point is a value for one year.
type Point struct {
	Year  int // Western year; 0 when unknown
	Value Value
}

// Revision records a target replaced by a plan revision; the old target is
// kept so that history stays readable.
type Revision struct {
	Date   string // ISO date of the revision, e.g. 2022-09-30
	Target Point  // the target before the revision
	Note   string
}

// Indicator is a 数値目標 or ＫＰＩ: what is measured, from which baseline, to
// which target, and what has been recorded so far.
type Indicator struct {
	ID         string
	Name       string
	Unit       string
	Cumulative bool // 累計: values are running totals over the plan years
	Direction  Direction
	YearBasis  YearBasis
	Baseline   Point
	Target     Point
	Actuals    []Point // recorded actuals by year, oldest first
	Note       string  // ※ note
	Tags       []string
	Revisions  []Revision
}

// Actual returns the recorded actual for a year.
func (ind *Indicator) Actual(year int) (Value, bool) {
	for _, a := range ind.Actuals {
		if a.Year == year {
			return a.Value, true
		}
	}
	return Value{}, false
}

// YearLabel names a year of this indicator in 和暦: 令和3年度, or 令和3年 for a
// calendar-year indicator.
func (ind *Indicator) YearLabel(year int) string {
	if ind.YearBasis == CalendarYear {
		return WarekiYear(year) + "年"
	}
	return WarekiYear(year) + "年度"
}

// Format writes a value of this indicator as plans print it: the number with
// its own decimals and its unit (46人, 45.9％, △5千円), or − when there is
// none. Every output prints values this way.
func (ind *Indicator) Format(v Value) string {
	if !v.Set {
		return "−"
	}
	return FormatNumber(v.Num) + ind.DisplayUnit()
}

// DisplayUnit is the unit as reports print it: the half-width % some plans
// type becomes ％, so that one report does not mix the two.
func (ind *Indicator) DisplayUnit() string {
	if ind.Unit == "%" {
		return "％"
	}
	return ind.Unit
}
