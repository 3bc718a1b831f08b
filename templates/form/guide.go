package form

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// selfEvaluationMeaning explains the 自己評価 grades to departments.
var selfEvaluationMeaning = map[string]string{
	"A": "順調（目標を達成する見込み）",
	"B": "概ね順調",
	"C": "やや遅れている",
	"D": "遅れている（見直しが必要）",
}

// Widths of the 記入要領 columns: on A4 portrait at 100 % with the
// templates' side margins, 630 of the 698 printable pixels.
const (
	guideLabelWidth = 16
	guideTextWidth  = 72
	guidePt         = 10.5
)

// guide writes the 記入要領 sheet: how to fill the workbook in, in plain
// Japanese, with the deadline, what to enter for this period, the required
// fields, the allowed entries and an example. It prints on one A4 portrait
// page.
func (w *writer) guide(rows []sheet.Row) {
	f, name, o := w.f, sheet.GuideSheet, w.opts
	w.set(f.SetColWidth(name, "A", "A", guideLabelWidth))
	w.set(f.SetColWidth(name, "B", "B", guideTextWidth))
	n := 1
	line := func(a, b string, style int) {
		r := strconv.Itoa(n)
		if a != "" {
			w.set(f.SetCellValue(name, "A"+r, a))
		}
		if b != "" {
			w.set(f.SetCellValue(name, "B"+r, b))
		}
		w.set(f.SetCellStyle(name, "A"+r, "B"+r, style))
		switch style {
		case w.st.guideTitle:
			w.set(f.SetRowHeight(name, n, 24))
		case w.st.guideText:
			lines := max(sheet.TextLines(a, guideLabelWidth, guidePt), sheet.TextLines(b, guideTextWidth, guidePt))
			w.set(f.SetRowHeight(name, n, sheet.RowPoints(lines, guidePt)))
		default:
			w.set(f.SetRowHeight(name, n, 17))
		}
		n++
	}
	fy := shinchoku.WarekiYear(o.Period.FiscalYear())
	line("進捗状況報告 記入要領", "", w.st.guideTitle)
	line("報告時点", o.Period.Label()+"（"+o.Plan.Title+"）", w.st.guideText)
	line("担当課", w.dept, w.st.guideText)
	if o.Deadline != "" {
		line("提出期限", o.Deadline, w.st.guideText)
	}
	if o.Office != "" {
		to := o.Office
		if o.Contact != "" {
			to += "（問い合わせ: " + o.Contact + "）"
		}
		line("提出先", to, w.st.guideText)
	}
	line("今回入力するもの", "", w.st.guideHeading)
	line(fy+"年度の実績値", fmt.Sprintf("%s年度（%d年4月〜%d年3月）の値のうち、%sで分かっているもの。累計の指標（単年/累計の欄が「累計」）は計画の初年度からの累計。"+
		"まだ分からないときは空欄のまま、状態を「調査中」にして公表予定時期（例: 令和6年12月）を入力します。",
		fy, o.Period.FiscalYear(), o.Period.FiscalYear()+1, o.Period.Label()), w.st.guideText)
	line(fy+"年度の期待値", fy+"年度末に計画どおりなら達する値（基準値から目標値への直線上の値）です。年度の途中の報告でも年度末の値なので、"+
		"途中の実績値が届いていなくても問題ありません。入力は不要です。", w.st.guideText)
	var req []string
	for _, c := range sheet.Columns {
		if o.required(c.Key) {
			req = append(req, c.Header)
		}
	}
	if len(req) > 0 {
		line("必須の欄", strings.Join(req, "、")+"（見出しが橙色で「（必須）」とある欄）。事業ごとに一つで、空欄のままでは受理できません。"+
			"前回の内容が入っているときは、今回の内容に直してください。", w.st.guideText)
	}
	line("記入のしかた", "", w.st.guideHeading)
	steps := []string{
		"「入力」シートの黄色のセルだけに入力します。ほかのセルは変更できません。",
		"実績値は数値だけを入力します（「人」「％」などの単位、カンマ、「△」は不要。マイナスは -5）。",
		"取組状況・成果など事業ごとの欄は、その事業の行にまたがる一つのセルです。印刷では各事業に200字分の高さがあります。",
		"行・列の追加や削除、並べ替え、シート名の変更はしないでください。事業と指標はファイルに記録した番号で照合します。",
		"ファイル形式（Excel ブック .xlsx）は変えずに保存してください。ファイル名は変えても構いません。",
	}
	for i, s := range steps {
		line(strconv.Itoa(i+1)+".", s, w.st.guideText)
	}
	line("入力できる値", "", w.st.guideHeading)
	statuses := make([]string, len(shinchoku.Statuses))
	for i, s := range shinchoku.Statuses {
		statuses[i] = string(s)
	}
	line("状態", strings.Join(statuses, "／")+"（調査中のときは公表予定時期が必要）", w.st.guideText)
	line("今後の方向性", strings.Join(shinchoku.Outlooks, "／"), w.st.guideText)
	var evals []string
	for _, e := range shinchoku.SelfEvaluations {
		evals = append(evals, e+": "+selfEvaluationMeaning[e])
	}
	line("自己評価", strings.Join(evals, "　"), w.st.guideText)
	line("記入例", "", w.st.guideHeading)
	for _, ex := range example(rows) {
		line(ex[0], ex[1], w.st.guideText)
	}
	w.set(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: name,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$B$%d", name, n-1)}))
	w.printSetup(name, "", "portrait", 100)
	w.protect(name)
}

// example is a filled-in row for the department's first indicator, so that
// the example speaks of the department's own work.
func example(rows []sheet.Row) [][2]string {
	name, unit := "参加者数", "人"
	for _, r := range rows {
		if r.Indicator != nil {
			name, unit = r.Indicator.Name, r.Indicator.Unit
			break
		}
	}
	return [][2]string{
		{"指標名", name + "（単位: " + unit + "）"},
		{"実績値", "120　（「120" + unit + "」ではなく 120 と入力）"},
		{"状態", "確定"},
		{"取組状況・成果", "市内企業と連携して説明会を2回開催し、延べ120人が参加した。"},
		{"要因分析・課題", "オンライン開催により市外からの参加が増えた。一方、中小企業の参加が少ない。"},
		{"今後の方向性", "改善"},
		{"自己評価", "B"},
		{"実績が未判明の例", "実績値: 空欄　状態: 調査中　公表予定時期: 令和6年12月"},
	}
}
