package terminal

// Japanese text of what the commands print, in one place so that it can be
// read and reviewed together. Table headings that start with a space are
// right-aligned (Table).

// run and demo
const (
	msgRunTitle       = "%sの月次処理（%s）\n\n"
	msgRunSkipped     = "読み飛ばし: %s（%s）\n"
	msgRunTotals      = "\n受理 %d、差し戻し %d、未提出 %d（指摘: エラー %d件、警告 %d件）\n"
	msgRunUnchanged   = "記録に変更はありません（同じ提出を処理済み）"
	msgRunOutputs     = "\n出力:"
	msgReturned       = "\n差し戻し（エラーのある提出）:"
	msgReturnedBook   = "    差し戻し用ブック: %s\n"
	msgReturnedNoMark = "    差し戻し用ブックなし（印をつけたブックを作れなかったため、下の内容を担当課に伝えてください）"
	msgReturnedNoBook = "    差し戻し用ブックなし（ブックとして開けないため、下の内容を担当課に伝えてください）"
	msgMoreErrors     = "    ほかにエラー %d件\n"
	msgMoreReturned   = "  ほかに差し戻し %d件\n"
	msgAllFindings    = "すべての指摘（警告を含む）: %s の findings、各差し戻し用ブックの「指摘一覧」シート\n"
	msgReplaced       = "\n置き換え済み（同じ担当課の新しい提出があるため使わないファイル）:"
	msgPeakMemory     = "ピークメモリ（最大常駐）: %d MB\n"
)

var (
	headRun    = []string{"担当課", "状態", " エラー", " 警告", "ファイル"}
	headStatus = []string{"担当課", "状態", "ファイル"}
	headStages = []string{"段階", " 秒"}
)

// demo
const (
	msgDemoTitle   = "見本: %s（%s）\n"
	msgDemoInbox   = "担当課の提出を %s に用意しました。\n"
	msgDemoMore    = "  ・ほか %d件\n"
	msgDemoReturns = "\n差し戻し用ブックには、問題のセルの色とコメント、指摘一覧シートが入っています。"
)

// status and report
const (
	msgStatusTitle  = "%sの提出状況（%s）\n\n"
	msgStatusTotals = "\n受理 %d、差し戻し %d、未提出 %d\n"
	msgReport       = "%sの進捗状況報告書を作成しました: %s（HTML 版: %s）\n"

	msgReportNoneAccepted = "注意: %sに受理した提出がありません（%d課が差し戻し）。報告書の評価はすべて「−」です\n"
)

// validate
const (
	msgFileWho      = "（%s・%s）"
	msgFileLine     = "%s%s: %s（エラー %d件、警告 %d件）\n"
	msgFileSkipped  = "%s: 読み飛ばし（%s）\n"
	msgFilesTotals  = "\n%dファイル: 受理 %d、差し戻し %d、置き換え済み %d、読み飛ばし %d\n"
	msgWholeFile    = "ファイル"
	msgValue        = "［入力値: %s］"
	msgDepartmentOf = "（%s）"
)

var headCSV = []string{"重要度", "コード", "ファイル", "シート", "セル", "入力値", "内容"}

// templates
const (
	msgTemplatesTitle  = "%sの入力様式を作成しました（%s）\n\n"
	msgTemplatesTotals = "\n%d課、事業 %d件・指標 %d件（延べ）\n出力先: %s\n"
)

var headTemplates = []string{"担当課", " 事業", " 指標", "ファイル"}
