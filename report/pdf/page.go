// The layout engine: pages, their running header and page number.

package pdf

import (
	"fmt"
)

func (d *doc) bottom() float64 { return pageH - marginBottom }

// newPage starts a page with its running header and page number. The page
// it leaves is finished: its content stream is made now and its drawing
// commands let go, so that memory does not grow with the number of pages.
// The cover and the contents pages stay open; the contents are drawn last.
func (d *doc) newPage() {
	if d.page > 1+d.tocPages {
		d.fail(d.gp.FinishPage())
	}
	d.gp.AddPage()
	d.page = d.gp.GetNumberOfPages()
	d.y = marginTop
	// gopdf makes a page's content stream at the first drawing, and SetPage
	// counts content streams: give every page one now, so that the contents
	// drawn later land on the right pages.
	d.gp.SetLineWidth(0)
	d.gp.Line(0, 0, 0, 0)
	d.pageFurniture()
}

// setPage goes back to an earlier page to draw on it.
func (d *doc) setPage(p int) {
	d.fail(d.gp.SetPage(p))
	d.page = p
}

// ensure starts a new page unless h more points fit on this one.
func (d *doc) ensure(h float64) bool {
	if d.y+h > d.bottom() {
		d.newPage()
		return true
	}
	return false
}

// pageFurniture draws the running header (from page 2 on) and the centred
// page number "-N-" (the cover is not numbered).
func (d *doc) pageFurniture() {
	p := d.page
	if p < 2 {
		return
	}
	font, size := d.font, d.size
	d.setFont(gothic, 8)
	d.gp.SetTextColor(90, 90, 90)
	d.text(pageW-marginX-d.measure(d.title), 30, d.title)
	d.gp.SetStrokeColor(180, 180, 180)
	d.gp.SetLineWidth(0.5)
	d.gp.Line(marginX, 42, pageW-marginX, 42)
	d.gp.SetTextColor(0, 0, 0)
	d.setFont(gothic, 10)
	num := fmt.Sprintf("-%d-", p-1)
	d.text((pageW-d.measure(num))/2, pageH-40, num)
	if font != "" {
		d.setFont(font, size)
	}
}
