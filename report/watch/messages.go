package watch

// Japanese text shown to people: terminal lines, receipts and the status
// page's fixed wording live in page.html.
const (
	msgStartEvents   = "提出を待っています: %s（変更の検知: ファイルシステムの通知%s）。結果: %s"
	msgStartPoll     = "提出を待っています: %s（変更の検知: %sごとの確認%s）。結果: %s"
	msgWhyNetwork    = "、ネットワーク上のフォルダ（%s）のため"
	msgWhyFlagPoll   = "、--poll の指定"
	msgWhyFlagEvents = "、--events の指定"
	msgWhyNoNotify   = "、通知を使えないため: %s"
	msgStopped       = "%s  停止しました（受付結果と提出状況はそのまま残ります）"
	msgResumed       = "%s  前回の受付結果を引き継ぎました（%dファイル）"
	msgSkipped       = "%s  読み飛ばし  %s（%s）"
	msgUnreadable    = "%s  読めないため待っています: %s（%s）。読めるようになりしだい答えます"
	msgRemoved       = "%s  %s  %s（提出されたファイルがなくなりました）"
	msgWriteFailed   = "%s  結果を書き出せません: %v（あとでもう一度試します）"

	errResults     = "受付結果のフォルダ %s に書き込めません（%s）。--results で書き込めるフォルダを指定してください"
	errInbox       = "受付フォルダ %s を開けません（%s）。提出された様式のフォルダを --inbox で指定してください"
	errState       = "受付結果のフォルダの状態ファイル %s を書き出せません（%s）"
	errResultsFile = "受付結果のフォルダ %s がファイルです。フォルダを --results で指定してください"
	errPoll        = "--poll の間隔は %v 以上にしてください（例: 5s）"
	errSettle      = "--settle は 0 以上の時間です（例: 2s）"
)

// msgAcceptable is the accepted state as the watch says it: the batch will
// accept the file unless something newer replaces it.
const msgAcceptable = "受理予定"

const msgStore = "記録 %s を読めません（%s）。前回までの実績値との比較なしで検証します"

// Lines of the terminal and of a receipt or 差し戻し notice.
const (
	msgRemoveFailed  = "%s を削除できません（%s）"
	msgDepartment    = "%s  %s  %s  エラー %d件・警告 %d件  %s%s"
	msgNoDepartment  = "%s  担当課不明  %s  エラー %d件・警告 %d件  %s%s"
	msgMarkUp        = "差し戻し用ブックを作れません: %v"
	msgReceipt       = "受付票"
	msgReturn        = "差し戻し"
	msgNoticeTitle   = "%s（%s・%s）\n\n"
	msgUnknownDept   = "不明（ファイル名からも様式からも分かりません）"
	msgNoticeHead    = "担当課: %s\nファイル: %s\n受付日時: %s\nSHA-256: %s\n"
	msgJudgeAccepted = "判定: 受理予定（エラーはありません。月次処理で受理されます。これより新しい提出があれば、そちらが使われます）\n"
	msgJudgeReturned = "判定: 差し戻し（このファイルは様式として開けないため、印をつけたブックは作れません。下の指摘を直して、配布した様式で提出し直してください）\n"
	msgNoticeCounts  = "エラー: %d件\n警告: %d件\n"
	msgNoticeValue   = "（入力値: %s）"

	errInboxNotDir = "フォルダではありません"
	errResultsIsIn = "受付フォルダそのものです"
)
