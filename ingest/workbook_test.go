package ingest_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/templates/form"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// testPlan has a goal-level target and two projects, one with a count, a
// share and a cumulative indicator.
const testPlan = `format: 1
id: test
title: テスト市総合戦略
organization: テスト市
period: {start: 2020, end: 2024}
levels: [基本目標, 事業]
nodes:
  - id: g1
    level: 基本目標
    code: "1"
    title: しごとをつくる
    indicators:
      - {id: g1.k1, name: 新規雇用創出数, unit: 人, cumulative: true, direction: 増加, baseline: {year: 2018, value: 46}, target: {year: 2024, value: 230}}
    children:
      - id: p1
        level: 事業
        code: "1"
        title: 合同就職説明会事業
        departments: [工業・雇用振興課]
        indicators:
          - {id: p1.k1, name: 内定者数, unit: 人, cumulative: false, direction: 増加, baseline: {year: 2018, value: 9}, target: {year: 2024, value: 40}}
          - {id: p1.k2, name: 就職割合, unit: ％, cumulative: false, direction: 増加, baseline: {year: 2018, value: 45.5}, target: {year: 2024, value: 50}}
          - {id: p1.k3, name: 登録者数, unit: 人, cumulative: true, direction: 増加, baseline: {year: 2018, value: null}, target: {year: 2024, value: 50}}
      - id: p2
        level: 事業
        code: "2"
        title: 介護人材確保支援事業
        departments: [介護福祉課, 工業・雇用振興課]
`

const dept = "工業・雇用振興課"

var period = shinchoku.Period{Year: 2024, Month: 9}

