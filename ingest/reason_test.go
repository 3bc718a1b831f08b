package ingest

import (
	"archive/zip"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

// TestReason: every cause a department or the office can meet is said in
// Japanese, wrapped or not; a cause it does not know is told as the system
// states it (Reason) but never in a finding (knownReason).
func TestReason(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "a.xlsx", Err: syscall.ENOENT}, "見つかりません"},
		{fmt.Errorf("read: %w", fs.ErrPermission), "読み書きする権限がありません"},
		{syscall.EISDIR, "ファイルではなくフォルダです"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.ENOTEMPTY}, "同じ名前のフォルダまたはファイルがあり、置き換えられません"},
		{fs.ErrExist, "同じ名前のフォルダまたはファイルがあり、置き換えられません"},
		{fmt.Errorf("open: %w", zip.ErrFormat), "ZIP として読めません"},
		{zip.ErrChecksum, "圧縮された中身が壊れています"},
		{fmt.Errorf("inflate: %w", flate.CorruptInputError(12)), "圧縮された中身が壊れています"},
		{zip.ErrAlgorithm, "Excel が使わない方式で圧縮されています"},
		{fmt.Errorf("sheet: %w", errMissingPart), "ブックに必要な部分が欠けています"},
		{io.ErrUnexpectedEOF, "ブックの中身が途中で切れているか、書式が壊れています"},
		{fmt.Errorf("parse: %w", &xml.SyntaxError{Msg: "unexpected EOF", Line: 3}), "ブックの中身が途中で切れているか、書式が壊れています"},
	} {
		if got := knownReason(tc.err); got != tc.want {
			t.Errorf("knownReason(%v) = %q, want %q", tc.err, got, tc.want)
		}
		if got := Reason(tc.err); got != tc.want {
			t.Errorf("Reason(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
	unknown := &fs.PathError{Op: "open", Path: "a.xlsx", Err: errors.New("strange failure")}
	if got := knownReason(unknown); got != "" {
		t.Errorf("knownReason(unknown) = %q, want none", got)
	}
	if got := Reason(unknown); got != "strange failure" {
		t.Errorf("Reason(unknown) = %q, want the system's words", got)
	}
}
