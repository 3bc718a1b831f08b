package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSettingsErrors: a mistake in the settings (the configuration file, a
// flag, the period, the plan's name) exits 2 with its Japanese message and
// the hint to --help; a file that cannot be read exits 2 without the hint,
// since calling shinchoku differently would not help.
func TestSettingsErrors(t *testing.T) {
	const hint = "使い方は shinchoku --help で確認できます\n"
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	bad := write("bad.yaml", "wrokers: 2\n")
	method := write("method.yaml", "evaluation: {method: kyoto}\n")
	required := write("required.yaml", "required: [summary]\n")
	store := filepath.Join(dir, "store.db")
	for _, tc := range []struct {
		name string
		args []string
		want string // the first line of stderr
		hint bool
	}{
		{"unknown key", []string{"--config", bad, "plan"}, "shinchoku: 設定に誤りがあります（1件）:", true},
		{"no period", []string{"status", "--store", store}, "shinchoku: --period で報告する月を指定してください（例: --period 2024-09）", true},
		{"bad period", []string{"status", "--period", "2024-9", "--store", store}, `shinchoku: --period は YYYY-MM の形で指定してください（例: 2024-09）: "2024-9"`, true},
		{"period outside the plan", []string{"status", "--period", "9999-12", "--store", store}, "shinchoku: --period 9999-12 は計画「", true},
		{"unknown plan", []string{"plan", "--plan", "nosuch"}, `shinchoku: 計画 "nosuch" が見つかりません（組み込みの計画: `, true},
		{"evaluation method", []string{"--config", method, "report", "--period", "2022-03", "--store", store}, `shinchoku: evaluation.method は ibaraki（A・B+・B・C、既定）か shizuoka（目標値以上・A・B・C・基準値以下）です: "kyoto"`, true},
		{"evaluation method (status)", []string{"--config", method, "status", "--period", "2022-03", "--store", store}, `shinchoku: evaluation.method は ibaraki`, true},
		{"required", []string{"--config", required, "validate", dir}, "shinchoku: 設定 required の「summary」は使えません（使えるもの: analysis, outlook, progress, self_evaluation）", true},
		{"unknown flag", []string{"plan", "--frmat", "json"}, "shinchoku: 不明なフラグです: --frmat", true},
		{"missing config file", []string{"--config", filepath.Join(dir, "none.yaml"), "plan"}, "shinchoku: 設定ファイル " + filepath.Join(dir, "none.yaml") + " を読めません: ", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := exitCode(run(context.Background(), tc.args, &stdout, &stderr), &stderr)
			if code != exitFailure {
				t.Errorf("exit code %d, want %d", code, exitFailure)
			}
			first, _, _ := strings.Cut(stderr.String(), "\n")
			if !strings.HasPrefix(first, tc.want) {
				t.Errorf("stderr begins %q, want %q", first, tc.want)
			}
			if got := strings.HasSuffix(stderr.String(), hint); got != tc.hint {
				t.Errorf("hint %v, want %v; stderr:\n%s", got, tc.hint, stderr.String())
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout: %s", stdout.String())
			}
			if _, err := os.Stat(store); err == nil {
				t.Error("a command refused for its settings made a store")
			}
		})
	}
}
