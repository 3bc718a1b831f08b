package terminal

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/report/month"
)

// findingsInput is one returned file whose cell holds what a department
// could type: a line break, a long text and an escape sequence.
func findingsInput() ([]ingest.Result, []ingest.Skipped) {
	value := "1行目\n2行目\x1b[31m" + strings.Repeat("あ", 50)
	return []ingest.Result{{
		File:       "2024-09_青少年課.xlsx",
		Submission: &shinchoku.Submission{Department: "青少年課", Period: shinchoku.Period{Year: 2024, Month: 9}},
		Findings: shinchoku.Findings{{Severity: shinchoku.SeverityError, Code: "value.not_number", File: "2024-09_青少年課.xlsx",
			Sheet: "入力", Cell: "H7", Value: value, Message: "数値ではありません"}},
	}}, []ingest.Skipped{{File: "~$a.xlsx", Reason: "Excel の一時ファイルです"}}
}

// TestFindingsTable: the table puts a finding on one line with its place,
// shortens and escapes the cell's text, and counts the files.
func TestFindingsTable(t *testing.T) {
	results, skipped := findingsInput()
	var b strings.Builder
	if err := Findings(&b, "table", results, skipped); err != nil {
		t.Fatal(err)
	}
	want := "2024-09_青少年課.xlsx（青少年課・令和6年9月末現在）: 差し戻し（エラー 1件、警告 0件）\n" +
		"  エラー  入力!H7  数値ではありません［入力値: 1行目 2行目\\x1b[31m" + strings.Repeat("あ", 28) + "…］  (value.not_number)\n" +
		"~$a.xlsx: 読み飛ばし（Excel の一時ファイルです）\n" +
		"\n1ファイル: 受理 0、差し戻し 1、置き換え済み 0、読み飛ばし 1\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestFindingsJSON: JSON gives each finding as summary.json does
// (month.FindingJSON), with the cell's text whole and unescaped.
func TestFindingsJSON(t *testing.T) {
	results, skipped := findingsInput()
	var b strings.Builder
	if err := Findings(&b, "json", results, skipped); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Files []struct {
			File, Status, Department, Period string
			Findings                         []month.FindingJSON
		}
		Skipped []struct{ File, Reason string }
	}
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatalf("%v in\n%s", err, b.String())
	}
	if len(got.Files) != 1 || len(got.Files[0].Findings) != 1 || len(got.Skipped) != 1 {
		t.Fatalf("got %+v", got)
	}
	if f, want := got.Files[0].Findings[0], month.NewFindingJSON(results[0].Findings[0]); f != want {
		t.Errorf("finding %+v, want %+v", f, want)
	}
	if fj := got.Files[0]; fj.Status != string(shinchoku.StateReturned) || fj.Department != "青少年課" || fj.Period != "2024-09" {
		t.Errorf("file %+v", fj)
	}
}

// TestFindingsCSV: CSV has a header and one row per finding, with the
// cell's text whole (a line break in it as CRLF, as encoding/csv writes it).
func TestFindingsCSV(t *testing.T) {
	results, skipped := findingsInput()
	var b strings.Builder
	if err := Findings(&b, "csv", results, skipped); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	if !strings.HasPrefix(got, "\ufeff重要度,コード,ファイル,シート,セル,入力値,内容\r\n") ||
		!strings.Contains(got, "エラー,value.not_number,2024-09_青少年課.xlsx,入力,H7,\""+strings.ReplaceAll(results[0].Findings[0].Value, "\n", "\r\n")+"\",数値ではありません\r\n") {
		t.Errorf("got %q", got)
	}
	if err := Findings(&b, "xml", results, skipped); err == nil {
		t.Error("an unknown format gives no error")
	}
}
