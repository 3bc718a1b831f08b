// Package pdf writes the council's progress report (進捗状況報告書) in the
// layout of the city's own documents: A4 portrait, BIZ UD明朝 body and BIZ
// UDゴシック headings (embedded, subset), a cover, contents and bookmarks, an
// overview of grades, then per goal its numeric targets and per project its
// KPI table and narrative; page numbers "-N-" centred at the foot.
package pdf

import (
	"bufio"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/fonts"
	"github.com/shinchoku/shinchoku/report/content"
)

// Options are what the report says about itself.
type Options struct {
	Title string // default: <plan title> 進捗状況報告書

	trace func(page int, x, y float64, s string) // tests: every text drawn, in order
}

// FileName is the report's file name for a period.
func FileName(p shinchoku.Period) string { return "進捗状況報告書_" + p.String() + ".pdf" }

// Page geometry in points (A4 portrait).
const (
	pageW, pageH = 595.28, 841.89
	marginX      = 51.0
	marginTop    = 62.0
	marginBottom = 62.0
	contentW     = pageW - 2*marginX
	bodySize     = 9.5
	lineGap      = 1.55 // line height as a multiple of the font size
)

// Font families.
const (
	mincho = "mincho"
	gothic = "gothic"
	bold   = "gothic-bold"
)

// heading is a bookmark and contents entry.
type heading struct {
	level   int
	title   string
	page    int
	y       float64
	outline *gopdf.OutlineObj
}

type doc struct {
	tocPages int    // contents pages after the cover
	header   []cell // the header row of the table being drawn, repeated on a new page
	page     int    // the page being drawn on, 1-based
	widths   map[fontSize]*advanceTable
	// advances is widths[advanceKey], the current font's
	advances   *advanceTable
	advanceKey fontSize
	wrapped    map[wrapKey][]string
	trace      func(page int, x, y float64, s string) // tests: every text drawn
	kpis       *content.KPITables
	// hasIndicators: a narrative-only plan prints each initiative's description
	hasIndicators bool
	gp            *gopdf.GoPdf
	pr            *shinchoku.Progress
	title         string
	y             float64
	font          string
	size          float64
	missing       []rune
	err           error
	headings      []heading
}

// Write renders the report of a period's progress in one pass: the contents
// pages are reserved first (their number depends only on the plan) and
// filled in at the end, when every heading's page is known.
func Write(w io.Writer, pr *shinchoku.Progress, opts Options) error {
	d, err := render(pr, opts, opts.trace)
	if err != nil {
		if d != nil {
			d.gp.AwaitFinishes()
		}
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := d.gp.Write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

func render(pr *shinchoku.Progress, opts Options, trace func(int, float64, float64, string)) (*doc, error) {
	d := &doc{gp: &gopdf.GoPdf{}, pr: pr, title: content.Title(pr, opts.Title), kpis: content.NewKPITables(pr),
		widths: map[fontSize]*advanceTable{}, wrapped: map[wrapKey][]string{}, trace: trace}
	d.hasIndicators = content.HasIndicators(pr)
	d.gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}, Unit: gopdf.UnitPT})
	// Fastest deflate: most of the size is the embedded font subsets anyway.
	d.gp.SetCompressLevel(zlib.BestSpeed)
	d.gp.SetInfo(gopdf.PdfInfo{
		Title: d.title, Author: pr.Plan.Organization, Subject: content.Subject(pr),
		Creator: "shinchoku", Producer: "shinchoku", CreationDate: pr.Period.End(),
	})
	onMissing := gopdf.TtfOption{OnGlyphNotFound: func(r rune) { d.missing = append(d.missing, r) }}
	for _, f := range []struct {
		name string
		data []byte
	}{{mincho, fonts.MinchoRegular}, {gothic, fonts.GothicRegular}, {bold, fonts.GothicBold}} {
		if err := d.gp.AddTTFFontDataWithOption(f.name, f.data, onMissing); err != nil {
			return nil, fmt.Errorf("font %s: %w", f.name, err)
		}
	}
	d.cover()
	d.reserveContents()
	d.summary()
	for _, n := range pr.Plan.Nodes {
		d.goal(n)
	}
	d.contents()
	d.linkOutlines()
	return d, d.err
}

