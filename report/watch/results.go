package watch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/templates/form"
)

// fileView is one file in the inbox as the page and the results show it.
type fileView struct {
	*record
	State    shinchoku.State
	Findings shinchoku.Findings // the record's, and a note when superseded
	Errors   int
	Warnings int
	Result   string // the result file's name in the results folder, if any
}

// deptView is one department of the plan.
type deptView struct {
	Department string
	State      shinchoku.State
	Current    *fileView   // the file that counts; nil when none came
	Older      []*fileView // files the current one replaces
}

// view is the whole inbox: every department of the plan, and the files no
// department of the plan can be named for.
type view struct {
	Departments []*deptView
	Others      []*fileView
}

// view decides, as the monthly batch does, which file of a department
// counts (ingest.Supersede, then ingest.Current) and what its answer is, so
// that the state a department is shown is the one the month will record.
func (w *watcher) view() view {
	names := sortedKeys(w.records)
	results := make([]ingest.Result, len(names))
	for i, n := range names {
		r := w.records[n]
		results[i] = ingest.Result{File: n, SavedAt: r.SavedAt, ModTime: r.ModTime, SHA256: r.SHA256, Findings: slices.Clone(r.Findings)}
		if r.Read {
			p, _ := shinchoku.ParsePeriod(r.Period)
			results[i].Submission = &shinchoku.Submission{Department: r.Department, Period: p}
		}
	}
	ingest.Supersede(results)
	byDept := map[string][]int{}
	files := make([]*fileView, len(names))
	var v view
	for i, n := range names {
		fv := &fileView{record: w.records[n], Findings: results[i].Findings, State: results[i].State()}
		fv.Errors, fv.Warnings = fv.Findings.Count()
		files[i] = fv
		if w.deptSet[fv.Department] {
			byDept[fv.Department] = append(byDept[fv.Department], i)
			continue
		}
		if fv.Errors > 0 {
			fv.Result = returnText(n)
		}
		v.Others = append(v.Others, fv)
	}
	for _, d := range w.depts {
		dv := &deptView{Department: d, State: shinchoku.StateNotSubmitted}
		idx := byDept[d]
		own := make([]ingest.Result, len(idx))
		for k, i := range idx {
			own[k] = results[i]
		}
		cur := ingest.Current(own)
		for k, i := range idx {
			fv := files[i]
			switch {
			case k == cur:
				dv.Current = fv
				dv.State = fv.State
				switch {
				case fv.State == shinchoku.StateAccepted:
					fv.Result = receiptName(fv.Name)
				case fv.Read:
					fv.Result = form.ReturnName(fv.Name)
				default:
					fv.Result = returnText(fv.Name)
				}
			case !fv.Read:
				// A file that could not be read does not count, but was
				// sent: the month returns it, and its sender is told why.
				fv.Result = returnText(fv.Name)
				dv.Older = append(dv.Older, fv)
			default:
				// Replaced by a newer workbook (its State says superseded).
				dv.Older = append(dv.Older, fv)
			}
		}
		v.Departments = append(v.Departments, dv)
	}
	return v
}

// receiptName is the receipt's file name for a submitted file: the whole
// name, extension included, so that X.xlsx and X.xlsm (two departments'
// files, perhaps) never share a result.
func receiptName(file string) string {
	return msgReceipt + "_" + file + ".txt"
}

// returnText is the name of the 差し戻し notice for a file that could not be
// opened as a workbook, which therefore gets no 差し戻し workbook.
func returnText(file string) string {
	return msgReturn + "_" + file + ".txt"
}

// errChanged says that a file changed between being checked and being
// answered; it is checked again.
var errChanged = errors.New("changed while answered")

