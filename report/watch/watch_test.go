package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/templates/corpus"
	"github.com/shinchoku/shinchoku/templates/form"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

var period = shinchoku.Period{Year: 2026, Month: 3}

// corpusMonth is a small synthetic plan and its departments' workbooks, filled
// in well or with a locked cell changed (an error).
type corpusMonth struct {
	plan  *shinchoku.Plan
	depts []string
	good  map[string][]byte
	bad   map[string][]byte
}

func newMonth(t *testing.T) *corpusMonth {
	t.Helper()
	p := corpus.Plan(4, 5)
	return filled(t, p, period, corpus.SyntheticActual(p), 4)
}

// filled fills the workbooks of a plan's first n departments.
func filled(t *testing.T, p *shinchoku.Plan, period shinchoku.Period, actual corpus.Actual, n int) *corpusMonth {
	t.Helper()
	gen := form.NewGenerator(form.Options{Plan: p, Period: period, Office: "政策推進課"})
	m := &corpusMonth{plan: p, depts: gen.Departments(), good: map[string][]byte{}, bad: map[string][]byte{}}
	for _, d := range m.depts[:n] {
		for _, tr := range []corpus.Trouble{corpus.None, corpus.LockedChange} {
			f, sum, err := gen.Workbook(d)
			if err != nil {
				t.Fatal(err)
			}
			if err := corpus.Fill(f, period, gen.Rows(d), sum.Rows, actual, tr); err != nil {
				t.Fatal(err)
			}
			buf, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			if tr == corpus.None {
				m.good[d] = bytes.Clone(buf.Bytes())
			} else {
				m.bad[d] = bytes.Clone(buf.Bytes())
			}
			f.Close()
		}
	}
	return m
}

// syncBuffer is a log the test reads while the watch writes it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// running is a watch started by a test.
type running struct {
	t     *testing.T
	inbox string
	log   *syncBuffer
	stop  func()
}

// startWatch runs a watch on inbox with short times, until the test ends or
// stop is called.
func startWatch(t *testing.T, m *corpusMonth, inbox string, mode Mode, required ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Plan: m.plan, Period: period, Inbox: inbox, Office: "政策推進課", Required: required,
			Mode: mode, Poll: MinPoll, Settle: 60 * time.Millisecond, Grace: 600 * time.Millisecond, Log: log})
	}()
	r := &running{t: t, inbox: inbox, log: log}
	var once sync.Once
	r.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("watch: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Errorf("watch did not stop within 10 s of the cancel")
			}
		})
	}
	t.Cleanup(r.stop)
	// The first line is printed once the watch has started (and a page
	// left by an earlier watch may already be there).
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(log.String(), "提出を待っています"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the watch did not start within 20 s:\n%s", log.String())
		}
	}
	r.waitFor("the page", func(s status) bool { return true })
	return r
}

// status is the part of 提出状況.json the tests read.
type status struct {
	Counts      map[shinchoku.State]int `json:"counts"`
	Departments []struct {
		Department string          `json:"department"`
		State      shinchoku.State `json:"state"`
		Current    *fileJSON       `json:"current"`
	} `json:"departments"`
	Files []fileJSON `json:"files"`
}

func (r *running) status() (status, bool) {
	var s status
	data, err := os.ReadFile(filepath.Join(r.inbox, ResultsFolder, JSONFile))
	if err != nil || json.Unmarshal(data, &s) != nil {
		return s, false
	}
	return s, true
}

// waitFor waits, up to 20 seconds, until the status page satisfies ok.
func (r *running) waitFor(what string, ok func(status) bool) status {
	r.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if s, read := r.status(); read && ok(s) {
			return s
		}
		time.Sleep(20 * time.Millisecond)
	}
	s, _ := r.status()
	r.t.Fatalf("waited 20 s for %s; status %+v\nlog:\n%s", what, s, r.log.String())
	return s
}

func stateOf(s status, dept string) shinchoku.State {
	for _, d := range s.Departments {
		if d.Department == dept {
			return d.State
		}
	}
	return ""
}

