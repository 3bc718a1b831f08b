package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// progress shows how far a long step is: a bar when the output is a
// terminal, else a plain line at every tenth, which logs keep readable.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	name  string
	total int
	n     int
	p     *mpb.Progress
	bar   *mpb.Bar
}

func newProgress(w io.Writer, name string, total int) *progress {
	pr := &progress{w: w, name: name, total: total}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) && total > 0 {
		pr.p = mpb.New(mpb.WithOutput(w), mpb.WithWidth(40))
		pr.bar = pr.p.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name(name+" "), decor.CountersNoUnit("%d / %d")),
			mpb.AppendDecorators(decor.Percentage()))
	}
	return pr
}

// done counts one item; safe for concurrent use.
func (pr *progress) done() {
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

// finish waits for the bar to draw its last state.
func (pr *progress) finish() {
	if pr.p != nil {
		pr.p.Wait()
	}
}
