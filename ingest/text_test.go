package ingest_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// rezip rewrites the parts of a workbook with edit (which gets each part's
// name and content), for what excelize would not write: raw bytes, other
// encodings, references to missing strings.
func rezip(t testing.TB, data []byte, edit func(name string, b []byte) []byte) []byte {
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

// replaceText puts raw in the place of a marker text in every part.
func replaceText(marker, raw string) func(string, []byte) []byte {
	return func(_ string, b []byte) []byte { return bytes.ReplaceAll(b, []byte(marker), []byte(raw)) }
}

// TestCharacters: what a department pastes from Word or a phone. A
// character the report fonts cannot print is an error on its cell naming
// the character and what to type instead; invisible characters and line
// breaks of every kind are normalised and accepted.
func TestCharacters(t *testing.T) {
	const marker = "MARKER"
	for _, tc := range []struct {
		name    string
		key     string // the column the text is typed in (row of p1.k1)
		text    string // typed with excelize, or
		raw     string // put into the XML in place of the marker
		code    string // the finding, or "" when accepted
		message []string
		want    string // the value read, when accepted
	}{
		{name: "emoji", key: sheet.Progress, text: "説明会を開催した😀", code: "value.unprintable", message: []string{"「😀」（U+1F600）"}},
		{name: "CJK extension B", key: sheet.Progress, text: "𠮷田さんが担当", code: "value.unprintable", message: []string{"U+20BB7", "「吉」に置き換えて"}},
		{name: "heavy check mark", key: sheet.Remarks, text: "✔済み", code: "value.unprintable", message: []string{"「✔」（U+2714）", "「✓」に置き換えて"}},
		{name: "dingbat circled digit", key: sheet.Progress, text: "➀説明会", code: "value.unprintable", message: []string{"U+2780", "「①」"}},
		{name: "hangul", key: sheet.Progress, text: "안녕하세요", code: "value.unprintable", message: []string{"U+C548", "カタカナ"}},
		{name: "ideographic variation selector", key: sheet.Progress, text: "葛\U000E0100飾区", code: "value.unprintable", message: []string{"異体字セレクタ（U+E0100）"}},
		{name: "escape as character reference", key: sheet.Progress, raw: "説明&#27;[31m会", code: "value.unprintable", message: []string{"制御文字（U+001B）"}},
		{name: "bell as character reference", key: sheet.Remarks, raw: "備考&#7;", code: "value.unprintable", message: []string{"制御文字（U+0007）"}},
		{name: "invalid UTF-8", key: sheet.Progress, raw: "説明\x82\xa0会", code: "value.encoding"},
		{name: "tab and CR LF from Word", key: sheet.Progress, text: "開催した。\t参加者は\r\n50人。", want: "開催した。 参加者は\n50人。"},
		{name: "lone CR", key: sheet.Progress, raw: "一行目&#13;二行目", want: "一行目\n二行目"},
		{name: "line separator", key: sheet.Progress, text: "一行目\u2028二行目\u2029三行目", want: "一行目\n二行目\n三行目"},
		{name: "zero-width space and BOM", key: sheet.Progress, text: "\ufeff説明会\u200bを開催", want: "説明会を開催"},
		{name: "newline in a one-line cell", key: sheet.Remarks, text: "前半\r\n後半", want: "前半 後半"},
		{name: "emoji presentation selector after a printable sign", key: sheet.Remarks, text: "注意※\ufe0f", want: "注意※"},
		{name: "tab around a list value", key: sheet.Outlook, text: "\t継続\t", want: "継続"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := plan(t)
			f, rows := filled(t, p)
			cell := sheet.Cell(tc.key, rows[0])
			v := tc.text
			if tc.raw != "" {
				v = marker
			}
			if err := f.SetCellValue(sheet.InputSheet, cell, v); err != nil {
				t.Fatal(err)
			}
			data := bytesOf(t, f)
			if tc.raw != "" {
				data = rezip(t, data, replaceText(marker, tc.raw))
			}
			res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("chars.xlsx", data)
			if tc.code == "" {
				if len(res.Findings) > 0 || res.Submission == nil {
					t.Fatalf("findings:\n%s", dump(res.Findings))
				}
				got := ""
				switch tc.key {
				case sheet.Progress:
					got = res.Submission.Nodes[0].Progress
				case sheet.Outlook:
					got = res.Submission.Nodes[0].Outlook
				case sheet.Remarks:
					got = res.Submission.Indicators[0].Remarks
				}
				if got != tc.want {
					t.Errorf("read %q, want %q", got, tc.want)
				}
				return
			}
			var fd *shinchoku.Finding
			for i := range res.Findings {
				if res.Findings[i].Code == tc.code && res.Findings[i].Cell == cell {
					fd = &res.Findings[i]
				}
			}
			if fd == nil || fd.Severity != shinchoku.SeverityError || fd.Sheet != sheet.InputSheet {
				t.Fatalf("want error %s at %s; got\n%s", tc.code, cell, dump(res.Findings))
			}
			for _, m := range tc.message {
				if !strings.Contains(fd.Message, m) {
					t.Errorf("message %q does not say %q", fd.Message, m)
				}
			}
			if strings.ContainsFunc(fd.Value+fd.Message, func(r rune) bool { return r < 0x20 && r != '\n' }) {
				t.Errorf("finding carries a control character: %q %q", fd.Value, fd.Message)
			}
			if res.State() == shinchoku.StateAccepted {
				t.Error("accepted")
			}
		})
	}
}

