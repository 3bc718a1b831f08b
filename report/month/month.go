// Package month runs the monthly batch: it reads every submission in the
// inbox, records the accepted ones, evaluates the period and writes the
// consolidated workbook, the report, the 差し戻し workbooks and summary.json.
// The command line maps its flags and configuration onto Options, and the
// tests call Run the same way. report/watch runs no month: it answers each
// submission during the week with the batch's reader, and takes from here
// only the writing of a file in one piece (WriteFile) and the findings' JSON.
package month

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/store"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// Options say which month to run and where its files are.
type Options struct {
	Plan     *shinchoku.Plan
	Period   shinchoku.Period
	Inbox    string // folder of submitted workbooks; default inbox/<period>
	Store    string // the record (SQLite file)
	Out      string // parent folder of the outputs: they go to Out/<period>
	Office   string // the policy office, owner of the plan's goals
	Rules    shinchoku.Rules
	Required []string      // narrative columns that must be filled in (sheet.Progress, …)
	Limits   ingest.Limits // zero: ingest.DefaultLimits
	Title    string        // the report's title, of the PDF and its HTML edition; empty: the plan's
	Workers  int           // files read at once; default the number of CPUs
	// Progress, when set, is told how many of the inbox's files are read:
	// once with done = 0 before reading, then after each file, from the
	// reading goroutines (so it must be safe for concurrent use).
	Progress func(done, total int)
}

// Result is what one run did.
type Result struct {
	Period   shinchoku.Period
	OutDir   string           // Out/<period>
	Outputs  []string         // the files written, in the order to show them
	Files    []ingest.Result  // every file read, in name order
	Skipped  []ingest.Skipped // files in the inbox that were not read
	Progress *shinchoku.Progress
	Accepted int     // files accepted
	Returned int     // files returned (差し戻し), including unreadable ones
	Changed  int     // receipts that changed the record; 0 when the same inbox was run again
	Stages   []Stage // wall time of each stage

	title string // Options.Title
	mu    sync.Mutex
}

// Stage is how long one step of a run took. No output file carries it: it
// is for measuring (shinchoku run --timings).
type Stage struct {
	Name string
	Took time.Duration
}

// timed runs fn and records its wall time under name.
func (res *Result) timed(name string, fn func() error) error {
	start := time.Now()
	err := fn()
	res.mu.Lock()
	res.Stages = append(res.Stages, Stage{name, time.Since(start)})
	res.mu.Unlock()
	return err
}

// Run runs the month. The record changes only when every output is
// written; a run that fails leaves the previous outputs and record as they
// were.
func Run(ctx context.Context, o Options) (*Result, error) {
	inbox := o.Inbox
	if inbox == "" {
		inbox = filepath.Join("inbox", o.Period.String())
	}
	rules := o.Rules
	if rules.Bands == nil {
		rules = shinchoku.DefaultRules
	}
	if _, err := os.Stat(inbox); err != nil {
		return nil, ingest.UsageError{Msg: msgf("inbox.missing", inbox, ingest.Reason(err))}
	}
	files, skipped, err := ingest.Collect([]string{inbox})
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, o.Store)
	if errors.Is(err, store.ErrLocked) {
		return nil, lockedError(err, o.Store)
	}
	if err != nil {
		return nil, ingest.Failf(err, msg("store.open"), o.Store)
	}
	defer st.Close()
	run, err := st.Begin(ctx)
	if errors.Is(err, store.ErrLocked) {
		return nil, lockedError(err, o.Store)
	}
	if err != nil {
		return nil, ingest.Failf(err, msg("store.open"), o.Store)
	}
	defer run.Rollback()
	period := o.Period
	ro := ingest.Options{Office: o.Office, Period: &period, Required: o.Required, Limits: o.Limits}
	if ro.Last, err = run.LastActuals(ctx, period); err != nil {
		return nil, ingest.Failf(err, msg("store.read"), o.Store)
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := &Result{Period: period, Skipped: skipped, title: o.Title, OutDir: filepath.Join(o.Out, period.String())}
	// The run holds the store: temporary files a killed or failed run left
	// beside the outputs are no one's.
	removeTemps(res.OutDir, filepath.Join(res.OutDir, returnsFolder))
	for i := range res.Skipped {
		res.Skipped[i].File = inboxName(inbox, res.Skipped[i].File)
	}
	res.timed(stageRead, func() error {
		var done func()
		if o.Progress != nil {
			var n atomic.Int64
			o.Progress(0, len(files))
			done = func() { o.Progress(int(n.Add(1)), len(files)) }
		}
		res.Files = ingest.NewReader(o.Plan, ro).ReadFiles(files, workers, done)
		for i := range res.Files {
			res.Files[i].Rename(inboxName(inbox, res.Files[i].Path))
		}
		return nil
	})
	storeStart := time.Now()
	if err := res.record(ctx, st, run, o.Plan, o.Office, o.Store); err != nil {
		return nil, err
	}
	pr, err := evaluate(ctx, run, o.Plan, period, rules, o.Office)
	if err != nil {
		return nil, ingest.Failf(err, msg("store.read"), o.Store)
	}
	res.Stages = append(res.Stages, Stage{stageStore, time.Since(storeStart)})
	for _, r := range res.Files {
		pr.Findings = append(pr.Findings, r.Findings...)
	}
	res.Progress = pr
	written, err := res.write()
	if err != nil {
		return nil, err
	}
	// Nothing is put in place unless the record changes with it.
	if err := run.Commit(); err != nil {
		written.discard()
		return nil, ingest.Failf(err, msg("store.write"), o.Store)
	}
	if err := written.place(); err != nil {
		return nil, err
	}
	if err := removeStaleReturns(filepath.Join(res.OutDir, returnsFolder), written); err != nil {
		return nil, err
	}
	return res, nil
}

