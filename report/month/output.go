package month

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/report/html"
	"github.com/shinchoku/shinchoku/report/internal/workbook"
	"github.com/shinchoku/shinchoku/report/pdf"
	"github.com/shinchoku/shinchoku/templates/form"
)

// returnsFolder is the folder of the 差し戻し workbooks in a month's outputs.
const returnsFolder = "差し戻し"

// write writes every output of the run (the consolidated workbook, the
// report as PDF and HTML, summary.json, the 差し戻し workbooks), each into a
// temporary file beside it, and returns them to be put in place together once the record has
// changed: a run that fails leaves every previous output, the 差し戻し
// workbooks included, as it was.
func (res *Result) write() (pending, error) {
	returnsDir := filepath.Join(res.OutDir, returnsFolder)
	outputs := []struct {
		stage, path, fail string
		write             func(io.Writer) error
	}{
		{stageWorkbook, filepath.Join(res.OutDir, workbook.FileName(res.Period)), msg("output.workbook"),
			func(w io.Writer) error { return workbook.Write(w, res.Progress) }},
		{stagePDF, filepath.Join(res.OutDir, pdf.FileName(res.Period)), msg("output.report"),
			func(w io.Writer) error { return pdf.Write(w, res.Progress, pdf.Options{Title: res.title}) }},
		{stageSummary, filepath.Join(res.OutDir, "summary.json"), msg("output.summary"),
			res.WriteSummary},
		{stageHTML, filepath.Join(res.OutDir, html.FileName(res.Period)), msg("output.html"),
			func(w io.Writer) error {
				return html.Write(w, res.Progress, html.Options{Title: res.title})
			}},
	}
	// The outputs only read the evaluated progress: write them side by side.
	var wg sync.WaitGroup
	written := make([]pending, len(outputs)+1)
	errs := make([]error, len(outputs)+1)
	for i, o := range outputs {
		wg.Go(func() {
			errs[i] = res.timed(o.stage, func() error {
				tmp, err := writeTemp(o.path, runTempPattern, o.write)
				if err != nil {
					return ingest.Failf(err, "%s", o.fail)
				}
				written[i] = pending{{tmp, o.path}}
				return nil
			})
		})
	}
	var returns []string
	wg.Go(func() {
		errs[len(outputs)] = res.timed(stageReturns, func() (err error) {
			returns, err = writeReturns(returnsDir, res.Files, func(path string, write func(io.Writer) error) error {
				tmp, err := writeTemp(path, runTempPattern, write)
				if err == nil {
					written[len(outputs)] = append(written[len(outputs)], struct{ tmp, path string }{tmp, path})
				}
				return err
			})
			return err
		})
	})
	wg.Wait()
	var all pending
	for _, w := range written {
		all = append(all, w...)
	}
	if err := errors.Join(errs...); err != nil {
		all.discard()
		return nil, err
	}
	res.Outputs = append(res.Outputs, outputs[0].path, outputs[1].path, outputs[3].path)
	// Only the 差し戻し workbooks written: a file the writer could not mark
	// up has none, and the findings list is its return.
	res.Outputs = append(res.Outputs, returns...)
	res.Outputs = append(res.Outputs, outputs[2].path)
	return all, nil
}

// pending are files written to temporary files, waiting to be put in place.
type pending []struct{ tmp, path string }

// discard removes the temporary files.
func (p pending) discard() {
	for _, f := range p {
		os.Remove(f.tmp)
	}
}

// place renames every temporary file into place; after a failure the rest
// are removed.
func (p pending) place() error {
	for i, f := range p {
		if err := commitTemp(f.tmp, f.path); err != nil {
			p[i+1:].discard()
			return err
		}
	}
	return nil
}

