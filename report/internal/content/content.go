// Package content is what the progress report says, whatever it is printed
// on: titles and headings, the overview's sentences, and the cells of every
// table, worded and formatted once for the PDF and the HTML editions so that
// the two can never disagree.
package content

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/shinchoku/shinchoku"
)

// Fixed headings and words of the report.
const (
	Overview    = "総括"
	Contents    = "目次"
	Targets     = "数値目標"
	Submissions = "提出状況"
	Overall     = "全体"
	Total       = "計"
	NoReport    = "（報告なし）"
)

// Title is the report's title: the configured one, else <plan title>
// 進捗状況報告書.
func Title(pr *shinchoku.Progress, configured string) string {
	if configured != "" {
		return configured
	}
	return pr.Plan.Title + " 進捗状況報告書"
}

// Subject says which plan and period the report covers.
func Subject(pr *shinchoku.Progress) string {
	return pr.Plan.Title + "（" + pr.Period.Label() + "）"
}

// Heading is how a node is titled in the report: 基本目標1 …, 1-1 …,
// 施策① …. depth is 0 for the plan's top level.
func Heading(n *shinchoku.Node, depth int) string {
	code := n.Code
	if depth > 0 && code != "" && unicode.IsDigit([]rune(code)[0]) {
		return code + " " + n.Title
	}
	return n.Level + code + "　" + n.Title
}

// ProjectHeading is a project's title as the report prints it:
// 事業名【担当課／担当課】 followed by its tags.
func ProjectHeading(n *shinchoku.Node) string {
	title := n.Title
	if len(n.Departments) > 0 {
		title += "【" + strings.Join(n.Departments, "／") + "】"
	}
	for _, t := range n.Tags {
		title += "　" + t
	}
	return title
}

// IsProject says whether a node below the top level is printed as a
// project block (its title, KPI table and narrative) rather than as a
// heading over its children: the plan's last level, or any leaf.
func IsProject(p *shinchoku.Plan, n *shinchoku.Node, depth int) bool {
	return depth == len(p.Levels)-1 || len(n.Children) == 0
}

// InContents says whether a heading of a depth is listed in the contents:
// every level but the last (projects).
func InContents(p *shinchoku.Plan, depth int) bool {
	return depth < max(len(p.Levels)-1, 1)
}

// HasIndicators says whether the plan measures anything; a plan of
// narratives only (no KPI) prints each project's description and names the
// reporting body before every narrative.
func HasIndicators(pr *shinchoku.Progress) bool { return len(pr.Indicators) > 0 }

// ProjectDescription is the description printed under a project's title,
// or "" when the report does not print it.
func ProjectDescription(pr *shinchoku.Progress, n *shinchoku.Node) string {
	if HasIndicators(pr) {
		return ""
	}
	return n.Description
}

// OverviewText is the paragraph that opens the overview.
func OverviewText(pr *shinchoku.Progress) string {
	if !HasIndicators(pr) {
		return fmt.Sprintf("%sの各取組について、報告主体（%s）からの取組状況の報告をまとめたものです。",
			pr.Period.Label(), strings.Join(pr.Plan.Departments(), "・"))
	}
	return fmt.Sprintf("%sの各指標について、期待値に対する進捗（達成率）を評価した結果です。評価の区分は %s です。",
		pr.Period.Label(), BandText(pr.Rules))
}

// BandText describes the grades: A（目標値・期待値以上、100％以上）・…・
// C（50％未満、基準値以下）, with the categories the rules give their own
// grade (静岡県方式: 目標値以上・…・基準値以下).
func BandText(r shinchoku.Rules) string {
	var parts []string
	category := func(g shinchoku.Grade, what string) string {
		if string(g) == what {
			return what
		}
		return fmt.Sprintf("%s（%s）", g, what)
	}
	if r.Reached != "" {
		parts = append(parts, category(r.Reached, "目標値以上"))
	}
	for i, b := range r.Bands {
		switch {
		case i == 0 && r.Reached == "":
			parts = append(parts, fmt.Sprintf("%s（目標値・期待値以上、%g％以上）", b.Grade, b.Min))
		case i == 0:
			parts = append(parts, fmt.Sprintf("%s（期待値以上、%g％以上）", b.Grade, b.Min))
		case i == len(r.Bands)-1 && r.Worse == "":
			parts = append(parts, fmt.Sprintf("%s（%g％未満、基準値以下）", b.Grade, r.Bands[i-1].Min))
		case i == len(r.Bands)-1:
			parts = append(parts, fmt.Sprintf("%s（%g％未満）", b.Grade, r.Bands[i-1].Min))
		default:
			parts = append(parts, fmt.Sprintf("%s（%g％以上）", b.Grade, b.Min))
		}
	}
	if r.Worse != "" {
		parts = append(parts, category(r.Worse, "基準値以下"))
	}
	return strings.Join(parts, "・") + "、評価できないものは「−」"
}

// Align is how a column's cells are aligned.
type Align int

// Alignments.
const (
	Left Align = iota
	Center
	Right
)

// Column of a table. A title may hold a line break ("基準値\n(平成30年度)").
type Column struct {
	Title string
	Align Align
}

