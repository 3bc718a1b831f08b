package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
)

// TestReadPanic: a panic while reading one file (a library meeting a file
// it was not made for) costs that file a file.internal error in Japanese
// that does not show the panic's English text, and the other files of the
// month are read as usual.
func TestReadPanic(t *testing.T) {
	p := plan(t)
	f, _ := filled(t, p)
	good := bytesOf(t, f)
	dir := t.TempDir()
	var files []string
	for _, name := range []string{"a.xlsx", "boom.xlsx", "c.xlsx"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, good, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	rd := ingest.NewReader(p, ingest.Options{Office: "政策推進課", Period: &period})
	const value = "runtime error: index out of range [3] with length 3"
	ingest.SetRead(rd, func(name string, data []byte) ingest.Result {
		if filepath.Base(name) == "boom.xlsx" {
			panic(value)
		}
		return rd.Read(name, data)
	})
	results := rd.ReadFiles(files, 2, nil)
	for i, r := range results {
		if r.Path != files[i] {
			t.Errorf("%d: path %q, want %q", i, r.Path, files[i])
		}
		if i != 1 {
			if r.Submission == nil || r.Findings.HasErrors() {
				t.Errorf("%s: not read after another file panicked: %s", files[i], dump(r.Findings))
			}
			continue
		}
		if r.Submission != nil || len(r.Findings) != 1 {
			t.Fatalf("panicked file: submission %v, findings %s", r.Submission, dump(r.Findings))
		}
		fd := r.Findings[0]
		if fd.Severity != shinchoku.SeverityError || fd.Code != "file.internal" || fd.File != files[1] {
			t.Errorf("finding %+v", fd)
		}
		if strings.Contains(fd.Message, "runtime") || strings.Contains(fd.Message, "index") {
			t.Errorf("message shows the panic: %s", fd.Message)
		}
		checkJapanese(t, fd.Message)
	}
}
