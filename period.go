package shinchoku

import (
	"fmt"
	"strconv"
	"time"
)

// Period is the month a report covers ("2024-09"): figures are as of its end.
type Period struct {
	Year  int
	Month time.Month
}

// ParsePeriod reads a period written YYYY-MM.
func ParsePeriod(s string) (Period, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil || len(s) != 7 {
		return Period{}, fmt.Errorf("period %q: want YYYY-MM", s)
	}
	return Period{Year: t.Year(), Month: t.Month()}, nil
}

// String writes the period as YYYY-MM.
func (p Period) String() string { return fmt.Sprintf("%04d-%02d", p.Year, int(p.Month)) }

// FiscalYear is the fiscal year (April–March) the period falls in: 2025-03 is
// in fiscal year 2024.
func (p Period) FiscalYear() int {
	if p.Month < time.April {
		return p.Year - 1
	}
	return p.Year
}

// End is the last day of the period's month.
func (p Period) End() time.Time {
	return time.Date(p.Year, p.Month+1, 0, 0, 0, 0, 0, time.UTC)
}

// Label is the period as reports print it: 令和6年9月末現在.
func (p Period) Label() string {
	era, y := Era(p.End())
	return fmt.Sprintf("%s%s年%d月末現在", era, eraYear(y), int(p.Month))
}

// era is one Japanese era with the day it began.
type era struct {
	name  string
	start time.Time
}

// eras, newest first. Meiji is counted from 1868-01-01 (明治元年 was applied
// retroactively to the whole year).
var eras = []era{
	{"令和", time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)},
	{"平成", time.Date(1989, 1, 8, 0, 0, 0, 0, time.UTC)},
	{"昭和", time.Date(1926, 12, 25, 0, 0, 0, 0, time.UTC)},
	{"大正", time.Date(1912, 7, 30, 0, 0, 0, 0, time.UTC)},
	{"明治", time.Date(1868, 1, 1, 0, 0, 0, 0, time.UTC)},
}

// Era returns the era in force on a day and the year within it (1 = 元年).
// Days before Meiji return an empty era and the Western year.
func Era(t time.Time) (string, int) {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	for _, e := range eras {
		if !d.Before(e.start) {
			return e.name, t.Year() - e.start.Year() + 1
		}
	}
	return "", t.Year()
}

// WarekiYear names a (fiscal or calendar) year in 和暦 without the 年 suffix:
// 2019 → 令和元, 2024 → 令和6. A year in which the era changed takes the new
// era, as documents do (2019年度 is 令和元年度, 1989年 is 平成元年).
func WarekiYear(year int) string {
	era, y := Era(time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC))
	if era == "" {
		return strconv.Itoa(year)
	}
	return era + eraYear(y)
}

// WarekiDate writes a day in 和暦: 令和元年5月1日.
func WarekiDate(t time.Time) string {
	era, y := Era(t)
	return fmt.Sprintf("%s%s年%d月%d日", era, eraYear(y), int(t.Month()), t.Day())
}

// eraYear writes a year of an era; the first year is 元.
func eraYear(y int) string {
	if y == 1 {
		return "元"
	}
	return strconv.Itoa(y)
}