func put(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAnswers(t *testing.T) {
	m := newMonth(t)
	for _, mode := range []Mode{ModeEvents, ModePoll} {
		t.Run(map[Mode]string{ModeEvents: "events", ModePoll: "poll"}[mode], func(t *testing.T) {
			inbox := t.TempDir()
			r := startWatch(t, m, inbox, mode)
			good, bad := m.depts[0], m.depts[1]
			goodFile := filepath.Join(inbox, sheet.FileName(period, good))
			badFile := filepath.Join(inbox, sheet.FileName(period, bad))
			put(t, goodFile, m.good[good])
			put(t, badFile, m.bad[bad])
			put(t, filepath.Join(inbox, "~$"+filepath.Base(goodFile)), []byte("lock"))
			put(t, filepath.Join(inbox, ".hidden.xlsx"), []byte("hidden"))
			put(t, filepath.Join(inbox, "メモ.txt"), []byte("memo"))
			s := r.waitFor("both answers", func(s status) bool {
				return stateOf(s, good) == shinchoku.StateAccepted && stateOf(s, bad) == shinchoku.StateReturned
			})
			if s.Counts[shinchoku.StateNotSubmitted] != len(m.depts)-2 {
				t.Errorf("未提出 %d, want %d", s.Counts[shinchoku.StateNotSubmitted], len(m.depts)-2)
			}
			if len(s.Files) != 2 {
				t.Errorf("files checked: %+v, want the two workbooks only", s.Files)
			}
			results := filepath.Join(inbox, ResultsFolder)
			receipt, err := os.ReadFile(filepath.Join(results, receiptName(filepath.Base(goodFile))))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"判定: 受理予定", "SHA-256: " + sha(m.good[good]), "ファイル: " + filepath.Base(goodFile)} {
				if !strings.Contains(string(receipt), want) {
					t.Errorf("receipt lacks %q:\n%s", want, receipt)
				}
			}
			if _, err := os.Stat(filepath.Join(results, form.ReturnName(filepath.Base(badFile)))); err != nil {
				t.Errorf("no 差し戻し workbook: %v", err)
			}

			// The department sends a corrected file: the receipt replaces the
			// 差し戻し workbook.
			put(t, badFile, m.good[bad])
			r.waitFor("the corrected file", func(s status) bool { return stateOf(s, bad) == shinchoku.StateAccepted })
			if _, err := os.Stat(filepath.Join(results, form.ReturnName(filepath.Base(badFile)))); !os.IsNotExist(err) {
				t.Errorf("the old 差し戻し workbook is still there (%v)", err)
			}
			// A file taken away: the department has not submitted, and its
			// receipt goes.
			os.Remove(goodFile)
			r.waitFor("the removal", func(s status) bool { return stateOf(s, good) == shinchoku.StateNotSubmitted })
			if _, err := os.Stat(filepath.Join(results, receiptName(filepath.Base(goodFile)))); !os.IsNotExist(err) {
				t.Errorf("the receipt of a removed file is still there (%v)", err)
			}
			// Nothing submitted was changed.
			if data, _ := os.ReadFile(badFile); !bytes.Equal(data, m.good[bad]) {
				t.Error("the submitted file changed")
			}
		})
	}
}

// A file arriving in two steps is read once it is whole; a file that stays
// broken is returned once the grace time has passed.
func TestHalfWritten(t *testing.T) {
	m := newMonth(t)
	inbox := t.TempDir()
	r := startWatch(t, m, inbox, ModeEvents)
	d, broken := m.depts[0], m.depts[1]
	data := m.good[d]
	f, err := os.Create(filepath.Join(inbox, sheet.FileName(period, d)))
	if err != nil {
		t.Fatal(err)
	}
	f.Write(data[:len(data)/2])
	f.Sync()
	// Longer than the settle time (60 ms), shorter than the grace (600 ms):
	// the half is seen standing still, and must not be returned.
	time.Sleep(300 * time.Millisecond)
	f.Write(data[len(data)/2:])
	f.Close()
	put(t, filepath.Join(inbox, sheet.FileName(period, broken)), m.good[broken][:1000])
	s := r.waitFor("both", func(s status) bool {
		return stateOf(s, d) == shinchoku.StateAccepted && stateOf(s, broken) == shinchoku.StateReturned
	})
	if strings.Contains(r.log.String(), d+"  差し戻し") {
		t.Errorf("the half-written file was returned:\n%s", r.log.String())
	}
	for _, fj := range s.Files {
		if fj.Department == broken && (len(fj.Findings) == 0 || fj.Findings[0].Code != "file.corrupt") {
			t.Errorf("broken file: %+v", fj)
		}
	}
	if _, err := os.Stat(filepath.Join(inbox, ResultsFolder, returnText(sheet.FileName(period, broken)))); err != nil {
		t.Errorf("no 差し戻し notice for the broken file: %v", err)
	}
}

