package form

import (
	"strconv"
	"strings"

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

// guide writes the 記入要領 sheet: how to fill the workbook in, in plain
// Japanese, with the deadline, the allowed entries and an example.
func (w *writer) guide(rows []sheet.Row) {
	f, name, o := w.f, sheet.GuideSheet, w.opts
	w.set(f.SetColWidth(name, "A", "A", 22))
	w.set(f.SetColWidth(name, "B", "B", 90))
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
		if style == w.st.guideText && b != "" {
			w.set(f.SetRowHeight(name, n, float64(linesIn(b, 90))*14+4))
		}
		n++
	}
	line("進捗状況報告 記入要領", "", w.st.guideTitle)
	line("報告時点", o.Period.Label(), w.st.guideText)
	line("計画", o.Plan.Title, w.st.guideText)
	line("担当課", w.dept, w.st.guideText)
	if o.Deadline != "" {
		line("提出期限", o.Deadline, w.st.guideText)
	}
	if o.Office != "" {
		line("提出先", o.Office, w.st.guideText)
	}
	if o.Contact != "" {
		line("問い合わせ先", o.Contact, w.st.guideText)
	}
	n++
	line("記入のしかた", "", w.st.guideHeading)
	steps := []string{
		"「入力」シートの網掛け（黄色）のセルだけに入力してください。それ以外のセルは変更できないようになっています。",
		"行や列の追加・削除、並べ替え、シート名の変更はしないでください。事業と指標は、このファイルに記録されたIDで照合します。",
		"実績値は数値だけを入力します。「人」「％」などの単位、カンマ、「△」は不要です。マイナスは -5 のように入力します。",
		"累計の指標（単年/累計の欄が「累計」）は、計画期間の初年度からの累計値を入力してください。",
		"実績値がまだ分からないときは、実績値を空欄のままにして状態を「調査中」とし、公表予定時期（例: 令和6年12月）を入力してください。",
		"取組状況・成果、要因分析・課題、今後の方向性、自己評価は事業ごとに一つです（事業の行にまたがる結合セル）。前回の内容が入っている場合は、今回の内容に直してください。",
		"保存するときはファイル形式（Excel ブック .xlsx）を変えないでください。ファイル名は変えても構いません。",
	}
	for i, s := range steps {
		line(strconv.Itoa(i+1)+".", s, w.st.guideText)
	}
	n++
	line("入力できる値", "", w.st.guideHeading)
	statuses := make([]string, len(shinchoku.Statuses))
	for i, s := range shinchoku.Statuses {
		statuses[i] = string(s)
	}
	line("状態", strings.Join(statuses, "／")+"（調査中のときは公表予定時期が必要です）", w.st.guideText)
	line("今後の方向性", strings.Join(shinchoku.Outlooks, "／"), w.st.guideText)
	var evals []string
	for _, e := range shinchoku.SelfEvaluations {
		evals = append(evals, e+": "+selfEvaluationMeaning[e])
	}
	line("自己評価", strings.Join(evals, "　"), w.st.guideText)
	n++
	line("記入例", "", w.st.guideHeading)
	for _, ex := range example(rows) {
		line(ex[0], ex[1], w.st.guideText)
	}
	w.printSetup(name, "")
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
