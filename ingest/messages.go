package ingest

import (
	"archive/zip"
	"io"
	"io/fs"
	"syscall"

	"github.com/shinchoku/shinchoku/ingest/store"
)

// Japanese messages for workbook findings, keyed by their stable code, in
// one place so that they can be read and reviewed together. Each tells the
// department what to do.
var messages = map[string]string{
	"file.unreadable":           "ファイルを読めません%s",
	"file.not_regular":          "通常のファイルではありません（デバイスや名前付きパイプなど）。Excel で保存したブックを提出してください",
	"file.too_large":            "ファイルが大きすぎます（%s）。配布した様式に入力して提出してください",
	"file.empty":                "ファイルが空です。入力した様式を保存し直して提出してください",
	"file.xls":                  "Excel 97-2003 形式（.xls）のファイルです。配布した様式（.xlsx）のまま保存して提出してください",
	"file.encrypted":            "パスワードで保護（暗号化）されたファイルです。パスワードを外して保存し直してください",
	"file.ods":                  "OpenDocument 形式（.ods）のファイルです。Excel ブック（.xlsx）形式で保存して提出してください",
	"file.not_workbook":         "Excel ブックではありません（%s）。配布した様式（.xlsx）を提出してください",
	"file.corrupt":              "ファイルが壊れているため開けません%s。Excel で開けるか確かめ、保存し直して提出してください",
	"file.internal":             "このファイルの検証中に想定外の問題が起きたため読めませんでした。Excel で開けるか確かめて保存し直し、それでも同じなら政策推進課に連絡してください",
	"file.encoding":             "ブックの中身が UTF-8 以外の文字コード%sで書かれているため読めません。Excel で開いて保存し直してください",
	"template.not_template":     "shinchoku の様式ではありません（識別情報のシートがありません）。配布した様式に入力してください",
	"template.bad_meta":         "様式の識別情報が壊れています（%s）。配布した様式に入力し直してください",
	"template.version":          "様式の形式 %s には対応していません（対応: %d）。今回配布した様式を使ってください",
	"template.other_plan":       "別の計画の様式です（様式: %s、現在の計画: %s）。今回配布した様式を使ってください",
	"template.plan_changed":     "計画が変更される前の様式です。今回配布した様式を使ってください",
	"template.department":       "担当課「%s」は計画にありません。今回配布した様式を使ってください",
	"template.period":           "%sの様式です（今回は%s）。今回配布した様式を使ってください",
	"template.no_sheet":         "シート「%s」がありません。シート名を変更した場合は元に戻してください",
	"template.identity":         "様式の識別情報（担当課「%s」・期間・行の対応表）が書き換えられています。配布した様式に入力し直してください",
	"template.foreign_row":      "指標「%s」は担当課「%s」の指標ではありません。この様式は使えません。配布した様式に入力し直してください",
	"template.row_missing":      "指標「%s」（%s）の行が見つかりません。削除した行を元に戻してください",
	"template.row_moved":        "指標「%s」の行が %d行目から %d行目に移動しています。値は読み取りましたが、行の挿入・削除・並べ替えはしないでください",
	"template.row_copied":       "指標「%s」の行が複写されています（%d行目と同じ内容）。この行の入力は使われません。複写した行を削除してください",
	"template.stray_input":      "データ行以外のセルに入力があります（この値は使われません）。入力は黄色のセルにしてください",
	"template.row_copied_more":  "ほかに %d 行、データ行の複写があります（最初の %d 行だけを示しました）。複写した行を削除してください",
	"template.stray_input_more": "ほかに %d 行、データ行以外のセルに入力があります（最初の %d 行だけを示しました）。この値は使われません",
	"template.locked":           "変更できないセルが書き換えられています（元の値: %s）。差し戻し用ブックでは元の値に戻してあります。そのブックのほかの指摘を直して提出してください",
	"template.locked_last":      "変更できないセル（%s）が書き換えられています。元の値は記録にしかないため、今回配布した様式に入力し直して提出してください",
	"value.not_number":          "%sが数値ではありません。数値だけを入力してください（単位・カンマ不要、マイナスは -5）",
	"value.unprintable":         "%sに報告書で印刷できない文字があります: %s",
	"value.encoding":            "%sに文字化けした部分（UTF-8 として読めないバイト）があります。セルの内容を入力し直してください",
	"value.too_precise":         "%sの桁が多すぎます（%s）。Excel や報告書が正確に保てるのは有効数字15桁、1,000兆未満までです。値と単位を確認してください",
	"value.broken":              "セルの内容が壊れています（存在しない共有文字列を指しています）。Excel で開いて値を入力し直してください",
	"value.formula":             "%sが数式で、計算結果が保存されていません。数式ではなく値を入力してください",
	"value.not_in_list":         "%sは次のいずれかを、セルの右の▼の一覧から選んでください: %s（半角・全角は問いません）",
	"value.too_long":            "%sが長すぎます（%d文字、上限 %d文字）",
	"value.missing_actual":      "実績値がありません（空欄、または値なしの「−」）。まだ分からない場合は状態を「調査中」にし、公表予定時期を入力してください",
	"value.missing_publish":     "状態が「調査中」のときは、公表予定時期（例: 令和6年12月）を入力してください",
	"value.actual_pending":      "状態が「調査中」ですが実績値が入力されています。実績値が分かっているなら状態を「確定」か「速報値」にしてください",
	"value.required":            "%sを入力してください",
	"value.negative":            "%sは負の数になりません。値を確認してください",
	"value.share_range":         "割合（%s）が 0〜%s の範囲外です。値を確認してください",
	"value.cumulative_down":     "累計の実績値 %s が前回の実績値 %s（%s）より小さくなっています。累計値を入力しているか確認してください",
	"value.jump":                "実績値 %s が前回の実績値 %s（%s）の10倍以上または10分の1以下です。桁や単位を確認してください",
	"submission.superseded":     "同じ担当課・同じ期間の新しい提出（%s）があるため、このファイルは使われません",
}