// publish brings the results folder up to date with the records: each
// department's result (replacing its previous one), the status page, its
// JSON and the state. A result that cannot be written is tried again later;
// the others are written all the same.
func (w *watcher) publish() {
	v := w.view()
	w.retry = time.Time{}
	w.published = true
	failedNow := map[string]string{}
	fail := func(key string, err error) {
		if failedNow[key] = err.Error(); w.failed[key] != failedNow[key] {
			w.printf(msgWriteFailed, w.stamp(), err)
		}
	}
	defer func() {
		w.failed = failedNow
		if len(failedNow) == 0 {
			w.retryWait = 0
			return
		}
		w.retryWait = min(max(2*w.retryWait, w.o.Settle, time.Second), maxRetryWait)
		if t := time.Now().Add(w.retryWait); w.retry.IsZero() || t.Before(w.retry) {
			w.retry = t // a file that changed while answered is read sooner
		}
	}()
	type want struct {
		written
		fv *fileView
	}
	wants := map[string]want{}
	for _, dv := range v.Departments {
		if dv.Current != nil {
			wants[dv.Department] = want{written{dv.Current.Result, dv.Current.Name, dv.Current.SHA256, dv.Current.State}, dv.Current}
		}
	}
	for _, dv := range v.Departments {
		for _, fv := range dv.Older {
			if fv.Result != "" {
				wants["file:"+fv.Name] = want{written{fv.Result, fv.Name, fv.SHA256, fv.State}, fv}
			}
		}
	}
	for _, fv := range v.Others {
		if fv.Result != "" {
			wants["file:"+fv.Name] = want{written{fv.Result, fv.Name, fv.SHA256, fv.State}, fv}
		}
	}
	// Results no longer wanted are removed once all are written: a file's
	// result keeps its name when the file moves between a department's
	// current one and the others, and must not be removed under its new key.
	var stale []string
	for _, key := range sortedKeys(wants) {
		wt := wants[key]
		have, ok := w.written[key]
		if ok && have.Source == wt.Source && have.SHA256 == wt.SHA256 && have.State == wt.State {
			continue
		}
		name, err := w.writeResult(wt.fv)
		if err != nil {
			if errors.Is(err, errChanged) {
				// Read again at the next listing.
				delete(w.records, wt.fv.Name)
				delete(w.seen, wt.fv.Name)
				w.retry = time.Now().Add(max(w.o.Settle, time.Second))
			} else {
				fail(key, err)
			}
			continue
		}
		wt.File = name
		if ok && have.File != wt.File {
			stale = append(stale, have.File)
		}
		w.written[key] = wt.written
	}
	// The page links what is in the folder, which after a failed write is
	// not yet the new answer.
	for key, wt := range wants {
		wt.fv.Result = ""
		if wr, ok := w.written[key]; ok && wr.Source == wt.fv.Name && wr.SHA256 == wt.fv.SHA256 {
			wt.fv.Result = wr.File
		}
	}
	for _, key := range sortedKeys(w.written) {
		if _, ok := wants[key]; !ok {
			stale = append(stale, w.written[key].File)
			delete(w.written, key)
		}
	}
	kept := map[string]bool{}
	for _, wr := range w.written {
		kept[wr.File] = true
	}
	for _, name := range stale {
		if !kept[name] {
			w.remove(name)
		}
	}
	w.tell(v)
	if err := w.writePage(v); err != nil {
		fail("page", err)
	}
	if err := w.save(); err != nil {
		w.printf(msgWriteFailed, w.stamp(), fmt.Errorf(errState, stateFile, ingest.Reason(err)))
	}
}

// maxRetryWait is the longest wait between tries of writing a result that
// keeps failing.
const maxRetryWait = time.Minute

