package main

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/width"
)

// printTable writes rows as aligned columns for a terminal, counting
// full-width characters as two cells (text/tabwriter counts them as one).
// Columns whose header starts with a space are right-aligned.
func printTable(w io.Writer, header []string, rows [][]string) {
	all := append([][]string{header}, rows...)
	widths := make([]int, len(header))
	for _, r := range all {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(strings.TrimSpace(c)))
		}
	}
	for _, r := range all {
		var b strings.Builder
		for i, c := range r {
			right := strings.HasPrefix(header[i], " ")
			c = strings.TrimSpace(c)
			pad := strings.Repeat(" ", widths[i]-displayWidth(c))
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

func displayWidth(s string) int {
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