// Two files of one department: the newer counts, the other is shown as
// replaced, as the monthly batch decides.
func TestSuperseded(t *testing.T) {
	m := newMonth(t)
	inbox := t.TempDir()
	r := startWatch(t, m, inbox, ModeEvents)
	d := m.depts[2]
	older := filepath.Join(inbox, "旧_"+sheet.FileName(period, d))
	put(t, older, m.bad[d])
	r.waitFor("the first file", func(s status) bool { return stateOf(s, d) == shinchoku.StateReturned })
	time.Sleep(50 * time.Millisecond) // a later modification time
	put(t, filepath.Join(inbox, sheet.FileName(period, d)), m.good[d])
	s := r.waitFor("the newer file", func(s status) bool { return stateOf(s, d) == shinchoku.StateAccepted })
	found := false
	for _, fj := range s.Files {
		if fj.File == filepath.Base(older) {
			found = true
			if fj.State != shinchoku.StateSuperseded {
				t.Errorf("older file: %s, want superseded", fj.State)
			}
		}
	}
	if !found {
		t.Error("the older file is not listed")
	}
}

// A department's workbook was accepted, then a broken file named for it
// arrives (a 修正 cut short in transit). Its department is only guessed from
// the name, so it must not make the department 差し戻し: the page says what
// the monthly batch records, while the sender of the broken file gets its
// own 差し戻し notice. Taking the workbook away leaves the broken file as
// the department's; bringing it back makes it the department's again.
func TestBrokenFileBesideAccepted(t *testing.T) {
	m := newMonth(t)
	inbox := t.TempDir()
	r := startWatch(t, m, inbox, ModeEvents)
	d := m.depts[0]
	good := filepath.Join(inbox, sheet.FileName(period, d))
	broken := "（修正）" + sheet.FileName(period, d)
	results := filepath.Join(inbox, ResultsFolder)
	put(t, good, m.good[d])
	r.waitFor("the workbook", func(s status) bool { return stateOf(s, d) == shinchoku.StateAccepted })
	time.Sleep(50 * time.Millisecond) // a later modification time
	put(t, filepath.Join(inbox, broken), m.good[d][:len(m.good[d])/2])
	fileState := func(s status, name string) shinchoku.State {
		for _, fj := range s.Files {
			if fj.File == name {
				return fj.State
			}
		}
		return ""
	}
	s := r.waitFor("the broken file", func(s status) bool { return fileState(s, broken) == shinchoku.StateReturned })
	if got := stateOf(s, d); got != shinchoku.StateAccepted {
		t.Errorf("%s: %s, want %s", d, got, shinchoku.StateAccepted)
	}
	for _, dj := range s.Departments {
		if dj.Department == d && (dj.Current == nil || dj.Current.File != filepath.Base(good)) {
			t.Errorf("%s: current %+v, want %s", d, dj.Current, filepath.Base(good))
		}
	}
	notice, err := os.ReadFile(filepath.Join(results, returnText(broken)))
	if err != nil {
		t.Fatalf("no 差し戻し notice for the broken file: %v", err)
	}
	for _, want := range []string{"判定: 差し戻し", "ファイル: " + broken, "担当課: " + d} {
		if !strings.Contains(string(notice), want) {
			t.Errorf("notice lacks %q:\n%s", want, notice)
		}
	}
	if _, err := os.Stat(filepath.Join(results, receiptName(filepath.Base(good)))); err != nil {
		t.Errorf("no receipt for the accepted workbook: %v", err)
	}
	page, err := os.ReadFile(filepath.Join(results, PageFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{returnText(broken) + "</a>", "<h3>" + d + "（" + broken + "）: 差し戻し"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %q", want)
		}
	}

	// The monthly batch on the same inbox records the same states.
	dir := t.TempDir()
	res, err := month.Run(context.Background(), month.Options{Plan: m.plan, Period: period, Inbox: inbox,
		Store: filepath.Join(dir, "store.db"), Out: filepath.Join(dir, "out"), Office: "政策推進課", Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Progress.Departments) != len(s.Departments) {
		t.Fatalf("month has %d departments, the page %d", len(res.Progress.Departments), len(s.Departments))
	}
	for _, ds := range res.Progress.Departments {
		if got := stateOf(s, ds.Department); got != ds.State {
			t.Errorf("%s: the page says %s, the month records %s", ds.Department, got, ds.State)
		}
	}

	// Without the workbook the broken file is the department's, and its
	// notice stays; with the workbook back, the workbook counts again.
	os.Remove(good)
	r.waitFor("the removal", func(s status) bool { return stateOf(s, d) == shinchoku.StateReturned })
	if _, err := os.Stat(filepath.Join(results, returnText(broken))); err != nil {
		t.Errorf("the broken file's notice went when it became the department's: %v", err)
	}
	put(t, good, m.good[d])
	r.waitFor("the workbook again", func(s status) bool { return stateOf(s, d) == shinchoku.StateAccepted })
	if _, err := os.Stat(filepath.Join(results, returnText(broken))); err != nil {
		t.Errorf("the broken file's notice went when the workbook came back: %v", err)
	}
}

// A restart answers only what changed while it was stopped.
func TestResume(t *testing.T) {
	m := newMonth(t)
	inbox := t.TempDir()
	r := startWatch(t, m, inbox, ModeEvents)
	a, b := m.depts[0], m.depts[1]
	put(t, filepath.Join(inbox, sheet.FileName(period, a)), m.good[a])
	put(t, filepath.Join(inbox, sheet.FileName(period, b)), m.bad[b])
	first := r.waitFor("two answers", func(s status) bool {
		return stateOf(s, a) == shinchoku.StateAccepted && stateOf(s, b) == shinchoku.StateReturned
	})
	r.stop()
	put(t, filepath.Join(inbox, sheet.FileName(period, b)), m.good[b])

	// A watch killed while writing leaves a temporary file; the next one
	// removes it (it is old), not one being written now.
	old, fresh := filepath.Join(inbox, ResultsFolder, ".shinchoku-1.tmp"), filepath.Join(inbox, ResultsFolder, ".shinchoku-2.tmp")
	put(t, old, []byte("half"))
	put(t, fresh, []byte("half"))
	hour := time.Now().Add(-time.Hour)
	os.Chtimes(old, hour, hour)
	r2 := startWatch(t, m, inbox, ModeEvents)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the leftover temporary file is still there (%v)", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a new temporary file was removed: %v", err)
	}
	second := r2.waitFor("the changed file", func(s status) bool { return stateOf(s, b) == shinchoku.StateAccepted })
	checked := func(s status, dept string) string {
		for _, d := range s.Departments {
			if d.Department == dept && d.Current != nil {
				return d.Current.Checked
			}
		}
		return ""
	}
	if checked(first, a) != checked(second, a) {
		t.Errorf("an unchanged file was checked again: %s, then %s", checked(first, a), checked(second, a))
	}
	if strings.Contains(r2.log.String(), a) {
		t.Errorf("the restart printed the unchanged department:\n%s", r2.log.String())
	}
	if !strings.Contains(r2.log.String(), "前回の受付結果を引き継ぎました（2ファイル）") {
		t.Errorf("log:\n%s", r2.log.String())
	}
}

