// The report's sections: the cover, the overview of grades and submissions,
// then per goal its numeric targets and per project its KPI table and
// narrative. They say what to draw; the content comes from report/internal/content.

package pdf

import (
	"fmt"
	"strings"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/internal/content"
)

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
		size := headingSize(depth)
		d.y += 6
		// A heading keeps with what follows it down to the first project's
		// first table row: the headings under it, never left alone at the
		// foot of a page.
		d.head(depth, content.Heading(n, depth), bold, size, d.keepAfter(n, depth))
		d.y += 2
		for _, c := range n.Children {
			d.node(c, depth+1)
		}
		return
	}
	d.project(n, depth)
}

// headingSize is the size of an intermediate heading at a depth.
func headingSize(depth int) float64 {
	if depth > 1 {
		return 11.5
	}
	return 13
}

// keepAfter is how much of what follows an intermediate node's heading
// must stay on its page: each heading down its first children and the
// first project's title with its table's first row.
func (d *doc) keepAfter(n *shinchoku.Node, depth int) float64 {
	if len(n.Children) == 0 {
		return 60
	}
	c := n.Children[0]
	if content.IsProject(d.pr.Plan, c, depth+1) {
		d.setFont(bold, 10.5)
		title := float64(len(d.lines(content.ProjectHeading(c), contentW))) * 10.5 * 1.5
		return 8 + title + d.firstRowHeight(c)
	}
	size := headingSize(depth + 1)
	d.setFont(bold, size)
	h := float64(len(d.lines(content.Heading(c, depth+1), contentW))) * size * 1.5
	return 6 + h + 2 + d.keepAfter(c, depth+1)
}

// project draws 事業名【担当課】 with its tags, the KPI table and the
// narrative. The title is kept with the first table row.
func (d *doc) project(n *shinchoku.Node, depth int) {
	d.y += 8
	title := content.ProjectHeading(n)
	for _, t := range n.Tags {
		title = strings.Replace(title, "　"+t, "　"+glue(t), 1)
	}
	keep := d.firstRowHeight(n)
	d.setFont(bold, 10.5)
	lines := wrap(title, contentW, d.advance)
	titleH := float64(len(lines)) * 10.5 * 1.5
	if len(content.Narrative(d.pr, n)) == 0 {
		// Without a narrative the block ends in （報告なし）: kept whole when
		// it fits a page, so that the line never starts a page alone.
		if h := titleH + d.blockHeight(n); h <= d.bottom()-marginTop {
			keep = max(keep, h-titleH)
		}
		d.setFont(bold, 10.5)
	}
	d.ensure(titleH + keep)
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

// firstRowHeight is what a project's title keeps with: its description and
// its table's header and first row, or the first lines of its narrative.
func (d *doc) firstRowHeight(n *shinchoku.Node) float64 {
	h := 0.0
	if desc := content.ProjectDescription(d.pr, n); desc != "" {
		d.setFont(mincho, 8.5)
		h += float64(len(d.lines(desc, contentW-8)))*8.5*lineGap + 4
	}
	if len(n.Indicators) == 0 {
		return h + 30
	}
	t, _ := d.kpis.Table(n.Indicators)
	cols := kpiColumns(t)
	_, _, hh := d.layoutRow(cols, headerCells(cols), true)
	_, _, rh := d.layoutRow(cols, kpiRows(t)[0], false)
	return h + 2 + hh + rh
}

// blockHeight is the height of a project block below its title when it
// has no narrative: description, KPI table, notes and （報告なし）.
func (d *doc) blockHeight(n *shinchoku.Node) float64 {
	h := 0.0
	para := func(family string, size, indent float64, s string) float64 {
		d.setFont(family, size)
		return float64(len(d.lines(s, contentW-indent))) * size * lineGap
	}
	if desc := content.ProjectDescription(d.pr, n); desc != "" {
		h += para(mincho, 8.5, 8, desc) + 4
	}
	if len(n.Indicators) > 0 {
		t, notes := d.kpis.Table(n.Indicators)
		cols := kpiColumns(t)
		_, _, hh := d.layoutRow(cols, headerCells(cols), true)
		h += 2 + hh
		for _, r := range kpiRows(t) {
			_, _, rh := d.layoutRow(cols, r, false)
			h += rh
		}
		for _, note := range notes {
			h += 2 + para(mincho, 7.5, 4, note)
		}
	}
	return h + 4 + para(mincho, bodySize, 8, content.NoReport)
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
			// The label keeps with the first line of its text (in the
			// body's size), never alone at the foot of a page.
			d.ensure(d.lineHeight() + bodySize*lineGap)
			d.text(marginX+8, d.y, part.Label)
			d.y += d.lineHeight()
			d.paragraph(mincho, bodySize, 18, part.Text)
		}
	}
}

// kpiWidths are the widths of the KPI table's columns.
var kpiWidths = []float64{143, 60, 62, 60, 64, 69, contentW - 143 - 60 - 62 - 60 - 64 - 69}

func kpiColumns(t content.Table) []column { return columns(t, kpiWidths) }

// kpiRows are the KPI table's rows as the PDF draws them: a missing
// actual's reason breaks before its details (差し戻し / （青少年課）), which
// reads in the narrow cell where 差し戻し（青 / 少年課） does not.
func kpiRows(t content.Table) [][]cell {
	rows := contentRows(t)
	for _, r := range rows {
		c := &r[content.ColActual]
		for _, reason := range []string{shinchoku.ReasonReturned, shinchoku.ReasonPending} {
			if strings.HasPrefix(c.text, reason+"（") {
				c.text = reason + "\n" + strings.TrimPrefix(c.text, reason)
			}
		}
	}
	return rows
}

// kpiTable draws the KPI table of a node and the ※ notes under it.
func (d *doc) kpiTable(inds []*shinchoku.Indicator) {
	t, notes := d.kpis.Table(inds)
	d.table(kpiColumns(t), kpiRows(t))
	for _, note := range notes {
		d.y += 2
		d.paragraph(mincho, 7.5, 4, note)
	}
}