func (d *doc) fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

func (d *doc) setFont(family string, size float64) {
	if d.font == family && d.size == size {
		return
	}
	d.font, d.size = family, size
	d.fail(d.gp.SetFont(family, "", size))
}

// fontSize keys the width cache.
type fontSize struct {
	family string
	size   float64
}

// advanceTable holds the widths of the characters of one font and size
// measured so far: those of the Basic Multilingual Plane (every Japanese
// character) in an array, for wrapping looks them up for every character
// of every text; others in a map.
type advanceTable struct {
	known [0x10000 / 64]uint64 // bit r: bmp[r] is measured
	bmp   [0x10000]float64
	other map[rune]float64
}

// advance is the width of a character in the current font, measured once
// by gopdf and cached, because wrapping measures the same text many times.
func (d *doc) advance(r rune) float64 {
	key := fontSize{d.font, d.size}
	if d.advanceKey != key || d.advances == nil {
		d.advances = d.widths[key]
		if d.advances == nil {
			d.advances = &advanceTable{other: map[rune]float64{}}
			d.widths[key] = d.advances
		}
		d.advanceKey = key
	}
	t := d.advances
	if r >= 0 && r < 0x10000 {
		if t.known[r/64]&(1<<(r%64)) != 0 {
			return t.bmp[r]
		}
		w := d.measureRune(r)
		t.bmp[r] = w
		t.known[r/64] |= 1 << (r % 64)
		return w
	}
	w, ok := t.other[r]
	if !ok {
		w = d.measureRune(r)
		t.other[r] = w
	}
	return w
}

func (d *doc) measureRune(r rune) float64 {
	w, err := d.gp.MeasureTextWidth(string(r))
	d.fail(err)
	return w
}

// measure is the width of s in the current font: the sum of its characters'
// advances (the fonts are used without kerning).
func (d *doc) measure(s string) float64 { return extend(0, s, d.advance) }

// text draws one line with its top-left corner at x, y, and turns a glyph
// the font lacks into an error that names the text (gopdf would silently
// draw nothing).
func (d *doc) text(x, y float64, s string) {
	if s == "" {
		return
	}
	if d.trace != nil {
		d.trace(d.page, x, y, s)
	}
	d.missing = d.missing[:0]
	d.gp.SetXY(x, y)
	// Left- and top-aligned without a border, a cell's width changes
	// nothing that is drawn: the text is not measured a second time here.
	d.fail(d.gp.CellWithOption(&gopdf.Rect{W: 1, H: d.size}, s, gopdf.CellOption{Align: gopdf.Left | gopdf.Top}))
	if len(d.missing) > 0 {
		d.fail(fmt.Errorf("フォントにない文字 %q があるため描けません: 「%s」", string(d.missing), s))
	}
}

func (d *doc) lineHeight() float64 { return d.size * lineGap }

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

// wrapKey keys the cache of wrapped text: tables repeat the same headers,
// units and numbers on every page.
type wrapKey struct {
	font  fontSize
	width float64
	text  string
}

// maxWrapped bounds the cache of wrapped text.
const maxWrapped = 20000

// lines wraps text to a width in the current font, once per distinct text.
func (d *doc) lines(text string, width float64) []string {
	k := wrapKey{fontSize{d.font, d.size}, width, text}
	if l, ok := d.wrapped[k]; ok {
		return l
	}
	l := wrap(text, width, d.advance)
	if len(text) < 200 {
		if len(d.wrapped) >= maxWrapped {
			clear(d.wrapped) // most cells of a long report are numbers seen once
		}
		d.wrapped[k] = l
	}
	return l
}

// paragraph draws wrapped text at an indent.
func (d *doc) paragraph(family string, size, indent float64, s string) {
	d.setFont(family, size)
	for _, line := range d.lines(s, contentW-indent) {
		d.ensure(d.lineHeight())
		d.text(marginX+indent, d.y, line)
		d.y += d.lineHeight()
	}
}

