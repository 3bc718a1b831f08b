package gopdf

import (
	"io"
)

const colorTypeStrokeRGB = "RG"

const colorTypeFillRGB = "rg"

type cacheContentColorRGB struct {
	colorType string
	r, g, b   uint8
}

func (c *cacheContentColorRGB) write(w io.Writer, protection *PDFProtection) error {
	b := appendNums(scratch(w, 32), 3, float64(c.r)/255, float64(c.g)/255, float64(c.b)/255)
	writeBytes(w, append(append(b, c.colorType...), '\n'))
	return nil
}
