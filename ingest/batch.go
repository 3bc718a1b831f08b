package ingest

import (
	"archive/zip"
	"cmp"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/store"
)

// Skipped is a file in a folder that was not read, and why.
type Skipped struct {
	File   string
	Reason string // Japanese
}

// NameByBase names every file by its base name, as a month names the files
// of its inbox, so that what is written about them (findings, 差し戻し
// workbooks, validate's output) does not carry the folders they were given
// by (a user name, a server's layout). Files that share a base name keep
// the paths they were given by, so that none is taken for another.
func NameByBase(results []Result, skipped []Skipped) {
	n := map[string]int{}
	for _, r := range results {
		n[filepath.Base(r.File)]++
	}
	for _, s := range skipped {
		n[filepath.Base(s.File)]++
	}
	for i, r := range results {
		if b := filepath.Base(r.File); n[b] == 1 {
			results[i].Rename(b)
		}
	}
	for i, s := range skipped {
		if b := filepath.Base(s.File); n[b] == 1 {
			skipped[i].File = b
		}
	}
}

// workbookExt are the extensions read as submissions. .xls and .ods are read
// too, so that their senders learn to save as .xlsx instead of being
// silently ignored.
var workbookExt = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".ods": true}

// Collect lists the submission files named by paths: files as given, and the
// files directly in folders. Excel lock files (~$…), hidden files, folders
// and files that are not workbooks are skipped and listed. The list is sorted.
func Collect(paths []string) ([]string, []Skipped, error) {
	var files []string
	var skipped []Skipped
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf(msgOpen, p, Reason(err))
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, nil, fmt.Errorf(msgReadDir, p, Reason(err))
		}
		for _, e := range entries {
			name := e.Name()
			full := filepath.Join(p, name)
			switch {
			case e.IsDir():
				// Listed, not read: a department's file saved into a
				// subfolder, or a folder named like a workbook, would
				// otherwise go unnoticed.
				skipped = append(skipped, Skipped{full, skipFolder})
			case strings.HasPrefix(name, "~$"):
				skipped = append(skipped, Skipped{full, skipLockFile})
			case strings.HasPrefix(name, "."):
				skipped = append(skipped, Skipped{full, skipHidden})
			case !e.Type().IsRegular():
				skipped = append(skipped, Skipped{full, skipIrregular})
			case !workbookExt[strings.ToLower(filepath.Ext(name))]:
				skipped = append(skipped, Skipped{full, skipNotBook})
			default:
				files = append(files, full)
			}
		}
	}
	slices.Sort(files)
	files = slices.Compact(files)
	slices.SortFunc(skipped, func(a, b Skipped) int { return cmp.Compare(a.File, b.File) })
	return files, skipped, nil
}

