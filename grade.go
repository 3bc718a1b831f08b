package shinchoku

// Grade is the evaluation of one indicator for a period.
type Grade string

// The default grades (Ibaraki Prefecture's bands); labels and bands are
// configurable through GradeBands.
const (
	GradeA     Grade = "A"
	GradeBPlus Grade = "B+"
	GradeB     Grade = "B"
	GradeC     Grade = "C"
	GradeNone  Grade = "−" // cannot be evaluated; the reason is given beside it
)

// GradeBand is the lowest progress rate (in percent) that earns a grade.
type GradeBand struct {
	Grade Grade
	Min   float64
}

// DefaultGradeBands: A ≥ 100 %, B+ 80–99 %, B 50–79 %, C below 50 %.
var DefaultGradeBands = []GradeBand{
	{GradeA, 100},
	{GradeBPlus, 80},
	{GradeB, 50},
	{GradeC, -1e308},
}

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
