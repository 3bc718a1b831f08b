package month

import (
	"math"
	"strings"

	"github.com/shinchoku/shinchoku"
)

// NewRules checks configured evaluation rules and makes them: the method
// ("" or "ibaraki": shinchoku.DefaultRules; "shizuoka": ShizuokaRules),
// bands (highest minimum first; nil keeps the method's bands) and the
// tolerance of 維持 indicators (nil keeps the default). The last band
// catches every rate below it, whatever minimum it was given.
func NewRules(method string, bands []shinchoku.GradeBand, tolerance *float64) (shinchoku.Rules, error) {
	rules := shinchoku.DefaultRules
	switch method {
	case "", "ibaraki":
	case "shizuoka":
		rules = shinchoku.ShizuokaRules
	default:
		return rules, OptionError{msgf("rules.method", method)}
	}
	if tolerance != nil {
		if *tolerance < 0 || *tolerance > 1 {
			return rules, OptionError{msg("rules.tolerance")}
		}
		rules.MaintainTolerance = *tolerance
	}
	if bands == nil {
		return rules, nil
	}
	if len(bands) == 0 {
		return rules, OptionError{msg("rules.bands_empty")}
	}
	if len(bands) == 1 {
		// One band grades every indicator alike, and the report would
		// describe it by the minimum the last band is given (−∞).
		return rules, OptionError{msg("rules.bands_one")}
	}
	seen := map[shinchoku.Grade]bool{}
	for i, b := range bands {
		switch {
		case strings.TrimSpace(string(b.Grade)) == "":
			return rules, OptionError{msgf("rules.bands_grade", i+1)}
		case seen[b.Grade]:
			return rules, OptionError{msgf("rules.bands_twice", b.Grade)}
		case math.IsNaN(b.Min) || math.IsInf(b.Min, 0):
			return rules, OptionError{msgf("rules.bands_min", b.Grade)}
		}
		seen[b.Grade] = true
		if i > 0 && b.Min >= bands[i-1].Min {
			return rules, OptionError{msgf("rules.bands_order", b.Grade)}
		}
	}
	rules.Bands = append([]shinchoku.GradeBand(nil), bands...)
	rules.Bands[len(rules.Bands)-1].Min = math.Inf(-1)
	return rules, nil
}
