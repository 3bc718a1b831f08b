package shinchoku

import (
	"testing"
	"time"
)

func TestWarekiDate(t *testing.T) {
	for _, tc := range []struct {
		date string
		want string
	}{
		{"2019-04-30", "平成31年4月30日"},
		{"2019-05-01", "令和元年5月1日"},
		{"1989-01-07", "昭和64年1月7日"},
		{"1989-01-08", "平成元年1月8日"},
		{"1926-12-24", "大正15年12月24日"},
		{"1926-12-25", "昭和元年12月25日"},
		{"2024-09-30", "令和6年9月30日"},
		{"2020-01-01", "令和2年1月1日"},
	} {
		d, err := time.Parse("2006-01-02", tc.date)
		if err != nil {
			t.Fatal(err)
		}
		if got := WarekiDate(d); got != tc.want {
			t.Errorf("WarekiDate(%s) = %s, want %s", tc.date, got, tc.want)
		}
	}
}

func TestWarekiYear(t *testing.T) {
	for _, tc := range []struct {
		year int
		want string
	}{
		{2018, "平成30"},
		{2019, "令和元"},
		{2020, "令和2"},
		{2024, "令和6"},
		{1988, "昭和63"},
		{1989, "平成元"},
		{1800, "1800"},
	} {
		if got := WarekiYear(tc.year); got != tc.want {
			t.Errorf("WarekiYear(%d) = %s, want %s", tc.year, got, tc.want)
		}
	}
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		in         string
		fiscalYear int
		label      string
		end        string
	}{
		{"2024-09", 2024, "令和6年9月末現在", "2024-09-30"},
		{"2025-03", 2024, "令和7年3月末現在", "2025-03-31"},
		{"2022-03", 2021, "令和4年3月末現在", "2022-03-31"},
		{"2019-04", 2019, "平成31年4月末現在", "2019-04-30"},
		{"2019-05", 2019, "令和元年5月末現在", "2019-05-31"},
		{"2024-02", 2023, "令和6年2月末現在", "2024-02-29"},
	} {
		p, err := ParsePeriod(tc.in)
		if err != nil {
			t.Fatalf("ParsePeriod(%q): %v", tc.in, err)
		}
		if p.String() != tc.in {
			t.Errorf("String() = %s, want %s", p, tc.in)
		}
		if got := p.FiscalYear(); got != tc.fiscalYear {
			t.Errorf("%s: FiscalYear = %d, want %d", tc.in, got, tc.fiscalYear)
		}
		if got := p.Label(); got != tc.label {
			t.Errorf("%s: Label = %s, want %s", tc.in, got, tc.label)
		}
		if got := p.End().Format("2006-01-02"); got != tc.end {
			t.Errorf("%s: End = %s, want %s", tc.in, got, tc.end)
		}
	}
}

func TestParsePeriodRejects(t *testing.T) {
	for _, in := range []string{"", "2024", "2024-9", "2024-13", "24-09", "2024/09", "2024-09-01"} {
		if _, err := ParsePeriod(in); err == nil {
			t.Errorf("ParsePeriod(%q) succeeded", in)
		}
	}
}
