package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReasonSharing: a file that Excel has open cannot be replaced on
// Windows; the reason says so in Japanese.
func TestReasonSharing(t *testing.T) {
	err := &os.LinkError{Op: "rename", Old: "a", New: filepath.Join("out", "集計.xlsx"), Err: syscall.Errno(32)}
	if r := Reason(err); !strings.Contains(r, "Excel など") {
		t.Errorf("Reason = %q", r)
	}
}
