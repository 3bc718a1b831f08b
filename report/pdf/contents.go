// The contents pages and the bookmarks: the headings of the report and the
// pages they are on.

package pdf

import (
	"fmt"
	"strings"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/internal/content"
)

// contentsEntries are the headings the contents list: every level but the
// last.
func (d *doc) contentsEntries() int {
	n := 1 // 総括
	d.pr.Plan.Walk(func(_ *shinchoku.Node, anc []*shinchoku.Node) bool {
		if content.InContents(d.pr.Plan, len(anc)) {
			n++
		}
		return true
	})
	return n
}

const tocLine = 16.0

func (d *doc) tocPerPage() int { return int((d.bottom() - marginTop - 40) / tocLine) }

// inContents says whether a heading is listed in the contents: every level
// but the last (projects).
func (d *doc) inContents(h heading) bool { return content.InContents(d.pr.Plan, h.level) }

// reserveContents adds the blank contents pages after the cover.
func (d *doc) reserveContents() {
	per := d.tocPerPage()
	d.tocPages = (d.contentsEntries() + per - 1) / per
	for range d.tocPages {
		d.newPage()
	}
}

// contents fills the reserved pages with the headings and their pages.
// gopdf draws on an earlier page with SetPage (its links would land on the
// last page, so the contents carry page numbers and the bookmarks do the
// jumping).
func (d *doc) contents() {
	per := d.tocPerPage()
	var entries []heading
	for _, h := range d.headings {
		if d.inContents(h) {
			entries = append(entries, h)
		}
	}
	for p := range d.tocPages {
		d.setPage(2 + p)
		d.y = marginTop
		if p == 0 {
			d.setFont(bold, 16)
			d.text(marginX, d.y, content.Contents)
		}
		d.y += 40
		for _, h := range entries[min(p*per, len(entries)):min((p+1)*per, len(entries))] {
			d.contentsLine(h)
		}
	}
}

func (d *doc) contentsLine(h heading) {
	size := 10.5
	family := gothic
	if h.level == 0 {
		family = bold
	}
	d.setFont(family, size)
	indent := float64(h.level) * 14
	num := fmt.Sprintf("%d", h.page-1)
	title := h.title
	avail := contentW - indent - 40
	if d.measure(title) > avail {
		title = fit(title, avail-d.measure("…"), d.advance) + "…"
	}
	d.text(marginX+indent, d.y, title)
	// Dot leader to the page number.
	left := marginX + indent + d.measure(title) + 6
	right := pageW - marginX - d.measure(num) - 6
	d.setFont(gothic, size)
	if dot := d.measure("・"); right > left+dot {
		leader := strings.Repeat("・", int((right-left)/dot))
		d.gp.SetTextColor(150, 150, 150)
		d.text(right-d.measure(leader), d.y, leader)
		d.gp.SetTextColor(0, 0, 0)
	}
	d.setFont(family, size)
	d.text(pageW-marginX-d.measure(num), d.y, num)
	d.y += tocLine
}

// head draws a heading, keeping it with at least keep points of what
// follows, and records it for the contents and bookmarks.
func (d *doc) head(level int, title string, family string, size, keep float64) {
	d.setFont(family, size)
	lines := wrap(title, contentW, d.advance)
	h := float64(len(lines)) * size * 1.5
	d.ensure(h + keep)
	top := d.y
	d.mark(level, title, top)
	d.setFont(family, size)
	for _, l := range lines {
		d.text(marginX, d.y, l)
		d.y += size * 1.5
	}
}

// mark records a heading at y on the current page, for the contents, and
// a bookmark that jumps to the heading itself.
func (d *doc) mark(level int, title string, y float64) {
	d.gp.SetXY(marginX, y)
	obj := d.gp.AddOutlineWithPosition(title)
	d.headings = append(d.headings, heading{level: level, title: title, page: d.gp.GetNumberOfPages(), y: y, outline: obj})
}

// linkOutlines nests the bookmarks like the plan (goal → direction →
// measure → project): gopdf makes a flat list, so the tree links are set
// here.
func (d *doc) linkOutlines() {
	type node struct {
		h        heading
		children []*node
	}
	var roots, stack []*node
	for _, h := range d.headings {
		n := &node{h: h}
		for len(stack) > 0 && stack[len(stack)-1].h.level >= h.level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, n)
		} else {
			p := stack[len(stack)-1]
			p.children = append(p.children, n)
		}
		stack = append(stack, n)
	}
	var link func(parent *node, kids []*node)
	link = func(parent *node, kids []*node) {
		for i, k := range kids {
			o := k.h.outline
			o.SetPrev(-1)
			o.SetNext(-1)
			if i > 0 {
				o.SetPrev(kids[i-1].h.outline.GetIndex())
			}
			if i < len(kids)-1 {
				o.SetNext(kids[i+1].h.outline.GetIndex())
			}
			if parent != nil {
				o.SetParent(parent.h.outline.GetIndex())
			}
			if len(k.children) > 0 {
				o.SetFirst(k.children[0].h.outline.GetIndex())
				o.SetLast(k.children[len(k.children)-1].h.outline.GetIndex())
			}
			link(k, k.children)
		}
	}
	link(nil, roots)
	if len(roots) > 0 {
		d.gp.SetOutlinesLast(roots[len(roots)-1].h.outline.GetIndex())
	}
}
