package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/shinchoku/shinchoku"
)

var (
	sep = shinchoku.Period{Year: 2024, Month: 9}
	oct = shinchoku.Period{Year: 2024, Month: 10}
)

func submission(p shinchoku.Period, dept string, actual float64, progress string) *shinchoku.Submission {
	return &shinchoku.Submission{PlanID: "t", PlanHash: "h", Period: p, Department: dept,
		Indicators: []shinchoku.IndicatorEntry{{IndicatorID: "p1.k1", Actual: shinchoku.Num(actual), Status: shinchoku.StatusFinal},
			{IndicatorID: "p1.k2", Status: shinchoku.StatusPending, PublishDate: "令和6年12月"}},
		Nodes: []shinchoku.NodeEntry{{NodeID: "p1", Progress: progress, Outlook: "継続"}},
	}
}

func record(t *testing.T, s *Store, sha string, sub *shinchoku.Submission, state shinchoku.State) bool {
	t.Helper()
	ctx := context.Background()
	run, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	changed, err := run.Record(ctx, Receipt{Period: sub.Period, Department: sub.Department, File: sha + ".xlsx", SHA256: sha, State: state}, sub)
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Commit(); err != nil {
		t.Fatal(err)
	}
	return changed
}

func TestRecordAndQuery(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "store.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !record(t, s, "a", submission(sep, "A課", 10, "九月"), shinchoku.StateAccepted) {
		t.Fatal("first record wrote nothing")
	}
	if record(t, s, "a", submission(sep, "A課", 10, "九月"), shinchoku.StateAccepted) {
		t.Error("recording the same file again changed the store")
	}
	// A resubmission replaces the first; both stay in the history.
	record(t, s, "b", submission(sep, "A課", 12, "九月（修正）"), shinchoku.StateAccepted)
	record(t, s, "c", nil2(submission(sep, "B課", 0, "")), shinchoku.StateReturned)
	record(t, s, "d", submission(oct, "A課", 15, "十月"), shinchoku.StateAccepted)

	subs, err := s.Accepted(ctx, sep)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].Indicators[0].Actual != shinchoku.Num(12) || subs[0].Nodes[0].Progress != "九月（修正）" ||
		subs[0].Indicators[1].Actual.Set || subs[0].Indicators[1].PublishDate != "令和6年12月" {
		t.Fatalf("accepted = %+v", subs)
	}
	receipts, err := s.Receipts(ctx, sep)
	if err != nil {
		t.Fatal(err)
	}
	if len(receipts) != 2 || receipts[0].State != shinchoku.StateAccepted || receipts[0].SHA256 != "b" || receipts[1].State != shinchoku.StateReturned {
		t.Fatalf("receipts = %+v", receipts)
	}
	last, err := s.LastActuals(ctx, oct)
	if err != nil {
		t.Fatal(err)
	}
	if got := last["p1.k1"]; got.Value != shinchoku.Num(12) || got.Period != sep {
		t.Errorf("last actual before October = %+v", got)
	}
	if _, ok := last["p1.k2"]; ok {
		t.Error("a missing actual counts as a last actual")
	}
	nar, err := s.Narratives(ctx, "A課", oct)
	if err != nil {
		t.Fatal(err)
	}
	if nar["p1"].Progress != "九月（修正）" {
		t.Errorf("narrative carried over = %+v", nar["p1"])
	}
	hist, err := s.History(ctx, oct)
	if err != nil {
		t.Fatal(err)
	}
	if h := hist["p1.k1"]; len(h) != 2 || h[0].Value != shinchoku.Num(12) || h[1].Value != shinchoku.Num(15) {
		t.Errorf("history = %+v", h)
	}
}

func nil2(s *shinchoku.Submission) *shinchoku.Submission { return s }

