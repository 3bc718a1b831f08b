// Package outline writes a plan as text for people and tools: an indented
// tree to read in a terminal, and a flat CSV table (one row per indicator)
// for Excel and Power Query.
package outline

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/report/internal/excelcsv"
)

// Tree writes the plan as an indented Japanese outline.
func Tree(w io.Writer, p *shinchoku.Plan) error {
	bw := bufio.NewWriter(w)
	title := p.Title
	if p.Organization != "" {
		title += "（" + p.Organization + "）"
	}
	fmt.Fprintf(bw, "%s\n計画期間: %s年度〜%s年度\n階層: %s\n",
		title, shinchoku.WarekiYear(p.Start), shinchoku.WarekiYear(p.End), strings.Join(p.Levels, " ＞ "))
	p.Walk(func(n *shinchoku.Node, anc []*shinchoku.Node) bool {
		indent := strings.Repeat("  ", len(anc))
		if len(anc) == 0 {
			bw.WriteString("\n")
		}
		fmt.Fprintf(bw, "%s%s %s %s", indent, n.Level, n.Code, n.Title)
		if len(n.Departments) > 0 {
			fmt.Fprintf(bw, "【%s】", strings.Join(n.Departments, "／"))
		}
		for _, t := range n.Tags {
			fmt.Fprintf(bw, "〔%s〕", t)
		}
		bw.WriteString("\n")
		for _, ind := range n.Indicators {
			fmt.Fprintf(bw, "%s  ◇ %s\n", indent, indicatorLine(ind))
		}
		return true
	})
	return bw.Flush()
}

// indicatorLine writes an indicator as the plan's KPI table row reads:
// name, then baseline, latest actual and target with their years.
func indicatorLine(ind *shinchoku.Indicator) string {
	var b strings.Builder
	b.WriteString(ind.Name)
	for _, t := range ind.Tags {
		fmt.Fprintf(&b, "〔%s〕", t)
	}
	kind := "単年"
	if ind.Cumulative {
		kind = "累計"
	}
	fmt.Fprintf(&b, "［%s・%s］", kind, ind.Direction)
	point := func(label string, pt shinchoku.Point, cumulative bool) {
		v := ind.Format(pt.Value)
		if cumulative && pt.Value.Set {
			v = "累計" + v
		}
		fmt.Fprintf(&b, " %s %s", label, v)
		if pt.Year != 0 {
			fmt.Fprintf(&b, "（%s）", ind.YearLabel(pt.Year))
		}
	}
	point("基準値", ind.Baseline, false)
	if n := len(ind.Actuals); n > 0 {
		point("実績値", ind.Actuals[n-1], ind.Cumulative)
	}
	point("目標値", ind.Target, ind.Cumulative)
	if ind.Note != "" {
		fmt.Fprintf(&b, " ※%s", ind.Note)
	}
	return b.String()
}

// CSV writes one row per indicator, with the node's whole hierarchy in
// columns; a leaf node without indicators (a narrative-only plan) gets one row
// of its own. It is written for Excel (see package excelcsv): a plan's text
// never runs as a formula.
func CSV(w io.Writer, p *shinchoku.Plan) error {
	cw := excelcsv.NewWriter(w)
	var header []string
	for _, l := range p.Levels {
		header = append(header, l+"コード", l+"名")
	}
	header = append(header, "ノードID", "担当課", "タグ", "指標ID", "指標名", "単位", "累計", "方向", "年の区分",
		"基準年", "基準値", "実績年", "実績値", "目標年", "目標値", "備考")
	if err := cw.Write(header); err != nil {
		return err
	}
	p.Walk(func(n *shinchoku.Node, anc []*shinchoku.Node) bool {
		var row []string
		for i := range p.Levels {
			switch {
			case i < len(anc):
				row = append(row, anc[i].Code, anc[i].Title)
			case i == len(anc):
				row = append(row, n.Code, n.Title)
			default:
				row = append(row, "", "")
			}
		}
		row = append(row, n.ID, strings.Join(n.Departments, "／"), strings.Join(n.Tags, "／"))
		for _, ind := range n.Indicators {
			cw.Write(append(row[:len(row):len(row)], indicatorColumns(ind)...))
		}
		if len(n.Indicators) == 0 && len(n.Children) == 0 {
			cw.Write(append(row, make([]string, 13)...))
		}
		return true
	})
	return cw.Flush()
}

func indicatorColumns(ind *shinchoku.Indicator) []string {
	cumulative := "単年"
	if ind.Cumulative {
		cumulative = "累計"
	}
	var actual shinchoku.Point
	if n := len(ind.Actuals); n > 0 {
		actual = ind.Actuals[n-1]
	}
	return []string{
		ind.ID, ind.Name, ind.Unit, cumulative, string(ind.Direction), string(ind.YearBasis),
		year(ind.Baseline.Year), plain(ind.Baseline.Value),
		year(actual.Year), plain(actual.Value),
		year(ind.Target.Year), plain(ind.Target.Value),
		ind.Note,
	}
}

func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// plain writes a number for spreadsheets: no separators, empty when absent.
func plain(v shinchoku.Value) string {
	if !v.Set {
		return ""
	}
	return strconv.FormatFloat(v.Num, 'f', -1, 64)
}
