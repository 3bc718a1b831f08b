// The report's sections: the cover, the overview of grades and submissions,
// then per goal its numeric targets and per project its KPI table and
// narrative. They say what to draw; the content comes from report/content.

package pdf

import (
	"fmt"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/content"
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

// kpiTable draws the KPI table of a node and the ※ notes under it.
func (d *doc) kpiTable(inds []*shinchoku.Indicator) {
	t, notes := d.kpis.Table(inds)
	d.contentTable(t, []float64{143, 60, 62, 60, 57, 76, contentW - 143 - 60 - 62 - 60 - 57 - 76})
	for _, note := range notes {
		d.y += 2
		d.paragraph(mincho, 7.5, 4, note)
	}
}
