// Package html writes the accessible HTML edition of the progress report
// (進捗状況報告書), for the city's website beside the PDF: one
// self-contained file (inline CSS, no script, no external fonts or images)
// with the PDF's content and figures, structured for screen readers
// (headings nested like the plan, tables with captions and header cells,
// the overview chart as SVG with a text alternative), readable on a phone
// and printable on A4. Every word and figure comes from report/internal/content,
// which the PDF draws from too.
package html

import (
	"bufio"
	_ "embed"
	"html/template"
	"io"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/internal/content"
)

// Options are what the report says about itself.
type Options struct {
	Title string // default: <plan title> 進捗状況報告書
}

// FileName is the HTML edition's file name for a period.
func FileName(p shinchoku.Period) string { return "進捗状況報告書_" + p.String() + ".html" }

//go:embed report.tmpl
var pageTemplate string

//go:embed style.css
var style string

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"lines":   lines,
	"heading": func(level int, id, text string) headingData { return headingData{level, id, text} },
	"inc":     func(i int) int { return i + 1 },
}).Parse(pageTemplate))

type headingData struct {
	Level    int
	ID, Text string
}

// page is what the template prints.
type page struct {
	Title           string
	ContentsHeading string
	Organization    string
	Period          string // 令和4年3月末現在
	CSS             template.CSS
	Contents        []*entry
	Overview        overview
}

// entry of the table of contents.
type entry struct {
	ID, Title string
	Children  []*entry
}

type overview struct {
	ID      string
	Heading string
	Text    string
	Chart   *chart
	Grades  *table
	Status  *table
	// StatusHeading titles the submissions (提出状況); the table's own
	// caption says what it counts.
	StatusHeading string
	StatusID      string
}

// section is a node of the plan: a heading, then a project's or a goal's
// own content, then its children.
type section struct {
	ID          string
	Level       int // heading level (2 for goals)
	Heading     string
	Description string
	// TargetsHeading titles a goal's numeric targets (数値目標).
	TargetsHeading string
	KPI            *table
	Notes          []string
	Narrative      [][]content.Paragraph
	NoReport       string // printed when nobody reported
	Children       []*section
}

// table is a content table with what HTML adds: an ID for the caption,
// and which columns are numbers.
type table struct {
	ID        string
	CaptionID string
	Caption   string
	Columns   []column
	Rows      []row
}

type column struct {
	Title string
	Class string
}

type row struct {
	ID     string // "kpi-<indicator ID>" for KPI rows
	Header *cell  // the first cell as the row's header, if it names the row
	Cells  []cell
}

type cell struct {
	Text  string
	Class string
	// Bar is the width (percent) of a small bar under the text, −1 for none.
	Bar float64
}

// Write writes the HTML edition of a period's progress.
func Write(w io.Writer, pr *shinchoku.Progress, opts Options) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	b := builder{pr: pr, kpis: content.NewKPITables(pr)}
	p := b.page(opts)
	if err := tmpl.ExecuteTemplate(bw, "start", p); err != nil {
		return err
	}
	// One goal at a time: a large plan's page is tens of megabytes, and
	// only the goal being written is held as markup.
	for _, n := range pr.Plan.Nodes {
		if err := tmpl.ExecuteTemplate(bw, "goal", b.goal(n)); err != nil {
			return err
		}
	}
	if err := tmpl.ExecuteTemplate(bw, "end", p); err != nil {
		return err
	}
	return bw.Flush()
}

// page is all of the page but the goals: the cover, the contents and the
// overview.
func (b *builder) page(opts Options) *page {
	pr := b.pr
	p := &page{
		Title:           content.Title(pr, opts.Title),
		Organization:    pr.Plan.Organization,
		ContentsHeading: content.Contents,
		Period:          pr.Period.Label(),
		CSS:             template.CSS(style),
	}
	ov := overview{ID: "overview", Heading: content.Overview, Text: content.OverviewText(pr)}
	if content.HasIndicators(pr) {
		g := content.Grades(pr)
		ov.Grades = newTable("o-grades", "o-grades-caption", g.Table(), nil)
		ov.Chart = newChart(g, ov.Grades.Caption)
	}
	status := content.SubmissionTable(pr)
	ov.StatusHeading = status.Caption
	status.Caption = "担当課の数"
	ov.Status = newTable("o-submissions", "o-submissions-caption", status, nil)
	ov.StatusID = "o-submissions-heading"
	p.Overview = ov
	p.Contents = append(p.Contents, &entry{ID: ov.ID, Title: ov.Heading})

	for _, n := range pr.Plan.Nodes {
		p.Contents = append(p.Contents, b.contents(n, 0))
	}
	return p
}

