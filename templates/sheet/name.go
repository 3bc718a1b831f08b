package sheet

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/shinchoku/shinchoku"
)

// FileName is a template's file name: period and department, with
// characters that are unsafe in a file name removed (2024-09_政策推進課.xlsx).
func FileName(period shinchoku.Period, dept string) string {
	return period.String() + "_" + fileSafe(dept) + ".xlsx"
}

// FileNames gives each department its template's file name: FileName,
// unless the names of two departments come out alike once the characters a
// file name cannot hold are removed ("a/b課" and "ab課") or differ only in
// case (Windows folders do not tell them apart): then each of those whose
// name lost characters, or all of them if none kept its name whole, gets a
// suffix from a hash of its full name (2024-09_ab課_5f3c1a.xlsx), the same
// every month. No template overwrites another's.
func FileNames(period shinchoku.Period, depts []string) map[string]string {
	names := make(map[string]string, len(depts))
	for d, stem := range stems(depts) {
		names[d] = period.String() + "_" + stem + ".xlsx"
	}
	return names
}

// stems are the departments' names as their file names carry them, unique
// among depts (see FileNames).
func stems(depts []string) map[string]string {
	groups := map[string][]string{}
	for _, d := range depts {
		k := strings.ToLower(fileSafe(d))
		if !slices.Contains(groups[k], d) {
			groups[k] = append(groups[k], d)
		}
	}
	out := make(map[string]string, len(depts))
	for _, g := range groups {
		kept := ""
		if len(g) > 1 {
			for _, d := range g {
				if fileSafe(d) == d && kept == "" {
					kept = d
				}
			}
		}
		for _, d := range g {
			out[d] = fileSafe(d)
			if len(g) > 1 && d != kept {
				sum := sha256.Sum256([]byte(d))
				out[d] += "_" + hex.EncodeToString(sum[:3])
			}
		}
	}
	return out
}

// DepartmentOfFile finds the department a submitted file's name names: the
// longest of depts whose name, as FileName writes it, the base name
// contains, or "" when none does. Departments rename what they send
// (…（修正）.xlsx), so the name is searched, not matched whole. The run
// uses it for a file that cannot be read as a template: it was still sent.
func DepartmentOfFile(path string, depts []string) string {
	base := filepath.Base(path)
	best, bestStem := "", ""
	for d, stem := range stems(depts) {
		// The longest name wins; of two as long, the one first in sort
		// order, so that the answer never depends on map order.
		if strings.Contains(base, stem) && (len(stem) > len(bestStem) || (len(stem) == len(bestStem) && d < best)) {
			best, bestStem = d, stem
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