func TestLockAndInterruptedRun(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "store.db")
	s1, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	run, err := s1.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := run.Record(ctx, Receipt{Period: sep, Department: "A課", SHA256: "x", State: shinchoku.StateAccepted}, submission(sep, "A課", 1, "")); err != nil {
		t.Fatal(err)
	}
	// A second run on the same store is refused at once.
	s2, err := Open(ctx, path)
	if err == nil {
		_, err = s2.Begin(ctx)
		defer s2.Close()
	}
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second run: err = %v, want ErrLocked", err)
	}
	// The first run dies without committing: nothing of it remains.
	run.Rollback()
	s1.Close()
	s3, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	subs, err := s3.Accepted(ctx, sep)
	if err != nil || len(subs) != 0 {
		t.Fatalf("after an interrupted run: %v, %v", subs, err)
	}
}

// TestAcceptedInRun: within a run, Accepted gives the submissions it has
// just recorded exactly as the store gives them back once committed.
func TestAcceptedInRun(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "store.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	record(t, s, "old", submission(sep, "C課", 3, "前回"), shinchoku.StateAccepted) // from an earlier run
	odd := submission(sep, "A課", math.Copysign(0, -1), "a\x00b\xff")
	odd.Indicators = append(odd.Indicators,
		shinchoku.IndicatorEntry{IndicatorID: "p1.k3", Actual: shinchoku.Num(math.NaN())},
		shinchoku.IndicatorEntry{IndicatorID: "p1.k4", Actual: shinchoku.Num(1e300), Remarks: "備考\n2行"},
		shinchoku.IndicatorEntry{IndicatorID: "p1.k5", Actual: shinchoku.Num(0.1)},
		shinchoku.IndicatorEntry{IndicatorID: "p1.k6", Actual: shinchoku.Value{Num: 7}},
		shinchoku.IndicatorEntry{IndicatorID: "p1.k7", Actual: shinchoku.Num(-12.5)})
	for i := range 2*insertBatch + 3 { // full batches and a remainder, in order
		odd.Indicators = append(odd.Indicators, shinchoku.IndicatorEntry{IndicatorID: fmt.Sprintf("q%03d", 200-i), Actual: shinchoku.Num(float64(i))})
		odd.Nodes = append(odd.Nodes, shinchoku.NodeEntry{NodeID: fmt.Sprintf("n%03d", 200-i), Progress: fmt.Sprint(i)})
	}
	empty := &shinchoku.Submission{PlanID: "t", PlanHash: "h", Period: sep, Department: "B課"}
	run, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, sub := range []*shinchoku.Submission{odd, empty} {
		if _, err := run.Record(ctx, Receipt{Period: sep, Department: sub.Department, SHA256: string(rune('x' + i)), State: shinchoku.StateAccepted}, sub); err != nil {
			t.Fatal(err)
		}
	}
	inRun, err := run.Accepted(ctx, sep)
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Commit(); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Accepted(ctx, sep)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 3 {
		t.Fatalf("accepted = %d submissions, want 3", len(stored))
	}
	if !reflect.DeepEqual(inRun, stored) {
		for i := range stored {
			t.Errorf("in the run:  %+v\nread back:   %+v", inRun[i], stored[i])
		}
	}
	for i := range stored { // DeepEqual does not tell −0 from 0
		for j, e := range stored[i].Indicators {
			if got := inRun[i].Indicators[j].Actual.Num; math.Signbit(got) != math.Signbit(e.Actual.Num) {
				t.Errorf("%s %s: %v in the run, %v read back", stored[i].Department, e.IndicatorID, got, e.Actual.Num)
			}
		}
	}
}

// TestOpenPlainPath: the store's path is a file name, whatever it holds;
// SQLite's URI syntax never applies to it.
func TestOpenPlainPath(t *testing.T) {
	for _, name := range []string{"x#1.db", "a?_pragma=journal_mode(wal).db", "50%.db", "%2e.db", "空白 あり.db", "d#?%/s.db"} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			record(t, s, "a", submission(sep, "A課", 10, "九月"), "accepted")
			var mode string
			if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if mode != "delete" {
				t.Errorf("journal mode %q: a parameter in the file name was applied", mode)
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("the store is not at %s: %v", path, err)
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			for _, e := range entries {
				if e.Name() != filepath.Base(path) {
					t.Errorf("unexpected file %s beside the store", e.Name())
				}
			}
			r, err := OpenReadOnly(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if rc, err := r.Receipts(ctx, sep); err != nil || len(rc) != 1 {
				t.Errorf("read-only: %v, %v", rc, err)
			}
		})
	}
}

