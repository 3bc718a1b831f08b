package terminal

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// Progress shows how far a long step is: a bar when the output is a
// terminal, else a plain line at every tenth, which logs keep readable.
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	name  string
	total int
	n     int
	p     *mpb.Progress
	bar   *mpb.Bar
}

// NewProgress shows the progress of the step called name on w. The bar is
// drawn only when w is a terminal (an *os.File), so w is the command's own
// output, not an Escape writer; name is the program's own text.
func NewProgress(w io.Writer, name string) *Progress {
	return &Progress{w: w, name: name}
}

// Update is told that done of total items are finished; the first call
// (done = 0) starts the display. Safe for concurrent use: it is the
// progress callback of a month's options.
func (pr *Progress) Update(done, total int) {
	if done == 0 {
		pr.start(total)
		return
	}
	if pr.bar != nil {
		pr.bar.Increment()
		return
	}
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.n++
	// Plain lines only for batches worth watching.
	if pr.total >= 100 && pr.n%(pr.total/10) == 0 {
		fmt.Fprintf(pr.w, "%s %d / %d\n", pr.name, pr.n, pr.total)
	}
}

func (pr *Progress) start(total int) {
	pr.total = total
	if f, ok := pr.w.(*os.File); ok && term.IsTerminal(int(f.Fd())) && total > 0 {
		pr.p = mpb.New(mpb.WithOutput(pr.w), mpb.WithWidth(40))
		pr.bar = pr.p.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name(pr.name+" "), decor.CountersNoUnit("%d / %d")),
			mpb.AppendDecorators(decor.Percentage()))
	}
}

// Finish waits for the bar to draw its last state.
func (pr *Progress) Finish() {
	if pr.p != nil {
		pr.p.Wait()
	}
}
