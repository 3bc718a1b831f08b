package terminal

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/width"
)

// Table writes rows as aligned columns for a terminal, counting
// full-width characters as two cells (text/tabwriter counts them as one).
// Columns whose header starts with a space are right-aligned. Cells are
// escaped (Escape).
func Table(w io.Writer, header []string, rows [][]string) {
	w = Escape(w)
	all := append([][]string{header}, rows...)
	widths := make([]int, len(header))
	for _, r := range all {
		for i, c := range r {
			widths[i] = max(widths[i], Width(strings.TrimSpace(c)))
		}
	}
	for _, r := range all {
		var b strings.Builder
		for i, c := range r {
			right := strings.HasPrefix(header[i], " ")
			c = strings.TrimSpace(c)
			pad := strings.Repeat(" ", widths[i]-Width(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if right {
				b.WriteString(pad + c)
			} else if i < len(r)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

// Width is how many terminal cells s takes: two for each East Asian wide
// or full-width character, one for any other.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