func plan(t testing.TB) *shinchoku.Plan {
	t.Helper()
	p, err := planfile.Parse("test.yaml", []byte(testPlan))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// filled is a correctly filled workbook of the department, and the Excel
// row of each data row (p1.k1, p1.k2, p1.k3, p2).
func filled(t testing.TB, p *shinchoku.Plan) (*excelize.File, []int) {
	t.Helper()
	f, _, err := form.Workbook(form.Options{Plan: p, Period: period, Office: "政策推進課"}, dept)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := f.GetRows(sheet.MetaSheet)
	if err != nil {
		t.Fatal(err)
	}
	var rows []int
	for _, r := range meta[1:] {
		if len(r) >= sheet.RowMapColumn {
			n, _ := strconv.Atoi(r[sheet.RowMapColumn-1])
			rows = append(rows, n)
		}
	}
	set := func(key string, row int, v any) {
		if err := f.SetCellValue(sheet.InputSheet, sheet.Cell(key, row), v); err != nil {
			t.Fatal(err)
		}
	}
	set(sheet.Actual, rows[0], 12)
	set(sheet.Actual, rows[1], 47.5)
	set(sheet.Actual, rows[2], 30)
	for _, n := range []int{rows[0], rows[3]} {
		set(sheet.Progress, n, "説明会を開催した。")
		set(sheet.Outlook, n, "継続")
	}
	return f, rows
}

func bytesOf(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCorrectSubmission(t *testing.T) {
	p := plan(t)
	f, _ := filled(t, p)
	res := ingest.NewReader(p, ingest.Options{Office: "政策推進課", Period: &period}).Read("ok.xlsx", bytesOf(t, f))
	if len(res.Findings) > 0 || res.State() != shinchoku.StateAccepted {
		t.Fatalf("findings: %v", res.Findings)
	}
	got := res.Submission
	if got.Department != dept || got.Period != period || len(got.Indicators) != 3 || len(got.Nodes) != 2 {
		t.Fatalf("submission = %+v", got)
	}
	if got.Indicators[1].Actual != shinchoku.Num(47.5) || got.Indicators[1].Status != shinchoku.StatusFinal {
		t.Errorf("p1.k2 = %+v", got.Indicators[1])
	}
	if got.Nodes[1].NodeID != "p2" || got.Nodes[1].Outlook != "継続" {
		t.Errorf("p2 = %+v", got.Nodes[1])
	}
}

// TestTrouble changes a correctly filled workbook the way real submissions
// go wrong, and checks the exact finding: code, cell and severity. The
// actual values are read correctly where they can be.
func TestTrouble(t *testing.T) {
	type change func(t *testing.T, f *excelize.File, rows []int)
	set := func(key string, i int, v any) change {
		return func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.SetCellValue(sheet.InputSheet, sheet.Cell(key, rows[i]), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	cell := func(key string, i int) func([]int) string {
		return func(rows []int) string { return sheet.Cell(key, rows[i]) }
	}
	for _, tc := range []struct {
		name     string
		change   change
		opts     ingest.Options
		code     string
		sev      shinchoku.Severity
		cell     func([]int) string // "" when the finding names no cell
		actual   *shinchoku.Value   // the actual as read, when the submission is read
		actualOf int                // of which indicator row (default p1.k1)
	}{
		{name: "full-width digits", change: set(sheet.Actual, 0, "１２３"), actual: ptr(shinchoku.Num(123))},
		{name: "unit typed in", change: set(sheet.Actual, 0, "1,234人"), actual: ptr(shinchoku.Num(1234))},
		{name: "share typed with %", change: set(sheet.Actual, 1, "45.9%")},
		{name: "share typed as 12.5% (stored 0.125, shown as %)", change: func(t *testing.T, f *excelize.File, rows []int) {
			cell := sheet.Cell(sheet.Actual, rows[1])
			if err := f.SetCellValue(sheet.InputSheet, cell, 0.479); err != nil {
				t.Fatal(err)
			}
			pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle(sheet.InputSheet, cell, cell, pct); err != nil {
				t.Fatal(err)
			}
		}, actualOf: 1, actual: ptr(shinchoku.Num(47.9))},
		{name: "text in number cell", change: set(sheet.Actual, 0, "約100"), code: "value.not_number", sev: "error", cell: cell(sheet.Actual, 0)},
		{name: "negative count", change: set(sheet.Actual, 0, "△5"), code: "value.negative", sev: "error", cell: cell(sheet.Actual, 0), actual: ptr(shinchoku.Num(-5))},
		{name: "share above 100", change: set(sheet.Actual, 1, 120), code: "value.share_range", sev: "warning", cell: cell(sheet.Actual, 1)},
		{name: "missing actual", change: set(sheet.Actual, 0, ""), code: "value.missing_actual", sev: "error", cell: cell(sheet.Actual, 0)},
		{name: "dash is no value", change: set(sheet.Actual, 0, "－"), code: "value.missing_actual", sev: "error", cell: cell(sheet.Actual, 0)},
		{name: "pending without publication time", change: func(t *testing.T, f *excelize.File, rows []int) {
			set(sheet.Actual, 0, "")(t, f, rows)
			set(sheet.Status, 0, "調査中")(t, f, rows)
		}, code: "value.missing_publish", sev: "error", cell: cell(sheet.PublishDate, 0)},
		{name: "pending with publication time", change: func(t *testing.T, f *excelize.File, rows []int) {
			set(sheet.Actual, 0, "")(t, f, rows)
			set(sheet.Status, 0, "調査中")(t, f, rows)
			set(sheet.PublishDate, 0, "令和6年12月")(t, f, rows)
		}},
		{name: "value not in list", change: set(sheet.Outlook, 0, "継続する"), code: "value.not_in_list", sev: "error", cell: cell(sheet.Outlook, 0)},
		{name: "required narrative", change: set(sheet.Progress, 3, ""), opts: ingest.Options{Required: []string{sheet.Progress}},
			code: "value.required", sev: "error", cell: cell(sheet.Progress, 3)},
		{name: "too long", change: set(sheet.Remarks, 0, strings.Repeat("あ", 501)), code: "value.too_long", sev: "error", cell: cell(sheet.Remarks, 0)},
		{name: "formula without cached value", change: func(t *testing.T, f *excelize.File, rows []int) {
			set(sheet.Actual, 0, nil)(t, f, rows)
			if err := f.SetCellFormula(sheet.InputSheet, sheet.Cell(sheet.Actual, rows[0]), "10+2"); err != nil {
				t.Fatal(err)
			}
		}, code: "value.formula", sev: "error", cell: cell(sheet.Actual, 0)},
		{name: "formula with cached value", change: func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.SetCellFormula(sheet.InputSheet, sheet.Cell(sheet.Actual, rows[0]), "10+2"); err != nil {
				t.Fatal(err)
			}
		}, actual: ptr(shinchoku.Num(12))},
		{name: "changed locked cell", change: set(sheet.IndicatorName, 0, "内定した人の数"), code: "template.locked", sev: "error", cell: cell(sheet.IndicatorName, 0), actual: ptr(shinchoku.Num(12))},
		{name: "changed target", change: set(sheet.Target, 1, 60), code: "template.locked", sev: "error", cell: cell(sheet.Target, 1)},
		{name: "row inserted", change: func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.InsertRows(sheet.InputSheet, rows[0], 1); err != nil {
				t.Fatal(err)
			}
		}, code: "template.row_moved", sev: "warning", cell: func(rows []int) string { return "A" + strconv.Itoa(rows[0]+1) }, actual: ptr(shinchoku.Num(12))},
		{name: "row deleted", change: func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.RemoveRow(sheet.InputSheet, rows[1]); err != nil {
				t.Fatal(err)
			}
		}, code: "template.row_missing", sev: "error", actual: ptr(shinchoku.Num(12))},
		{name: "row copied", change: func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.DuplicateRowTo(sheet.InputSheet, rows[0], rows[3]+3); err != nil {
				t.Fatal(err)
			}
		}, code: "template.row_copied", sev: "error", cell: func(rows []int) string { return "A" + strconv.Itoa(rows[3]+3) }},
		{name: "stray input", change: func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.SetCellValue(sheet.InputSheet, sheet.Cell(sheet.Actual, rows[3]+5), 99); err != nil {
				t.Fatal(err)
			}
		}, code: "template.stray_input", sev: "warning", cell: func(rows []int) string { return sheet.Cell(sheet.Actual, rows[3]+5) }},
		{name: "renamed sheet", change: func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.SetSheetName(sheet.InputSheet, "入力（修正）"); err != nil {
				t.Fatal(err)
			}
		}, code: "template.no_sheet", sev: "error"},
		{name: "not a template", change: func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.DeleteSheet(sheet.MetaSheet); err != nil {
				t.Fatal(err)
			}
		}, code: "template.not_template", sev: "error"},
		{name: "unknown department", change: func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.SetCellValue(sheet.MetaSheet, "B5", "総務課"); err != nil {
				t.Fatal(err)
			}
		}, code: "template.identity", sev: "error"},
		{name: "other period", change: func(t *testing.T, f *excelize.File, rows []int) {}, opts: ingest.Options{Period: &shinchoku.Period{Year: 2024, Month: 10}},
			code: "template.period", sev: "error"},
		{name: "cumulative goes down", change: func(t *testing.T, f *excelize.File, rows []int) {},
			opts: ingest.Options{Last: map[string]shinchoku.RecordedActual{"p1.k3": {Value: shinchoku.Num(40), Period: shinchoku.Period{Year: 2024, Month: 6}}}},
			code: "value.cumulative_down", sev: "error", cell: cell(sheet.Actual, 2)},
		{name: "jump against last value", change: func(t *testing.T, f *excelize.File, rows []int) {},
			opts: ingest.Options{Last: map[string]shinchoku.RecordedActual{"p1.k1": {Value: shinchoku.Num(1.2), Period: shinchoku.Period{Year: 2024, Month: 6}}}},
			code: "value.jump", sev: "warning", cell: cell(sheet.Actual, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := plan(t)
			f, rows := filled(t, p)
			tc.change(t, f, rows)
			opts := tc.opts
			opts.Office = "政策推進課"
			res := ingest.NewReader(p, opts).Read("trouble.xlsx", bytesOf(t, f))
			if tc.code == "" {
				if len(res.Findings) > 0 {
					t.Fatalf("unexpected findings: %v", res.Findings)
				}
			} else {
				found := false
				want := ""
				if tc.cell != nil {
					want = tc.cell(rows)
				}
				for _, fd := range res.Findings {
					if fd.Code == tc.code && fd.Cell == want && fd.Severity == tc.sev && fd.File == "trouble.xlsx" && fd.Message != "" {
						found = true
					}
				}
				if !found {
					t.Fatalf("want %s %s at %q; got\n%v", tc.sev, tc.code, want, dump(res.Findings))
				}
			}
			if tc.actual != nil {
				if res.Submission == nil || res.Submission.Indicators[tc.actualOf].Actual != *tc.actual {
					t.Errorf("actual read as %+v, want %v", res.Submission, *tc.actual)
				}
			}
		})
	}
}

