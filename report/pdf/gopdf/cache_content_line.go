package gopdf

import (
	"io"
)

type cacheContentLine struct {
	pageHeight float64
	x1         float64
	y1         float64
	x2         float64
	y2         float64
	opts       lineOptions
}

func (c *cacheContentLine) write(w io.Writer, protection *PDFProtection) error {
	b := scratch(w, 64)
	b = append(b, "q\n"...)
	b = appendGS(b, c.opts.extGStateIndexes)
	b = appendNums(b, 2, c.x1, c.pageHeight-c.y1)
	b = append(b, "m "...)
	b = appendNums(b, 2, c.x2, c.pageHeight-c.y2)
	b = append(b, "l S\nQ\n"...)
	return writeBytes(w, b)
}
