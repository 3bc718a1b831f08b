package gopdf

// Added for shinchoku's copy (not upstream): upstream's tests read
// test/res and examples/outline_example and write into test/out and
// examples/table, relative to the working folder. They run in a temporary
// folder that links to the resources, so that no test writes into the
// source tree.

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestMain(m *testing.M) {
	os.Exit(runInTempDir(m))
}

func runInTempDir(m *testing.M) int {
	src, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "gopdf-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	for _, dir := range []string{"test/out", "examples/table"} {
		if err := os.MkdirAll(filepath.Join(tmp, dir), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	for _, res := range []string{"test/res", "examples/outline_example"} {
		if err := os.Symlink(filepath.Join(src, res), filepath.Join(tmp, res)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	if err := os.Chdir(tmp); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}