// TestOtherEncoding: a sheet whose XML is UTF-16 or declares another
// encoding is refused with a finding (excelize, which copies the workbook
// for the 差し戻し, cannot read it).
func TestOtherEncoding(t *testing.T) {
	p := plan(t)
	f, _ := filled(t, p)
	good := bytesOf(t, f)
	for _, tc := range []struct {
		name string
		edit func(string, []byte) []byte
	}{
		{"Shift_JIS declared", func(name string, b []byte) []byte {
			if strings.HasPrefix(name, "xl/worksheets/") {
				return bytes.Replace(b, []byte(`encoding="UTF-8"`), []byte(`encoding="Shift_JIS"`), 1)
			}
			return b
		}},
		{"unknown encoding", func(name string, b []byte) []byte {
			if name == "xl/sharedStrings.xml" {
				return bytes.Replace(b, []byte(`encoding="UTF-8"`), []byte(`encoding="x-nonesuch"`), 1)
			}
			return b
		}},
		{"UTF-16", func(name string, b []byte) []byte {
			if !strings.HasPrefix(name, "xl/worksheets/") {
				return b
			}
			out := []byte{0xFF, 0xFE}
			for _, r := range strings.Replace(string(b), `encoding="UTF-8"`, `encoding="UTF-16"`, 1) {
				out = append(out, byte(r), byte(r>>8))
			}
			return out
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("enc.xlsx", rezip(t, good, tc.edit))
			if res.State() == shinchoku.StateAccepted || !res.Findings.HasErrors() || res.Submission != nil {
				t.Fatalf("accepted: %v", dump(res.Findings))
			}
			if res.Findings[0].Code != "file.encoding" {
				t.Errorf("findings:\n%s", dump(res.Findings))
			}
		})
	}
}

// TestNoControlInFindings: a department name with an escape sequence in the
// hidden sheet is shown by its code points in the finding, never raw.
func TestNoControlInFindings(t *testing.T) {
	p := plan(t)
	f, _ := filled(t, p)
	for i, k := range sheet.MetaKeys {
		if k == sheet.MetaDepartment {
			if err := f.SetCellValue(sheet.MetaSheet, "B"+strconv.Itoa(i+1), "MARKER"); err != nil {
				t.Fatal(err)
			}
		}
	}
	data := rezip(t, bytesOf(t, f), replaceText("MARKER", "総務&#27;[31m課\x82"))
	res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("ctl.xlsx", data)
	if len(res.Findings) == 0 {
		t.Fatal("no finding")
	}
	for _, fd := range res.Findings {
		if strings.ContainsAny(fd.Message+fd.Value, "\x1b\x82") || !utf8.ValidString(fd.Message+fd.Value) {
			t.Errorf("raw control character or broken byte: %q %q", fd.Value, fd.Message)
		}
		if fd.Code == "template.identity" && !strings.Contains(fd.Message, "総務<U+001B>[31m課<82>") {
			t.Errorf("message does not show the name: %s", fd.Message)
		}
	}
}
