package config

import (
	"math"
	"strings"

	"github.com/shinchoku/shinchoku"
)

// Rules are the evaluation rules: the method, grade bands and the
// tolerance of 維持 indicators (evaluation.method, evaluation.bands,
// evaluation.maintain_tolerance).
func (c *Config) Rules() (shinchoku.Rules, error) {
	var tolerance *float64
	if c.v.IsSet("evaluation.maintain_tolerance") {
		t := c.v.GetFloat64("evaluation.maintain_tolerance")
		tolerance = &t
	}
	var bands []shinchoku.GradeBand
	if c.v.IsSet("evaluation.bands") {
		var conf []struct {
			Grade string  `mapstructure:"grade"`
			Min   float64 `mapstructure:"min"`
		}
		if err := c.v.UnmarshalKey("evaluation.bands", &conf); err != nil {
			conf = nil
		}
		bands = []shinchoku.GradeBand{}
		for _, b := range conf {
			bands = append(bands, shinchoku.GradeBand{Grade: shinchoku.Grade(b.Grade), Min: b.Min})
		}
	}
	return newRules(c.v.GetString("evaluation.method"), bands, tolerance)
}

// newRules checks configured evaluation rules and makes them: the method
// ("" or "ibaraki": shinchoku.DefaultRules; "shizuoka": ShizuokaRules),
// bands (highest minimum first; nil keeps the method's bands) and the
// tolerance of 維持 indicators (nil keeps the default). The last band
// catches every rate below it, whatever minimum it was given.
func newRules(method string, bands []shinchoku.GradeBand, tolerance *float64) (shinchoku.Rules, error) {
	rules := shinchoku.DefaultRules
	switch method {
	case "", "ibaraki":
	case "shizuoka":
		rules = shinchoku.ShizuokaRules
	default:
		return rules, errorf("rules.method", method)
	}
	if tolerance != nil {
		if *tolerance < 0 || *tolerance > 1 {
			return rules, errorf("rules.tolerance")
		}
		rules.MaintainTolerance = *tolerance
	}
	if bands == nil {
		return rules, nil
	}
	if len(bands) == 0 {
		return rules, errorf("rules.bands_empty")
	}
	if len(bands) == 1 {
		// One band grades every indicator alike, and the report would
		// describe it by the minimum the last band is given (−∞).
		return rules, errorf("rules.bands_one")
	}
	seen := map[shinchoku.Grade]bool{}
	for i, b := range bands {
		switch {
		case strings.TrimSpace(string(b.Grade)) == "":
			return rules, errorf("rules.bands_grade", i+1)
		case seen[b.Grade]:
			return rules, errorf("rules.bands_twice", b.Grade)
		case math.IsNaN(b.Min) || math.IsInf(b.Min, 0):
			return rules, errorf("rules.bands_min", b.Grade)
		}
		seen[b.Grade] = true
		if i > 0 && b.Min >= bands[i-1].Min {
			return rules, errorf("rules.bands_order", b.Grade)
		}
	}
	rules.Bands = append([]shinchoku.GradeBand(nil), bands...)
	rules.Bands[len(rules.Bands)-1].Min = math.Inf(-1)
	return rules, nil
}
