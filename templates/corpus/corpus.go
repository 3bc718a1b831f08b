// Package corpus is the department simulator of shinchoku demo: it makes
// submissions the way departments would, filling generated templates with
// actuals and short narratives, with the usual trouble in some of them.
// The demo (report/demo) uses it on the embedded plans, and on a synthetic
// prefecture-size plan for the scale benchmarks, so it ships in the binary;
// the tests of the reader, the reports and the monthly run use the same
// submissions. It imports neither report/month nor ingest/planfile: the
// in-package tests of ingest/planfile and of what report/month uses
// (report/pdf, report/internal/workbook, …) import it, which would make a cycle.
package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// Trouble is a mistake a department makes in its submission.
type Trouble string

// The troubles a corpus contains.
const (
	None         Trouble = ""
	FullWidth    Trouble = "fullwidth" // actuals typed in full-width digits (accepted)
	TypedUnit    Trouble = "unit"      // the unit typed into the number cell (accepted)
	LockedChange Trouble = "locked"    // a locked cell (the first target) changed (returned)
	XLS          Trouble = "xls"       // saved as Excel 97-2003 (returned)
	Broken       Trouble = "broken"    // a truncated file (returned)
	Missing      Trouble = "missing"   // not submitted
)

// Actual gives the value a department reports for an indicator, and
// whether it knows one.
type Actual func(ind *shinchoku.Indicator, year int) (shinchoku.Value, bool)

// PlanActual reports the plan's own recorded actual for the year: the seed's
// R3 actuals for Tomakomai.
func PlanActual(ind *shinchoku.Indicator, year int) (shinchoku.Value, bool) {
	v, ok := ind.Actual(year)
	return v, ok && v.Set
}

// Fill types a department's entries into its generated workbook: actuals
// (or 調査中 with a publication time when none is known) and a short
// narrative for each project. rows and rowNumbers are the department's data
// rows and their Excel rows (form.Generator.Rows, Summary.Rows).
func Fill(f *excelize.File, period shinchoku.Period, rows []sheet.Row, rowNumbers []int, actual Actual, trouble Trouble) error {
	var err error
	set := func(key string, n int, v any) {
		if err == nil {
			err = f.SetCellValue(sheet.InputSheet, sheet.Cell(key, n), v)
		}
	}
	seen := map[string]bool{}
	for i, r := range rows {
		n := rowNumbers[i]
		if ind := r.Indicator; ind != nil {
			v, ok := actual(ind, ind.YearOf(period))
			switch {
			case ok && trouble == FullWidth:
				set(sheet.Actual, n, width.Widen.String(shinchoku.FormatNumber(v.Num)))
			case ok && trouble == TypedUnit:
				set(sheet.Actual, n, shinchoku.FormatNumber(v.Num)+ind.Unit)
			case ok:
				set(sheet.Actual, n, v.Num)
			}
			if ok {
				set(sheet.Status, n, string(shinchoku.StatusFinal))
			} else {
				set(sheet.Status, n, string(shinchoku.StatusPending))
				set(sheet.PublishDate, n, shinchoku.WarekiYear(period.Year)+"年6月")
			}
			if trouble == LockedChange && i == 0 {
				set(sheet.Target, n, 999)
			}
		}
		if !seen[r.Node.ID] {
			seen[r.Node.ID] = true
			progress, analysis, outlook := Narrative(r.Node, period)
			set(sheet.Progress, n, progress)
			set(sheet.Analysis, n, analysis)
			set(sheet.Outlook, n, outlook)
			set(sheet.SelfEval, n, "B")
		}
	}
	return err
}

// Narrative is a short, plausible narrative from the project's own
// description.
func Narrative(n *shinchoku.Node, period shinchoku.Period) (progress, analysis, outlook string) {
	year := shinchoku.WarekiYear(period.FiscalYear()) + "年度"
	desc := strings.ReplaceAll(n.Description, "\n", "")
	if i := strings.Index(desc, "。"); i >= 0 {
		desc = desc[:i+len("。")]
	}
	if r := []rune(desc); len(r) > 80 {
		desc = string(r[:80]) + "…"
	}
	progress = year + "は「" + n.Title + "」に取り組んだ。" + desc
	analysis = "新型コロナウイルス感染症の影響で一部の取組を縮小したが、オンラインの活用などにより実施した。"
	outlook = "継続"
	for _, t := range n.Tags {
		if t == "取組終了" {
			outlook = "完了"
		}
	}
	return progress, analysis, outlook
}

