package month_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/templates/corpus"
	"github.com/shinchoku/shinchoku/templates/form"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// TestTemplates makes a month's templates through the library: every
// department's workbook in Out/<period>/様式, the last accepted actuals
// carried over from the store, and an unknown department refused before
// anything is written.
func TestTemplates(t *testing.T) {
	ctx := context.Background()
	p := corpus.Plan(3, 4)
	period := shinchoku.Period{Year: 2026, Month: 3}
	dir := t.TempDir()
	fo := form.Options{Plan: p, Period: period, Office: office}
	store := filepath.Join(dir, "store.db")

	// The first month: no store yet, nothing carried over.
	res, err := month.Templates(ctx, month.TemplateOptions{Form: fo, Store: store, Out: dir})
	if err != nil {
		t.Fatal(err)
	}
	depts := form.NewGenerator(fo).Departments()
	if want := filepath.Join(dir, "2026-03", "様式"); res.Dir != want {
		t.Errorf("Dir = %s, want %s", res.Dir, want)
	}
	var names []string
	for i, s := range res.Workbooks {
		if s.Department != depts[i] {
			t.Errorf("workbook %d is %s, want %s", i, s.Department, depts[i])
		}
		names = append(names, s.File)
	}
	entries, err := os.ReadDir(res.Dir)
	if err != nil {
		t.Fatal(err)
	}
	var written []string
	for _, e := range entries {
		written = append(written, e.Name())
	}
	slices.Sort(names)
	if !slices.Equal(written, names) {
		t.Errorf("folder holds %q, want %q (no temporary files)", written, names)
	}
	if _, err := os.Stat(store); err == nil {
		t.Error("making templates created the store")
	}
	if got := lastActual(t, res, 0); got != "" {
		t.Errorf("first month: 前回の実績値 %q, want none", got)
	}

	// After a run, the accepted actuals are carried into the templates.
	inbox(t, p, period, filepath.Join(dir, "inbox"), func(int) corpus.Trouble { return corpus.None })
	if _, err := month.Run(ctx, month.Options{Plan: p, Period: period, Office: office,
		Inbox: filepath.Join(dir, "inbox"), Store: store, Out: filepath.Join(dir, "out")}); err != nil {
		t.Fatal(err)
	}
	next := shinchoku.Period{Year: 2026, Month: 6}
	fo.Period = next
	res, err = month.Templates(ctx, month.TemplateOptions{Form: fo, Store: store, Departments: []string{depts[2], depts[0]},
		Dir: filepath.Join(dir, "配布用")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Workbooks) != 2 || res.Workbooks[0].Department != depts[2] || res.Workbooks[1].Department != depts[0] {
		t.Fatalf("--dept %s %s made %+v", depts[2], depts[0], res.Workbooks)
	}
	if res.Dir != filepath.Join(dir, "配布用") {
		t.Errorf("Dir = %s", res.Dir)
	}
	if got := lastActual(t, res, 0); got == "" {
		t.Error("after a run: 前回の実績値 is empty")
	}

	_, err = month.Templates(ctx, month.TemplateOptions{Form: fo, Store: store, Departments: []string{"存在しない課"},
		Dir: filepath.Join(dir, "unknown")})
	var oe ingest.UsageError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "担当課「存在しない課」は計画にありません（計画の担当課: "+strings.Join(depts, "、")+"）") {
		t.Errorf("unknown department: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "unknown")); err == nil {
		t.Error("an unknown department still made the folder")
	}
}

// lastActual reads the 前回の実績値 of the first indicator row of the i-th
// workbook res wrote.
func lastActual(t *testing.T, res *month.TemplateResult, i int) string {
	t.Helper()
	s := res.Workbooks[i]
	f, err := excelize.OpenFile(filepath.Join(res.Dir, s.File))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue(sheet.InputSheet, sheet.Cell(sheet.LastActual, s.Rows[0]))
	if err != nil {
		t.Fatal(err)
	}
	return v
}
