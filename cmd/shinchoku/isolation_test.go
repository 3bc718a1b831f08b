package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// isolationPlan has three departments, each with one project of two
// indicators; 介護福祉課 shares a project with 工業・雇用振興課.
const isolationPlan = `format: 1
id: iso
title: 分離テスト市総合戦略
organization: 分離テスト市
period: {start: 2020, end: 2024}
levels: [基本目標, 事業]
nodes:
  - id: g1
    level: 基本目標
    code: "1"
    title: しごとをつくる
    departments: [政策推進課]
    children:
      - id: p1
        level: 事業
        code: "1"
        title: 合同就職説明会事業
        departments: [工業・雇用振興課]
        indicators:
          - {id: p1.k1, name: 内定者数, unit: 人, cumulative: false, direction: 増加, baseline: {year: 2018, value: 9}, target: {year: 2024, value: 40}}
          - {id: p1.k2, name: 就職割合, unit: ％, cumulative: false, direction: 増加, baseline: {year: 2018, value: 45.5}, target: {year: 2024, value: 50}}
      - id: p2
        level: 事業
        code: "2"
        title: 介護人材確保支援事業
        departments: [介護福祉課]
        indicators:
          - {id: p2.k1, name: 研修受講者数, unit: 人, cumulative: false, direction: 増加, baseline: {year: 2018, value: 20}, target: {year: 2024, value: 60}}
          - {id: p2.k2, name: 定着率, unit: ％, cumulative: false, direction: 増加, baseline: {year: 2018, value: 70}, target: {year: 2024, value: 80}}
      - id: p3
        level: 事業
        code: "3"
        title: 創業支援事業
        departments: [政策推進課]
        indicators:
          - {id: p3.k1, name: 創業件数, unit: 件, cumulative: false, direction: 増加, baseline: {year: 2018, value: 5}, target: {year: 2024, value: 15}}
          - {id: p3.k2, name: 相談件数, unit: 件, cumulative: false, direction: 増加, baseline: {year: 2018, value: 50}, target: {year: 2024, value: 90}}
`

var isolationDepts = []string{"工業・雇用振興課", "介護福祉課", "政策推進課"}

// hostile is one way a department's file can be unusual or hostile: a
// change made with excelize to its filled workbook, then to its bytes.
type hostile struct {
	name  string
	edit  func(t *testing.T, f *excelize.File, rows []int)
	bytes func(t *testing.T, data []byte) []byte
	code  string                  // the finding that returns it
	kept  bool                    // the file is accepted (code is a warning)
	cell  func(rows []int) string // the cell it names ("" for the whole file)
}

func setCell(key string, i int, v any) func(*testing.T, *excelize.File, []int) {
	return func(t *testing.T, f *excelize.File, rows []int) {
		if err := f.SetCellValue(sheet.InputSheet, sheet.Cell(key, rows[i]), v); err != nil {
			t.Fatal(err)
		}
	}
}

func cellOf(key string, i int) func([]int) string {
	return func(rows []int) string { return sheet.Cell(key, rows[i]) }
}

// inParts replaces a marker text with raw bytes in every part of a workbook.
func inParts(marker, raw string) func(*testing.T, []byte) []byte {
	return func(t *testing.T, data []byte) []byte {
		return rezipParts(t, data, func(_ string, b []byte) []byte {
			return bytes.ReplaceAll(b, []byte(marker), []byte(raw))
		})
	}
}

