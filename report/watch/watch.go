package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// ResultsFolder is the default results folder's name, inside the inbox.
const ResultsFolder = "受付結果"

// Defaults of the timing options.
const (
	// DefaultPoll is how often a network folder is listed. A department
	// expects an answer within seconds; listing a share of a few hundred
	// files costs the file server little at this pace.
	DefaultPoll = 5 * time.Second
	// DefaultSettle is how long a file's size and time must hold still
	// before it is read: copying over the network and Excel's save both
	// pause between writes.
	DefaultSettle = 2 * time.Second
	// DefaultGrace is how long a file that cannot be opened as a workbook
	// must stay unchanged before it is returned as broken: a copy still
	// under way looks broken too.
	DefaultGrace = 10 * time.Second
	// rescanEvery lists the folder even when no event came, in case the
	// file system dropped one.
	rescanEvery = time.Minute
)

// Mode is how changes in the inbox are noticed.
type Mode int

// The modes. ModeAuto polls where the inbox is on a network file system
// (see networkFS) and uses the file system's events elsewhere.
const (
	ModeAuto Mode = iota
	ModeEvents
	ModePoll
)

// Options configure a watch. Plan and Period are required.
type Options struct {
	Plan    *shinchoku.Plan
	Period  shinchoku.Period
	Inbox   string // the folder submissions arrive in; "" is inbox/<period>, as for the monthly batch
	Results string // the results folder; "" is <Inbox>/受付結果
	// As for the monthly batch (month.Options): the checks are the same.
	Store    string // the record, read for earlier months' actuals; "" or a missing file: none
	Office   string
	Required []string
	Limits   ingest.Limits
	Mode     Mode
	// Poll is the listing interval when polling, at least MinPoll. 0 is
	// DefaultPoll, except in ModePoll: asking for polling is asking for an
	// interval.
	Poll   time.Duration
	Settle time.Duration    // not negative; 0 is DefaultSettle
	Grace  time.Duration    // 0 is DefaultGrace
	Now    func() time.Time // the time written on receipts and the page; nil is time.Now
	Log    io.Writer        // one line per event; nil discards
}

// MinPoll is the shortest listing interval: listing a shared folder more
// often answers no sooner in a way anyone notices, and only loads the file
// server.
const MinPoll = 100 * time.Millisecond

// Check reports a timing no one would mean (an interval under MinPoll, a
// negative settle time) as a ingest.UsageError, in Japanese, before
// anything is watched. Run checks too; a command line checks first, so
// that its own mistakes are told before the plan is read.
func (o Options) Check() error {
	if o.Poll < 0 || o.Poll > 0 && o.Poll < MinPoll || o.Mode == ModePoll && o.Poll == 0 {
		return ingest.UsageError{Msg: fmt.Sprintf(errPoll, MinPoll)}
	}
	if o.Settle < 0 {
		return ingest.UsageError{Msg: errSettle}
	}
	return nil
}

// label is a state in Japanese as the watch says it. Only the monthly
// batch accepts: an accepted file is 受理予定 here (the batch will accept it
// unless the department sends something newer).
func label(s shinchoku.State) string {
	if s == shinchoku.StateAccepted {
		return msgAcceptable
	}
	return s.Label()
}

// watcher is one running watch.
type watcher struct {
	o  Options
	rd *ingest.Reader
	// readFile is rd.ReadFile; a test makes files fail to open, which
	// root (as tests run in CI) cannot otherwise be refused.
	readFile func(string) ingest.Result
	limits   ingest.Limits
	warning  string // said after the first line: the store could not be read
	depts    []string
	deptSet  map[string]bool
	checks   string // what the cached results depend on

	records    map[string]*record // by file name in the inbox
	written    map[string]written // by result key (department, or file: name)
	seen       map[string]*sighting
	skipped    []ingest.Skipped
	told       map[string]string // last terminal line per key, to print changes only
	unreadable map[string]string // what was said of a file that cannot be opened, by name
	// skipSeen is when each skipped file was first listed; zero once told.
	skipSeen map[string]time.Time
	retry    time.Time // when to try again writing results that failed
	// retryWait is how long the last retry waited: it doubles while
	// writing keeps failing (a result held open in Excel), up to
	// maxRetryWait, and failed holds what was said of each failure, so that
	// one line is printed per failure, not one per try.
	retryWait time.Duration
	failed    map[string]string
	// published is set once the page has been written: the first listing
	// writes it even when the inbox is empty.
	published bool
}

