package terminal

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
)

// TestReturned: the 差し戻し list names a workbook only when it was
// written, says so when it could not be made, and leaves out a file that a
// later one of its department replaced.
func TestReturned(t *testing.T) {
	sub := &shinchoku.Submission{Department: "青少年課"}
	errs := shinchoku.Findings{{Severity: shinchoku.SeverityError, Code: "value.bad", Message: "値が正しくありません"}}
	out := filepath.Join("out", "2024-09")
	written := filepath.Join(out, "差し戻し", "差し戻し_a.xlsx")
	var b strings.Builder
	returned(&b, out, []string{written}, []ingest.Result{
		{File: "a.xlsx", Submission: sub, Findings: errs},
		{File: "b.xlsx", Submission: sub, Findings: errs},
		{File: "c.xlsx", Submission: sub, Findings: errs, Superseded: true},
	})
	got := b.String()
	for _, want := range []string{
		"  a.xlsx（青少年課）\n    差し戻し用ブック: " + written + "\n",
		"  b.xlsx（青少年課）\n    差し戻し用ブックなし（印をつけたブックを作れなかったため",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "c.xlsx") || strings.Contains(got, "差し戻し_b.xlsx") {
		t.Errorf("lists a replaced file or a workbook not written:\n%s", got)
	}
}