// Cell of a table. A cell with HasBar draws Bar, a share (0–1), as a small
// bar under the text; the zero Cell has none (a cell that forgets to say
// so must not draw an empty grey bar).
type Cell struct {
	Text   string
	Bar    float64
	HasBar bool
}

// Row of a table; ID names the indicator a KPI row shows.
type Row struct {
	ID    string
	Cells []Cell
}

// Table is a table's header and rows.
type Table struct {
	Caption string
	Columns []Column
	Rows    []Row
}

func text(s string) Cell { return Cell{Text: s} }

// GradeRow is one row of the overview: how the indicators of a goal (or
// of the whole plan) are graded.
type GradeRow struct {
	Label  string
	Counts []int // by Grades
	Total  int
}

// GradeOverview counts the grades per goal and overall, for the overview's
// table and chart.
type GradeOverview struct {
	Level  string            // the plan's top level (基本目標)
	Grades []shinchoku.Grade // best first, then −
	Rows   []GradeRow        // per goal with indicators, then 全体
}

// Grades counts the grades of a period's progress.
func Grades(pr *shinchoku.Progress) GradeOverview {
	g := GradeOverview{Level: pr.Plan.Levels[0], Grades: pr.Rules.Grades()}
	counts := pr.GradeCounts()
	add := func(label string, c map[shinchoku.Grade]int) {
		r := GradeRow{Label: label}
		for _, gr := range g.Grades {
			r.Counts = append(r.Counts, c[gr])
			r.Total += c[gr]
		}
		g.Rows = append(g.Rows, r)
	}
	for _, n := range pr.Plan.Nodes {
		if c, ok := counts[n.ID]; ok {
			add(Heading(n, 0), c)
		}
	}
	add(Overall, counts[""])
	return g
}

// Table is the overview as a table: a row per goal, a column per grade.
func (g GradeOverview) Table() Table {
	t := Table{Caption: "評価の件数（" + g.Level + "別）", Columns: []Column{{Title: g.Level}}}
	for _, gr := range g.Grades {
		t.Columns = append(t.Columns, Column{Title: string(gr), Align: Center})
	}
	t.Columns = append(t.Columns, Column{Title: Total, Align: Center})
	for _, r := range g.Rows {
		cells := []Cell{text(r.Label)}
		for _, c := range r.Counts {
			cells = append(cells, text(fmt.Sprint(c)))
		}
		t.Rows = append(t.Rows, Row{Cells: append(cells, text(fmt.Sprint(r.Total)))})
	}
	return t
}

// GradeColor is the colour of the i-th of n grades in charts: the best
// green through red, no grade (the last) grey. The grade is always written
// beside it; the colour only repeats it.
func GradeColor(i, n int) [3]uint8 {
	if i == n-1 {
		return [3]uint8{190, 190, 190}
	}
	if i < len(gradeColors) {
		return gradeColors[i]
	}
	return [3]uint8{120, 120, 120}
}

var gradeColors = [][3]uint8{{84, 160, 82}, {155, 200, 120}, {240, 200, 80}, {225, 120, 90}, {190, 40, 40}}

// SubmissionTable counts the departments whose reports were accepted,
// returned or not submitted.
func SubmissionTable(pr *shinchoku.Progress) Table {
	states := pr.StateCounts()
	return Table{Caption: Submissions,
		Columns: []Column{{Title: shinchoku.StateAccepted.Label(), Align: Center}, {Title: shinchoku.StateReturned.Label(), Align: Center},
			{Title: shinchoku.StateNotSubmitted.Label(), Align: Center}, {Title: "計（担当課）", Align: Center}},
		Rows: []Row{{Cells: []Cell{text(fmt.Sprint(states[shinchoku.StateAccepted])), text(fmt.Sprint(states[shinchoku.StateReturned])),
			text(fmt.Sprint(states[shinchoku.StateNotSubmitted])), text(fmt.Sprint(len(pr.Departments)))}}}}
}

// KPI table columns, in order.
const (
	ColName = iota
	ColBaseline
	ColActual
	ColTarget
	ColExpected
	ColRate
	ColGrade
)

// KPITables makes the KPI tables of a period's progress.
type KPITables struct {
	pr       *shinchoku.Progress
	progress map[string]*shinchoku.IndicatorProgress
}

// NewKPITables indexes a period's progress by indicator.
func NewKPITables(pr *shinchoku.Progress) *KPITables {
	k := &KPITables{pr: pr, progress: make(map[string]*shinchoku.IndicatorProgress, len(pr.Indicators))}
	for i := range pr.Indicators {
		k.progress[pr.Indicators[i].ID] = &pr.Indicators[i]
	}
	return k
}

// Table is the KPI table of a node's indicators: 指標名 / 基準値 / 実績値 /
// 目標値 / 期待値 / 達成率 / 評価. The years go in the headers when the
// indicators share them, else under each value. notes are the ※ notes
// printed under the table.
func (k *KPITables) Table(inds []*shinchoku.Indicator) (Table, []string) {
	return kpiTable(k.pr.Period, func(id string) *shinchoku.IndicatorProgress { return k.progress[id] }, inds)
}