// Hostile files are answered like any other and the watch goes on.
func TestHostile(t *testing.T) {
	m := newMonth(t)
	inbox := t.TempDir()
	r := startWatch(t, m, inbox, ModeEvents)
	// A zip bomb's look-alike: a zip whose part claims far more than the limit.
	big := make([]byte, 25<<20)
	put(t, filepath.Join(inbox, "巨大.xlsx"), big)
	put(t, filepath.Join(inbox, "改行\n2行目.xlsx"), []byte("PK\x03\x04 not really"))
	d := m.depts[3]
	put(t, filepath.Join(inbox, sheet.FileName(period, d)), m.good[d])
	s := r.waitFor("all three", func(s status) bool { return stateOf(s, d) == shinchoku.StateAccepted && len(s.Files) == 3 })
	for _, fj := range s.Files {
		if fj.File == "巨大.xlsx" && (len(fj.Findings) == 0 || fj.Findings[0].Code != "file.too_large") {
			t.Errorf("large file: %+v", fj)
		}
	}
	for _, line := range strings.Split(r.log.String(), "\n") {
		if strings.HasPrefix(line, "2行目") {
			t.Errorf("a line break in a file name broke an event's line: %q", r.log.String())
		}
	}
}

func TestResultsFolderErrors(t *testing.T) {
	m := newMonth(t)
	inbox := t.TempDir()
	file := filepath.Join(inbox, "x.txt")
	put(t, file, nil)
	for name, o := range map[string]Options{
		"a file":        {Inbox: inbox, Results: file},
		"under a file":  {Inbox: inbox, Results: filepath.Join(file, "結果")},
		"the inbox":     {Inbox: inbox, Results: inbox},
		"missing inbox": {Inbox: filepath.Join(inbox, "ない")},
	} {
		o.Plan, o.Period = m.plan, period
		err := Run(context.Background(), o)
		if err == nil || !strings.ContainsAny(err.Error(), "受付") {
			t.Errorf("%s: %v, want a Japanese error", name, err)
		}
	}
}

