package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
)

func TestWriteInbox(t *testing.T) {
	p := Plan(6, 3)
	dir := filepath.Join(t.TempDir(), "inbox")
	depts := p.Reporters("政策推進課")
	notes, err := WriteInbox(p, shinchoku.Period{Year: 2026, Month: 3}, "政策推進課", dir, SyntheticActual(p))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	xls := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".xls") {
			xls++
		}
	}
	// One department sends nothing, one an .xls; every note names its department.
	if len(entries) != len(depts)-1 || xls != 1 {
		t.Errorf("%d files (%d .xls) for %d departments", len(entries), xls, len(depts))
	}
	if !strings.HasSuffix(notes[len(notes)-1], ": 未提出") || len(notes) < 3 {
		t.Errorf("notes %q", notes)
	}
}
