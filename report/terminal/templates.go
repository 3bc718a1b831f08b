package terminal

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/form"
)

// Templates writes which templates were made for period: each
// department's file with how many projects and indicators it holds, the
// totals, and the folder (absolute, so that it can be found to send them).
func Templates(w io.Writer, plan *shinchoku.Plan, period shinchoku.Period, dir string, sums []form.Summary) {
	w = Escape(w)
	fmt.Fprintf(w, msgTemplatesTitle, period.Label(), plan.Title)
	var rows [][]string
	projects, indicators := 0, 0
	for _, s := range sums {
		rows = append(rows, []string{s.Department, fmt.Sprint(s.Projects), fmt.Sprint(s.Indicators), s.File})
		projects += s.Projects
		indicators += s.Indicators
	}
	Table(w, headTemplates, rows)
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	fmt.Fprintf(w, msgTemplatesTotals, len(sums), projects, indicators, abs)
}