// TestReadOnly: the read-only store never writes, and reads while a run
// holds the store, even a run that has written more than SQLite's page cache.
func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "store.db")
	if _, err := OpenReadOnly(ctx, path); err == nil {
		t.Fatal("a missing store opened read-only")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("opening read-only created the store")
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	record(t, s, "a", submission(sep, "A課", 10, "九月"), "accepted")
	run, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer run.Rollback()
	big := submission(sep, "B課", 1, "")
	for i := range 50000 { // about 5 MB of pages: more than the default cache
		big.Indicators = append(big.Indicators, shinchoku.IndicatorEntry{IndicatorID: fmt.Sprintf("k%d", i), Actual: shinchoku.Num(float64(i)), Status: shinchoku.StatusFinal, Remarks: "備考の文章がそれなりに長い場合"})
	}
	if _, err := run.Record(ctx, Receipt{Period: sep, Department: "B課", SHA256: "b", State: "accepted"}, big); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("open while a run holds the store: %v", err)
	}
	defer r.Close()
	rc, err := r.Receipts(ctx, sep)
	if err != nil || len(rc) != 1 || rc[0].Department != "A課" {
		t.Errorf("read while a run holds the store: %v, %v", rc, err)
	}
	if _, err := r.db.ExecContext(ctx, "DELETE FROM submissions"); Condition(err) != ErrReadOnly {
		t.Errorf("a write through the read-only store: %v, want ErrReadOnly", err)
	}
}

// TestCondition: SQLite's failures are told apart, so that a message can
// say what happened in words.
func TestCondition(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	full := filepath.Join(dir, "full.db")
	s, err := Open(ctx, full)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pages int
	s.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages)
	if _, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA max_page_count = %d", pages+1)); err != nil {
		t.Fatal(err)
	}
	run, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	big := submission(sep, "B課", 1, "")
	for i := range 2000 {
		big.Indicators = append(big.Indicators, shinchoku.IndicatorEntry{IndicatorID: fmt.Sprintf("k%d", i), Status: shinchoku.StatusFinal})
	}
	_, err = run.Record(ctx, Receipt{Period: sep, Department: "B課", SHA256: "b", State: "accepted"}, big)
	run.Rollback()
	if Condition(err) != ErrFull {
		t.Errorf("disk full: %v → %v", err, Condition(err))
	}

	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, bytes.Repeat([]byte("not a database "), 1000), 0o644)
	if _, err := Open(ctx, garbage); Condition(err) != ErrCorrupt {
		t.Errorf("not a database: %v → %v", err, Condition(err))
	}
	if _, err := OpenReadOnly(ctx, garbage); Condition(err) != ErrCorrupt {
		t.Errorf("not a database, read-only: %v → %v", err, Condition(err))
	}

	other := filepath.Join(dir, "held.db")
	a, err := Open(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	held, err := a.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Rollback()
	b, err := Open(ctx, other)
	if err == nil {
		_, err = b.Begin(ctx)
		b.Close()
	}
	if Condition(err) != ErrLocked {
		t.Errorf("held by a run: %v → %v", err, Condition(err))
	}
}

// TestNewer: a store from a newer program is refused, by name, not damaged.
func TestNewer(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "store.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); Condition(err) != ErrNewer {
		t.Errorf("open: %v → %v", err, Condition(err))
	}
	if _, err := OpenReadOnly(ctx, path); Condition(err) != ErrNewer {
		t.Errorf("open read-only: %v → %v", err, Condition(err))
	}
}
