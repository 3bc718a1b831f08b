package ingest_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
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

// TestNameByBase: files are named by their base name, in their findings
// too; two files of the same base name keep the paths they were given by.
func TestNameByBase(t *testing.T) {
	a := filepath.Join("users", "tanaka", "2024-09_青少年課.xlsx")
	b1, b2 := filepath.Join("x", "b.xlsx"), filepath.Join("y", "b.xlsx")
	results := []ingest.Result{
		{File: a, Findings: shinchoku.Findings{{File: a, Code: "value.bad"}}},
		{File: b1},
	}
	skipped := []ingest.Skipped{{File: b2}, {File: filepath.Join("users", "~$c.xlsx")}}
	ingest.NameByBase(results, skipped)
	if results[0].File != "2024-09_青少年課.xlsx" || results[0].Findings[0].File != "2024-09_青少年課.xlsx" {
		t.Errorf("a: %+v", results[0])
	}
	if results[1].File != b1 || skipped[0].File != b2 {
		t.Errorf("files sharing a base name renamed: %s, %s", results[1].File, skipped[0].File)
	}
	if skipped[1].File != "~$c.xlsx" {
		t.Errorf("skipped: %s", skipped[1].File)
	}
}

// TestReadFilesWorkers: a workers setting far above the number of files (a
// mistyped 100000 in the configuration) starts no more readers than files.
func TestReadFilesWorkers(t *testing.T) {
	p := plan(t)
	f, _ := filled(t, p)
	path := filepath.Join(t.TempDir(), "a.xlsx")
	if err := os.WriteFile(path, bytesOf(t, f), 0o644); err != nil {
		t.Fatal(err)
	}
	var peak atomic.Int64
	results := ingest.NewReader(p, ingest.Options{Office: "政策推進課", Period: &period}).
		ReadFiles([]string{path, path}, 100_000, func() { peak.Store(max(peak.Load(), int64(runtime.NumGoroutine()))) })
	if len(results) != 2 || results[0].Submission == nil {
		t.Fatalf("results %+v", results)
	}
	if n := peak.Load(); n > 1000 {
		t.Errorf("%d goroutines for 2 files", n)
	}
}