func dump(fs shinchoku.Findings) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s %s %s!%s %q %s\n", f.Severity, f.Code, f.Sheet, f.Cell, f.Value, f.Message)
	}
	return b.String()
}

func ptr[T any](v T) *T { return &v }

// TestChangedLockedCellNamesOriginal: the message gives the value the
// template had, so the department can put it back.
func TestChangedLockedCellNamesOriginal(t *testing.T) {
	p := plan(t)
	f, rows := filled(t, p)
	f.SetCellValue(sheet.InputSheet, sheet.Cell(sheet.IndicatorName, rows[0]), "内定した人の数")
	res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("x.xlsx", bytesOf(t, f))
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "「内定者数」") || res.Findings[0].Value != "内定した人の数" {
		t.Fatalf("findings: %v", dump(res.Findings))
	}
	if res.Findings[0].Want != "内定者数" {
		t.Errorf("Want = %q, want the original 内定者数 for the 差し戻し copy to restore", res.Findings[0].Want)
	}
}

// TestFindingValues: what a finding shows beside its message is what was
// typed (a dash too), and the message does not repeat it.
func TestFindingValues(t *testing.T) {
	for _, tc := range []struct {
		name, key string
		row       int
		typed     any
		code      string
		value     string
	}{
		{"dash", sheet.Actual, 0, "-", "value.missing_actual", "-"},
		{"full-width dash", sheet.Actual, 0, "－", "value.missing_actual", "－"},
		{"negative", sheet.Actual, 0, "△5", "value.negative", "△5"},
		{"share", sheet.Actual, 1, 120, "value.share_range", "120"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := plan(t)
			f, rows := filled(t, p)
			f.SetCellValue(sheet.InputSheet, sheet.Cell(tc.key, rows[tc.row]), tc.typed)
			res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("x.xlsx", bytesOf(t, f))
			for _, fd := range res.Findings {
				if fd.Code != tc.code {
					continue
				}
				if fd.Value != tc.value {
					t.Errorf("value %q, want %q as typed", fd.Value, tc.value)
				}
				if strings.Contains(fd.Message, tc.value) {
					t.Errorf("message repeats the value %q: %s", tc.value, fd.Message)
				}
				return
			}
			t.Fatalf("no %s in\n%s", tc.code, dump(res.Findings))
		})
	}
}

