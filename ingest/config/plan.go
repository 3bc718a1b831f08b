package config

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/seeds"
)

// Period is the reporting period (period, --period), which is required.
func (c *Config) Period() (shinchoku.Period, error) {
	s := c.v.GetString("period")
	if s == "" {
		return shinchoku.Period{}, errorf("period.missing")
	}
	p, err := shinchoku.ParsePeriod(s)
	if err != nil {
		return p, errorf("period.format", s)
	}
	return p, nil
}

// Plan is the configured plan (plan, --plan): a built-in plan by name, or
// a plan file. A period that is set must lie within it.
func (c *Config) Plan() (*shinchoku.Plan, error) {
	p, _, err := c.CheckPlan()
	if err != nil {
		return p, err
	}
	// Every command that takes a period refuses one outside the plan
	// (0000-01, 9999-12 would print 令和7981年12月末現在).
	if period, perr := shinchoku.ParsePeriod(c.v.GetString("period")); perr == nil {
		if err := withinPlan(p, period); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// PeriodAndPlan is the required reporting period and the configured plan.
func (c *Config) PeriodAndPlan() (shinchoku.Period, *shinchoku.Plan, error) {
	period, err := c.Period()
	if err != nil {
		return period, nil, err
	}
	plan, err := c.Plan()
	return period, plan, err
}

// CheckPlan reads the configured plan with its warnings (a target against
// its direction), which the plan command shows. It does not look at the
// period.
func (c *Config) CheckPlan() (*shinchoku.Plan, shinchoku.Findings, error) {
	name := c.v.GetString("plan")
	if name == "" {
		name = seeds.Default
	}
	if slices.Contains(seeds.Names(), name) {
		file, data, err := seeds.File(name)
		if err != nil {
			return nil, nil, err
		}
		return planfile.Check(file, data)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil, errorf("plan.unknown", name, strings.Join(seeds.Names(), ", "))
		}
		return nil, nil, ingest.Failf(err, msg("plan.read"), name)
	}
	return c.planCache().Check(name, data)
}

// withinPlan refuses a period whose fiscal year is outside the plan: its
// templates would ask for actuals of a year the plan has no targets for, and
// no run, status or report can be about it.
func withinPlan(plan *shinchoku.Plan, period shinchoku.Period) error {
	fy := period.FiscalYear()
	if fy >= plan.Start && fy <= plan.End {
		return nil
	}
	// A year far from the plan (0000-01, 9999-12) is a typing mistake, shown
	// only as typed: 令和7981年度 would read as if it were a real year.
	year := " "
	if fy >= 1868 && fy > plan.Start-50 && fy < plan.End+50 {
		year = "（" + shinchoku.WarekiYear(fy) + "年度）"
	}
	return errorf("period.outside", period, year, plan.Title, shinchoku.WarekiYear(plan.Start), shinchoku.WarekiYear(plan.End),
		plan.Start, plan.End+1)
}

// planCache is where parsed plan files are kept (cache_dir, default the
// user's cache folder; "off" turns it off), keyed by this executable: a new
// version of shinchoku parses again.
func (c *Config) planCache() planfile.Cache {
	dir := c.v.GetString("cache_dir")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return planfile.Cache{}
		}
		dir = filepath.Join(base, "shinchoku", "plans")
	}
	if dir == "off" {
		return planfile.Cache{}
	}
	exe, err := os.Executable()
	if err != nil {
		return planfile.Cache{}
	}
	f, err := os.Open(exe)
	if err != nil {
		return planfile.Cache{}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return planfile.Cache{}
	}
	return planfile.Cache{Dir: dir, Program: hex.EncodeToString(h.Sum(nil))}
}
