package gopdf

import (
	"io"
)

type cacheContentLineWidth struct {
	width float64
}

func (c *cacheContentLineWidth) write(w io.Writer, protection *PDFProtection) error {
	return writeBytes(w, append(appendNums(scratch(w, 16), 2, c.width), "w\n"...))
}
