package month_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/templates/corpus"
	"github.com/shinchoku/shinchoku/templates/form"
)

// FuzzRun runs a month over an inbox of one good workbook and one file of
// arbitrary bytes: the run never fails or panics, the good department is
// accepted, and the other file is either accepted or returned. Input that
// starts with "<" is the 入力 sheet's XML inside an otherwise good
// workbook, to reach past the zip layer. The seeds run in go test (a few
// seconds); go test ./report/month -fuzz FuzzRun explores further.
func FuzzRun(f *testing.F) {
	p := corpus.Plan(2, 2)
	period := shinchoku.Period{Year: 2026, Month: 3}
	gen := form.NewGenerator(form.Options{Plan: p, Period: period, Office: office})
	depts := gen.Departments()
	files := map[string][]byte{}
	names := map[string]string{}
	for _, d := range depts {
		wb, sum, err := gen.Workbook(d)
		if err != nil {
			f.Fatal(err)
		}
		if err := corpus.Fill(wb, period, gen.Rows(d), sum.Rows, corpus.SyntheticActual(p), corpus.None); err != nil {
			f.Fatal(err)
		}
		buf, err := wb.WriteToBuffer()
		if err != nil {
			f.Fatal(err)
		}
		files[d], names[d] = buf.Bytes(), sum.File
	}
	good, other := depts[0], depts[1]
	sheetXML := part(f, files[other], "xl/worksheets/sheet2.xml")
	f.Add(files[other])
	f.Add(files[other][:len(files[other])/2])
	f.Add([]byte{})
	f.Add(sheetXML)
	f.Add([]byte(strings.Replace(string(sheetXML), "</sheetData>", `<row r="900"><c r="P900" t="inlineStr"><is><t>&#27;😀</t></is></c><c r="M900" t="b"><v>1</v></c></row></sheetData>`, 1)))
	f.Add([]byte(`<?xml version="1.0" encoding="UTF-16"?><worksheet/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("<")) {
			data = replacePart(t, files[other], "xl/worksheets/sheet2.xml", data)
		}
		dir := t.TempDir()
		inbox := filepath.Join(dir, "inbox")
		if err := os.Mkdir(inbox, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range map[string][]byte{names[good]: files[good], names[other]: data} {
			if err := os.WriteFile(filepath.Join(inbox, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res, err := month.Run(context.Background(), month.Options{Plan: p, Period: period, Inbox: inbox,
			Store: filepath.Join(dir, "store.db"), Out: filepath.Join(dir, "out"), Office: office, Workers: 1})
		if err != nil {
			t.Fatalf("the run failed for everyone: %v", err)
		}
		states := map[string]shinchoku.State{}
		for _, ds := range res.Progress.Departments {
			states[ds.Department] = ds.State
		}
		if states[good] != shinchoku.StateAccepted {
			t.Errorf("the good department is %s", states[good])
		}
		if s := states[other]; s != shinchoku.StateAccepted && s != shinchoku.StateReturned {
			t.Errorf("the fuzzed file is neither recorded nor returned: %s", s)
		}
		for _, out := range res.Outputs {
			if _, err := os.Stat(out); err != nil {
				t.Error(err)
			}
		}
	})
}

func part(t testing.TB, data []byte, name string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no %s", name)
	return nil
}

func replacePart(t testing.TB, data []byte, name string, content []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == name {
			w.Write(content)
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
