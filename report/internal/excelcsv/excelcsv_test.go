package excelcsv

import (
	"bytes"
	"testing"
)

func TestCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"予定どおり実施した。", "予定どおり実施した。"},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+81-3-1234", "'+81-3-1234"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"-", "'-"},
		{"+", "'+"},
		{"-Inf", "'-Inf"},
		{"-1e", "'-1e"},
		{"-.", "'-."},
		{"-12.5", "-12.5"},
		{"+3", "+3"},
		{"1e-05", "1e-05"},
		{"-2E+3", "-2E+3"},
		{"46", "46"},
		{" =1+1", " =1+1"},
		{"'=1", "'=1"},
		{"－", "－"},
	} {
		if got := Cell(tc.in); got != tc.want {
			t.Errorf("Cell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write([]string{"a", "=1+1"})
	w.Write([]string{"-5", "b,c"})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffa,'=1+1\r\n-5,\"b,c\"\r\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
