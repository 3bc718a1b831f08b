package terminal

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Escape returns a writer that shows w's text as it is, but escapes
// the characters a terminal would act on instead of showing (see
// escapeText). Everything meant for a person's screen goes through it:
// cell text, file and department names come from submissions, and a
// workbook must not be able to colour, retitle or clear the office's
// terminal, ring its bell or hide a line. Machine formats (JSON, CSV, YAML)
// are written unchanged.
func Escape(w io.Writer) io.Writer {
	if _, ok := w.(escaper); ok {
		return w // the printers here escape what they are given; once is enough
	}
	return escaper{w}
}

type escaper struct{ w io.Writer }

// Write escapes p on its own: callers write whole lines (fmt.Fprint*), so no
// character is split between two writes.
func (t escaper) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, escapeText(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escapeText escapes what a terminal would interpret in s: C0 controls
// other than the line feed (ESC starts colour and cursor sequences, BEL rings,
// CR and BS overwrite what was shown), DEL, C1 controls (U+009B is an 8-bit
// CSI), bytes that are not UTF-8, and the bidirectional controls that
// reorder a line (U+202A–U+202E, U+2066–U+2069). They are shown as Go-style
// escapes (\x1b, \u202e), so that the reader sees that something was there.
func escapeText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || escapedRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && escapedRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case escapedRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func escapedRune(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
