package main

import (
	"fmt"
	"github.com/shinchoku/shinchoku/ingest"
	"io"
	"os"
	"path/filepath"
)

// writeAtomic writes a file through a temporary file in the same folder and
// renames it into place, so that a reader never sees half a file and an
// interrupted run leaves the previous file intact.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := writeTemp(path, write)
	if err != nil {
		return err
	}
	return commitTemp(tmp, path)
}

// writeTemp writes what is to become path into a temporary file beside it
// and returns the temporary file's name; commitTemp puts it in place.
func writeTemp(path string, write func(io.Writer) error) (name string, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", failf(err, "フォルダ %s を作れません", dir)
	}
	tmp, err := os.CreateTemp(dir, ".shinchoku-*.tmp")
	if err != nil {
		return "", failf(err, "%s に書き込めません", dir)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return "", failf(err, "%s を書き出せません", path)
	}
	if err := tmp.Sync(); err != nil {
		return "", failf(err, "%s を書き出せません", path)
	}
	if err := tmp.Close(); err != nil {
		return "", failf(err, "%s を書き出せません", path)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// commitTemp renames a file made by writeTemp into place.
func commitTemp(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return failf(err, "%s を書き出せません", path)
	}
	return nil
}

// readInput reads an input file; inputs are only ever read.
func readInput(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, failf(err, "%s を読めません", path)
	}
	return data, nil
}

// ioError is an I/O failure told in Japanese: its text names the file and
// the reason in words; the cause stays reachable with errors.Is.
type ioError struct {
	msg string
	err error
}

func (e ioError) Error() string { return e.msg }
func (e ioError) Unwrap() error { return e.err }

// failf describes an I/O failure: what could not be done, and why.
func failf(err error, format string, args ...any) error {
	return ioError{fmt.Sprintf(format, args...) + "（" + ingest.Reason(err) + "）", err}
}
