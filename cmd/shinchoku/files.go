package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeAtomic writes a file through a temporary file in the same folder and
// renames it into place, so that a reader never sees half a file and an
// interrupted run leaves the previous file intact.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("フォルダ %s を作れません: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".shinchoku-*.tmp")
	if err != nil {
		return fmt.Errorf("%s に書き込めません: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("%s を書き出せません: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s を書き出せません: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s を書き出せません: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s を書き出せません: %w", path, err)
	}
	return nil
}

// readInput reads an input file; inputs are only ever read.
func readInput(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s を読めません: %w", path, err)
	}
	return data, nil
}
