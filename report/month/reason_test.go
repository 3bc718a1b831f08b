package month

import (
	"fmt"
	"strings"
	"syscall"
	"testing"

	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/store"
)

// TestFailf: a failure names the file and says why in Japanese, whatever
// the cause (the store's conditions are told apart by store.Condition).
func TestFailf(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("insert: %w", store.ErrFull), "記録 a.db に書き込めません（ディスクの空きがありません）"},
		{store.ErrCorrupt, "記録 a.db に書き込めません（ファイルが壊れているか"},
		{store.ErrLocked, "記録 a.db に書き込めません（別の shinchoku run が使用中です"},
		{store.ErrInterrupted, "記録 a.db に書き込めません（途中で止まった run の書きかけが残っています"},
		{store.ErrNewer, "記録 a.db に書き込めません（新しい版の shinchoku で作られた記録です"},
		{store.ErrReadOnly, "記録 a.db に書き込めません（読み取り専用のため書き込めません）"},
		{fmt.Errorf("open: %w", store.ErrNotCreated), "記録 a.db に書き込めません（まだ記録がありません（shinchoku run で作られます））"},
		{fmt.Errorf("rename x y: %w", syscall.ENOTEMPTY), "記録 a.db に書き込めません（同じ名前のフォルダまたはファイルがあり、置き換えられません）"},
		{fmt.Errorf("write x: %w", syscall.EIO), "記録 a.db に書き込めません（ディスクまたはネットワークの読み書きに失敗しました）"},
		{fmt.Errorf("mkdir x: %w", syscall.ENOTDIR), "記録 a.db に書き込めません（パスの途中にフォルダではなくファイルがあります）"},
	} {
		got := ingest.Failf(tc.err, msg("store.write"), "a.db").Error()
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("Failf(%v) = %q, want %q…", tc.err, got, tc.want)
		}
	}
}
