package form

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/seeds"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

func seedPlan(t testing.TB, name string) *shinchoku.Plan {
	t.Helper()
	file, data, err := seeds.File(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := planfile.Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func options(p *shinchoku.Plan) Options {
	return Options{
		Plan: p, Period: shinchoku.Period{Year: 2024, Month: 9}, Office: "政策推進課",
		Deadline: "令和6年10月10日（木）", Contact: "政策推進課 内線1234",
	}
}

// rowNumbers reads the row map of a generated workbook: the Excel row of
// each data row, in order.
func rowNumbers(t *testing.T, f *excelize.File) []int {
	t.Helper()
	rows, err := f.GetRows(sheet.MetaSheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, r := range rows[1:] {
		if len(r) > sheet.RowMapColumn-1 && r[sheet.RowMapColumn-1] != "" {
			n, err := strconv.Atoi(r[sheet.RowMapColumn-1])
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
	}
	return out
}

// TestRoundTrip generates every department's workbook, fills the input cells
// as a department would, and reads them back with ingest: exactly the values
// written must come back, for both embedded plans.
func TestRoundTrip(t *testing.T) {
	for _, name := range seeds.Names() {
		p := seedPlan(t, name)
		opts := options(p)
		for _, dept := range p.Reporters(opts.Office) {
			t.Run(name+"/"+dept, func(t *testing.T) {
				f, sum, err := Workbook(opts, dept)
				if err != nil {
					t.Fatal(err)
				}
				rows := sheet.Rows(p, dept, opts.Office)
				numbers := rowNumbers(t, f)
				if len(numbers) != len(rows) {
					t.Fatalf("row map has %d rows, plan gives %d", len(numbers), len(rows))
				}
				want := &shinchoku.Submission{PlanID: p.ID, PlanHash: p.Hash(), Period: opts.Period, Department: dept}
				seen := map[string]bool{}
				for i, r := range rows {
					n := numbers[i]
					set := func(key string, v any) {
						if err := f.SetCellValue(sheet.InputSheet, sheet.Cell(key, n), v); err != nil {
							t.Fatal(err)
						}
					}
					if r.Indicator != nil {
						e := shinchoku.IndicatorEntry{IndicatorID: r.Indicator.ID, Remarks: fmt.Sprintf("備考%d", i)}
						switch i % 3 {
						case 0:
							e.Actual, e.Status = shinchoku.Num(float64(i)*1.5), shinchoku.StatusFinal
							set(sheet.Actual, e.Actual.Num)
						case 1:
							// Typed as text with the unit, as departments do.
							v := (i%9)*10 + 5
							e.Actual, e.Status = shinchoku.Num(float64(v)), shinchoku.StatusPreliminary
							set(sheet.Actual, strconv.Itoa(v)+r.Indicator.Unit)
						case 2:
							e.Status, e.PublishDate = shinchoku.StatusPending, "令和6年12月"
							set(sheet.PublishDate, e.PublishDate)
						}
						set(sheet.Status, string(e.Status))
						set(sheet.Remarks, e.Remarks)
						want.Indicators = append(want.Indicators, e)
					}
					if !seen[r.Node.ID] {
						seen[r.Node.ID] = true
						e := shinchoku.NodeEntry{NodeID: r.Node.ID, Progress: "取組" + r.Node.ID + "\n二行目",
							Analysis: "課題" + r.Node.ID, Outlook: shinchoku.Outlooks[i%len(shinchoku.Outlooks)], SelfEvaluation: "B"}
						set(sheet.Progress, e.Progress)
						set(sheet.Analysis, e.Analysis)
						set(sheet.Outlook, e.Outlook)
						set(sheet.SelfEval, e.SelfEvaluation)
						want.Nodes = append(want.Nodes, e)
					}
				}
				var buf bytes.Buffer
				if _, err := f.WriteTo(&buf); err != nil {
					t.Fatal(err)
				}
				res := ingest.NewReader(p, ingest.Options{Office: opts.Office}).Read(sum.File, buf.Bytes())
				if len(res.Findings) > 0 {
					t.Fatalf("findings on a correctly filled workbook:\n%v", res.Findings)
				}
				if !reflect.DeepEqual(res.Submission, want) {
					t.Errorf("read back\n%+v\nwant\n%+v", res.Submission, want)
				}
			})
		}
	}
}

// TestWorkbookSettings reads a generated workbook back and checks what a
// department's Excel relies on: protection, unlocked input cells, validation,
// print settings, the very hidden identity sheet.
func TestWorkbookSettings(t *testing.T) {
	p := seedPlan(t, seeds.Default)
	opts := options(p)
	opts.Password = "secret"
	dept := p.Reporters(opts.Office)[0]
	f, _, err := Workbook(opts, dept)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	g, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got := g.GetSheetList(); !reflect.DeepEqual(got, []string{sheet.GuideSheet, sheet.InputSheet, sheet.MetaSheet}) {
		t.Errorf("sheets = %v", got)
	}
	if visible, _ := g.GetSheetVisible(sheet.MetaSheet); visible {
		t.Error("identity sheet is visible")
	}
	// Sheet protection with the configured password.
	raw := readPart(t, data, "xl/worksheets/sheet2.xml")
	for _, want := range []string{`<sheetProtection`, `password="`, `sheet="true"`} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("入力 sheet XML lacks %s", want)
		}
	}
	// Input cells unlocked, everything else locked.
	first := rowNumbers(t, g)[0]
	for _, c := range sheet.Columns {
		style, err := g.GetCellStyle(sheet.InputSheet, sheet.Cell(c.Key, first))
		if err != nil {
			t.Fatal(err)
		}
		st, err := g.GetStyle(style)
		if err != nil {
			t.Fatal(err)
		}
		locked := st.Protection == nil || st.Protection.Locked
		if locked == c.Input {
			t.Errorf("column %s (%s): locked = %v", c.Header, c.Key, locked)
		}
	}
	// Every input column has a validation with a Japanese error message.
	dvs, err := g.GetDataValidations(sheet.InputSheet)
	if err != nil {
		t.Fatal(err)
	}
	inputs := 0
	for _, c := range sheet.Columns {
		if c.Input {
			inputs++
		}
	}
	if len(dvs) != inputs {
		t.Errorf("%d validations, want %d", len(dvs), inputs)
	}
	for _, dv := range dvs {
		if dv.Error == nil || *dv.Error == "" || dv.ErrorTitle == nil {
			t.Errorf("validation %s has no error message", dv.Sqref)
		}
	}
	// Print settings: A4 landscape at a fixed scale, titles repeated.
	layout, err := g.GetPageLayout(sheet.InputSheet)
	if err != nil {
		t.Fatal(err)
	}
	if *layout.Size != 9 || *layout.Orientation != "landscape" || layout.AdjustTo == nil || *layout.AdjustTo != inputScale {
		t.Errorf("page layout = size %d %s scale %v", *layout.Size, *layout.Orientation, layout.AdjustTo)
	}
	titles := false
	for _, dn := range g.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet.InputSheet {
			titles = true
		}
	}
	if !titles {
		t.Error("no print titles on 入力")
	}
	hf, err := g.GetHeaderFooter(sheet.InputSheet)
	if err != nil || hf.OddFooter == "" || !bytes.Contains([]byte(hf.OddHeader), []byte(dept)) {
		t.Errorf("header/footer = %+v, %v", hf, err)
	}
	panes, err := g.GetPanes(sheet.InputSheet)
	if err != nil || !panes.Freeze || panes.YSplit != sheet.HeaderRow {
		t.Errorf("panes = %+v, %v", panes, err)
	}
}

// TestDeterministic: the same plan and options give byte-identical files.
func TestDeterministic(t *testing.T) {
	p := seedPlan(t, seeds.Default)
	opts := options(p)
	dept := p.Reporters(opts.Office)[0]
	var out [2][]byte
	for i := range out {
		f, _, err := Workbook(opts, dept)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		out[i] = buf.Bytes()
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Error("two generations differ")
	}
}

// TestHeadings: every data row of every department's workbook sits under
// the headings of its own path in the plan (a goal's 数値目標 under that
// goal's heading, not under the previous goal's last measure), and each
// heading appears once per run of rows.
func TestHeadings(t *testing.T) {
	for _, name := range seeds.Names() {
		p := seedPlan(t, name)
		opts := options(p)
		for _, dept := range p.Reporters(opts.Office) {
			f, _, err := Workbook(opts, dept)
			if err != nil {
				t.Fatal(err)
			}
			rows := sheet.Rows(p, dept, opts.Office)
			numbers := rowNumbers(t, f)
			cells, err := f.GetRows(sheet.InputSheet)
			if err != nil {
				t.Fatal(err)
			}
			heading := func(n *shinchoku.Node) string { return n.Level + "　" + n.Code + "　" + n.Title }
			// Which heading is in force at each depth, by Excel row.
			depth := map[string]int{}
			for _, l := range p.Levels {
				depth[l] = len(depth)
			}
			var current []string
			next := 0
			for i := sheet.FirstRow; i <= len(cells) && next < len(rows); i++ {
				if numbers[next] != i {
					if i-1 >= len(cells) || len(cells[i-1]) == 0 {
						continue
					}
					text := cells[i-1][0]
					for _, l := range p.Levels {
						if len(text) > len(l) && text[:len(l)] == l {
							d := depth[l]
							current = append(current[:min(d, len(current))], text)
						}
					}
					continue
				}
				r := rows[next]
				want := []string{}
				for _, a := range r.Ancestors {
					want = append(want, heading(a))
				}
				if len(r.Node.Children) > 0 {
					want = append(want, heading(r.Node))
				}
				if !reflect.DeepEqual(current, want) {
					t.Errorf("%s/%s row %d (%s): under %q, want %q", name, dept, i, r.IndicatorID(), current, want)
				}
				next++
			}
		}
	}
}