// TestCheck: a timing no one would mean is refused as an option mistake
// before anything is watched, and the inbox defaults to inbox/<period>.
func TestCheck(t *testing.T) {
	m := newMonth(t)
	for _, c := range []struct {
		name string
		o    Options
		want string // "" is no mistake
	}{
		{"defaults", Options{}, ""},
		{"auto with an interval", Options{Poll: 5 * time.Second}, ""},
		{"shortest poll", Options{Mode: ModePoll, Poll: MinPoll}, ""},
		{"no settle", Options{Settle: 0}, ""},
		{"poll without interval", Options{Mode: ModePoll}, "--poll の間隔は 100ms 以上にしてください（例: 5s）"},
		{"poll too short", Options{Mode: ModePoll, Poll: 99 * time.Millisecond}, "--poll の間隔は 100ms 以上"},
		{"events, short interval", Options{Mode: ModeEvents, Poll: time.Millisecond}, "--poll の間隔は 100ms 以上"},
		{"negative poll", Options{Poll: -time.Second}, "--poll の間隔は 100ms 以上"},
		{"negative settle", Options{Settle: -time.Second}, "--settle は 0 以上の時間です（例: 2s）"},
	} {
		err := c.o.Check()
		var oe ingest.UsageError
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (!errors.As(err, &oe) || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%s: %v, want an ingest.UsageError %q", c.name, err, c.want)
		}
		if c.want == "" {
			continue
		}
		// Run refuses it too, before looking at the inbox.
		o := c.o
		o.Plan, o.Period, o.Inbox = m.plan, period, t.TempDir()
		if err := Run(context.Background(), o); !errors.As(err, &oe) {
			t.Errorf("%s: Run: %v, want an ingest.UsageError", c.name, err)
		}
	}
	err := Run(context.Background(), Options{Plan: m.plan, Period: period})
	if want := filepath.Join("inbox", "2026-03"); err == nil || !strings.Contains(err.Error(), "受付フォルダ "+want+" を開けません") {
		t.Errorf("no inbox: %v, want the default %s", err, want)
	}
}

// A temporary folder is local: the watch uses events there.
func TestNetworkFSLocal(t *testing.T) {
	if fs := networkFS(t.TempDir()); fs != "" {
		t.Errorf("a temporary folder is on a network file system (%s)?", fs)
	}
}

// A restart with other checks (here a narrative column made required)
// answers every file again: the old answers were given by other rules.
// (The department filled that column in: the answer stays the same, given
// again.)
func TestResumeWithOtherChecks(t *testing.T) {
	m := newMonth(t)
	inbox := t.TempDir()
	r := startWatch(t, m, inbox, ModeEvents)
	a := m.depts[0]
	put(t, filepath.Join(inbox, sheet.FileName(period, a)), m.good[a])
	first := r.waitFor("the answer", func(s status) bool { return stateOf(s, a) == shinchoku.StateAccepted })
	r.stop()
	time.Sleep(10 * time.Millisecond)
	r2 := startWatch(t, m, inbox, ModeEvents, sheet.SelfEval)
	second := r2.waitFor("the new answer", func(s status) bool {
		return len(s.Departments) > 0 && s.Departments[0].Current != nil && s.Departments[0].Current.Checked != first.Departments[0].Current.Checked
	})
	if stateOf(second, a) != shinchoku.StateAccepted {
		t.Errorf("%s: %s", a, stateOf(second, a))
	}
	if strings.Contains(r2.log.String(), "前回の受付結果を引き継ぎました") {
		t.Errorf("answers given by other checks were kept:\n%s", r2.log.String())
	}
}