// sighting is how a file looked when last listed, and since when.
type sighting struct {
	size  int64
	mod   time.Time
	since time.Time
}

// Run watches the inbox until ctx is done, answering each submission once
// it has finished arriving. It returns an error only when it cannot start
// (the inbox or the results folder is unusable); problems with a file, or
// with writing one result, are reported on Log and the watch goes on.
func Run(ctx context.Context, o Options) error {
	w, err := start(o)
	if err != nil {
		return err
	}
	return w.loop(ctx)
}

func start(o Options) (*watcher, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	if o.Inbox == "" {
		o.Inbox = filepath.Join("inbox", o.Period.String())
	}
	if o.Results == "" {
		o.Results = filepath.Join(o.Inbox, ResultsFolder)
	}
	if o.Poll <= 0 {
		o.Poll = DefaultPoll
	}
	if o.Settle <= 0 {
		o.Settle = DefaultSettle
	}
	if o.Grace <= 0 {
		o.Grace = DefaultGrace
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if info, err := os.Stat(o.Inbox); err != nil {
		return nil, fmt.Errorf(errInbox, o.Inbox, ingest.Reason(err))
	} else if !info.IsDir() {
		return nil, fmt.Errorf(errInbox, o.Inbox, errInboxNotDir)
	}
	if same(o.Inbox, o.Results) {
		// Results written into the inbox would be read as submissions.
		return nil, fmt.Errorf(errResults, o.Results, errResultsIsIn)
	}
	if err := writable(o.Results); err != nil {
		return nil, err
	}
	removeLeftovers(o.Results)
	period := o.Period
	ro := ingest.Options{Office: o.Office, Period: &period, Required: o.Required, Limits: o.Limits}
	last, warning := lastActuals(o.Store, period)
	ro.Last = last
	w := &watcher{o: o, rd: ingest.NewReader(o.Plan, ro), limits: ro.Limits, records: map[string]*record{},
		written: map[string]written{}, seen: map[string]*sighting{}, told: map[string]string{}, deptSet: map[string]bool{}, skipSeen: map[string]time.Time{}, unreadable: map[string]string{},
		warning: warning}
	w.readFile = w.rd.ReadFile
	if w.limits == (ingest.Limits{}) {
		w.limits = ingest.DefaultLimits
	}
	w.depts = o.Plan.Reporters(o.Office)
	for _, d := range w.depts {
		w.deptSet[d] = true
	}
	w.checks = fingerprint(o, last)
	w.load()
	// What a previous watch answered is not printed again: only changes.
	log := w.o.Log
	w.o.Log = io.Discard
	w.tell(w.view())
	w.o.Log = log
	return w, nil
}

// writable makes the results folder and proves that a file can be written
// and removed there, so that a watch never runs for a day answering no one.
func writable(dir string) error {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf(errResultsFile, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf(errResults, dir, ingest.Reason(err))
	}
	f, err := os.CreateTemp(dir, ".shinchoku-*.tmp")
	if err != nil {
		return fmt.Errorf(errResults, dir, ingest.Reason(err))
	}
	f.Close()
	if err := os.Remove(f.Name()); err != nil {
		return fmt.Errorf(errResults, dir, ingest.Reason(err))
	}
	if _, err := os.ReadDir(dir); err != nil {
		return fmt.Errorf(errResults, dir, ingest.Reason(err))
	}
	return nil
}

// removeLeftovers removes the temporary files that a watch killed while
// writing left in its results folder. Writing one result takes far less
// than a minute, so an older one is nobody's.
func removeLeftovers(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, ".shinchoku-*.tmp"))
	for _, n := range names {
		if info, err := os.Lstat(n); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > time.Minute {
			os.Remove(n)
		}
	}
}