func (d *doc) cover() {
	d.newPage()
	d.setFont(bold, 24)
	lines := wrap(d.title, contentW, d.advance)
	y := 250.0
	for _, l := range lines {
		d.text((pageW-d.measure(l))/2, y, l)
		y += 24 * 1.6
	}
	d.setFont(gothic, 14)
	for i, s := range []string{d.pr.Period.Label(), d.pr.Plan.Organization} {
		d.text((pageW-d.measure(s))/2, 560+float64(i)*30, s)
	}
}

// contentsEntries are the headings the contents list: every level but the
// last.
func (d *doc) contentsEntries() int {
	n := 1 // 総括
	levels := len(d.pr.Plan.Levels)
	d.pr.Plan.Walk(func(_ *shinchoku.Node, anc []*shinchoku.Node) bool {
		if len(anc) < levels-1 || levels == 1 {
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

func (d *doc) summary() {
	d.newPage()
	d.head(0, content.Overview, bold, 16, 60)
	d.y += 6
	d.paragraph(mincho, bodySize, 0, content.OverviewText(d.pr))
	d.y += 8
	if d.hasIndicators {
		d.gradeOverview()
	}
	d.submissionStatus()
}

// gradeOverview draws the grade counts per goal as a table and as bars.
func (d *doc) gradeOverview() {
	g := content.Grades(d.pr)
	widths := []float64{contentW - float64(len(g.Grades)+1)*42}
	for range len(g.Grades) + 1 {
		widths = append(widths, 42)
	}
	d.contentTable(g.Table(), widths)
	d.y += 14
	var labels []string
	var stacks [][]int
	for _, r := range g.Rows {
		labels, stacks = append(labels, r.Label), append(stacks, r.Counts)
	}
	d.bars(labels, stacks, g.Grades)
	d.y += 14
}

// submissionStatus draws how many departments were accepted, returned or
// have not submitted.
func (d *doc) submissionStatus() {
	t := content.SubmissionTable(d.pr)
	d.setFont(bold, 11)
	d.ensure(60)
	d.text(marginX, d.y, t.Caption)
	d.y += 18
	d.contentTable(t, []float64{contentW / 4, contentW / 4, contentW / 4, contentW / 4})
}

// bars draws a horizontal stacked bar per row: how its indicators are graded.
func (d *doc) bars(labels []string, stacks [][]int, grades []shinchoku.Grade) {
	labelW, barH, gap := 150.0, 14.0, 8.0
	h := float64(len(labels))*(barH+gap) + 30
	d.ensure(h)
	d.setFont(gothic, 8)
	for i, label := range labels {
		y := d.y + float64(i)*(barH+gap)
		l := label
		if d.measure(l) > labelW-6 {
			l = fit(l, labelW-6-d.measure("…"), d.advance) + "…"
		}
		d.text(marginX, y+3, l)
		total := 0
		for _, c := range stacks[i] {
			total += c
		}
		x := marginX + labelW
		for g, c := range stacks[i] {
			if c == 0 || total == 0 {
				continue
			}
			w := (contentW - labelW) * float64(c) / float64(total)
			col := content.GradeColor(g, len(grades))
			d.gp.SetFillColor(col[0], col[1], col[2])
			d.gp.RectFromUpperLeftWithStyle(x, y, w, barH, "F")
			if w > 14 {
				d.text(x+w/2-d.measure(fmt.Sprint(c))/2, y+3, fmt.Sprint(c))
			}
			x += w
		}
	}
	// Legend.
	y := d.y + float64(len(labels))*(barH+gap)
	x := marginX + labelW
	for g, grade := range grades {
		col := content.GradeColor(g, len(grades))
		d.gp.SetFillColor(col[0], col[1], col[2])
		d.gp.RectFromUpperLeftWithStyle(x, y+2, 10, 8, "F")
		d.text(x+13, y+1, string(grade))
		x += 45
	}
	d.gp.SetFillColor(0, 0, 0)
	d.y += h
}

func (d *doc) goal(n *shinchoku.Node) {
	d.newPage()
	d.head(0, content.Heading(n, 0), bold, 15, 40)
	d.y += 4
	if n.Description != "" {
		d.paragraph(mincho, bodySize, 0, n.Description)
		d.y += 6
	}
	if len(n.Indicators) > 0 {
		d.setFont(bold, 11)
		d.ensure(60)
		d.text(marginX, d.y, content.Targets)
		d.y += 18
		d.kpiTable(n.Indicators)
		d.y += 10
	}
	if len(n.Children) == 0 {
		d.narrative(n)
	}
	for _, c := range n.Children {
		d.node(c, 1)
	}
}

// node draws a node below the top level: a heading for intermediate levels,
// a project block for the last level.
func (d *doc) node(n *shinchoku.Node, depth int) {
	if !content.IsProject(d.pr.Plan, n, depth) {
		size := 13.0
		if depth > 1 {
			size = 11.5
		}
		d.y += 6
		d.head(depth, content.Heading(n, depth), bold, size, 60)
		d.y += 2
		for _, c := range n.Children {
			d.node(c, depth+1)
		}
		return
	}
	d.project(n, depth)
}

// project draws 事業名【担当課】 with its tags, the KPI table and the
// narrative. The title is kept with the first table row.
func (d *doc) project(n *shinchoku.Node, depth int) {
	d.y += 8
	title := content.ProjectHeading(n)
	d.setFont(bold, 10.5)
	keep := 60.0
	if len(n.Indicators) == 0 {
		keep = 30
	}
	lines := wrap(title, contentW, d.advance)
	d.ensure(float64(len(lines))*10.5*1.5 + keep)
	d.mark(depth, n.Title, d.y)
	d.setFont(bold, 10.5)
	for _, l := range lines {
		d.text(marginX, d.y, l)
		d.y += 10.5 * 1.5
	}
	if desc := content.ProjectDescription(d.pr, n); desc != "" {
		d.paragraph(mincho, 8.5, 8, desc)
		d.y += 4
	}
	if len(n.Indicators) > 0 {
		d.y += 2
		d.kpiTable(n.Indicators)
	}
	d.narrative(n)
}

func (d *doc) narrative(n *shinchoku.Node) {
	entries := content.Narrative(d.pr, n)
	if len(entries) == 0 {
		d.y += 4
		d.paragraph(mincho, bodySize, 8, content.NoReport)
		return
	}
	for _, parts := range entries {
		d.y += 4
		for _, part := range parts {
			d.setFont(gothic, 9)
			d.ensure(2 * d.lineHeight())
			d.text(marginX+8, d.y, part.Label)
			d.y += d.lineHeight()
			d.paragraph(mincho, bodySize, 18, part.Text)
		}
	}
}

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
	header := make([]cell, len(cols))
	for i, c := range cols {
		header[i] = cell{text: c.title, bar: -1}
	}
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

// kpiTable draws the KPI table of a node and the ※ notes under it.
func (d *doc) kpiTable(inds []*shinchoku.Indicator) {
	t, notes := d.kpis.Table(inds)
	d.contentTable(t, []float64{143, 60, 62, 60, 57, 76, contentW - 143 - 60 - 62 - 60 - 57 - 76})
	for _, note := range notes {
		d.y += 2
		d.paragraph(mincho, 7.5, 4, note)
	}
}

// contentTable draws a table of the report's content in columns of the
// given widths.
func (d *doc) contentTable(t content.Table, widths []float64) {
	cols := make([]column, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = column{title: c.Title, width: widths[i], align: alignments[c.Align]}
	}
	rows := make([][]cell, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = make([]cell, len(r.Cells))
		for j, c := range r.Cells {
			rows[i][j] = cell{text: c.Text, bar: c.Bar}
		}
	}
	d.table(cols, rows)
}

var alignments = map[content.Align]int{content.Left: gopdf.Left, content.Center: gopdf.Center, content.Right: gopdf.Right}
