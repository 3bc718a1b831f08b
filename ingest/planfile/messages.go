package planfile

// Japanese messages for plan file findings, keyed by their stable code, in
// one place so that they can be read and reviewed together.
var messages = map[string]string{
	"plan.syntax":          "YAMLの書き方に誤りがあります: %s",
	"plan.not_mapping":     "%s は「キー: 値」の形で書いてください",
	"plan.not_list":        "%s は「- 」で始まる一覧で書いてください",
	"plan.not_string":      "%s には文字列を書いてください",
	"plan.not_integer":     "%s には整数（西暦の年など）を書いてください: 「%s」",
	"plan.not_bool":        "%s には true か false を書いてください: 「%s」",
	"plan.not_number":      "%s が数値ではありません: 「%s」（値がない場合は null と書いてください）",
	"plan.unknown_key":     "不明なキー「%s」です（綴りを確認してください。使えるキー: %s）",
	"plan.missing":         "%s がありません",
	"plan.empty":           "%s が空です",
	"plan.format":          "形式バージョン %s には対応していません（format: 1 と書いてください）",
	"plan.bad_id":          "ID「%s」に使えない文字があります（半角英数字と - _ . のみ使えます）",
	"plan.duplicate_id":    "ID「%s」が重複しています（%d行目で定義済み）",
	"plan.period":          "計画期間の開始年度 %d が終了年度 %d より後です",
	"plan.duplicate_level": "階層名「%s」が levels に二度あります",
	"plan.unknown_level":   "階層「%s」は levels（%s）にありません",
	"plan.wrong_level":     "このノードは「%s」の階層にありますが、level が「%s」になっています",
	"plan.too_deep":        "最下位の階層「%s」の下には children を置けません",
	"plan.direction":       "direction は 増加・減少・維持 のいずれかです: 「%s」",
	"plan.year_basis":      "year_basis は 年度 か 暦年 です: 「%s」",
	"plan.target_year":     "目標値の年 %d が計画期間（%d〜%d年度）の外です",
	"plan.baseline_year":   "基準値の年 %d が計画期間の終了年度 %d より後です",
	"plan.actual_year":     "実績値の年 %d が計画期間（%d〜%d年度）の外です",
	"plan.duplicate_year":  "実績値の年 %d が二度書かれています",
	"plan.empty_name":      "%[1]s が空です",
	"plan.control":         "%s「%q」に制御文字（タブ・改行など）があります",
	"plan.department_long": "担当課名「%[2]s」が長すぎます（64文字まで。様式のファイル名とページの見出しに入ります）",
	"plan.title_long":      "計画の title は %d文字までです（%d文字。集計表の各ページの見出しに入ります）",
	"plan.whitespace":      "%s「%s」の前後または途中に余分な空白があります",
	"plan.target_direction": "指標「%s」の目標値 %s が基準値 %s に対して direction「%s」（%sほうがよい）と逆向きです。" +
		"評価は期待値との比較で行い、達成率は出しません（方向が正しいか確かめてください）",
	"plan.date": "日付は 2022-09-30 の形で書いてください: 「%s」",
}
