package store

import (
	"context"
	"database/sql"
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

// TestReadOnlyHotJournal: a run killed while SQLite was writing its pages
// leaves a journal that must be played back before the store can be read;
// the read-only commands do that (where the file can be written) instead of
// failing.
func TestReadOnlyHotJournal(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "store.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	record(t, s, "a", submission(sep, "A課", 10, "九月"), "accepted")
	s.Close()
	// A writer whose small cache spills pages into the file mid-transaction,
	// as happens while a run commits.
	db, err := sql.Open("sqlite", dsn(path, "_pragma=cache_size(10)&_pragma=cache_spill(1)"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for i := range 3000 {
		if _, err := tx.ExecContext(ctx, "INSERT INTO node_entries VALUES (1, ?, ?, '', '', '')", fmt.Sprint("n", i), "取組の文章がそれなりに長い場合の例です"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE submissions SET department = 'X課'"); err != nil {
		t.Fatal(err)
	}
	killed := filepath.Join(t.TempDir(), "store.db")
	copyFile(t, path, killed)
	if !copyFile(t, path+"-journal", killed+"-journal") {
		t.Fatal("no journal")
	}
	if os.Geteuid() > 0 { // root writes a read-only file anyway
		locked := filepath.Join(t.TempDir(), "ro")
		os.Mkdir(locked, 0o755)
		copyFile(t, killed, filepath.Join(locked, "store.db"))
		copyFile(t, killed+"-journal", filepath.Join(locked, "store.db-journal"))
		os.Chmod(filepath.Join(locked, "store.db"), 0o444)
		os.Chmod(locked, 0o555)
		defer os.Chmod(locked, 0o755)
		if _, err := OpenReadOnly(ctx, filepath.Join(locked, "store.db")); Condition(err) != ErrInterrupted {
			t.Errorf("read-only, with a hot journal: %v → %v", err, Condition(err))
		}
	}
	r, err := OpenReadOnly(ctx, killed)
	if err != nil {
		t.Fatalf("open read-only with a hot journal: %v", err)
	}
	defer r.Close()
	rc, err := r.Receipts(ctx, sep)
	if err != nil || len(rc) != 1 || rc[0].Department != "A課" {
		t.Errorf("read with a hot journal: %v, %v", rc, err)
	}
}