// TestListFolds: a list entry typed full-width or with spaces is the entry
// it folds to; anything else is refused with the list in the message.
func TestListFolds(t *testing.T) {
	for _, tc := range []struct {
		typed, want string
		ok          bool
	}{
		{"Ｂ", "B", true},
		{" A ", "A", true},
		{"ｂ", "", false},
		{"良い", "", false},
	} {
		p := plan(t)
		f, rows := filled(t, p)
		f.SetCellValue(sheet.InputSheet, sheet.Cell(sheet.SelfEval, rows[0]), tc.typed)
		res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("x.xlsx", bytesOf(t, f))
		if !tc.ok {
			if len(res.Findings) != 1 || res.Findings[0].Code != "value.not_in_list" || !strings.Contains(res.Findings[0].Message, "A、B、C、D") {
				t.Errorf("%q: %s", tc.typed, dump(res.Findings))
			}
			continue
		}
		if len(res.Findings) != 0 || res.Submission.Nodes[0].SelfEvaluation != tc.want {
			t.Errorf("%q read as %+v with %s, want %q", tc.typed, res.Submission.Nodes[0], dump(res.Findings), tc.want)
		}
	}
}

func TestPlanChanged(t *testing.T) {
	p := plan(t)
	f, _ := filled(t, p)
	data := bytesOf(t, f)
	p.Nodes[0].Children[0].Indicators[0].Target.Value = shinchoku.Num(45)
	res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("old.xlsx", data)
	if len(res.Findings) != 1 || res.Findings[0].Code != "template.plan_changed" || res.Submission != nil {
		t.Fatalf("findings: %v", dump(res.Findings))
	}
}