// Japanese text of collecting an inbox: why a path cannot be read, and why
// an entry of a folder is skipped.
const (
	msgOpen       = "%s を開けません（%s）"
	msgReadDir    = "フォルダ %s を読めません（%s）"
	skipFolder    = "フォルダです（受付フォルダの中のフォルダは読みません。提出はブックを直接置いてください）"
	skipLockFile  = "Excel の一時ファイル（編集中のロックファイル）"
	skipHidden    = "隠しファイル"
	skipIrregular = "通常のファイルではありません"
	skipNotBook   = "Excel ブックではありません"
)

// storeReasons say the store's conditions (store.Condition) in Japanese,
// with what to do about them.
var storeReasons = map[error]string{
	store.ErrLocked:      "別の shinchoku run が使用中です。終わるのを待ってから実行してください",
	store.ErrFull:        "ディスクの空きがありません",
	store.ErrCorrupt:     "ファイルが壊れているか、shinchoku の記録ではありません。バックアップから戻してください",
	store.ErrReadOnly:    "読み取り専用のため書き込めません",
	store.ErrNotCreated:  "まだ記録がありません（shinchoku run で作られます）",
	store.ErrNewer:       "新しい版の shinchoku で作られた記録です。shinchoku を新しい版にしてください",
	store.ErrInterrupted: "途中で止まった run の書きかけが残っています。書き込みのできる場所で shinchoku run をもう一度実行してください",
}

// reasons say in Japanese why a file could not be used, by the cause
// knownReason recognizes (errors.Is), in the order it tries them.
var reasons = []struct {
	cause error
	text  string
}{
	{fs.ErrNotExist, "見つかりません"},
	{fs.ErrPermission, "読み書きする権限がありません"},
	{syscall.EISDIR, "ファイルではなくフォルダです"},
	{syscall.ENOSPC, "ディスクの空きがありません"},
	{syscall.ENOTDIR, "パスの途中にフォルダではなくファイルがあります"},
	{syscall.ENOTEMPTY, "同じ名前のフォルダまたはファイルがあり、置き換えられません"},
	{fs.ErrExist, "同じ名前のフォルダまたはファイルがあり、置き換えられません"},
	{syscall.EROFS, "読み取り専用の場所です"},
	{syscall.ENAMETOOLONG, "ファイル名が長すぎます"},
	{syscall.EIO, "ディスクまたはネットワークの読み書きに失敗しました"},
	{zip.ErrFormat, "ZIP として読めません"},
	{zip.ErrChecksum, "圧縮された中身が壊れています"},
	{zip.ErrAlgorithm, "Excel が使わない方式で圧縮されています"},
	{errMissingPart, "ブックに必要な部分が欠けています"},
	{io.ErrUnexpectedEOF, "ブックの中身が途中で切れているか、書式が壊れています"},
}
