package config

import "fmt"

// Japanese messages about the settings, in one place so that they can be
// read and reviewed together. Problems found in the configuration file are
// prefixed with their place (file:line:column) where they are made.
var messages = map[string]string{
	"config.problems":      "設定に誤りがあります（%d件）:\n%s",
	"config.open":          "設定ファイル %s を読めません: %v",
	"config.read":          "設定ファイル %s を読めません",
	"config.syntax_line":   "設定ファイル %s を読めません（%s行目が YAML の書き方に合いません。字下げはタブではなくスペースで、「キー: 値」の形で書いてください）",
	"config.syntax":        "設定ファイル %s を読めません（YAML の書き方に合いません。字下げはタブではなくスペースで、「キー: 値」の形で書いてください）",
	"config.not_mapping":   "設定ファイルは「キー: 値」の形で書いてください",
	"config.env":           "環境変数 %s: %s",
	"key.unknown_near":     "「%s」という設定はありません（%s のことですか）",
	"key.unknown":          "「%s」という設定はありません（README の「設定」を参照）",
	"key.twice":            "%s が二度書かれています",
	"key.not_section":      "%s の下には「キー: 値」を字下げして書いてください",
	"key.not_list":         "%s は一覧（[a, b]）で書いてください",
	"key.list_not_text":    "%s の要素は文字で書いてください",
	"key.not_scalar":       "%s には値を一つ書いてください（一覧や「キー: 値」は使えません）",
	"key.office":           "office は %d文字までの、制御文字を含まない担当課名です: %q",
	"value.count":          "%s は 0 以上の整数です: 「%s」",
	"value.number":         "%s は数です: 「%s」",
	"bands.not_list":       "%s は「- {grade: A, min: 100}」の一覧で書いてください",
	"bands.not_mapping":    "%s の区分は {grade: A, min: 100} の形で書いてください",
	"bands.unknown":        "%s の区分に「%s」という項目はありません（grade と min）",
	"bands.no_grade":       "%s の区分に grade（評価の記号）がありません",
	"bands.empty_grade":    "%s の grade が空です",
	"bands.grade_twice":    "%s の grade「%s」が二度あります（%d行目）",
	"bands.no_min":         "%s の区分に min（達成率の下限、％）がありません",
	"bands.min_not_number": "%s の min は数です",
	"bands.min":            "%s の min",
	"period.missing":       "--period で報告する月を指定してください（例: --period 2024-09）",
	"period.format":        "--period は YYYY-MM の形で指定してください（例: 2024-09）: %q",
	"period.outside":       "--period %s%sは計画「%s」の期間（%s年度〜%s年度: %d-04〜%d-03）の外です。計画期間内の月を指定してください",
	"plan.unknown":         "計画 %q が見つかりません（組み込みの計画: %s、またはファイルのパス）",
	"plan.read":            "計画ファイル %s を読めません",
	"required.unknown":     "設定 required の「%s」は使えません（使えるもの: %s）",
	"rules.method":         "evaluation.method は ibaraki（A・B+・B・C、既定）か shizuoka（目標値以上・A・B・C・基準値以下）です: %q",
	"rules.tolerance":      "evaluation.maintain_tolerance は 0〜1 の数です（0.1 = ±10％）",
	"rules.bands_empty":    "evaluation.bands は「- {grade: A, min: 100}」の一覧で書いてください",
	"rules.bands_one":      "evaluation.bands には評価の区分を2つ以上書いてください（最後の区分は、その上の区分の min 未満すべてです）",
	"rules.bands_grade":    "evaluation.bands の %d番目の区分に grade（評価の記号）がありません",
	"rules.bands_twice":    "evaluation.bands の grade「%s」が二度あります",
	"rules.bands_min":      "evaluation.bands の「%s」の min が数ではありません",
	"rules.bands_order":    "evaluation.bands は min の大きい順に書いてください（%s）",
}

func msg(code string) string { return messages[code] }

func msgf(code string, args ...any) string { return fmt.Sprintf(messages[code], args...) }