func kpiTable(period shinchoku.Period, progress func(string) *shinchoku.IndicatorProgress, inds []*shinchoku.Indicator) (Table, []string) {
	shared := func(year func(*shinchoku.Indicator) int) string {
		y := year(inds[0])
		for _, ind := range inds[1:] {
			if year(ind) != y || ind.YearBasis != inds[0].YearBasis {
				return ""
			}
		}
		if y == 0 {
			return ""
		}
		return "\n(" + inds[0].YearLabel(y) + ")"
	}
	baseH := shared(func(i *shinchoku.Indicator) int { return i.Baseline.Year })
	targetH := shared(func(i *shinchoku.Indicator) int { return i.Target.Year })
	actualH := shared(func(i *shinchoku.Indicator) int { return i.YearOf(period) })
	t := Table{Columns: []Column{
		{Title: "指標名"},
		{Title: "基準値" + baseH, Align: Right},
		{Title: "実績値" + actualH, Align: Right},
		{Title: "目標値" + targetH, Align: Right},
		{Title: "期待値" + actualH, Align: Right},
		{Title: "達成率", Align: Right},
		{Title: "評価", Align: Center},
	}}
	var notes []string
	for _, ind := range inds {
		ip := progress(ind.ID)
		if ip == nil {
			ip = &shinchoku.IndicatorProgress{} // not evaluated: shown as not reported
		}
		e := ip.Eval
		withYear := func(s string, y int, header string) string {
			if header == "" && y != 0 && s != "−" {
				return s + "\n(" + ind.YearLabel(y) + ")"
			}
			return s
		}
		actual := Cumulative(ind, e.Actual)
		if !e.Actual.Set && e.Reason != "" {
			actual = e.Reason
		}
		// The rate where it means something, else what happened in words
		// (基準値以下), else −; the same text as the workbook and summary.json.
		rate := text(e.RateText())
		if e.Rate.Set {
			rate.Bar, rate.HasBar = e.Rate.Num/100, true
		}
		name := ind.Name
		if ind.Note != "" {
			name += "※"
			notes = append(notes, "※"+ind.Name+": "+ind.Note)
		}
		// An actual without a grade (a share without baseline short of its
		// target) says why under the table, in summary.json's words; a
		// missing actual says it in its own cell.
		if e.Actual.Set && e.Grade == shinchoku.GradeNone && e.Reason != "" {
			if ind.Note == "" {
				name += "※"
			}
			notes = append(notes, "※"+ind.Name+": 評価なし — "+e.Reason)
		}
		// An indicator's tags (数値目標変更) are printed as the city prints
		// them, on their own line under the name.
		if len(ind.Tags) > 0 {
			name += "\n" + strings.Join(ind.Tags, "　")
		}
		t.Rows = append(t.Rows, Row{ID: ind.ID, Cells: []Cell{
			text(name),
			text(withYear(ind.Format(ind.Baseline.Value), ind.Baseline.Year, baseH)),
			text(withYear(actual, ind.YearOf(period), actualH)),
			text(withYear(Cumulative(ind, ind.Target.Value), ind.Target.Year, targetH)),
			text(Cumulative(ind, e.Expected)),
			rate,
			text(string(e.Grade)),
		}})
	}
	return t, notes
}

// Cumulative formats a value of an indicator, prefixed with 累計 for a
// cumulative indicator, as the plan prints it.
func Cumulative(ind *shinchoku.Indicator, v shinchoku.Value) string {
	s := ind.Format(v)
	if ind.Cumulative && v.Set {
		return "累計 " + s
	}
	return s
}

// Paragraph is one labelled part of a narrative (■取組状況・成果 …).
type Paragraph struct {
	Label string
	Text  string
}

// Narrative is what the departments wrote about a node: per department its
// labelled paragraphs, or nil when nobody reported (the report prints
// NoReport).
func Narrative(pr *shinchoku.Progress, n *shinchoku.Node) [][]Paragraph {
	entries := pr.Narratives[n.ID]
	var out [][]Paragraph
	for _, e := range entries {
		prefix := ""
		if len(entries) > 1 || !HasIndicators(pr) {
			prefix = "【" + e.Department + "】"
		}
		var parts []Paragraph
		for _, part := range []Paragraph{
			{"取組状況・成果", e.Progress}, {"課題", e.Analysis}, {"今後の方向性", outlook(e)},
		} {
			if part.Text != "" {
				parts = append(parts, Paragraph{prefix + "■" + part.Label, part.Text})
			}
		}
		if len(parts) > 0 {
			// A workbook sent with every narrative cell blank is no report:
			// the node says NoReport rather than nothing.
			out = append(out, parts)
		}
	}
	return out
}

func outlook(e shinchoku.NodeNarrative) string {
	s := e.Outlook
	if e.SelfEvaluation != "" {
		if s != "" {
			s += "（自己評価: " + e.SelfEvaluation + "）"
		} else {
			s = "自己評価: " + e.SelfEvaluation
		}
	}
	return s
}