// same reports whether two paths name one folder.
func same(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(ia, ib)
	}
	aa, _ := filepath.Abs(a)
	ab, _ := filepath.Abs(b)
	return aa == ab
}

// loop is the watch itself: one goroutine lists, reads and writes, so
// nothing needs a lock; the file system's events only say when to look.
func (w *watcher) loop(ctx context.Context) error {
	mode, why := w.o.Mode, ""
	switch mode {
	case ModePoll:
		why = msgWhyFlagPoll
	case ModeEvents:
		why = msgWhyFlagEvents
	default:
		mode = ModeEvents
		if fs := networkFS(w.o.Inbox); fs != "" {
			mode, why = ModePoll, fmt.Sprintf(msgWhyNetwork, fs)
		}
	}
	var events chan fsnotify.Event
	var errs chan error
	if mode == ModeEvents {
		fw, err := fsnotify.NewWatcher()
		if err == nil {
			if err = fw.Add(w.o.Inbox); err != nil {
				fw.Close()
			}
		}
		if err != nil {
			mode, why = ModePoll, fmt.Sprintf(msgWhyNoNotify, err)
		} else {
			defer fw.Close()
			events, errs = fw.Events, fw.Errors
		}
	}
	// idle is how long to wait when nothing is arriving; soon, when a file
	// is: polling looks again once it may have settled, events mode a few
	// times per settle time (an event says that something changed, only a
	// look later says that it stopped changing).
	idle, soon := w.o.Poll, min(w.o.Settle, w.o.Poll)
	if mode == ModePoll {
		w.printf(msgStartPoll, w.o.Inbox, w.o.Poll, why, w.o.Results)
	} else {
		idle, soon = rescanEvery, min(max(w.o.Settle/4, 20*time.Millisecond), 500*time.Millisecond)
		w.printf(msgStartEvents, w.o.Inbox, why, w.o.Results)
	}
	if w.warning != "" {
		w.printf("%s  %s", w.stamp(), w.warning)
	}
	if n := len(w.records); n > 0 {
		w.printf(msgResumed, w.stamp(), n)
	}
	timer := time.NewTimer(0)
	defer timer.Stop()
	dirty := true
	for {
		select {
		case <-ctx.Done():
			w.printf(msgStopped, w.stamp())
			return nil
		case <-timer.C:
			next := idle
			if w.scan(ctx) {
				next = soon
			}
			if !w.retry.IsZero() {
				next = max(min(next, time.Until(w.retry)), 0)
			}
			dirty = false
			timer.Reset(next)
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			// A burst of events (a copy writes many times) is one look.
			if !dirty && filepath.Dir(ev.Name) == filepath.Clean(w.o.Inbox) {
				dirty = true
				timer.Reset(soon)
			}
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				w.printf("%s  %v", w.stamp(), err)
			}
			if !dirty {
				dirty = true
				timer.Reset(soon)
			}
		}
	}
}

// due reports whether results that could not be written should be tried
// again now.
func (w *watcher) due() bool {
	return !w.retry.IsZero() && time.Now().After(w.retry)
}

// scan lists the inbox, reads every file that has finished arriving and
// publishes what changed. It reports whether a file is still arriving.
func (w *watcher) scan(ctx context.Context) (pending bool) {
	files, skipped, err := ingest.Collect([]string{w.o.Inbox})
	if err != nil {
		w.printf("%s  %v", w.stamp(), err)
		return true
	}
	// The results folder, when inside the inbox, is the watch's own.
	skipped = slices.DeleteFunc(skipped, func(s ingest.Skipped) bool { return same(s.File, w.o.Results) })
	now := time.Now()
	changed, pending := w.tellSkipped(skipped, now)
	changed = changed || w.due()
	present := map[string]bool{}
	for _, path := range files {
		if ctx.Err() != nil {
			return true
		}
		name := filepath.Base(path)
		info, err := os.Stat(path)
		if err != nil {
			continue // gone since the listing
		}
		present[name] = true
		s := w.seen[name]
		if s == nil || s.size != info.Size() || !s.mod.Equal(info.ModTime()) {
			w.seen[name] = &sighting{size: info.Size(), mod: info.ModTime(), since: now}
			s = w.seen[name]
		}
		if rec := w.records[name]; rec != nil && rec.Size == s.size && rec.ModTime.Equal(s.mod) {
			continue // answered already
		}
		if now.Sub(s.since) < w.o.Settle {
			pending = true
			continue
		}
		switch w.check(path, s) {
		case checkDone:
			changed = true
		case checkWait:
			pending = true
		}
	}
	for name := range w.records {
		if !present[name] {
			delete(w.records, name)
			changed = true
		}
	}
	for name := range w.seen {
		if !present[name] {
			delete(w.seen, name)
		}
	}
	if changed || !w.published {
		w.publish()
	}
	return pending
}