// zipOf builds a zip archive with the given entries.
func zipOf(t *testing.T, entries map[string][]byte, order ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		// Like real OpenDocument files, the mimetype is stored uncompressed.
		method := zip.Deflate
		if name == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(entries[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBadFiles(t *testing.T) {
	p := plan(t)
	f, _ := filled(t, p)
	good := bytesOf(t, f)
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	encrypted := append(append([]byte{}, ole...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)
	ods := zipOf(t, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": []byte("<x/>")}, "mimetype", "content.xml")
	// A zip bomb: a small file that unzips to far more than any template.
	bomb := zipOf(t, map[string][]byte{
		"[Content_Types].xml":      []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
		"xl/worksheets/sheet1.xml": bytes.Repeat([]byte("<row/>"), 40<<20/6),
	}, "[Content_Types].xml", "xl/worksheets/sheet1.xml")
	plainZip := zipOf(t, map[string][]byte{"readme.txt": []byte("hello")}, "readme.txt")
	docx := zipOf(t, map[string][]byte{"[Content_Types].xml": []byte("<Types/>"), "word/document.xml": []byte("<w:document/>")},
		"[Content_Types].xml", "word/document.xml")
	for _, tc := range []struct {
		name string
		data []byte
		lim  ingest.Limits
		code string
	}{
		{"empty", nil, ingest.Limits{}, "file.empty"},
		{"xls", ole, ingest.Limits{}, "file.xls"},
		{"encrypted", encrypted, ingest.Limits{}, "file.encrypted"},
		{"ods", ods, ingest.Limits{}, "file.ods"},
		{"truncated", good[:len(good)/2], ingest.Limits{}, "file.corrupt"},
		{"pdf", []byte("%PDF-1.7\n..."), ingest.Limits{}, "file.not_workbook"},
		{"text", []byte("実績値,12\n"), ingest.Limits{}, "file.not_workbook"},
		{"too large", good, ingest.Limits{FileSize: 1000, UnzipSize: 1 << 20, XMLSize: 1 << 20}, "file.too_large"},
		{"zip bomb", bomb, ingest.Limits{FileSize: 20 << 20, UnzipSize: 10 << 20, XMLSize: 5 << 20}, "file.too_large"},
		{"zip that is not a workbook", plainZip, ingest.Limits{}, "file.not_workbook"},
		{"word document", docx, ingest.Limits{}, "file.not_workbook"},
		{"truncated to a zip header", good[:30], ingest.Limits{}, "file.corrupt"},
		{"wrong checksum", damaged(good, "xl/workbook.xml", 14), ingest.Limits{}, "file.corrupt"},
		{"broken compression", damaged(good, "xl/workbook.xml", 30), ingest.Limits{}, "file.corrupt"},
		{"missing part", zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<workbook/>")}, "xl/workbook.xml"), ingest.Limits{}, "file.corrupt"},
		{"broken xml", zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<workbook><sheets"), "xl/_rels/workbook.xml.rels": []byte("<Relationships/>")},
			"xl/workbook.xml", "xl/_rels/workbook.xml.rels"), ingest.Limits{}, "file.corrupt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := ingest.NewReader(p, ingest.Options{Office: "政策推進課", Limits: tc.lim}).Read(tc.name, tc.data)
			if len(res.Findings) != 1 || res.Findings[0].Code != tc.code || res.Submission != nil {
				t.Fatalf("want %s, got\n%v", tc.code, dump(res.Findings))
			}
			checkJapanese(t, res.Findings[0].Message)
		})
	}
}

// damaged returns a copy of a zip with one byte changed at offset off of a
// part's stored data (its local header is 30 bytes plus the name).
func damaged(data []byte, part string, off int) []byte {
	out := bytes.Clone(data)
	i := bytes.Index(out, append([]byte("PK\x03\x04"), []byte{}...))
	for i >= 0 {
		nameLen := int(out[i+26]) | int(out[i+27])<<8
		extraLen := int(out[i+28]) | int(out[i+29])<<8
		if string(out[i+30:i+30+nameLen]) == part {
			start := i + 30 + nameLen + extraLen
			out[start+off] ^= 0xFF
			return out
		}
		next := bytes.Index(out[i+4:], []byte("PK\x03\x04"))
		if next < 0 {
			break
		}
		i += 4 + next
	}
	panic("no part " + part)
}

// asciiWord is a run of Latin letters in a message.
var asciiWord = regexp.MustCompile(`[A-Za-z]+`)

// checkJapanese fails when a file-level message carries Latin words other
// than the product and format names the messages use on purpose: an
// English cause from Go, zip or XML (zip: not a valid zip file) would reach
// a department's 差し戻し list and the office's summary as it is.
func checkJapanese(t *testing.T, msg string) {
	t.Helper()
	allowed := map[string]bool{"ZIP": true, "Excel": true, "xlsx": true, "xls": true, "ods": true, "OpenDocument": true,
		"Word": true, "PowerPoint": true, "UTF": true, "PDF": true,
		"Shift": true, "JIS": true, "EUC": true, "ISO": true}
	for _, w := range asciiWord.FindAllString(msg, -1) {
		if !allowed[w] {
			t.Errorf("message has %q: %s", w, msg)
		}
	}
}

// FuzzRead opens arbitrary bytes as a submission: never a panic, and a
// result that either has a submission or says why not.
func FuzzRead(f *testing.F) {
	p := plan(f)
	wb, _ := filled(f, p)
	good := bytesOf(f, wb)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte("PK\x03\x04garbage"))
	rd := ingest.NewReader(p, ingest.Options{Office: "政策推進課", Limits: ingest.Limits{FileSize: 1 << 20, UnzipSize: 4 << 20, XMLSize: 2 << 20}})
	f.Fuzz(func(t *testing.T, data []byte) {
		res := rd.Read("fuzz.xlsx", data)
		if res.Submission == nil && len(res.Findings) == 0 {
			t.Fatal("no submission and no finding")
		}
	})
}

// TestSupersede: of two submissions of one department and period, the one
// saved later is used and the other is marked, with a warning naming it.
func TestSupersede(t *testing.T) {
	sub := func() *shinchoku.Submission { return &shinchoku.Submission{Department: dept, Period: period} }
	results := []ingest.Result{
		{File: "a/2024-09_工業・雇用振興課.xlsx", Submission: sub(), SavedAt: "2024-10-05T09:00:00Z"},
		{File: "a/2024-09_工業・雇用振興課（修正）.xlsx", Submission: sub(), SavedAt: "2024-10-07T09:00:00Z"},
		{File: "a/other.xlsx", Submission: &shinchoku.Submission{Department: "介護福祉課", Period: period}},
	}
	ingest.Supersede(results)
	if !results[0].Superseded || results[1].Superseded || results[2].Superseded {
		t.Fatalf("superseded = %v %v %v", results[0].Superseded, results[1].Superseded, results[2].Superseded)
	}
	f := results[0].Findings
	if len(f) != 1 || f[0].Code != "submission.superseded" || f[0].Severity != shinchoku.SeverityWarning ||
		!strings.Contains(f[0].Message, "（修正）") || results[0].State() == shinchoku.StateAccepted || results[1].State() != shinchoku.StateAccepted {
		t.Errorf("findings = %v", dump(f))
	}
}

// TestState: a replaced file is 置き換え済み whatever its findings (its
// department's state is the newer file's), so validate, run and the store
// agree; otherwise errors, or no readable template, return the file.
func TestState(t *testing.T) {
	sub := &shinchoku.Submission{Department: dept, Period: period}
	errs := shinchoku.Findings{{Severity: shinchoku.SeverityError, Code: "cell.required"}}
	warns := shinchoku.Findings{{Severity: shinchoku.SeverityWarning, Code: "submission.superseded"}}
	tests := []struct {
		name string
		r    ingest.Result
		want shinchoku.State
	}{
		{"clean", ingest.Result{Submission: sub}, shinchoku.StateAccepted},
		{"warnings only", ingest.Result{Submission: sub, Findings: warns}, shinchoku.StateAccepted},
		{"errors", ingest.Result{Submission: sub, Findings: errs}, shinchoku.StateReturned},
		{"not a template", ingest.Result{Findings: errs}, shinchoku.StateReturned},
		{"replaced", ingest.Result{Submission: sub, Findings: warns, Superseded: true}, shinchoku.StateSuperseded},
		{"replaced with errors", ingest.Result{Submission: sub, Findings: append(errs, warns...), Superseded: true}, shinchoku.StateSuperseded},
	}
	for _, tt := range tests {
		if got := tt.r.State(); got != tt.want {
			t.Errorf("%s: State() = %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestSupersedeSameContent: of two byte-identical submissions, the one used
// does not depend on the files' times, which copying the inbox changes, so
// a copied inbox gives the same outputs.
func TestSupersedeSameContent(t *testing.T) {
	sub := func() *shinchoku.Submission { return &shinchoku.Submission{Department: dept, Period: period} }
	early, late := time.Date(2024, 10, 5, 9, 0, 0, 0, time.UTC), time.Date(2024, 10, 7, 9, 0, 0, 0, time.UTC)
	for _, times := range [][2]time.Time{{early, late}, {late, early}} {
		results := []ingest.Result{
			{File: "a.xlsx", Submission: sub(), SavedAt: "2024-10-05T09:00:00Z", SHA256: "ab12", ModTime: times[0]},
			{File: "b.xlsx", Submission: sub(), SavedAt: "2024-10-05T09:00:00Z", SHA256: "ab12", ModTime: times[1]},
		}
		ingest.Supersede(results)
		if !results[0].Superseded || results[1].Superseded {
			t.Errorf("times %v: superseded = %v %v, want a.xlsx replaced by b.xlsx whatever the times",
				times, results[0].Superseded, results[1].Superseded)
		}
	}
}

// TestCurrent: which of a department's files counts. A workbook that was
// read outranks a file that was not (named for the department by anyone),
// however new that file is and wherever it is listed; a superseded file
// never counts; among files of one kind the newer counts.
func TestCurrent(t *testing.T) {
	sub := func() *shinchoku.Submission { return &shinchoku.Submission{Department: dept, Period: period} }
	early, late := time.Date(2024, 10, 5, 9, 0, 0, 0, time.UTC), time.Date(2024, 10, 7, 9, 0, 0, 0, time.UTC)
	read := ingest.Result{File: "b.xlsx", Submission: sub(), SavedAt: "2024-10-05T09:00:00Z", ModTime: early}
	replaced := ingest.Result{File: "c.xlsx", Submission: sub(), Superseded: true, SavedAt: "2024-10-09T09:00:00Z", ModTime: late}
	broken := ingest.Result{File: "a.xlsx", ModTime: late}
	brokenLater := ingest.Result{File: "z.xlsx", ModTime: late.Add(time.Hour)}
	for _, tc := range []struct {
		name    string
		results []ingest.Result
		want    int
	}{
		{"none", nil, -1},
		{"one broken", []ingest.Result{broken}, 0},
		{"read before a newer broken", []ingest.Result{read, broken}, 0},
		{"read after a newer broken", []ingest.Result{broken, read}, 1},
		{"read among broken and replaced", []ingest.Result{brokenLater, replaced, read, broken}, 2},
		{"the newer of two broken", []ingest.Result{brokenLater, broken}, 0},
		{"only replaced", []ingest.Result{replaced}, -1},
	} {
		if got := ingest.Current(tc.results); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestUnitChecks: the check of an actual follows what its unit is
// (shinchoku.ClassifyUnit): a share within its whole (0–100％, 0–10割), a
// percentage-formatted cell scaled to the unit, a change in points or money
// allowed below zero, a count not.
func TestUnitChecks(t *testing.T) {
	for _, tc := range []struct {
		unit    string
		value   any
		percent bool // the cell is formatted as a percentage
		code    string
		sev     shinchoku.Severity
		actual  float64
	}{
		{unit: "％", value: 120, code: "value.share_range", sev: shinchoku.SeverityWarning, actual: 120},
		{unit: "％", value: "△1", code: "value.share_range", sev: shinchoku.SeverityWarning, actual: -1},
		{unit: "％", value: 0.479, percent: true, actual: 47.9},
		{unit: "割", value: 7.5, actual: 7.5},
		{unit: "割", value: 12, code: "value.share_range", sev: shinchoku.SeverityWarning, actual: 12},
		{unit: "割", value: "△1", code: "value.share_range", sev: shinchoku.SeverityWarning, actual: -1},
		{unit: "割", value: 0.3, percent: true, actual: 3},
		{unit: "ポイント", value: "△2.5", actual: -2.5},
		{unit: "ポイント", value: 120, actual: 120},
		{unit: "千円", value: "△500", actual: -500},
		{unit: "件", value: "△5", code: "value.negative", sev: shinchoku.SeverityError, actual: -5},
		{unit: "件", value: 0.5, percent: true, actual: 0.5},
	} {
		t.Run(fmt.Sprintf("%s %v", tc.unit, tc.value), func(t *testing.T) {
			p, err := planfile.Parse("test.yaml", []byte(strings.Replace(testPlan, "unit: ％", "unit: "+tc.unit, 1)))
			if err != nil {
				t.Fatal(err)
			}
			f, rows := filled(t, p)
			cell := sheet.Cell(sheet.Actual, rows[1])
			if err := f.SetCellValue(sheet.InputSheet, cell, tc.value); err != nil {
				t.Fatal(err)
			}
			if tc.percent {
				pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
				if err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStyle(sheet.InputSheet, cell, cell, pct); err != nil {
					t.Fatal(err)
				}
			}
			res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("unit.xlsx", bytesOf(t, f))
			switch {
			case tc.code == "" && len(res.Findings) > 0:
				t.Fatalf("unexpected findings:\n%s", dump(res.Findings))
			case tc.code != "" && (len(res.Findings) != 1 || res.Findings[0].Code != tc.code || res.Findings[0].Severity != tc.sev || res.Findings[0].Cell != cell):
				t.Fatalf("want one %s %s at %s; got\n%s", tc.sev, tc.code, cell, dump(res.Findings))
			}
			if res.Submission == nil || res.Submission.Indicators[1].Actual != shinchoku.Num(tc.actual) {
				t.Errorf("actual read as %+v, want %v", res.Submission, tc.actual)
			}
		})
	}
}

// TestShareRangeNamesTheWhole: the warning says the range of the unit, so a
// department reading 0〜10 for a 割 indicator knows it is not 0〜100.
func TestShareRangeNamesTheWhole(t *testing.T) {
	p, err := planfile.Parse("test.yaml", []byte(strings.Replace(testPlan, "unit: ％", "unit: 割", 1)))
	if err != nil {
		t.Fatal(err)
	}
	f, rows := filled(t, p)
	f.SetCellValue(sheet.InputSheet, sheet.Cell(sheet.Actual, rows[1]), 12)
	res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("x.xlsx", bytesOf(t, f))
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "0〜10 の範囲外") {
		t.Fatalf("findings: %v", dump(res.Findings))
	}
}