// ReadFiles reads submissions with a bounded number of workers (at least
// one) and returns their results in the order of files. Each file is read
// whole into memory and never written. Two submissions of one department and
// period are resolved by Supersede. done, when not nil, is called after each
// file (from the workers), for a progress display.
func (rd *Reader) ReadFiles(files []string, workers int, done func()) []Result {
	results := make([]Result, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	// No more readers than files: a mistyped workers setting (1000000)
	// must not start a million goroutines for 27 files.
	for range min(max(1, workers), max(1, len(files))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = rd.ReadFile(files[i])
				if done != nil {
					done()
				}
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	Supersede(results)
	return results
}

// ReadFile reads one submission from disk. Only a regular file is opened
// (a device or a named pipe would be read forever, or block), and no more
// than the size limit is read, even from a file that grows meanwhile.
// The result's Path is path, and so is its File until Rename gives it the
// name outputs use.
//
// A panic while reading (a library meeting a file it was not made for)
// costs that file a file.internal error, never the month of the others.
func (rd *Reader) ReadFile(path string) (res Result) {
	defer func() {
		if v := recover(); v != nil {
			// The panic value is a library's English text, of no use to
			// a department and not shown: the finding says what to do.
			fl := &file{Reader: rd, name: path}
			fl.errorf("file.internal", "", "", "")
			res = Result{File: path, Findings: fl.findings}
		}
		res.Path = path
	}()
	return rd.readFile(path)
}

func (rd *Reader) readFile(path string) Result {
	info, err := os.Stat(path)
	switch {
	case err == nil && !info.Mode().IsRegular():
		fl := &file{Reader: rd, name: path}
		fl.errorf("file.not_regular", "", "", "")
		return Result{File: path, Findings: fl.findings}
	case err == nil && info.Size() > rd.limits.FileSize:
		fl := &file{Reader: rd, name: path}
		fl.errorf("file.too_large", "", "", "", fmt.Sprintf("%d バイト", info.Size()))
		return Result{File: path, Findings: fl.findings}
	}
	data, err := readLimited(path, rd.limits.FileSize)
	if err != nil {
		fl := &file{Reader: rd, name: path}
		fl.errorf("file.unreadable", "", "", "", parenthesized(knownReason(err)))
		return Result{File: path, Findings: fl.findings}
	}
	read := rd.Read
	if rd.read != nil {
		read = rd.read
	}
	res := read(path, data)
	sum := sha256.Sum256(data)
	res.SHA256 = hex.EncodeToString(sum[:])
	if res.Submission != nil {
		// What is archived (when accepted) or returned (with errors) is
		// what was validated, even if the file changes meanwhile.
		res.Data = data
	}
	if info != nil {
		res.ModTime = info.ModTime().UTC()
	}
	return res
}

// readLimited reads a file, up to one byte more than limit (which Read
// then reports as too large).
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// Failure is an I/O failure told in Japanese: its text names the file and
// the reason in words; the cause stays reachable with errors.Is.
type Failure struct {
	Msg string
	Err error
}

func (e Failure) Error() string { return e.Msg }
func (e Failure) Unwrap() error { return e.Err }

// UsageError is a mistake in how shinchoku is called (the configuration
// file, an environment variable, a flag, a library caller's options): the
// caller has to change the call. Its text says what to change, in Japanese.
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// Usagef makes a UsageError of a message.
func Usagef(format string, args ...any) error {
	return UsageError{fmt.Sprintf(format, args...)}
}

// Failf describes an I/O failure of a file or the store: what could not be
// done (format, args), and why (err, in words as Reason says it; a Failure
// it wraps is said whole, since its text names what failed).
func Failf(err error, format string, args ...any) error {
	reason := storeReason(err)
	var f Failure
	switch {
	case reason != "":
	case errors.As(err, &f):
		reason = f.Msg
	default:
		reason = Reason(err)
	}
	return Failure{fmt.Sprintf(format, args...) + "（" + reason + "）", err}
}

// Reason says in Japanese why a file, folder or the store could not be
// used; a cause it does not know is given as the system states it, for the
// office.
func Reason(err error) string {
	if r := storeReason(err); r != "" {
		return r
	}
	if r := knownReason(err); r != "" {
		return r
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// storeReason says the store's condition (store.Condition) that err is,
// or "" when it is none.
func storeReason(err error) string {
	return storeReasons[store.Condition(err)]
}

// knownReason says in Japanese why a file could not be used, or "" for a
// cause it does not know. Findings use it, never the error's own text:
// departments read them, and a Go or zip library message in English
// (zip: not a valid zip file) tells them nothing they can act on.
func knownReason(err error) string {
	var flateErr flate.CorruptInputError
	var xmlErr *xml.SyntaxError
	switch {
	case errors.As(err, &flateErr):
		err = zip.ErrChecksum // to a department, the same: the compressed content is broken
	case errors.As(err, &xmlErr):
		err = io.ErrUnexpectedEOF // the same: the content is cut short or malformed
	}
	for _, r := range reasons {
		if errors.Is(err, r.cause) {
			return r.text
		}
	}
	return osReason(err)
}

// parenthesized is a reason as the messages append it: in parentheses, or
// nothing when there is none.
func parenthesized(reason string) string {
	if reason == "" {
		return ""
	}
	return "（" + reason + "）"
}

// Supersede finds submissions of the same department and period. The newest
// (by the workbook's save time, then the file's time unless the two files
// have the same content, then its name) is used; the others are marked
// superseded, with a warning naming the newer.
func Supersede(results []Result) {
	type key struct {
		dept   string
		period shinchoku.Period
	}
	groups := map[key][]int{}
	for i, r := range results {
		if r.Submission != nil {
			k := key{r.Submission.Department, r.Submission.Period}
			groups[k] = append(groups[k], i)
		}
	}
	for _, idx := range groups {
		if len(idx) < 2 {
			continue
		}
		newest := slices.MaxFunc(idx, func(a, b int) int { return newer(results[a], results[b]) })
		for _, i := range idx {
			if i == newest {
				continue
			}
			results[i].Superseded = true
			results[i].Findings = append(results[i].Findings, shinchoku.Finding{
				Severity: shinchoku.SeverityWarning, Code: "submission.superseded", File: results[i].File,
				Message: fmt.Sprintf(messages["submission.superseded"], filepath.Base(results[newest].File)),
			})
		}
	}
}

// newer orders two files of a department by which is the newer submission:
// the workbook's save time, then the file's time unless the two files have
// the same content, then the name.
func newer(a, b Result) int {
	byTime := a.ModTime.Compare(b.ModTime)
	if a.SHA256 != "" && a.SHA256 == b.SHA256 {
		// The same bytes twice: copying the inbox changes the files'
		// times, and which one is used must not.
		byTime = 0
	}
	return cmp.Or(cmp.Compare(a.SavedAt, b.SavedAt), byTime, cmp.Compare(a.File, b.File))
}

// Current says which of one department's files counts for the period, and
// so gives the department its state: the index in results, or -1 when there
// is none. results are all the files of the department after Supersede,
// those that could not be read as a template included (their department is
// only guessed from the file name). The monthly batch records this file's
// state as the department's, and the watch shows it, so that a department
// is told what the month will decide.
//
// A superseded file never counts. A workbook that was read outranks every
// file that was not: a file name anyone can write must not turn the state
// of a department whose own workbook proves whose it is into 差し戻し
// (such a file is still returned to its sender, on its own). Among files
// of one kind, the newer counts, as in Supersede.
func Current(results []Result) int {
	cur := -1
	for i, r := range results {
		if r.Superseded {
			continue
		}
		if cur < 0 {
			cur = i
			continue
		}
		c := results[cur]
		if cmp.Or(cmp.Compare(readRank(r), readRank(c)), newer(r, c)) > 0 {
			cur = i
		}
	}
	return cur
}

// readRank is 1 for a file read as a template, 0 for one that was not.
func readRank(r Result) int {
	if r.Submission != nil {
		return 1
	}
	return 0
}
