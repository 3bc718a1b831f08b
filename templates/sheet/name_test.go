package sheet

import (
	"slices"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
)

func TestFileName(t *testing.T) {
	period := shinchoku.Period{Year: 2024, Month: 9}
	for _, tc := range []struct{ dept, want string }{
		{"政策推進課", "2024-09_政策推進課.xlsx"},
		{"港湾・企業振興課", "2024-09_港湾・企業振興課.xlsx"},
		{`a/b\c:d*e?f"g<h>i|j`, "2024-09_abcdefghij.xlsx"},
		{" 政策 推進課 ", "2024-09_政策推進課.xlsx"},
		{"..", "2024-09_担当課.xlsx"},
	} {
		if got := FileName(period, tc.dept); got != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.dept, got, tc.want)
		}
	}
}

func TestDepartmentOfFile(t *testing.T) {
	depts := []string{"政策推進課", "企業振興課", "港湾・企業振興課", "市民 課"}
	for _, tc := range []struct{ file, want string }{
		{"inbox/2024-09_政策推進課.xlsx", "政策推進課"},
		{"2024-09_港湾・企業振興課（修正）.xlsx", "港湾・企業振興課"}, // the longest name, not the one it contains
		{"2024-09_企業振興課.xls", "企業振興課"},
		{FileName(shinchoku.Period{Year: 2024, Month: 9}, "市民 課"), "市民 課"}, // as FileName wrote it
		{"報告.xlsx", ""},
		{"政策推進課/報告.xlsx", ""}, // the folder is not the file's name
	} {
		if got := DepartmentOfFile(tc.file, depts); got != tc.want {
			t.Errorf("DepartmentOfFile(%q) = %q, want %q", tc.file, got, tc.want)
		}
	}
}

// TestFileNamesUnique: two departments whose names come out alike in a
// file name never share a template (the second used to overwrite the
// first), and a submitted file is attributed to the right one.
func TestFileNamesUnique(t *testing.T) {
	period := shinchoku.Period{Year: 2024, Month: 9}
	for _, depts := range [][]string{
		{"a/b課", "ab課"},
		{"ab課", "a/b課"},
		{"a/b課", "a:b課", "政策推進課"},
		{"AB課", "ab課"},
		{"市民 課", "市民課"},
	} {
		names := FileNames(period, depts)
		seen := map[string]string{}
		for _, d := range depts {
			n := names[d]
			if other, ok := seen[strings.ToLower(n)]; ok {
				t.Errorf("%q and %q share %s", d, other, n)
			}
			seen[strings.ToLower(n)] = d
			if got := DepartmentOfFile("inbox/"+n, depts); got != d {
				t.Errorf("DepartmentOfFile(%s) = %q, want %q", n, got, d)
			}
		}
		if names["政策推進課"] != "" && names["政策推進課"] != FileName(period, "政策推進課") {
			t.Errorf("a name without a twin changed: %s", names["政策推進課"])
		}
		if slices.Contains(depts, "a/b課") && names["ab課"] != "" && names["ab課"] != "2024-09_ab課.xlsx" {
			t.Errorf("the department whose name is whole lost it: %s", names["ab課"])
		}
	}
}

func TestColumnName(t *testing.T) {
	for n, want := range map[int]string{1: "A", 2: "B", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := columnName(n); got != want {
			t.Errorf("columnName(%d) = %s, want %s", n, got, want)
		}
	}
}
