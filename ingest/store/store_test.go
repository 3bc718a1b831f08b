package store

import (
	"context"
	"errors"
	"fmt"
	"math"
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
