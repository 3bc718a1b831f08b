package sheet

import (
	"path/filepath"
	"strings"
	"unicode"

	"github.com/shinchoku/shinchoku"
)

// FileName is a template's file name: period and department, with
// characters that are unsafe in a file name removed (2024-09_政策推進課.xlsx).
func FileName(period shinchoku.Period, dept string) string {
	return period.String() + "_" + fileSafe(dept) + ".xlsx"
}

// DepartmentOfFile finds the department a submitted file's name names: the
// longest of depts whose name, as FileName writes it, the base name
// contains, or "" when none does. Departments rename what they send
// (…（修正）.xlsx), so the name is searched, not matched whole. The run
// uses it for a file that cannot be read as a template: it was still sent.
func DepartmentOfFile(path string, depts []string) string {
	base := filepath.Base(path)
	best := ""
	for _, d := range depts {
		if name := fileSafe(d); strings.Contains(base, name) && len(d) > len(best) {
			best = d
		}
	}
	return best
}

// fileSafe is a department's name as file names carry it.
func fileSafe(dept string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || unicode.IsControl(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, dept)
	clean = strings.Trim(clean, ".")
	if clean == "" {
		clean = "担当課"
	}
	return clean
}