// Plan is a synthetic plan of a prefecture-size programme: depts
// departments, each with rows indicators in projects of four, under ten
// goals. It is the same for the same arguments.
func Plan(depts, rows int) *shinchoku.Plan {
	p := &shinchoku.Plan{ID: fmt.Sprintf("synthetic-%d-%d", depts, rows), Title: "合成計画（性能測定用）", Organization: "合成県",
		Start: 2025, End: 2029, Levels: []string{"基本目標", "施策", "事業"}}
	goals := 10
	for g := range goals {
		p.Nodes = append(p.Nodes, &shinchoku.Node{ID: fmt.Sprintf("g%d", g+1), Level: "基本目標", Code: fmt.Sprint(g + 1),
			Title: fmt.Sprintf("基本目標%dの達成に向けた取組の推進", g+1)})
	}
	rng := rand.New(rand.NewPCG(uint64(depts), uint64(rows)))
	units := []string{"人", "件", "％", "千円", "回"}
	for d := range depts {
		dept := fmt.Sprintf("部署%04d課", d+1)
		goal := p.Nodes[d%goals]
		measure := &shinchoku.Node{ID: fmt.Sprintf("m%d", d+1), Level: "施策", Code: fmt.Sprint(len(goal.Children) + 1),
			Title: dept + "の施策"}
		goal.Children = append(goal.Children, measure)
		for j := 0; j*4 < rows; j++ {
			proj := &shinchoku.Node{ID: fmt.Sprintf("p%d-%d", d+1, j+1), Level: "事業", Code: fmt.Sprint(j + 1),
				Title: fmt.Sprintf("%sの事業%d", dept, j+1), Departments: []string{dept},
				Description: "地域の担い手を確保するため、関係機関と連携して事業を実施する。"}
			for k := 0; k < 4 && j*4+k < rows; k++ {
				unit := units[rng.IntN(len(units))]
				base := float64(rng.IntN(900) + 100)
				if unit == "％" {
					base = float64(rng.IntN(60) + 20)
				}
				proj.Indicators = append(proj.Indicators, &shinchoku.Indicator{
					ID: fmt.Sprintf("%s.k%d", proj.ID, k+1), Name: fmt.Sprintf("指標%d", k+1), Unit: unit,
					Direction: shinchoku.Increase, YearBasis: shinchoku.FiscalYear,
					Baseline: shinchoku.Point{Year: 2023, Value: shinchoku.Num(base)},
					Target:   shinchoku.Point{Year: 2029, Value: shinchoku.Num(math.Round(base*12) / 10)}, // 20 % up, to one decimal as a city would type it
				})
			}
			measure.Children = append(measure.Children, proj)
		}
	}
	return p
}

// SyntheticActual reports a value near the expected one, the same every time
// for the same indicator.
func SyntheticActual(p *shinchoku.Plan) Actual {
	return func(ind *shinchoku.Indicator, year int) (shinchoku.Value, bool) {
		e := ind.Expected(year, p.Start)
		if !e.Set {
			return e, false
		}
		h := 0
		for _, c := range ind.ID {
			h = h*31 + int(c)
		}
		factor := 0.8 + float64(h%40)/100
		v := float64(int(e.Num*factor*10)) / 10
		if ind.Unit == "％" {
			v = min(v, 100)
		}
		return shinchoku.Num(v), true
	}
}

// TroubleFor chooses, by position, which departments of n go wrong: a fixed
// share, the same every time.
func TroubleFor(i, n int) Trouble {
	if n < 5 {
		return None // a plan of a few bodies (北海道・札幌市): everyone reports
	}
	switch {
	case i == 1:
		return FullWidth
	case i == 3:
		return LockedChange
	case i == n-2:
		return XLS
	case i == n-1:
		return Missing
	case n >= 20 && i%20 == 7:
		return TypedUnit
	case n >= 20 && i%50 == 11:
		return Broken
	}
	return None
}

// Submissions are what every department would report for the period, as
// read back from their workbooks: actual values where known, else 調査中, and
// the narrative of Narrative. Tests of the outputs use them without going
// through workbooks.
func Submissions(p *shinchoku.Plan, period shinchoku.Period, office string, actual Actual) []*shinchoku.Submission {
	depts, rows := p.Reporters(office), sheet.RowsByDepartment(p, office)
	hash := p.Hash()
	var subs []*shinchoku.Submission
	for _, d := range depts {
		s := &shinchoku.Submission{PlanID: p.ID, PlanHash: hash, Period: period, Department: d}
		seen := map[string]bool{}
		for _, r := range rows[d] {
			if ind := r.Indicator; ind != nil {
				e := shinchoku.IndicatorEntry{IndicatorID: ind.ID, Status: shinchoku.StatusFinal}
				if v, ok := actual(ind, ind.YearOf(period)); ok {
					e.Actual = v
				} else {
					e.Status, e.PublishDate = shinchoku.StatusPending, shinchoku.WarekiYear(period.Year)+"年6月"
				}
				s.Indicators = append(s.Indicators, e)
			}
			if !seen[r.Node.ID] {
				seen[r.Node.ID] = true
				progress, analysis, outlook := Narrative(r.Node, period)
				s.Nodes = append(s.Nodes, shinchoku.NodeEntry{NodeID: r.Node.ID, Progress: progress, Analysis: analysis,
					Outlook: outlook, SelfEvaluation: "B"})
			}
		}
		subs = append(subs, s)
	}
	return subs
}

// Progress evaluates the period as if every department had sent the
// Submissions and each was accepted.
func Progress(p *shinchoku.Plan, period shinchoku.Period, office string, actual Actual) *shinchoku.Progress {
	var depts []shinchoku.DepartmentStatus
	for _, d := range p.Reporters(office) {
		depts = append(depts, shinchoku.DepartmentStatus{Department: d, State: shinchoku.StateAccepted})
	}
	return shinchoku.NewProgress(p, period, shinchoku.DefaultRules, Submissions(p, period, office, actual), depts, office)
}

// BenchProgress is the evaluated month of a synthetic plan of depts
// departments × 100 indicators, every department reporting: what the
// output benchmarks render.
func BenchProgress(depts int) *shinchoku.Progress {
	p := Plan(depts, 100)
	return Progress(p, shinchoku.Period{Year: 2026, Month: 3}, "政策推進課", SyntheticActual(p))
}
