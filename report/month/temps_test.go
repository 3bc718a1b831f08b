package month

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRemoveTemps: a run removes its own leftovers at once, another
// command's only when they are too old to be a file being written.
func TestRemoveTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * staleTemp)
	files := map[string]bool{ // name → removed
		".shinchoku-run-1.tmp": true,
		".shinchoku-2.tmp":     false,
		".shinchoku-3.tmp":     true, // made old below
		"mine.tmp":             false,
		".shinchoku-x.xlsx":    false,
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Chtimes(filepath.Join(dir, ".shinchoku-3.tmp"), old, old)
	os.Mkdir(filepath.Join(dir, ".shinchoku-run-dir.tmp"), 0o755)
	removeTemps(dir)
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".shinchoku-run-dir.tmp")); err != nil {
		t.Error("a folder was removed")
	}
}
