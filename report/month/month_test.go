package month_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/store"
	"github.com/shinchoku/shinchoku/report/html"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/report/pdf"
	"github.com/shinchoku/shinchoku/templates/corpus"
	"github.com/shinchoku/shinchoku/templates/form"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

const office = "政策推進課"

// inbox fills every department's template of p as trouble says and saves
// it in dir, as departments would send them.
func inbox(t *testing.T, p *shinchoku.Plan, period shinchoku.Period, dir string, trouble func(i int) corpus.Trouble) []string {
	t.Helper()
	gen := form.NewGenerator(form.Options{Plan: p, Period: period, Office: office})
	depts := gen.Departments()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, d := range depts {
		tr := trouble(i)
		if tr == corpus.Missing {
			continue
		}
		f, sum, err := gen.Workbook(d)
		if err != nil {
			t.Fatal(err)
		}
		if err := corpus.Fill(f, period, gen.Rows(d), sum.Rows, corpus.SyntheticActual(p), tr); err != nil {
			t.Fatal(err)
		}
		buf, err := f.WriteToBuffer()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		if tr == corpus.Broken {
			data = data[:len(data)/2]
		}
		if err := os.WriteFile(filepath.Join(dir, sum.File), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return depts
}

// TestRunMonth runs a whole month through the library, as the command line
// and a watcher do: no flags, no configuration.
func TestRunMonth(t *testing.T) {
	p := corpus.Plan(5, 4)
	period := shinchoku.Period{Year: 2026, Month: 3}
	dir := t.TempDir()
	troubles := map[int]corpus.Trouble{1: corpus.FullWidth, 2: corpus.LockedChange, 3: corpus.Broken, 4: corpus.Missing}
	depts := inbox(t, p, period, filepath.Join(dir, "inbox"), func(i int) corpus.Trouble { return troubles[i] })
	want := map[string]shinchoku.State{}
	for i, d := range depts {
		switch troubles[i] {
		case corpus.LockedChange, corpus.Broken:
			want[d] = shinchoku.StateReturned
		case corpus.Missing:
			want[d] = shinchoku.StateNotSubmitted
		default:
			want[d] = shinchoku.StateAccepted
		}
	}
	const title = "令和6年度 第2期総合戦略 進捗報告（試験）"
	var mu sync.Mutex
	calls, last, total := 0, -1, -1
	o := month.Options{Plan: p, Period: period, Inbox: filepath.Join(dir, "inbox"), Store: filepath.Join(dir, "store.db"),
		Out: filepath.Join(dir, "out"), Office: office, Workers: 2, Title: title,
		Progress: func(done, n int) {
			mu.Lock()
			defer mu.Unlock()
			calls++
			last, total = max(last, done), n
		}}
	res, err := month.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	files := len(depts) - 1 // one department sent nothing
	if calls != files+1 || last != files || total != files {
		t.Errorf("progress: %d calls, last %d of %d; want %d calls, %d of %d", calls, last, total, files+1, files, files)
	}
	if res.Accepted != len(depts)-3 || res.Returned != 2 || res.Changed != files {
		t.Errorf("accepted %d, returned %d, changed %d", res.Accepted, res.Returned, res.Changed)
	}
	for _, ds := range res.Progress.Departments {
		if ds.State != want[ds.Department] {
			t.Errorf("%s: %s, want %s", ds.Department, ds.State, want[ds.Department])
		}
	}
	outDir := filepath.Join(dir, "out", period.String())
	var returns int
	for _, out := range res.Outputs {
		if _, err := os.Stat(out); err != nil {
			t.Errorf("output %s: %v", out, err)
		}
		if strings.Contains(out, "差し戻し") {
			returns++
		}
	}
	if returns != 1 { // the broken file cannot be opened: its finding is its return
		t.Errorf("%d 差し戻し workbooks in %v, want 1", returns, res.Outputs)
	}
	// Options.Title is the title of both editions: the HTML one shows it
	// as text, the PDF one in its document information.
	for _, name := range []string{html.FileName(period), pdf.FileName(period)} {
		data, err := os.ReadFile(filepath.Join(outDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(title)) && !bytes.Contains(data, pdfText(title)) {
			t.Errorf("%s does not carry the title %q", name, title)
		}
	}
	summary, err := os.ReadFile(filepath.Join(outDir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Accepted    int
		Returned    int
		Departments []struct {
			Department string
			State      shinchoku.State
			Label      string `json:"state_label"`
		}
	}
	if err := json.Unmarshal(summary, &s); err != nil {
		t.Fatal(err)
	}
	if s.Accepted != res.Accepted || s.Returned != res.Returned || len(s.Departments) != len(depts) {
		t.Errorf("summary.json: %+v", s)
	}
	for _, d := range s.Departments {
		if d.State != want[d.Department] || d.Label != want[d.Department].Label() {
			t.Errorf("summary.json: %s is %s (%s), want %s (%s)", d.Department, d.State, d.Label, want[d.Department], want[d.Department].Label())
		}
	}

	// Every accepted file is archived from the bytes that were validated
	// (Result.Data: the file is read once).
	for _, r := range res.Files {
		if r.State() != shinchoku.StateAccepted {
			continue
		}
		archived, err := os.ReadFile(filepath.Join(dir, "archive", r.SHA256+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(archived); hex.EncodeToString(sum[:]) != r.SHA256 || !bytes.Equal(archived, r.Data) {
			t.Errorf("%s: the archive holds other bytes than were validated", r.File)
		}
	}

	// The same inbox again changes nothing and writes the same bytes.
	before := map[string][]byte{}
	for _, out := range res.Outputs {
		before[out], _ = os.ReadFile(out)
	}
	o.Progress = nil
	again, err := month.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed != 0 {
		t.Errorf("second run changed %d receipts", again.Changed)
	}
	for _, out := range again.Outputs {
		if data, _ := os.ReadFile(out); !bytes.Equal(data, before[out]) {
			t.Errorf("%s differs on the second run", out)
		}
	}

	// The record alone gives the same evaluation.
	pr, err := month.Stored(context.Background(), o.Store, p, period, shinchoku.DefaultRules, office)
	if err != nil {
		t.Fatal(err)
	}
	for i, ds := range pr.Departments {
		if !reflect.DeepEqual(ds, res.Progress.Departments[i]) {
			t.Errorf("stored %+v, run %+v", ds, res.Progress.Departments[i])
		}
	}
}

func TestRunOptionErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := month.Run(context.Background(), month.Options{Plan: corpus.Plan(2, 2), Period: shinchoku.Period{Year: 2026, Month: 3},
		Inbox: filepath.Join(dir, "nothing"), Store: filepath.Join(dir, "store.db"), Out: dir})
	var oe ingest.UsageError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "nothing") {
		t.Errorf("missing inbox: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "store.db")); err == nil {
		t.Error("a run that could not start made a store")
	}
}

// TestRunLocked: a run refused because another holds the store is
// store.ErrLocked (callers test for it with errors.Is) and says so in
// Japanese, naming the store.
func TestRunLocked(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "store.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	held, err := st.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Rollback()
	os.Mkdir(filepath.Join(dir, "inbox"), 0o755)
	_, err = month.Run(ctx, month.Options{Plan: corpus.Plan(2, 2), Period: shinchoku.Period{Year: 2026, Month: 3},
		Inbox: filepath.Join(dir, "inbox"), Store: path, Out: filepath.Join(dir, "out")})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("err = %v, want store.ErrLocked", err)
	}
	want := "記録 " + path + " は別の shinchoku run が使用中です。終わるのを待ってから実行してください"
	if err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
}

// TestNoCommandLine: running a month needs neither the command-line nor the
// configuration library.
func TestNoCommandLine(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/xuri/excelize/v2") {
		t.Fatalf("go list gave no excelize: %v", deps)
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "github.com/spf13/cobra") || strings.HasPrefix(d, "github.com/spf13/viper") {
			t.Errorf("the month depends on %s", d)
		}
	}
}

// TestNameNeverOutranksIdentity: a file that cannot be read as a template
// is returned to the department its file name names, but anyone can write
// a file name. When that department's own workbook was read and accepted,
// the unreadable file must not turn its state into 差し戻し, whichever of
// the two is listed last.
func TestNameNeverOutranksIdentity(t *testing.T) {
	p := corpus.Plan(3, 2)
	period := shinchoku.Period{Year: 2026, Month: 3}
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	depts := inbox(t, p, period, in, func(int) corpus.Trouble { return corpus.None })
	files, err := filepath.Glob(filepath.Join(in, "*.xlsx"))
	if err != nil || len(files) == 0 {
		t.Fatalf("inbox: %v %v", files, err)
	}
	victim := sheet.DepartmentOfFile(files[0], depts)
	if victim == "" {
		t.Fatalf("no department named by %s", files[0])
	}
	// Before and after the real file in name order.
	for _, name := range []string{"0_" + filepath.Base(files[0]), "zz_" + filepath.Base(files[0])} {
		if err := os.WriteFile(filepath.Join(in, name), []byte("not a workbook: "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := month.Run(context.Background(), month.Options{Plan: p, Period: period, Inbox: in,
		Store: filepath.Join(dir, "store.db"), Out: filepath.Join(dir, "out"), Office: office, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range res.Progress.Departments {
		if ds.State != shinchoku.StateAccepted {
			t.Errorf("%s: %s, want %s", ds.Department, ds.State, shinchoku.StateAccepted)
		}
	}
	if res.Returned != 2 {
		t.Errorf("returned %d files, want the 2 unreadable ones", res.Returned)
	}
}

// TestCurrentOfUnreadable: a department that sent only files that cannot be
// read is returned, and the file its state is recorded for is the newer,
// as the watch shows it (ingest.Current), not the last by name.
func TestCurrentOfUnreadable(t *testing.T) {
	p := corpus.Plan(3, 2)
	period := shinchoku.Period{Year: 2026, Month: 3}
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	depts := inbox(t, p, period, in, func(int) corpus.Trouble { return corpus.None })
	files, err := filepath.Glob(filepath.Join(in, "*.xlsx"))
	if err != nil || len(files) == 0 {
		t.Fatalf("inbox: %v %v", files, err)
	}
	victim := sheet.DepartmentOfFile(files[0], depts)
	if err := os.Remove(files[0]); err != nil {
		t.Fatal(err)
	}
	newer, older := "0_"+filepath.Base(files[0]), "zz_"+filepath.Base(files[0])
	hour := time.Now().Add(-time.Hour)
	for _, name := range []string{older, newer} {
		path := filepath.Join(in, name)
		if err := os.WriteFile(path, []byte("not a workbook: "+name), 0o644); err != nil {
			t.Fatal(err)
		}
		if name == older {
			os.Chtimes(path, hour, hour)
		}
	}
	res, err := month.Run(context.Background(), month.Options{Plan: p, Period: period, Inbox: in,
		Store: filepath.Join(dir, "store.db"), Out: filepath.Join(dir, "out"), Office: office, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range res.Progress.Departments {
		if ds.Department == victim && (ds.State != shinchoku.StateReturned || ds.File != newer) {
			t.Errorf("%s: %s %s, want %s %s", ds.Department, ds.State, ds.File, shinchoku.StateReturned, newer)
		}
	}
}

// pdfText is s as the PDF writes a text string of its document
// information: UTF-16BE with a byte order mark, in hexadecimal.
func pdfText(s string) []byte {
	b := []byte("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b = fmt.Appendf(b, "%04X", u)
	}
	return append(b, '>')
}
