// The layout engine: tables whose rows never split across pages.

package pdf

import (
	"math"
	"strings"

	"github.com/go-text/typesetting/segmenter"
	"github.com/signintech/gopdf"

	"github.com/shinchoku/shinchoku/report/internal/content"
)

// column of a table.
type column struct {
	title string
	width float64
	align int // gopdf.Left (0), gopdf.Center or gopdf.Right
}

// cell of a table; bar ≥ 0 draws a small progress bar (a share, 0–1).
type cell struct {
	text string
	bar  float64
}

const cellPad = 3.5

// table draws rows that never split across pages; the header row repeats on
// every page the table runs onto.
func (d *doc) table(cols []column, rows [][]cell) {
	header := headerCells(cols)
	d.header = header
	// The header row never stands alone at the foot of a page.
	_, _, hh := d.layoutRow(cols, header, true)
	first := 0.0
	if len(rows) > 0 {
		_, _, first = d.layoutRow(cols, rows[0], false)
	}
	d.ensure(hh + first)
	d.row(cols, header, true)
	for _, r := range rows {
		d.row(cols, r, false)
	}
}

func (d *doc) cellFont(header bool) (string, float64) {
	if header {
		return bold, 8
	}
	return gothic, 8.5
}

// minCellSize is the smallest size a cell's text is shrunk to (see
// cellSize): a 15-digit figure with a two-character unit
// (999,999,999,999,999千円, 11.5 em) fits the narrowest KPI value column
// (55 pt inside) at 4.78 pt. Below it a piece is broken between
// characters, as wrap does.
const minCellSize = 4.5

// cellSize is the font size of a cell: size, or smaller where a piece that
// must stay on one line (a number with its unit: 999,999,999,999,999人, a
// Latin word) is wider than the cell, so that it is not broken between
// characters; down to minCellSize. The current font is family at size.
func (d *doc) cellSize(family string, size float64, text string, width float64) float64 {
	widest := 0.0
	var seg segmenter.Segmenter
	for _, para := range strings.Split(text, "\n") {
		if d.measure(para) <= width {
			continue // most cells: the whole paragraph fits
		}
		for _, p := range breakPieces(&seg, para) {
			widest = max(widest, d.measure(strings.TrimRight(p, " ")))
		}
	}
	if widest <= width {
		return size
	}
	// Widths grow with the size; stepping down by quarter points from the
	// proportional size keeps the sizes few (the width cache is per size).
	s := max(minCellSize, math.Floor(size*width/widest*4)/4)
	for {
		d.setFont(family, s)
		w := 0.0
		for _, para := range strings.Split(text, "\n") {
			for _, p := range breakPieces(&seg, para) {
				w = max(w, d.measure(strings.TrimRight(p, " ")))
			}
		}
		if w <= width || s <= minCellSize {
			break
		}
		s = max(minCellSize, s-0.25)
	}
	d.setFont(family, size)
	return s
}

// shrunkDrop is how far the first line of a cell shrunk from size to s
// moves down, so that it stands on the same baseline as its neighbours
// (the fonts' baseline is 0.88 em below the top).
func shrunkDrop(size, s float64) float64 { return (size - s) * 0.88 }

// layoutRow wraps every cell of a row and returns the lines, each cell's
// font size (see cellSize) and the row's height.
func (d *doc) layoutRow(cols []column, r []cell, header bool) ([][]string, []float64, float64) {
	family, size := d.cellFont(header)
	d.setFont(family, size)
	cells := make([][]string, len(r))
	sizes := make([]float64, len(r))
	textH := size * 1.35
	for i, c := range r {
		w := cols[i].width - 2*cellPad
		sizes[i] = d.cellSize(family, size, c.text, w)
		d.setFont(family, sizes[i])
		cells[i] = d.lines(c.text, w)
		textH = max(textH, shrunkDrop(size, sizes[i])+float64(len(cells[i]))*sizes[i]*1.35)
	}
	d.setFont(family, size)
	h := textH + 2*cellPad
	for _, c := range r {
		if c.bar >= 0 && c.text != "" && !header {
			h = math.Max(h, size*1.35+2*cellPad+6)
		}
	}
	return cells, sizes, h
}

func (d *doc) row(cols []column, r []cell, header bool) {
	cells, sizes, h := d.layoutRow(cols, r, header)
	if d.ensure(h) && !header {
		d.row(cols, d.header, true)
	}
	family, rowSize := d.cellFont(header)
	x := marginX
	d.gp.SetLineWidth(0.5)
	d.gp.SetStrokeColor(120, 120, 120)
	for i, c := range r {
		w := cols[i].width
		size := sizes[i]
		if header {
			d.gp.SetFillColor(222, 230, 242)
			d.gp.RectFromUpperLeftWithStyle(x, d.y, w, h, "FD")
			d.gp.SetFillColor(0, 0, 0)
		} else {
			d.gp.RectFromUpperLeftWithStyle(x, d.y, w, h, "D")
		}
		d.setFont(family, size)
		ty := d.y + cellPad + shrunkDrop(rowSize, size)
		for _, l := range cells[i] {
			lx := x + cellPad
			switch cols[i].align {
			case gopdf.Center:
				lx = x + (w-d.measure(l))/2
			case gopdf.Right:
				lx = x + w - cellPad - d.measure(l)
			}
			if header {
				lx = x + (w-d.measure(l))/2
			}
			d.text(lx, ty, l)
			ty += size * 1.35
		}
		if !header && c.bar >= 0 && c.text != "" {
			barW := w - 2*cellPad
			d.gp.SetFillColor(225, 225, 225)
			d.gp.RectFromUpperLeftWithStyle(x+cellPad, d.y+h-cellPad-4, barW, 3.5, "F")
			d.gp.SetFillColor(70, 120, 190)
			d.gp.RectFromUpperLeftWithStyle(x+cellPad, d.y+h-cellPad-4, barW*math.Min(1, math.Max(0, c.bar)), 3.5, "F")
			d.gp.SetFillColor(0, 0, 0)
		}
		x += w
	}
	d.y += h
}

// contentTable draws a table of the report's content in columns of the
// given widths.
func (d *doc) contentTable(t content.Table, widths []float64) {
	d.table(columns(t, widths), contentRows(t))
}

func columns(t content.Table, widths []float64) []column {
	cols := make([]column, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = column{title: c.Title, width: widths[i], align: alignments[c.Align]}
	}
	return cols
}

func contentRows(t content.Table) [][]cell {
	rows := make([][]cell, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = make([]cell, len(r.Cells))
		for j, c := range r.Cells {
			rows[i][j] = cell{text: c.Text, bar: -1}
			if c.HasBar {
				rows[i][j].bar = c.Bar
			}
		}
	}
	return rows
}

// headerCells are a table's header row.
func headerCells(cols []column) []cell {
	header := make([]cell, len(cols))
	for i, c := range cols {
		header[i] = cell{text: c.title, bar: -1}
	}
	return header
}

var alignments = map[content.Align]int{content.Left: gopdf.Left, content.Center: gopdf.Center, content.Right: gopdf.Right}
