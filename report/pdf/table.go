// The layout engine: tables whose rows never split across pages.

package pdf

import (
	"math"

	"github.com/signintech/gopdf"

	"github.com/shinchoku/shinchoku/report/content"
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
	_, hh := d.layoutRow(cols, header, true)
	first := 0.0
	if len(rows) > 0 {
		_, first = d.layoutRow(cols, rows[0], false)
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

// layoutRow wraps every cell of a row and returns the lines and the row's
// height.
func (d *doc) layoutRow(cols []column, r []cell, header bool) ([][]string, float64) {
	family, size := d.cellFont(header)
	d.setFont(family, size)
	cells := make([][]string, len(r))
	lines := 1
	for i, c := range r {
		cells[i] = d.lines(c.text, cols[i].width-2*cellPad)
		lines = max(lines, len(cells[i]))
	}
	h := float64(lines)*size*1.35 + 2*cellPad
	for _, c := range r {
		if c.bar >= 0 && c.text != "" && !header {
			h = math.Max(h, size*1.35+2*cellPad+6)
		}
	}
	return cells, h
}

func (d *doc) row(cols []column, r []cell, header bool) {
	cells, h := d.layoutRow(cols, r, header)
	if d.ensure(h) && !header {
		d.row(cols, d.header, true)
	}
	family, size := d.cellFont(header)
	x := marginX
	d.gp.SetLineWidth(0.5)
	d.gp.SetStrokeColor(120, 120, 120)
	for i, c := range r {
		w := cols[i].width
		if header {
			d.gp.SetFillColor(222, 230, 242)
			d.gp.RectFromUpperLeftWithStyle(x, d.y, w, h, "FD")
			d.gp.SetFillColor(0, 0, 0)
		} else {
			d.gp.RectFromUpperLeftWithStyle(x, d.y, w, h, "D")
		}
		d.setFont(family, size)
		ty := d.y + cellPad
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