func rezipParts(t *testing.T, data []byte, edit func(name string, b []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(edit(f.Name, b)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// hostileCases are the files of issue 14's "one file stops everyone" and
// "one file speaks for another".
var hostileCases = []hostile{
	{name: "emoji", edit: setCell(sheet.Progress, 0, "開催した😀"), code: "value.unprintable", cell: cellOf(sheet.Progress, 0)},
	{name: "CJK extension B", edit: setCell(sheet.Progress, 0, "𠮷田が担当"), code: "value.unprintable", cell: cellOf(sheet.Progress, 0)},
	{name: "heavy check mark", edit: setCell(sheet.Remarks, 1, "✔"), code: "value.unprintable", cell: cellOf(sheet.Remarks, 1)},
	{name: "dingbat digit", edit: setCell(sheet.Progress, 0, "➀説明会"), code: "value.unprintable", cell: cellOf(sheet.Progress, 0)},
	{name: "hangul", edit: setCell(sheet.Progress, 0, "감사합니다"), code: "value.unprintable", cell: cellOf(sheet.Progress, 0)},
	{name: "variation selector", edit: setCell(sheet.Progress, 0, "葛\U000E0100飾"), code: "value.unprintable", cell: cellOf(sheet.Progress, 0)},
	{name: "escape character reference", edit: setCell(sheet.Progress, 0, "MARKER"), bytes: inParts("MARKER", "a&#27;[2Jb"), code: "value.unprintable", cell: cellOf(sheet.Progress, 0)},
	{name: "invalid UTF-8", edit: setCell(sheet.Progress, 0, "MARKER"), bytes: inParts("MARKER", "\x93\xfa\x96{"), code: "value.encoding", cell: cellOf(sheet.Progress, 0)},
	{name: "sheet declared Shift_JIS", edit: setCell(sheet.Actual, 0, "約10"), bytes: inParts(`encoding="UTF-8"`, `encoding="Shift_JIS"`), code: "file.encoding"},
	{name: "sheet in UTF-16 with an error", edit: setCell(sheet.Actual, 0, "約10"), bytes: func(t *testing.T, data []byte) []byte {
		return rezipParts(t, data, func(name string, b []byte) []byte {
			if !strings.HasPrefix(name, "xl/worksheets/") {
				return b
			}
			out := []byte{0xFF, 0xFE}
			for _, r := range strings.Replace(string(b), `encoding="UTF-8"`, `encoding="UTF-16"`, 1) {
				out = append(out, byte(r), byte(r>>8))
			}
			return out
		})
	}, code: "file.encoding"},
}

// extraRows adds rows to the 入力 sheet (the second worksheet of a
// template), each made by row from its number.
func extraRows(from, n int, row func(r int) string) func(*testing.T, []byte) []byte {
	return func(t *testing.T, data []byte) []byte {
		return rezipParts(t, data, func(name string, b []byte) []byte {
			if name != "xl/worksheets/sheet2.xml" {
				return b
			}
			var extra strings.Builder
			for r := from; r < from+n; r++ {
				extra.WriteString(row(r))
			}
			i := bytes.LastIndex(b, []byte("</sheetData>"))
			return append(append(b[:i:i], extra.String()...), b[i:]...)
		})
	}
}

// bigGuide makes the 記入要領 sheet (the first worksheet) inflate to size
// bytes of XML.
func bigGuide(size int) func(*testing.T, []byte) []byte {
	return func(t *testing.T, data []byte) []byte {
		return rezipParts(t, data, func(name string, b []byte) []byte {
			if name != "xl/worksheets/sheet1.xml" {
				return b
			}
			var extra strings.Builder
			line := strings.Repeat("あ", 100)
			for r := 1000; extra.Len() < size; r++ {
				extra.WriteString(`<row r="` + strconv.Itoa(r) + `"><c r="A` + strconv.Itoa(r) + `" t="inlineStr"><is><t>` + line + `</t></is></c></row>`)
			}
			i := bytes.LastIndex(b, []byte("</sheetData>"))
			return append(append(b[:i:i], extra.String()...), b[i:]...)
		})
	}
}

func init() {
	hostileCases = append(hostileCases,
		hostile{name: "department changed to another's", edit: func(t *testing.T, f *excelize.File, _ []int) {
			for i, k := range sheet.MetaKeys {
				if k == sheet.MetaDepartment {
					if err := f.SetCellValue(sheet.MetaSheet, "B"+strconv.Itoa(i+1), isolationDepts[1]); err != nil {
						t.Fatal(err)
					}
				}
			}
		}, code: "template.identity"},
		hostile{name: "row deleted with its row map entry", edit: func(t *testing.T, f *excelize.File, rows []int) {
			if err := f.RemoveRow(sheet.InputSheet, rows[1]); err != nil {
				t.Fatal(err)
			}
			cell, _ := excelize.CoordinatesToCellName(sheet.RowMapColumn, 3)
			last, _ := excelize.CoordinatesToCellName(sheet.RowMapColumn+len(sheet.RowMapHeaders)-1, 3)
			for c := cell; ; {
				if err := f.SetCellValue(sheet.MetaSheet, c, nil); err != nil {
					t.Fatal(err)
				}
				if c == last {
					break
				}
				col, row, _ := excelize.CellNameToCoordinates(c)
				c, _ = excelize.CoordinatesToCellName(col+1, row)
			}
		}, code: "template.identity"},
		hostile{name: "20 digits", edit: setCell(sheet.Actual, 0, "12345678901234567890"), code: "value.too_precise", cell: cellOf(sheet.Actual, 0)},
		hostile{name: "boolean", edit: setCell(sheet.Actual, 1, true), code: "value.not_number", cell: cellOf(sheet.Actual, 1)},
		hostile{name: "dangling shared string", edit: setCell(sheet.Actual, 0, 777777), bytes: inParts(`"><v>777777</v>`, `" t="s"><v>99999</v>`),
			code: "value.broken", cell: cellOf(sheet.Actual, 0)},
		hostile{name: "formula with an empty cached value", edit: setCell(sheet.Actual, 0, 777777), bytes: inParts(`<v>777777</v>`, `<f>1+1</f><v></v>`),
			code: "value.formula", cell: cellOf(sheet.Actual, 0)},
		hostile{name: "30,000 stray input cells and an error", edit: setCell(sheet.Actual, 0, "約10"),
			bytes: extraRows(100, 30000, func(r int) string {
				return `<row r="` + strconv.Itoa(r) + `"><c r="` + sheet.Letter(sheet.Actual) + strconv.Itoa(r) + `"><v>` + strconv.Itoa(r) + `</v></c></row>`
			}), code: "value.not_number", cell: cellOf(sheet.Actual, 0)},
		hostile{name: "30,000 stray input cells", edit: func(*testing.T, *excelize.File, []int) {},
			bytes: extraRows(100, 30000, func(r int) string {
				return `<row r="` + strconv.Itoa(r) + `"><c r="` + sheet.Letter(sheet.Actual) + strconv.Itoa(r) + `"><v>1</v></c></row>`
			}), code: "template.stray_input_more", kept: true},
		hostile{name: "a value in every row of the actual column", edit: setCell(sheet.Actual, 0, "約10"),
			bytes: extraRows(100, 1048576-100, func(r int) string {
				return `<row r="` + strconv.Itoa(r) + `"><c r="` + sheet.Letter(sheet.Actual) + strconv.Itoa(r) + `"><v>1</v></c></row>`
			}), code: "file.too_large"},
		hostile{name: "a value in column XFD of 40,000 rows", edit: setCell(sheet.Actual, 0, "約10"),
			bytes: extraRows(100, 40000, func(r int) string {
				return `<row r="` + strconv.Itoa(r) + `"><c r="XFD` + strconv.Itoa(r) + `"><v>1</v></c></row>`
			}), code: "file.too_large"},
		hostile{name: "記入要領 with a value in column XFD of 1,000 rows", edit: setCell(sheet.Actual, 0, "約10"),
			bytes: func(t *testing.T, data []byte) []byte {
				return rezipParts(t, data, func(name string, b []byte) []byte {
					if name != "xl/worksheets/sheet1.xml" {
						return b
					}
					var extra strings.Builder
					for r := 1000; r < 2000; r++ {
						extra.WriteString(`<row r="` + strconv.Itoa(r) + `"><c r="XFD` + strconv.Itoa(r) + `"/></row>`)
					}
					i := bytes.LastIndex(b, []byte("</sheetData>"))
					return append(append(b[:i:i], extra.String()...), b[i:]...)
				})
			}, code: "file.too_large"},
		hostile{name: "tab, CR LF, zero-width space, BOM and line separator", edit: setCell(sheet.Progress, 0, "\ufeff開催した。\t参加者は\r\n50人\u200b。\u2028以上"),
			kept: true},
		hostile{name: "more rows than the limit", edit: setCell(sheet.Actual, 0, "約10"),
			bytes: extraRows(100, 60000, func(r int) string {
				return `<row r="` + strconv.Itoa(r) + `"><c r="` + sheet.Letter(sheet.Actual) + strconv.Itoa(r) + `"><v>1</v></c></row>`
			}), code: "file.too_large"},
		hostile{name: "記入要領 inflating past the part limit", edit: setCell(sheet.Actual, 0, "約10"),
			bytes: bigGuide(21 << 20), code: "file.too_large"},
		// A long narrative makes its rows tall in the consolidated
		// workbook: the heights stop at Excel's 409 points, beyond which
		// excelize refused to write the workbook for everyone.
		hostile{name: "narrative of 545 characters", edit: setCell(sheet.Progress, 0, narrative(545)), kept: true},
		hostile{name: "narrative of 2000 characters", edit: setCell(sheet.Progress, 0, narrative(2000)), kept: true},
		hostile{name: "narrative of 2000 line breaks", edit: setCell(sheet.Progress, 0, strings.Repeat("\n", 1999)+"了"), kept: true},
		hostile{name: "narrative of 5000 characters", edit: setCell(sheet.Progress, 0, narrative(5000)),
			code: "value.too_long", cell: cellOf(sheet.Progress, 0)},
	)
}

// narrative is a 取組状況・成果 text of n characters, full-width as a
// department writes it (the widest, so the most lines).
func narrative(n int) string {
	const sentence = "介護人材の確保に向けて研修会を開催し、受講者の定着を支援した。"
	s := []rune(strings.Repeat(sentence, n/len([]rune(sentence))+1))
	return string(s[:n])
}

// TestOneFileNeverStopsTheMonth: a run over an inbox of good files and one
// hostile file records every good department, and returns the hostile one
// with a finding that names its cell; the report and the consolidated
// workbook are written.
func TestOneFileNeverStopsTheMonth(t *testing.T) {
	base := t.TempDir()
	planPath := filepath.Join(base, "plan.yaml")
	if err := os.WriteFile(planPath, []byte(isolationPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CACHE_HOME", filepath.Join(base, "cache"))
	t.Setenv("HOME", base)
	forms := filepath.Join(base, "forms")
	shinchokuCLI(t, "templates", "--plan", planPath, "--period", "2024-09", "-o", forms)
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			inbox := filepath.Join(dir, "inbox")
			if err := os.Mkdir(inbox, 0o755); err != nil {
				t.Fatal(err)
			}
			var hostileRows []int
			for i, d := range isolationDepts {
				name := "2024-09_" + d + ".xlsx"
				f, rows := fillForm(t, filepath.Join(forms, name))
				if i == len(isolationDepts)-1 {
					tc.edit(t, f, rows)
					hostileRows = rows
				}
				var buf bytes.Buffer
				if _, err := f.WriteTo(&buf); err != nil {
					t.Fatal(err)
				}
				data := buf.Bytes()
				if i == len(isolationDepts)-1 && tc.bytes != nil {
					data = tc.bytes(t, data)
				}
				if err := os.WriteFile(filepath.Join(inbox, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{"run", "--plan", planPath, "--period", "2024-09", "--inbox", inbox,
				"--store", filepath.Join(dir, "store.db"), "--out-dir", filepath.Join(dir, "out"), "--workers", "1"}, &stdout, &stderr)
			if !errors.Is(err, errFindings) && !(tc.kept && err == nil) {
				t.Fatalf("run: %v\n%s%s", err, stdout.String(), stderr.String())
			}
			var sum struct {
				Departments []struct{ Department, State, File string }
				Findings    []struct{ Code, File, Sheet, Cell, Message string }
			}
			data, err := os.ReadFile(filepath.Join(dir, "out", "2024-09", "summary.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &sum); err != nil {
				t.Fatal(err)
			}
			states := map[string]string{}
			for _, d := range sum.Departments {
				states[d.Department] = d.State
			}
			for i, d := range isolationDepts {
				want := string(shinchoku.StateAccepted)
				if i == len(isolationDepts)-1 && !tc.kept {
					want = string(shinchoku.StateReturned)
				}
				if states[d] != want {
					t.Errorf("%s: %q, want %q", d, states[d], want)
				}
			}
			wantCell := ""
			if tc.cell != nil {
				wantCell = tc.cell(hostileRows)
			}
			found := tc.code == ""
			for _, fd := range sum.Findings {
				if fd.Code == tc.code && fd.Cell == wantCell && strings.Contains(fd.File, isolationDepts[len(isolationDepts)-1]) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s at %q; findings: %+v", tc.code, wantCell, sum.Findings)
			}
			// A file-level finding is read by the department and the
			// office: no English cause from Go, zip or XML in it.
			for _, fd := range sum.Findings {
				if !strings.HasPrefix(fd.Code, "file.") {
					continue
				}
				msg := strings.ReplaceAll(fd.Message, filepath.Base(fd.File), "")
				for _, w := range latinWord.FindAllString(msg, -1) {
					if !productWords[w] {
						t.Errorf("%s: message has %q: %s", fd.Code, w, fd.Message)
					}
				}
			}
			for _, out := range []string{"進捗状況報告書_2024-09.pdf", "集計_2024-09.xlsx"} {
				if _, err := os.Stat(filepath.Join(dir, "out", "2024-09", out)); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// latinWord is a run of Latin letters in a message; productWords are the
// product and format names messages use on purpose.
var (
	latinWord    = regexp.MustCompile(`[A-Za-z]+`)
	productWords = map[string]bool{"ZIP": true, "Excel": true, "xlsx": true, "xls": true, "ods": true,
		"OpenDocument": true, "Word": true, "PowerPoint": true, "UTF": true, "PDF": true,
		"Shift": true, "JIS": true, "EUC": true, "ISO": true}
)

// shinchokuCLI runs a command that must succeed.
func shinchokuCLI(t *testing.T, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("shinchoku %s: %v\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
}

// fillForm fills a generated template correctly and returns it with the
// Excel row of each data row.
func fillForm(t *testing.T, path string) (*excelize.File, []int) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	meta, err := f.GetRows(sheet.MetaSheet)
	if err != nil {
		t.Fatal(err)
	}
	var rows []int
	for i, r := range meta[1:] {
		if len(r) < sheet.RowMapColumn+1 {
			continue
		}
		n, err := strconv.Atoi(r[sheet.RowMapColumn-1])
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, n)
		for key, v := range map[string]any{sheet.Actual: 10 * (i + 1), sheet.Progress: "予定どおり実施した。", sheet.Outlook: "継続"} {
			if err := f.SetCellValue(sheet.InputSheet, sheet.Cell(key, n), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	return f, rows
}
