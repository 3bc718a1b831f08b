package shinchoku

import (
	"fmt"
	"strings"
)

// Severity says whether a finding stops a submission.
type Severity string

// The severities: an error must be fixed, a warning is shown but accepted.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Label is the severity in Japanese.
func (s Severity) Label() string {
	if s == SeverityWarning {
		return "警告"
	}
	return "エラー"
}

// Finding is one problem in an input: a plan file, a submitted workbook. Codes
// are stable English words for programs; messages are Japanese for people.
// A finding names where it is: a line and column for text files, a sheet and
// cell for workbooks.
type Finding struct {
	Severity Severity
	Code     string // e.g. plan.duplicate_id, value.not_number
	File     string
	Line     int    // 1-based; 0 when not a text position
	Col      int    // 1-based
	Sheet    string // workbook sheet, when in a workbook
	Cell     string // A1-style reference
	Value    string // the value found, as written
	Want     string // what the cell must hold, when only one value will do (a locked cell's original)
	Message  string // Japanese, tells the reader what to do
}

// Place is where in a workbook the finding is: sheet!cell, the sheet
// alone, or "" when it is about the whole file. Every output that names a
// finding's place (terminal, receipts, the status page) writes it so.
func (f Finding) Place() string {
	place := f.Sheet
	if f.Cell != "" {
		place += "!" + f.Cell
	}
	return place
}

// String writes the finding as file:line:col: message, or
// file [sheet!cell]: message for a workbook.
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.File)
	switch {
	case f.Line > 0:
		fmt.Fprintf(&b, ":%d:%d", f.Line, f.Col)
	case f.Sheet != "":
		fmt.Fprintf(&b, " [%s]", f.Place())
	}
	b.WriteString(": ")
	if f.Severity == SeverityWarning {
		b.WriteString("警告: ")
	}
	b.WriteString(f.Message)
	return b.String()
}

// Findings is a list of findings. As an error it stands for all of them.
type Findings []Finding

// Error writes every finding on its own line.
func (fs Findings) Error() string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.String()
	}
	return strings.Join(lines, "\n")
}

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Count counts the errors and the warnings.
func (fs Findings) Count() (errs, warns int) {
	for _, f := range fs {
		if f.Severity == SeverityError {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}
