package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/shinchoku/shinchoku"
)

func copyFile(t *testing.T, from, to string) bool {
	data, err := os.ReadFile(from)
	if err != nil {
		return false
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return true
}

// TestReadOnlyAfterKill: a run killed half-way leaves its journal beside
// the store; the read-only commands still read the store as the last
// finished run left it.
func TestReadOnlyAfterKill(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "store.db")
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
	for i := range 50000 {
		big.Indicators = append(big.Indicators, shinchoku.IndicatorEntry{IndicatorID: fmt.Sprintf("k%d", i), Actual: shinchoku.Num(float64(i)), Status: shinchoku.StatusFinal, Remarks: "備考の文章がそれなりに長い場合"})
	}
	if _, err := run.Record(ctx, Receipt{Period: sep, Department: "B課", SHA256: "b", State: "accepted"}, big); err != nil {
		t.Fatal(err)
	}
	// The files as a kill -9 now would leave them.
	killed := filepath.Join(t.TempDir(), "store.db")
	copyFile(t, path, killed)
	hot := copyFile(t, path+"-journal", killed+"-journal")
	t.Logf("journal left: %v", hot)
	r, err := OpenReadOnly(ctx, killed)
	if err != nil {
		t.Fatalf("open read-only after a kill: %v", err)
	}
	defer r.Close()
	rc, err := r.Receipts(ctx, sep)
	if err != nil || len(rc) != 1 || rc[0].Department != "A課" {
		t.Errorf("read after a kill: %v, %v", rc, err)
	}
}
