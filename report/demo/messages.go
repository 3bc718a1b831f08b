package demo

// Japanese messages of the demo's folder.
const (
	msgNotDemo = "フォルダ %s は空ではなく、shinchoku demo が作ったものでもありません。別のフォルダを -o で指定してください"
	msgReadDir = "フォルダ %s を読めません"
	msgMkdir   = "フォルダ %s を作れません"
	msgRemove  = "前のデモのフォルダ %s を削除できません"
	msgWrite   = "%s に書き込めません"
)
