package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is an output the test reads while the watch writes it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestWatchSurvivesHostileFiles puts every hostile file of the isolation
// test into a watched inbox, beside good files of the other departments:
// each hostile file is answered with the finding the monthly run gives it,
// the good ones are accepted, and the watch goes on answering afterwards.
func TestWatchSurvivesHostileFiles(t *testing.T) {
	base := t.TempDir()
	planPath := filepath.Join(base, "plan.yaml")
	if err := os.WriteFile(planPath, []byte(isolationPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CACHE_HOME", filepath.Join(base, "cache"))
	t.Setenv("HOME", base)
	forms := filepath.Join(base, "forms")
	shinchokuCLI(t, "templates", "--plan", planPath, "--period", "2024-09", "-o", forms)
	inbox := filepath.Join(base, "inbox")
	if err := os.Mkdir(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	bytesOf := func(dept string, tc *hostile) []byte {
		f, rows := fillForm(t, filepath.Join(forms, "2024-09_"+dept+".xlsx"))
		if tc != nil {
			tc.edit(t, f, rows)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		if tc != nil && tc.bytes != nil {
			return tc.bytes(t, buf.Bytes())
		}
		return buf.Bytes()
	}
	victim := isolationDepts[len(isolationDepts)-1]
	want := map[string]string{} // file → the code of the finding it must get
	for i := range hostileCases {
		tc := &hostileCases[i]
		name := fmt.Sprintf("%02d_2024-09_%s.xlsx", i, victim)
		if err := os.WriteFile(filepath.Join(inbox, name), bytesOf(victim, tc), 0o644); err != nil {
			t.Fatal(err)
		}
		want[name] = tc.code
	}
	for _, d := range isolationDepts[:len(isolationDepts)-1] {
		if err := os.WriteFile(filepath.Join(inbox, "2024-09_"+d+".xlsx"), bytesOf(d, nil), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	out := &lockedBuffer{}
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		done <- run(ctx, []string{"watch", "--plan", planPath, "--period", "2024-09", "--inbox", inbox,
			"--store", filepath.Join(base, "none.db"), "--settle", "50ms"}, out, out)
	}()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("watch: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Errorf("watch did not stop within 20 s of Ctrl-C")
		}
	}()
	type status struct {
		Departments []struct {
			Department string
			State      string
		}
		Files []struct {
			File     string
			State    string
			Findings []struct{ Code string }
		}
	}
	read := func() (s status) {
		data, err := os.ReadFile(filepath.Join(inbox, "受付結果", "提出状況.json"))
		if err == nil {
			json.Unmarshal(data, &s)
		}
		return s
	}
	stateOf := func(s status, dept string) string {
		for _, d := range s.Departments {
			if d.Department == dept {
				return d.State
			}
		}
		return ""
	}
	wait := func(what string, ok func(status) bool) status {
		t.Helper()
		for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if s := read(); ok(s) {
				return s
			}
		}
		t.Fatalf("waited 3 minutes for %s: %+v\n%s", what, read(), out.String())
		return status{}
	}
	s := wait("every file", func(s status) bool { return len(s.Files) == len(want)+len(isolationDepts)-1 })
	t.Logf("%d files (%d hostile) answered in %.1f s", len(s.Files), len(want), time.Since(start).Seconds())
	for _, d := range isolationDepts[:len(isolationDepts)-1] {
		if st := stateOf(s, d); st != "accepted" {
			t.Errorf("%s: %s, want accepted beside the hostile files", d, st)
		}
	}
	for _, f := range s.Files {
		code, ok := want[f.File]
		if !ok || code == "" { // "": accepted after normalising, no finding
			continue
		}
		if !slices.ContainsFunc(f.Findings, func(fd struct{ Code string }) bool { return fd.Code == code }) {
			t.Errorf("%s: no %s in %+v", f.File, code, f.Findings)
		}
	}

	// The watch goes on: the hostile files go, a good one comes.
	for name := range want {
		os.Remove(filepath.Join(inbox, name))
	}
	if err := os.WriteFile(filepath.Join(inbox, "2024-09_"+victim+".xlsx"), bytesOf(victim, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	wait("the good file after the hostile ones", func(s status) bool { return stateOf(s, victim) == "accepted" && len(s.Files) == len(isolationDepts) })
}