// remove deletes a result the watch wrote earlier. It never touches the
// inbox: result names are plain names inside the results folder.
func (w *watcher) remove(name string) {
	if name == "" || name != filepath.Base(name) {
		return
	}
	if err := os.Remove(filepath.Join(w.o.Results, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
		w.printf(msgWriteFailed, w.stamp(), fmt.Errorf(msgRemoveFailed, name, ingest.Reason(err)))
	}
}

// tell prints one line for each department or file whose answer changed.
func (w *watcher) tell(v view) {
	// sig is what a line says without its time: a line is printed when
	// that changes. A department that never sent a file is not printed.
	line := func(key, sig, text string, quiet bool) {
		if w.told[key] == sig {
			return
		}
		_, before := w.told[key]
		w.told[key] = sig
		if before || !quiet {
			w.printf("%s", text)
		}
	}
	for _, dv := range v.Departments {
		if dv.Current == nil {
			line(dv.Department, "", fmt.Sprintf(msgRemoved, w.stamp(), dv.Department, label(shinchoku.StateNotSubmitted)), true)
		} else {
			c := dv.Current
			sig := fmt.Sprintf("%s %s %s %d %d %s", c.Name, c.SHA256, c.State, c.Errors, c.Warnings, c.Result)
			result := ""
			if c.Result != "" {
				result = " → " + filepath.Join(w.o.Results, c.Result)
			}
			line(dv.Department, sig, fmt.Sprintf(msgDepartment, c.Checked.Format("15:04:05"), dv.Department,
				label(c.State), c.Errors, c.Warnings, c.Name, result), false)
		}
		for _, fv := range dv.Older {
			line("file:"+fv.Name, string(fv.State)+fv.SHA256, fmt.Sprintf("%s  %s  %s  %s", fv.Checked.Format("15:04:05"), dv.Department, label(fv.State), fv.Name), false)
		}
	}
	for _, fv := range v.Others {
		reason := ""
		if len(fv.Findings) > 0 {
			reason = "（" + fv.Findings[0].Message + "）"
		}
		line("file:"+fv.Name, string(fv.State)+fv.SHA256, fmt.Sprintf(msgNoDepartment, fv.Checked.Format("15:04:05"),
			label(fv.State), fv.Errors, fv.Warnings, fv.Name, reason), false)
	}
}

// writeResult writes a file's answer: a receipt, a 差し戻し workbook, or a
// 差し戻し notice when the file is no workbook to mark up. It returns the
// name it wrote.
func (w *watcher) writeResult(fv *fileView) (string, error) {
	if fv.State == shinchoku.StateAccepted || !fv.Read {
		return fv.Result, writeFile(filepath.Join(w.o.Results, fv.Result), w.notice(fv))
	}
	data, err := w.reread(fv)
	if err != nil {
		return "", err
	}
	wb, err := markUp(data, fv.Findings)
	if err != nil {
		// The reader opened it but the workbook library cannot: the
		// findings still go back, as a notice.
		fv.Result = returnText(fv.Name)
		return fv.Result, writeFile(filepath.Join(w.o.Results, fv.Result), w.notice(fv))
	}
	return fv.Result, writeFile(filepath.Join(w.o.Results, fv.Result), wb)
}

// reread reads a submitted file again for its 差し戻し copy, and makes sure
// it is still the file that was checked.
func (w *watcher) reread(fv *fileView) ([]byte, error) {
	f, err := os.Open(filepath.Join(w.o.Inbox, fv.Name))
	if err != nil {
		return nil, errChanged
	}
	defer f.Close()
	limit := w.limits.FileSize
	if limit <= 0 {
		limit = ingest.DefaultLimits.FileSize
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil || int64(len(data)) > limit || sha(data) != fv.SHA256 {
		return nil, errChanged
	}
	return data, nil
}

// markUp builds the 差し戻し workbook with the batch's writer.
func markUp(data []byte, findings shinchoku.Findings) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf(msgMarkUp, r)
		}
	}()
	f, err := form.Return(data, findings)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// notice is a receipt or a 差し戻し notice as text: UTF-8 with a byte order
// mark and CRLF, which every Windows editor opens.
func (w *watcher) notice(fv *fileView) []byte {
	var b strings.Builder
	b.WriteString("\ufeff")
	title := msgReceipt
	if fv.State != shinchoku.StateAccepted {
		title = msgReturn
	}
	fmt.Fprintf(&b, msgNoticeTitle, title, w.o.Plan.Title, w.o.Period.Label())
	dept := fv.Department
	if dept == "" {
		dept = msgUnknownDept
	}
	fmt.Fprintf(&b, msgNoticeHead, dept, fv.Name, fv.Checked.Format("2006-01-02 15:04:05"), fv.SHA256)
	if fv.State == shinchoku.StateAccepted {
		b.WriteString(msgJudgeAccepted)
	} else {
		b.WriteString(msgJudgeReturned)
	}
	fmt.Fprintf(&b, msgNoticeCounts, fv.Errors, fv.Warnings)
	for i, f := range fv.Findings {
		place := f.Place()
		if place != "" {
			place = "［" + place + "］"
		}
		fmt.Fprintf(&b, "\n%d. %s%s %s", i+1, f.Severity.Label(), place, f.Message)
		if f.Value != "" {
			fmt.Fprintf(&b, msgNoticeValue, f.Value)
		}
		b.WriteString("\n")
	}
	return []byte(strings.ReplaceAll(b.String(), "\n", "\r\n"))
}
