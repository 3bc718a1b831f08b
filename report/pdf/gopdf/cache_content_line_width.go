package gopdf

import (
	"io"
)

type cacheContentLineWidth struct {
	width float64
}

func (c *cacheContentLineWidth) write(w io.Writer, protection *PDFProtection) error {
	return writeBytes(w, append(appendNums(nil, 2, c.width), "w\n"...))
}
