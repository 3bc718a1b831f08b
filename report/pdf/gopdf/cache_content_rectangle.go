package gopdf

import (
	"io"
)

type cacheContentRectangle struct {
	pageHeight       float64
	x                float64
	y                float64
	width            float64
	height           float64
	style            PaintStyle
	extGStateIndexes []int
}

func NewCacheContentRectangle(pageHeight float64, rectOpts DrawableRectOptions) ICacheContent {
	if rectOpts.PaintStyle == "" {
		rectOpts.PaintStyle = DrawPaintStyle
	}

	return cacheContentRectangle{
		x:                rectOpts.X,
		y:                rectOpts.Y,
		width:            rectOpts.W,
		height:           rectOpts.H,
		pageHeight:       pageHeight,
		style:            rectOpts.PaintStyle,
		extGStateIndexes: rectOpts.extGStateIndexes,
	}
}

func (c cacheContentRectangle) write(w io.Writer, protection *PDFProtection) error {
	b := scratch(w, 64)
	b = append(b, "q\n"...)
	b = appendGS(b, c.extGStateIndexes)
	b = appendNums(b, 2, c.x, c.pageHeight-c.y, c.width, c.height)
	b = append(b, "re "...)
	b = append(b, c.style...)
	b = append(b, "\nQ\n"...)
	return writeBytes(w, b)
}