// contents is the contents entry of a node and of those below it that the
// contents list (every level but the projects, as in the PDF).
func (b *builder) contents(n *shinchoku.Node, depth int) *entry {
	e := &entry{ID: anchor(n)}
	switch {
	case depth == 0:
		e.Title = content.Heading(n, 0)
	case content.IsProject(b.pr.Plan, n, depth):
		e.Title = n.Title // as the PDF's contents and bookmarks
	default:
		e.Title = content.Heading(n, depth)
	}
	if depth > 0 && content.IsProject(b.pr.Plan, n, depth) {
		return e
	}
	for _, c := range n.Children {
		if content.InContents(b.pr.Plan, depth+1) {
			e.Children = append(e.Children, b.contents(c, depth+1))
		}
	}
	return e
}

type builder struct {
	pr   *shinchoku.Progress
	kpis *content.KPITables
}

// anchor is a node's fragment identifier. Plan IDs are letters, digits
// and - _ . only, so they are valid as they are; every kind of element
// has its own prefix (n- nodes, t- and c- their tables and captions,
// kpi- indicator rows, targets- goal targets, o- the overview), so no
// two can collide.
func anchor(n *shinchoku.Node) string { return "n-" + n.ID }

func (b *builder) goal(n *shinchoku.Node) *section {
	s := &section{ID: anchor(n), Level: 2, Heading: content.Heading(n, 0), Description: n.Description}
	if len(n.Indicators) > 0 {
		s.TargetsHeading = content.Targets
		s.KPI, s.Notes = b.kpiTable(n, content.Targets+"（"+s.Heading+"）")
	}
	if len(n.Children) == 0 {
		b.narrative(s, n)
	}
	for _, c := range n.Children {
		s.Children = append(s.Children, b.node(c, 1))
	}
	return s
}

// node builds a node below the top level: a heading over its children, or
// a project.
func (b *builder) node(n *shinchoku.Node, depth int) *section {
	s := &section{ID: anchor(n), Level: depth + 2}
	if !content.IsProject(b.pr.Plan, n, depth) {
		s.Heading = content.Heading(n, depth)
		for _, c := range n.Children {
			s.Children = append(s.Children, b.node(c, depth+1))
		}
		return s
	}
	s.Heading = content.ProjectHeading(n)
	s.Description = content.ProjectDescription(b.pr, n)
	if len(n.Indicators) > 0 {
		s.KPI, s.Notes = b.kpiTable(n, "ＫＰＩ（"+n.Title+"）")
	}
	b.narrative(s, n)
	return s
}

func (b *builder) narrative(s *section, n *shinchoku.Node) {
	s.Narrative = content.Narrative(b.pr, n)
	if len(s.Narrative) == 0 {
		s.NoReport = content.NoReport
	}
}

func (b *builder) kpiTable(n *shinchoku.Node, caption string) (*table, []string) {
	t, notes := b.kpis.Table(n.Indicators)
	t.Caption = caption
	return newTable("t-"+n.ID, "c-"+n.ID, t, func(c int) string {
		if c == content.ColGrade {
			return "grade"
		}
		return ""
	}), notes
}

// newTable turns a content table into what the template prints: a first
// column of labels becomes the row headers, right-aligned columns are
// numbers.
func newTable(id, captionID string, t content.Table, class func(col int) string) *table {
	out := &table{ID: id, CaptionID: captionID, Caption: t.Caption}
	classOf := func(i int) string {
		var cls []string
		switch t.Columns[i].Align {
		case content.Right:
			cls = append(cls, "num")
		case content.Center:
			cls = append(cls, "center")
		}
		if class != nil && class(i) != "" {
			cls = append(cls, class(i))
		}
		return strings.Join(cls, " ")
	}
	for i, c := range t.Columns {
		out.Columns = append(out.Columns, column{Title: c.Title, Class: classOf(i)})
	}
	// A first column of labels (left-aligned: 指標名, 基本目標) names the
	// rows; a table of counts only (提出状況) has no row headers.
	labels := t.Columns[0].Align == content.Left
	for _, r := range t.Rows {
		hr := row{}
		if r.ID != "" {
			hr.ID = "kpi-" + r.ID
		}
		cells := r.Cells
		if labels {
			hr.Header = &cell{Text: cells[0].Text, Bar: -1}
			cells = cells[1:]
		}
		for i, c := range cells {
			col := i
			if labels {
				col++
			}
			hc := cell{Text: c.Text, Class: classOf(col), Bar: -1}
			if c.HasBar {
				hc.Bar = math.Round(math.Max(0, math.Min(1, c.Bar))*1000) / 10
			}
			hr.Cells = append(hr.Cells, hc)
		}
		out.Rows = append(out.Rows, hr)
	}
	return out
}

// lines splits a text at its line breaks, for <br>: the content's header
// cells put the year on a second line. Control characters a pasted text
// may carry (other than line breaks and tabs) are dropped.
func lines(s string) []string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, s)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Split(s, "\n")
}
