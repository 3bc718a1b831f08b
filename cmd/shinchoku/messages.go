package main

// Japanese messages of the command line, in one place so that they can be
// read and reviewed together. Command help (Short, Long, Example, flag
// descriptions) stays with each command: it is the command's definition.
const (
	msgFindings     = "shinchoku: %d件の問題が見つかりました"
	msgSeeHelp      = "使い方は shinchoku --help で確認できます"
	msgReturnsDue   = "差し戻しが必要な提出があります"
	msgValidateArgs = "検証する様式を指定してください: 提出された .xlsx ファイル、またはそれを入れたフォルダ（例: shinchoku validate 提出/2024-09）"
	msgFormat       = "--format は %s のいずれかです: %q"
	msgPollEvents   = "--poll と --events は一緒に指定できません"
	msgProfileOpen  = "プロファイル %s を作れません"
	msgProfileWrite = "プロファイル %s を書けません"
	msgProgress     = "検証"

	// Stage names shown by --timings, beside those of report/month.
	stagePlan     = "計画の読み込み"
	stageDemoForm = "様式の作成・記入"
)