// A file that cannot be opened from here is not returned to its department
// (another program holds it, or the share refuses): the watch says so once
// and tries again.
func TestUnreadableWaits(t *testing.T) {
	m := newMonth(t)
	inbox := t.TempDir()
	log := &syncBuffer{}
	w, err := start(Options{Plan: m.plan, Period: period, Inbox: inbox, Office: "政策推進課", Settle: time.Nanosecond, Grace: time.Nanosecond, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(inbox, sheet.FileName(period, m.depts[0]))
	put(t, path, m.good[m.depts[0]])
	w.readFile = func(p string) ingest.Result {
		res := w.rd.ReadFile(filepath.Join(inbox, "ない.xlsx"))
		res.File = p
		return res
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	s := &sighting{size: info.Size(), mod: info.ModTime(), since: time.Now().Add(-time.Hour)}
	for range 2 {
		if got := w.check(path, s); got != checkWait {
			t.Fatalf("check: %v, want to wait", got)
		}
	}
	if len(w.records) != 0 {
		t.Errorf("answered: %+v", w.records)
	}
	if n := strings.Count(log.String(), "読めないため待っています"); n != 1 {
		t.Errorf("said %d times:\n%s", n, log.String())
	}
}

// TestCorruptStore: a store that is no store (a file of garbage) is said in
// Japanese, with what to do, like the monthly run says it; the watch goes on
// without the comparison.
func TestCorruptStore(t *testing.T) {
	m := newMonth(t)
	dir := t.TempDir()
	inbox, bad := filepath.Join(dir, "inbox"), filepath.Join(dir, "shinchoku.db")
	if err := os.Mkdir(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	put(t, bad, bytes.Repeat([]byte("これは記録ではありません。garbage\x00\xff"), 400))
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Plan: m.plan, Period: period, Inbox: inbox, Store: bad, Office: "政策推進課",
			Mode: ModePoll, Poll: MinPoll, Settle: 60 * time.Millisecond, Log: log})
	}()
	want := "記録 " + bad + " を読めません（ファイルが壊れているか、shinchoku の記録ではありません。バックアップから戻してください）"
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(log.String(), want); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Errorf("the watch did not say %q within 20 s:\n%s", want, log.String())
			break
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("watch: %v", err)
	}
}

// TestResultNamesDistinct: every file of the inbox gets its own result
// files, so that a department's file named like another's with another
// workbook extension (X.xlsx, X.xlsm) never overwrites or misstates the
// other department's receipt or notice.
func TestResultNamesDistinct(t *testing.T) {
	files := []string{"2026-03_部署0001課.xlsx", "2026-03_部署0001課.xlsm", "2026-03_部署0001課.xls", "2026-03_部署0001課.ods"}
	seen := map[string]string{}
	for _, f := range files {
		for _, name := range []string{receiptName(f), returnText(f)} {
			if other, ok := seen[name]; ok {
				t.Errorf("%s and %s share the result %s", other, f, name)
			}
			seen[name] = f
		}
	}
}

// TestResultWriteFailsQuietly: a result that cannot be written (here a
// folder in its place; in the office, the file held open in Excel) is said
// once and tried again less and less often, not rebuilt and printed every
// second; once it can be written, it is.
func TestResultWriteFailsQuietly(t *testing.T) {
	m := newMonth(t)
	inbox := t.TempDir()
	r := startWatch(t, m, inbox, ModeEvents)
	d := m.depts[0]
	good := filepath.Join(inbox, sheet.FileName(period, d))
	blocker := filepath.Join(inbox, ResultsFolder, receiptName(filepath.Base(good)))
	if err := os.MkdirAll(filepath.Join(blocker, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	put(t, good, m.good[d])
	r.waitFor("the workbook", func(s status) bool { return stateOf(s, d) == shinchoku.StateAccepted })
	time.Sleep(4 * time.Second) // tries at about 1, 2 (+1) and 4 (+2) s with back-off; 4 without
	if n := strings.Count(r.log.String(), "結果を書き出せません"); n != 1 {
		t.Errorf("the failure was said %d times, want once:\n%s", n, r.log.String())
	}
	if err := os.RemoveAll(blocker); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if info, err := os.Stat(blocker); err == nil && info.Mode().IsRegular() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the receipt was not written once it could be:\n%s", r.log.String())
		}
	}
}