// removeStaleReturns deletes the 差し戻し workbooks of earlier runs of the
// month that this run did not write again: their submissions have since been
// accepted, replaced or withdrawn, and staff must not send them out. Only
// files named as shinchoku names them are touched.
func removeStaleReturns(dir string, written pending) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return ingest.Failf(err, msg("file.read"), dir)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !form.IsReturnName(name) || slices.ContainsFunc(written, func(w struct{ tmp, path string }) bool { return filepath.Base(w.path) == name }) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return ingest.Failf(err, msg("file.remove"), filepath.Join(dir, name))
		}
	}
	return nil
}

// Temporary files of outputs being written: a run's own, and those of the
// commands that write one file (report, templates, validate --returns).
const (
	runTempPattern = ".shinchoku-run-*.tmp"
	tempPattern    = ".shinchoku-*.tmp"
)

// staleTemp is the age after which another command's temporary file is
// left over from a kill: none takes that long to write one file.
const staleTemp = time.Hour

// removeTemps removes the temporary files that a killed or failed command
// left in dirs. Only a run calls it, holding the store, so the run
// temporary files there are no running command's; another command's (a
// report being written meanwhile) are removed only once they are old.
func removeTemps(dirs ...string) {
	now := time.Now()
	for _, dir := range dirs {
		names, _ := filepath.Glob(filepath.Join(dir, tempPattern))
		for _, n := range names {
			info, err := os.Lstat(n)
			if err != nil || !info.Mode().IsRegular() {
				continue
			}
			own, _ := filepath.Match(runTempPattern, filepath.Base(n))
			if own || now.Sub(info.ModTime()) > staleTemp {
				os.Remove(n)
			}
		}
	}
}

// WriteReturns writes a 差し戻し workbook for every submission with errors
// that was not replaced by a later one of its department, each put in place as it is written. Files that could not be opened as
// workbooks get none: their finding says what to do.
func WriteReturns(dir string, results []ingest.Result) error {
	_, err := writeReturns(dir, results, WriteFile)
	return err
}

// returned reports whether r gets a 差し戻し workbook: a template with
// errors that was not replaced by a later file of its department (the
// replacing file is the one that counts, and is returned itself if wrong).
func returned(r ingest.Result) bool {
	return r.Submission != nil && r.State() == shinchoku.StateReturned
}

// writeReturns builds the 差し戻し workbooks, hands each to put and
// returns the paths of those written.
func writeReturns(dir string, results []ingest.Result, put func(path string, write func(io.Writer) error) error) ([]string, error) {
	var paths []string
	for _, r := range results {
		if !returned(r) {
			continue
		}
		f, err := form.Return(r.Data, r.Findings)
		if err != nil {
			continue // unreadable as a workbook: the findings list is the return
		}
		path := filepath.Join(dir, form.ReturnName(filepath.Base(r.File)))
		err = put(path, func(w io.Writer) error {
			_, err := f.WriteTo(w)
			return err
		})
		f.Close()
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// WriteFile writes a file through a temporary file in the same folder and
// renames it into place, so that a reader never sees half a file and an
// interrupted run leaves the previous file intact.
func WriteFile(path string, write func(io.Writer) error) error {
	tmp, err := writeTemp(path, tempPattern, write)
	if err != nil {
		return err
	}
	return commitTemp(tmp, path)
}

// writeTemp writes what is to become path into a temporary file beside it,
// named by pattern, and returns the temporary file's name; commitTemp puts
// it in place.
func writeTemp(path, pattern string, write func(io.Writer) error) (name string, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", ingest.Failf(err, msg("file.mkdir"), dir)
	}
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", ingest.Failf(err, msg("file.create"), dir)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return "", ingest.Failf(err, msg("file.write"), path)
	}
	if err := tmp.Sync(); err != nil {
		return "", ingest.Failf(err, msg("file.write"), path)
	}
	if err := tmp.Close(); err != nil {
		return "", ingest.Failf(err, msg("file.write"), path)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", ingest.Failf(err, msg("file.write"), path)
	}
	return tmp.Name(), nil
}

// commitTemp renames a file made by writeTemp into place.
func commitTemp(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return ingest.Failf(err, msg("file.write"), path)
	}
	return nil
}
