package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku/ingest/store"
	"github.com/shinchoku/shinchoku/templates/sheet"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"shinchoku": func() {
			os.Exit(exitCode(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
		},
	})
}

// TestScripts runs the command-line scenarios in testdata/script: what a
// user types and what they see. Run with -update to rewrite expected output
// kept in the scripts.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		// Parsed plan files are cached in the user's cache folder: keep it
		// in the script's work folder.
		Setup: func(env *testscript.Env) error {
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"fill": fillCmd, "mkxls": mkxlsCmd, "lockfile": lockfileCmd, "cellof": cellofCmd,
			"holdstore": holdstoreCmd, "garble": garbleCmd, "waitfile": waitfileCmd, "halfwrite": halfwriteCmd, "cpq": cpqCmd},
		// [root]: permissions do not stop root, so a read-only file is not
		// read-only to it.
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// heldStores are the runs that holdstore keeps open, by store path.
var heldStores sync.Map

// holdstoreCmd starts a run on a store and keeps it, as a run in progress
// does (it holds the store's write lock), until "holdstore -release FILE":
//
//	holdstore [-release] FILE
func holdstoreCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: holdstore [-release] FILE")
	}
	if args[0] == "-release" {
		v, ok := heldStores.LoadAndDelete(ts.MkAbs(args[1]))
		if !ok {
			ts.Fatalf("holdstore: %s is not held", args[1])
		}
		h := v.(heldStore)
		h.run.Rollback()
		h.st.Close()
		return
	}
	path := ts.MkAbs(args[0])
	st, err := store.Open(context.Background(), path)
	ts.Check(err)
	r, err := st.Begin(context.Background())
	ts.Check(err)
	heldStores.Store(path, heldStore{st, r})
}

type heldStore struct {
	st  *store.Store
	run *store.Run
}

// garbleCmd overwrites a file from byte 100 to 8,192 with 0xFF, past an
// SQLite file's header: the record is damaged, as a disk or a copy can
// damage it: garble FILE
func garbleCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: garble FILE")
	}
	f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_WRONLY, 0)
	ts.Check(err)
	_, err = f.WriteAt(bytes.Repeat([]byte{0xFF}, 8192-100), 100)
	ts.Check(err)
	ts.Check(f.Close())
}

// fillCmd fills a generated template as a department would, for scripts:
//
//	fill FILE [KEY=VALUE...]
//
// Every indicator gets an actual (10, 20, …) and every project a progress
// text and an outlook; KEY=VALUE pairs then set a column of the first data
// row (e.g. actual=約100); a VALUE in double quotes is a Go string literal,
// for characters a script cannot hold (progress="\x1b[2J").
func fillCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: fill FILE [KEY=VALUE...]")
	}
	path := ts.MkAbs(args[0])
	f, err := excelize.OpenFile(path)
	ts.Check(err)
	meta, err := f.GetRows(sheet.MetaSheet)
	ts.Check(err)
	first := 0
	for i, r := range meta[1:] {
		if len(r) < sheet.RowMapColumn+1 {
			continue
		}
		n, err := strconv.Atoi(r[sheet.RowMapColumn-1])
		ts.Check(err)
		if first == 0 {
			first = n
		}
		if len(r) > sheet.RowMapColumn+1 && r[sheet.RowMapColumn+1] != "" {
			ts.Check(f.SetCellValue(sheet.InputSheet, sheet.Cell(sheet.Actual, n), (i+1)*10))
		}
		ts.Check(f.SetCellValue(sheet.InputSheet, sheet.Cell(sheet.Progress, n), "予定どおり実施した。"))
		ts.Check(f.SetCellValue(sheet.InputSheet, sheet.Cell(sheet.Outlook, n), "継続"))
	}
	for _, kv := range args[1:] {
		key, value, ok := strings.Cut(kv, "=")
		if !ok {
			ts.Fatalf("fill: %q is not KEY=VALUE", kv)
		}
		if strings.HasPrefix(value, `"`) { // a Go string: "\x1b[31m"
			var err error
			value, err = strconv.Unquote(value)
			ts.Check(err)
		}
		ts.Check(f.SetCellValue(sheet.InputSheet, sheet.Cell(key, first), value))
	}
	ts.Check(f.Save())
}

// mkxlsCmd writes a file that starts like an Excel 97-2003 workbook (an OLE
// compound file), which text in a script cannot hold: mkxls FILE
func mkxlsCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkxls FILE")
	}
	data := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// lockfileCmd makes the lock file Excel leaves beside a workbook it has open
// ("~$" and the workbook's name), which a script cannot spell: lockfile FILE
func lockfileCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: lockfile FILE")
	}
	path := ts.MkAbs(args[0])
	ts.Check(os.WriteFile(filepath.Join(filepath.Dir(path), "~$"+filepath.Base(path)), []byte("lock"), 0o644))
}

// cellofCmd prints a column of the first data row of a generated workbook:
// cellof FILE KEY
func cellofCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cellof FILE KEY")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	meta, err := f.GetRows(sheet.MetaSheet)
	ts.Check(err)
	n, err := strconv.Atoi(meta[1][sheet.RowMapColumn-1])
	ts.Check(err)
	v, err := f.GetCellValue(sheet.InputSheet, sheet.Cell(args[1], n))
	ts.Check(err)
	ts.Stdout().Write([]byte(v + "\n"))
}

// waitfileCmd waits until a file exists and, when a pattern is given, its
// content matches it; for commands running in the background (watch):
//
//	waitfile FILE [REGEXP]
//
// It fails after 30 seconds, the answer time the README states, with room
// for a busy machine.
func waitfileCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: waitfile FILE [REGEXP]")
	}
	var re *regexp.Regexp
	if len(args) == 2 {
		re = regexp.MustCompile(args[1])
	}
	path := ts.MkAbs(args[0])
	deadline := time.Now().Add(30 * time.Second)
	for {
		data, err := os.ReadFile(path)
		if err == nil && (re == nil || re.Match(data)) {
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("waitfile: %s did not appear (or match %v) within 30 s", args[0], re)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// halfwriteCmd copies a file in two steps, as a slow copy over the network
// does: the first half, a pause, then the rest. halfwrite SRC DST PAUSE
func halfwriteCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: halfwrite SRC DST PAUSE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	pause, err := time.ParseDuration(args[2])
	ts.Check(err)
	f, err := os.Create(ts.MkAbs(args[1]))
	ts.Check(err)
	_, err = f.Write(data[:len(data)/2])
	ts.Check(err)
	ts.Check(f.Sync())
	time.Sleep(pause)
	_, err = f.Write(data[len(data)/2:])
	ts.Check(err)
	ts.Check(f.Close())
}

// cpqCmd copies a file to a name written as a Go string literal, for names a
// script cannot hold (control characters): cpq SRC "DST"
func cpqCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cpq SRC \"DST\"")
	}
	dst, err := strconv.Unquote(args[1])
	ts.Check(err)
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(dst), data, 0o644))
}
