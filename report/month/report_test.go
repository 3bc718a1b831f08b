package month_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/templates/corpus"
)

// TestReport makes the report again from the store, through the library:
// a month with accepted submissions gets both editions, one with only
// returned submissions is written but says none was accepted, and one the
// store has nothing of is refused without a file.
func TestReport(t *testing.T) {
	ctx := context.Background()
	p := corpus.Plan(3, 4)
	dir := t.TempDir()
	store := filepath.Join(dir, "store.db")
	depts := 0
	run := func(period shinchoku.Period, trouble corpus.Trouble) {
		t.Helper()
		in := filepath.Join(dir, "inbox", period.String())
		depts = len(inbox(t, p, period, in, func(int) corpus.Trouble { return trouble }))
		_, err := month.Run(ctx, month.Options{Plan: p, Period: period, Inbox: in, Store: store,
			Out: filepath.Join(dir, "run"), Office: office, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
	}
	good := shinchoku.Period{Year: 2026, Month: 3}
	returned := shinchoku.Period{Year: 2026, Month: 2}
	empty := shinchoku.Period{Year: 2026, Month: 1}
	run(good, corpus.None)
	run(returned, corpus.Broken)

	tests := []struct {
		name      string
		period    shinchoku.Period
		pdf       string
		wantPDF   string // "" when refused
		accepted  bool
		wantError string
		option    bool // the error is the caller's mistake (ingest.UsageError)
	}{
		{name: "default path", period: good, wantPDF: filepath.Join(dir, "out", "2026-03", "進捗状況報告書_2026-03.pdf"), accepted: true},
		{name: "-o", period: good, pdf: filepath.Join(dir, "x", "議会.pdf"), wantPDF: filepath.Join(dir, "x", "議会.pdf"), accepted: true},
		{name: "only returned", period: returned, pdf: filepath.Join(dir, "r.pdf"), wantPDF: filepath.Join(dir, "r.pdf")},
		{name: "nothing stored", period: empty, pdf: filepath.Join(dir, "e.pdf"), wantError: "報告書は作りませんでした"},
		{name: "html name", period: good, pdf: filepath.Join(dir, "h.html"), wantError: "-o には PDF のファイル名", option: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := month.Report(ctx, month.ReportOptions{Plan: p, Period: tc.period, Store: store,
				Rules: shinchoku.DefaultRules, Office: office, Out: filepath.Join(dir, "out"), PDF: tc.pdf})
			if tc.wantError != "" {
				var oe ingest.UsageError
				if err == nil || !strings.Contains(err.Error(), tc.wantError) || errors.As(err, &oe) != tc.option {
					t.Fatalf("err = %v, want %q (option error: %v)", err, tc.wantError, tc.option)
				}
				if tc.pdf != "" {
					if _, err := os.Stat(tc.pdf); err == nil {
						t.Errorf("%s written although refused", tc.pdf)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.PDF != tc.wantPDF || r.HTML != strings.TrimSuffix(tc.wantPDF, ".pdf")+".html" {
				t.Errorf("wrote %s and %s, want %s and its .html", r.PDF, r.HTML, tc.wantPDF)
			}
			if r.Submitted != depts || (r.Accepted == depts) != tc.accepted || (r.Accepted == 0) == tc.accepted {
				t.Errorf("submitted %d, accepted %d; want %d submitted, all accepted: %v", r.Submitted, r.Accepted, depts, tc.accepted)
			}
			pdfData, err := os.ReadFile(r.PDF)
			if err != nil || !bytes.HasPrefix(pdfData, []byte("%PDF-")) {
				t.Errorf("PDF %s: %v", r.PDF, err)
			}
			htmlData, err := os.ReadFile(r.HTML)
			if err != nil || !bytes.Contains(htmlData, []byte(`<html lang="ja">`)) {
				t.Errorf("HTML %s: %v", r.HTML, err)
			}
		})
	}
}