// inboxName is the name outputs give a file of the inbox: its path relative
// to the inbox, with forward slashes on every system.
func inboxName(inbox, path string) string {
	rel, err := filepath.Rel(inbox, path)
	if err != nil {
		rel = filepath.Base(path)
	}
	return filepath.ToSlash(rel)
}

// lockedError says that another run holds the store at path; it is err
// (store.ErrLocked) told in Japanese, so callers test it with errors.Is.
func lockedError(err error, path string) error {
	return ingest.Failure{Msg: msgf("store.locked", path, ingest.Reason(store.ErrLocked)), Err: err}
}

// record records every file read and copies the accepted ones into the
// archive.
func (res *Result) record(ctx context.Context, st *store.Store, run *store.Run, plan *shinchoku.Plan, office, storePath string) error {
	// A department's latest receipt is its state, so the file that counts
	// for it (ingest.Current, which the watch shows too) is recorded after
	// all others. The others keep the order they are recorded in (which
	// numbers the record): files that could not be read as a template
	// first, then superseded files, each in file order.
	depts := plan.Reporters(office)
	byDept := map[string][]int{}
	for i, r := range res.Files {
		if d := fileDepartment(r, depts); d != "" {
			byDept[d] = append(byDept[d], i)
		}
	}
	current := map[int]bool{}
	for _, idx := range byDept {
		files := make([]ingest.Result, len(idx))
		for k, i := range idx {
			files[k] = res.Files[i]
		}
		if k := ingest.Current(files); k >= 0 {
			current[idx[k]] = true
		}
	}
	rank := func(i int) int {
		r := res.Files[i]
		switch {
		case current[i]:
			return 3
		case r.Submission == nil:
			return 0
		case r.State() == shinchoku.StateSuperseded:
			return 1
		}
		return 2
	}
	order := make([]int, len(res.Files))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return rank(x) - rank(y) })
	arc := startArchive(ctx, st, len(res.Files), storePath)
	defer arc.stop(false)
	for _, i := range order {
		r := res.Files[i]
		dept := fileDepartment(r, depts)
		if r.Submission == nil && r.Findings.HasErrors() {
			res.Returned++
			if dept == "" {
				continue
			}
		}
		errs, warns := r.Findings.Count()
		// A replaced file, with or without errors, is recorded as such and
		// not counted: its department's state is the newer file's.
		state := r.State()
		switch {
		case r.Submission == nil:
		case state == shinchoku.StateReturned:
			res.Returned++
		case state == shinchoku.StateAccepted:
			res.Accepted++
		}
		changed, err := run.Record(ctx, store.Receipt{Period: res.Period, Department: dept,
			File: filepath.Base(r.File), SHA256: r.SHA256, SavedAt: r.SavedAt, State: state, Errors: errs, Warnings: warns}, r.Submission)
		if err != nil {
			return ingest.Failf(err, msg("store.write"), storePath)
		}
		if changed {
			res.Changed++
		}
		if state == shinchoku.StateAccepted {
			arc.queue <- r
		}
	}
	return arc.stop(true)
}

// fileDepartment is the department a file is recorded for. A file that
// could not be read as a template is the department's whose name its file
// name carries, if any: it was sent, and is returned.
func fileDepartment(r ingest.Result, depts []string) string {
	switch {
	case r.Submission != nil:
		return r.Submission.Department
	case r.Findings.HasErrors():
		return sheet.DepartmentOfFile(r.File, depts)
	}
	return ""
}