// tellSkipped prints a file that is not read, once, when it has been there
// for the settle time: Excel's temporary files (8F3A2B10, ~$….tmp) come and
// go with every save and would fill the screen. It reports whether the list
// changed (the page lists the files) and whether a file waits to be told.
func (w *watcher) tellSkipped(skipped []ingest.Skipped, now time.Time) (changed, waiting bool) {
	present := map[string]bool{}
	for _, s := range skipped {
		present[s.File] = true
		first, ok := w.skipSeen[s.File]
		switch {
		case !ok:
			w.skipSeen[s.File] = now
			waiting = true
		case first.IsZero():
			// told already
		case now.Sub(first) >= w.o.Settle:
			w.printf(msgSkipped, w.stamp(), filepath.Base(s.File), s.Reason)
			w.skipSeen[s.File] = time.Time{}
		default:
			waiting = true
		}
	}
	for f := range w.skipSeen {
		if !present[f] {
			delete(w.skipSeen, f)
		}
	}
	changed = !slices.Equal(w.skipped, skipped)
	w.skipped = skipped
	return changed, waiting
}

type checkOutcome int

const (
	checkSame checkOutcome = iota // content as answered before
	checkDone                     // a new answer
	checkWait                     // not finished arriving
)

// check reads a file whose size and time have held still. A file that
// cannot be opened as a workbook waits out the grace time first: a copy
// under way has a size that holds still between two writes, and a zip whose
// end is not yet written looks broken.
func (w *watcher) check(path string, s *sighting) (out checkOutcome) {
	name := filepath.Base(path)
	res := w.readFile(path) // a panic in a library costs that file an error (ingest.Reader.ReadFile)
	if info, err := os.Stat(path); err != nil || info.Size() != s.size || !info.ModTime().Equal(s.mod) {
		return checkWait // changed while being read
	}
	if len(res.Findings) == 1 && res.Findings[0].Code == "file.unreadable" {
		// The file cannot be opened from here (another program holds it,
		// the share refuses): not the department's mistake to return. It
		// is tried again, and said once.
		if msg := res.Findings[0].Message; w.unreadable[name] != msg {
			w.unreadable[name] = msg
			w.printf(msgUnreadable, w.stamp(), name, msg)
		}
		return checkWait
	}
	delete(w.unreadable, name)
	if res.Submission == nil && time.Since(s.since) < w.o.Grace {
		return checkWait
	}
	if old := w.records[name]; old != nil && old.SHA256 != "" && old.SHA256 == res.SHA256 {
		old.Size, old.ModTime = s.size, s.mod
		return checkSame
	}
	w.records[name] = newRecord(name, res, s, w.o.Now(), func(name string) string { return sheet.DepartmentOfFile(name, w.depts) })
	return checkDone
}

func (w *watcher) stamp() string { return w.o.Now().Format("15:04:05") }

// printf prints one line: a line break in a file name or a cell is shown
// as a space, so that every event stays one line. What else a terminal
// would act on is the caller's to escape (the command line gives a
// report/terminal Escape writer as Log).
func (w *watcher) printf(format string, args ...any) {
	line := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u0085' || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, fmt.Sprintf(format, args...))
	fmt.Fprintln(w.o.Log, line)
}
