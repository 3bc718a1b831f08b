package month

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
)

// TestWriteReturns: a 差し戻し workbook is written for a submission with
// errors; none for a file replaced by a later one of its department, nor for
// one the writer cannot mark up — and only the workbooks written are listed,
// so the run never names a file that does not exist.
func TestWriteReturns(t *testing.T) {
	f := excelize.NewFile()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	book := buf.Bytes()
	sub := &shinchoku.Submission{Department: "青少年課"}
	errs := shinchoku.Findings{{Severity: shinchoku.SeverityError, Code: "value.bad", Message: "値が正しくありません"}}
	results := []ingest.Result{
		{File: "returned.xlsx", Submission: sub, Findings: errs, Data: book},
		{File: "replaced.xlsx", Submission: sub, Findings: errs, Data: book, Superseded: true},
		{File: "unmarkable.xlsx", Submission: sub, Findings: errs, Data: []byte("not a workbook")},
		{File: "accepted.xlsx", Submission: sub, Data: book},
	}
	dir := t.TempDir()
	paths, err := writeReturns(dir, results, func(path string, write func(io.Writer) error) error {
		return WriteFile(path, write)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "差し戻し_returned.xlsx")}
	if !slices.Equal(paths, want) {
		t.Errorf("listed %v, want %v", paths, want)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"差し戻し_returned.xlsx"}) {
		t.Errorf("written %v", names)
	}
}