// archive copies accepted files into the store's archive on a second
// goroutine while the first records them (creating a file is slow next to
// an insert). The first error stops the copying; so does a run that fails
// or is cancelled before all are queued.
type archive struct {
	queue   chan ingest.Result
	done    chan error
	abandon chan struct{}
}

func startArchive(ctx context.Context, st *store.Store, n int, storePath string) *archive {
	a := &archive{queue: make(chan ingest.Result, n), done: make(chan error, 1), abandon: make(chan struct{})}
	go func(in <-chan ingest.Result) {
		var err error
		for r := range in {
			if err != nil {
				continue
			}
			select {
			case <-a.abandon:
				err = errAbandoned
				continue
			case <-ctx.Done():
				err = ctx.Err()
				continue
			default:
			}
			if err = st.Archive(r.SHA256, r.Data); err != nil {
				err = ingest.Failf(err, msg("archive.write"), filepath.Base(r.File), storePath)
			}
		}
		a.done <- err
	}(a.queue)
	return a
}

// stop waits for the copying: to its end when all is queued, else only for
// the file being copied.
func (a *archive) stop(queued bool) error {
	if a.queue == nil {
		return nil
	}
	if !queued {
		close(a.abandon)
	}
	close(a.queue)
	a.queue = nil
	return <-a.done
}

// errAbandoned stops archiving when the run has already failed; it is
// never shown (the run's own error is).
var errAbandoned = errors.New("archiving abandoned")

// recorded is what evaluating a period reads from the store: a run's view
// before it commits, or the store itself.
type recorded interface {
	Accepted(context.Context, shinchoku.Period) ([]*shinchoku.Submission, error)
	Receipts(context.Context, shinchoku.Period) ([]store.Receipt, error)
	Replaced(context.Context, shinchoku.Period) (map[string][]store.Receipt, error)
	History(context.Context, shinchoku.Period) (map[string][]shinchoku.PeriodValue, error)
}

// evaluate evaluates the period from the store: the accepted submissions,
// who has and has not submitted, and the history.
func evaluate(ctx context.Context, q recorded, plan *shinchoku.Plan, period shinchoku.Period, rules shinchoku.Rules, office string) (*shinchoku.Progress, error) {
	accepted, err := q.Accepted(ctx, period)
	if err != nil {
		return nil, err
	}
	receipts, err := q.Receipts(ctx, period)
	if err != nil {
		return nil, err
	}
	byDept := map[string]store.Receipt{}
	for _, rc := range receipts {
		byDept[rc.Department] = rc
	}
	replaced, err := q.Replaced(ctx, period)
	if err != nil {
		return nil, err
	}
	var depts []shinchoku.DepartmentStatus
	for _, d := range plan.Reporters(office) {
		ds := shinchoku.DepartmentStatus{Department: d, State: shinchoku.StateNotSubmitted}
		if rc, ok := byDept[d]; ok {
			ds.File, ds.Errors, ds.Warnings = rc.File, rc.Errors, rc.Warnings
			// The latest receipt that is not superseded: accepted or returned.
			ds.State = shinchoku.StateReturned
			if rc.State == shinchoku.StateAccepted {
				ds.State = shinchoku.StateAccepted
			}
			for _, old := range replaced[d] {
				// The file in use was once replaced and sent again: it is
				// not replaced now.
				if old.File != rc.File || old.SHA256 != rc.SHA256 {
					ds.Replaced = append(ds.Replaced, old.File)
				}
			}
		}
		depts = append(depts, ds)
	}
	// Who was returned is known before the evaluation: an indicator of a
	// returned workbook says 差し戻し, not 未提出.
	pr := shinchoku.NewProgress(plan, period, rules, accepted, depts, office)
	if pr.History, err = q.History(ctx, period); err != nil {
		return nil, err
	}
	return pr, nil
}

// Stored evaluates a period from an existing store, without reading any
// submission: for the report and status of a month already run.
func Stored(ctx context.Context, storePath string, plan *shinchoku.Plan, period shinchoku.Period, rules shinchoku.Rules, office string) (*shinchoku.Progress, error) {
	if _, err := os.Stat(storePath); err != nil {
		return nil, errors.New(msgf("store.none", storePath))
	}
	st, err := store.OpenReadOnly(ctx, storePath)
	if err != nil {
		return nil, ingest.Failf(err, msg("store.open"), storePath)
	}
	defer st.Close()
	pr, err := evaluate(ctx, st, plan, period, rules, office)
	if err != nil {
		return nil, ingest.Failf(err, msg("store.read"), storePath)
	}
	return pr, nil
}
