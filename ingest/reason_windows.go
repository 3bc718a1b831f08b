package ingest

import (
	"errors"
	"syscall"
)

// Windows error codes an office PC meets when a file is open elsewhere
// (Excel keeps the workbooks it shows locked).
const (
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
)

// osReason says in Japanese why a file operation failed, for the reasons
// only this system gives, or "".
func osReason(err error) string {
	if errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation) {
		return "ほかのプログラム（Excel など）がファイルを開いています。閉じてからもう一度実行してください"
	}
	return ""
}
