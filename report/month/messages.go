package month

import "fmt"

// Japanese messages of the monthly run, in one place so that they can be
// read and reviewed together.
var messages = map[string]string{
	"inbox.missing":    "受付フォルダ %s を開けません（%s）。提出された様式のフォルダを --inbox で指定してください",
	"store.open":       "記録 %s を開けません",
	"store.write":      "記録 %s に書き込めません",
	"store.locked":     "記録 %s は%s", // the reason is ingest.Reason(store.ErrLocked)
	"store.none":       "記録 %s がありません（shinchoku run で作られます）",
	"archive.write":    "受理したファイル %s を記録 %s の横に保管できません",
	"store.read":       "記録 %s を読めません",
	"report.none":      "%sの提出は記録 %s にありません。報告書は作りませんでした。先に shinchoku run --period %s で提出を処理してください",
	"report.html_name": "-o には PDF のファイル名（例: 報告書.pdf）を指定してください。HTML 版はその横に .html で作られます",
	"templates.dept":   "担当課「%s」は計画にありません（計画の担当課: %s）",
	"output.workbook":  "集計表を作れません",
	"output.report":    "報告書を作れません",
	"output.html":      "報告書の HTML 版を作れません",
	"output.summary":   "summary.json を作れません",
	"file.mkdir":       "フォルダ %s を作れません",
	"file.create":      "%s に書き込めません",
	"file.write":       "%s を書き出せません",
	"file.remove":      "古い差し戻し用ブック %s を削除できません",
	"file.read":        "%s を読めません",
}

// Names of the run's stages, as --timings shows them, and of the folder the
// forms are written to.
const (
	stageRead     = "読み取り・検証"
	stageStore    = "記録・評価"
	stageWorkbook = "集計表"
	stagePDF      = "報告書（PDF）"
	stageSummary  = "実行結果（summary.json）"
	stageHTML     = "報告書（HTML）"
	stageReturns  = "差し戻し用ブック"

	formsFolder = "様式"
)

func msg(code string) string { return messages[code] }

func msgf(code string, args ...any) string { return fmt.Sprintf(messages[code], args...) }
