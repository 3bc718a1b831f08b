package terminal

import (
	"fmt"
	"io"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/month"
)

// shownNotes is how many of the demo's submissions are described; the
// rest are counted.
const shownNotes = 10

// DemoStart says which plan and month the demo shows, before anything is
// made.
func DemoStart(w io.Writer, plan *shinchoku.Plan, period shinchoku.Period) {
	fmt.Fprintf(Escape(w), msgDemoTitle, plan.Title, period.Label())
}

// DemoInbox says where the demo's submissions are and what is in them
// (which departments made which common mistake).
func DemoInbox(w io.Writer, inbox string, notes []string) {
	w = Escape(w)
	fmt.Fprintf(w, msgDemoInbox, inbox)
	for i, n := range notes {
		if i == shownNotes {
			fmt.Fprintf(w, msgDemoMore, len(notes)-i)
			break
		}
		fmt.Fprintf(w, "  ・%s\n", n)
	}
	fmt.Fprintln(w)
}

// DemoRun writes the demo's month as Run does, and where to look in the
// 差し戻し workbooks when some were returned.
func DemoRun(w io.Writer, res *month.Result) {
	Run(w, res)
	if res.Returned > 0 {
		fmt.Fprintln(Escape(w), msgDemoReturns)
	}
}
