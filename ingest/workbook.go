package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// Limits bound what reading one workbook may cost. A template of a few
// hundred rows is tens of kilobytes; these leave a wide margin and still stop
// a zip bomb quickly.
type Limits struct {
	FileSize  int64 // bytes on disk
	UnzipSize int64 // all parts unzipped
	XMLSize   int64 // one part unzipped (any part: the 差し戻し copy reads them all)
	Rows      int   // rows with cells in a sheet; zero: DefaultLimits.Rows
	Cells     int   // cells all sheets' rows span, each up to its last cell; zero: DefaultLimits.Cells
}

// DefaultLimits are generous for any real template: the 入力 sheet takes
// about 0.8 KB of XML per row (Tomakomai's largest template: 44 rows,
// 34 KB), so a department of a thousand rows with every narrative filled in
// stays far below them. They also bound the 差し戻し copy, which excelize
// makes by reading every part: 6 s and 240 MB for a sheet at the limit.
var DefaultLimits = Limits{FileSize: 20 << 20, UnzipSize: 50 << 20, XMLSize: 20 << 20, Rows: 50000, Cells: 1000000}

// Reader reads submitted workbooks against one plan. Build it once with
// NewReader; it is safe for concurrent use.
type Reader struct {
	plan     *shinchoku.Plan
	hash     string
	depts    map[string]bool
	rows     map[[2]string]sheet.Row // by node ID and indicator ID
	byDept   map[string][]sheet.Row  // each department's rows, in plan order
	period   *shinchoku.Period
	required []string
	last     map[string]shinchoku.RecordedActual
	limits   Limits
	// read, when set, replaces Read in ReadFile: only tests set it, to
	// make reading panic as a library could on a hostile file.
	read func(name string, data []byte) Result
}

// Options configure a Reader.
type Options struct {
	Office   string            // the policy office, owner of goal-level indicators
	Period   *shinchoku.Period // when set, a workbook of another period is rejected
	Required []string          // narrative column keys that must be filled in (sheet.Progress, …)
	Last     map[string]shinchoku.RecordedActual
	Limits   Limits // zero: DefaultLimits
}

// NewReader prepares reading workbooks of a plan.
func NewReader(p *shinchoku.Plan, o Options) *Reader {
	rd := &Reader{plan: p, hash: p.Hash(), depts: map[string]bool{}, rows: map[[2]string]sheet.Row{},
		period: o.Period, required: o.Required, last: o.Last, limits: o.Limits}
	if rd.limits == (Limits{}) {
		rd.limits = DefaultLimits
	}
	if rd.limits.Rows == 0 {
		rd.limits.Rows = DefaultLimits.Rows
	}
	if rd.limits.Cells == 0 {
		rd.limits.Cells = DefaultLimits.Cells
	}
	depts, rows := p.Reporters(o.Office), sheet.RowsByDepartment(p, o.Office)
	rd.byDept = rows
	for _, d := range depts {
		rd.depts[d] = true
		for _, r := range rows[d] {
			rd.rows[[2]string{r.Node.ID, r.IndicatorID()}] = r
		}
	}
	return rd
}

// Result is what reading one workbook gave: the submission, when the file
// could be read as a template, and every finding.
type Result struct {
	// File is the name every output gives the file (a run names it by its
	// path relative to the inbox); Path is where it was read from.
	File       string
	Path       string
	Submission *shinchoku.Submission
	SavedAt    string    // when the workbook was last saved (its document properties)
	ModTime    time.Time // the file's modification time, when read from disk
	SHA256     string    // of the file's content, when read from disk
	Data       []byte    // the content, when read from disk as a template: the archive and the 差し戻し workbook use these bytes, so a file is read once
	Superseded bool      // a newer submission of the same department and period replaces it
	Findings   shinchoku.Findings
}

// Rename gives the file the name the outputs use, in the result and in its
// findings. Outputs then do not depend on where the inbox is: the same
// month gives the same files wherever the folders are, and no output tells
// a department or the council the office's folder layout or user names.
func (r *Result) Rename(name string) {
	for i, f := range r.Findings {
		if f.File == r.File {
			r.Findings[i].File = name
		}
	}
	r.File = name
}

// State is what becomes of the file, the one decision every output uses:
// superseded when a newer submission of its department replaces it, with
// or without errors (the department's state is the newer file's, and a
// replaced file is not returned; its findings are still listed); else
// returned when it has errors (a file that could not be read as a template
// has one); else accepted.
func (r Result) State() shinchoku.State {
	switch {
	case r.Superseded:
		return shinchoku.StateSuperseded
	case r.Submission == nil || r.Findings.HasErrors():
		return shinchoku.StateReturned
	}
	return shinchoku.StateAccepted
}

// file collects findings about one workbook.
type file struct {
	*Reader
	name     string
	findings shinchoku.Findings
	formulas map[string]bool // cells holding a formula without a value
	percent  map[[2]int]bool // cells whose number is shown as a percentage
	locked   map[int]string  // checksum of each row's locked cells, by Excel row (made by place)
	// cells whose characters were reported, so that reading a cell twice
	// (a required column) reports them once
	textReported map[string]bool
}

func (f *file) add(sev shinchoku.Severity, code, sheetName, cell, value string, args ...any) {
	// Texts from the file (a department name in the hidden sheet, a row
	// map entry, a cell) reach terminals, CSV and workbooks: control
	// characters and broken bytes are shown by their code points.
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = noControl(s)
		}
	}
	f.findings = append(f.findings, shinchoku.Finding{
		Severity: sev, Code: code, File: f.name, Sheet: sheetName, Cell: cell, Value: noControl(value),
		Message: fmt.Sprintf(messages[code], args...),
	})
}

func (f *file) errorf(code, sheetName, cell, value string, args ...any) {
	f.add(shinchoku.SeverityError, code, sheetName, cell, value, args...)
}

func (f *file) warnf(code, sheetName, cell, value string, args ...any) {
	f.add(shinchoku.SeverityWarning, code, sheetName, cell, value, args...)
}

// Read reads one submitted workbook. name is how findings refer to it; data
// is its content, which is never modified.
func (rd *Reader) Read(name string, data []byte) Result {
	fl := &file{Reader: rd, name: name}
	res := Result{File: name}
	if !fl.sniff(data) {
		res.Findings = fl.findings
		return res
	}
	wb, err := openXLSX(data, rd.limits)
	if err != nil {
		if what := describeZip(data); what != "" && !errors.Is(err, errTooLarge) {
			fl.errorf("file.not_workbook", "", "", "", what)
		} else {
			fl.partError("", err)
		}
		res.Findings = fl.findings
		return res
	}
	res.Submission = fl.read(wb)
	var se *sheetError
	if err := wb.checkSheets(sheet.InputSheet, sheet.MetaSheet); res.Submission != nil && errors.As(err, &se) {
		fl.partError(se.sheet, se.err)
		res.Submission = nil
	}
	res.SavedAt = wb.modified()
	res.Findings = fl.findings
	return res
}

// sniff recognises files that are not xlsx workbooks by their first bytes.
func (f *file) sniff(data []byte) bool {
	switch {
	case len(data) == 0:
		f.errorf("file.empty", "", "", "")
	case int64(len(data)) > f.limits.FileSize:
		f.errorf("file.too_large", "", "", "", fmt.Sprintf("%d バイト", len(data)))
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		// An OLE compound file: an .xls, or an .xlsx encrypted with a password.
		if bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o")) ||
			bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e")) {
			f.errorf("file.encrypted", "", "", "")
		} else {
			f.errorf("file.xls", "", "", "")
		}
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && bytes.Contains(data[:min(len(data), 200)], []byte("application/vnd.oasis.opendocument")):
		f.errorf("file.ods", "", "", "")
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		f.errorf("file.not_workbook", "", "", "", describe(data))
	default:
		return true
	}
	return false
}

// describe names what a non-workbook file looks like.
func describe(data []byte) string {
	head := data[:min(len(data), 512)]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "PDF ファイル"
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(head, []byte("\x89PNG")):
		return "画像ファイル"
	case bytes.HasPrefix(head, []byte("PK")):
		return "ZIP ファイル"
	case utf8.Valid(head):
		return "テキストファイル"
	}
	return "形式不明"
}

// describeZip names a zip file that is some other document than a
// workbook, or returns "".
func describeZip(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	kinds := []struct{ prefix, kind string }{
		{"word/", "Word 文書"}, {"ppt/", "PowerPoint のスライド"}, {"content.xml", "OpenDocument の文書"},
	}
	hasWorkbook := false
	found := ""
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			hasWorkbook = true
		}
		for _, k := range kinds {
			if found == "" && strings.HasPrefix(f.Name, k.prefix) {
				found = k.kind
			}
		}
	}
	switch {
	case hasWorkbook:
		return ""
	case found != "":
		return found
	}
	return "ZIP ファイル"
}

// partError reports a part of the workbook that could not be read.
func (f *file) partError(sheetName string, err error) {
	var enc *encodingError
	switch {
	case errors.Is(err, errTooLarge):
		f.errorf("file.too_large", sheetName, "", "", "展開すると上限を超えます")
	case errors.Is(err, errTooManyRows):
		f.errorf("file.too_large", sheetName, "", "", fmt.Sprintf("行が %d 行を超えます", f.limits.Rows))
	case errors.Is(err, errTooManyCells):
		f.errorf("file.too_large", sheetName, "", "", fmt.Sprintf("行の範囲が合わせて %d セルを超えます。右端の列まで入力された行がないか確認してください", f.limits.Cells))
	case errors.As(err, &enc):
		f.errorf("file.encoding", sheetName, "", "", parenthesized(encodingName(enc.encoding)))
	default:
		f.errorf("file.corrupt", sheetName, "", "", parenthesized(knownReason(err)))
	}
}

// encodingName is a declared encoding as the message names it, or "" for
// one it does not know: the declaration is text from the file, which can say
// anything at any length.
func encodingName(declared string) string {
	switch d := strings.ToLower(declared); {
	case d == "shift_jis" || d == "shift-jis" || d == "sjis" || d == "cp932" || d == "windows-31j" || d == "ms932":
		return "Shift_JIS"
	case strings.HasPrefix(d, "utf-16"):
		return "UTF-16"
	case d == "euc-jp":
		return "EUC-JP"
	case d == "iso-2022-jp":
		return "ISO-2022-JP"
	}
	return ""
}

// mapped is one data row as the hidden row map records it.
type mapped struct {
	row                       int
	node, indicator, checksum string
}

func (f *file) read(wb *xlsxFile) *shinchoku.Submission {
	meta, rowMap, ok := f.meta(wb)
	if !ok {
		return nil
	}
	if v := meta[sheet.MetaFormat]; v != strconv.Itoa(sheet.FormatVersion) {
		f.errorf("template.version", sheet.MetaSheet, "", v, v, sheet.FormatVersion)
		return nil
	}
	if !f.sealed(meta, rowMap) {
		return nil
	}
	period, err := shinchoku.ParsePeriod(meta[sheet.MetaPeriod])
	if err != nil {
		f.errorf("template.bad_meta", sheet.MetaSheet, "", meta[sheet.MetaPeriod], sheet.MetaPeriod)
		return nil
	}
	sub := &shinchoku.Submission{
		PlanID: meta[sheet.MetaPlanID], PlanHash: meta[sheet.MetaPlanHash], Period: period,
		Department: meta[sheet.MetaDepartment],
	}
	switch {
	case sub.PlanID != f.plan.ID:
		f.errorf("template.other_plan", sheet.MetaSheet, "", sub.PlanID, sub.PlanID, f.plan.ID)
		return nil
	case sub.PlanHash != f.hash:
		f.errorf("template.plan_changed", sheet.MetaSheet, "", sub.PlanHash)
		return nil
	case !f.depts[sub.Department]:
		f.errorf("template.department", sheet.MetaSheet, "", sub.Department, sub.Department)
		return nil
	case f.period != nil && *f.period != period:
		f.errorf("template.period", sheet.MetaSheet, "", period.String(), period.Label(), f.period.Label())
		return nil
	}
	if !f.ownRows(sub.Department, rowMap) {
		return nil
	}
	if !wb.hasSheet(sheet.InputSheet) {
		f.errorf("template.no_sheet", sheet.InputSheet, "", "", sheet.InputSheet)
		return nil
	}
	grid := map[int][]string{}
	noValue := map[[2]int]bool{} // formula cells without a cached value
	percent := map[[2]int]bool{} // numbers shown as %, stored as a fraction
	if err := wb.rows(sheet.InputSheet, func(row int, cols []string, m marks) {
		if len(cols) > 0 {
			grid[row] = cols
		}
		for _, c := range m.formulaOnly {
			noValue[[2]int{row, c}] = true
		}
		for _, c := range m.broken {
			f.errorf("value.broken", sheet.InputSheet, sheet.CellAt(c+1, row), "")
		}
		for _, c := range m.percent {
			percent[[2]int{row, c}] = true
		}
	}); err != nil {
		f.partError(sheet.InputSheet, err)
		return nil
	}
	placed := f.place(rowMap, grid)
	f.strayInput(grid, placed)
	f.percent = percent
	f.entries(sub, rowMap, placed, grid, noValue)
	return sub
}

// sealed checks the seal of the hidden sheet: its identity and row map are
// as the template was generated.
func (f *file) sealed(meta map[string]string, rowMap []mapped) bool {
	rows := make([]sheet.MapRow, len(rowMap))
	for i, m := range rowMap {
		rows[i] = sheet.MapRow{Row: m.row, NodeID: m.node, IndicatorID: m.indicator, Locked: m.checksum}
	}
	if meta[sheet.MetaChecksum] != sheet.Seal(meta, rows) {
		f.errorf("template.identity", sheet.MetaSheet, "", "", meta[sheet.MetaDepartment])
		return false
	}
	return true
}

// ownRows checks that the row map holds exactly the department's rows of
// the plan, each once: a workbook can never report on another department's
// indicators, and a row cannot disappear with its row map entry. Rows of
// the plan that are missing are reported (the rest is still read); a row
// that is not the department's means the workbook is not its own, and
// nothing of it is used.
func (f *file) ownRows(dept string, rowMap []mapped) bool {
	own := map[[2]string]bool{}
	for _, r := range f.byDept[dept] {
		own[[2]string{r.Node.ID, r.IndicatorID()}] = true
	}
	seen := map[[2]string]bool{}
	ok := true
	for _, m := range rowMap {
		k := [2]string{m.node, m.indicator}
		switch {
		case !own[k]:
			f.errorf("template.foreign_row", sheet.InputSheet, "", "", label(m), dept)
			ok = false
		case seen[k]:
			f.errorf("template.bad_meta", sheet.MetaSheet, "", "", "row map: "+label(m))
			ok = false
		}
		seen[k] = true
	}
	for _, r := range f.byDept[dept] {
		k := [2]string{r.Node.ID, r.IndicatorID()}
		if !seen[k] {
			f.errorf("template.row_missing", sheet.InputSheet, "", "", label(mapped{node: k[0], indicator: k[1]}), "対応表にもありません")
		}
	}
	return ok
}

// meta reads the hidden identity sheet and its row map.
func (f *file) meta(wb *xlsxFile) (map[string]string, []mapped, bool) {
	if !wb.hasSheet(sheet.MetaSheet) {
		f.errorf("template.not_template", "", "", "")
		return nil, nil, false
	}
	meta := map[string]string{}
	var rowMap []mapped
	c := sheet.RowMapColumn - 1
	bad := ""
	err := wb.rows(sheet.MetaSheet, func(row int, cols []string, _ marks) {
		if len(cols) >= 2 && cols[0] != "" {
			meta[cols[0]] = cols[1]
		}
		if row == 1 || len(cols) <= c+1 || cols[c] == "" {
			return
		}
		n, err := strconv.Atoi(cols[c])
		if err != nil || n < sheet.FirstRow {
			bad = "row map"
			return
		}
		m := mapped{row: n, node: cols[c+1]}
		if len(cols) > c+2 {
			m.indicator = cols[c+2]
		}
		if len(cols) > c+3 {
			m.checksum = cols[c+3]
		}
		rowMap = append(rowMap, m)
	})
	if err != nil {
		f.partError(sheet.MetaSheet, err)
		return nil, nil, false
	}
	for _, k := range sheet.MetaKeys {
		if _, ok := meta[k]; !ok && bad == "" {
			bad = k
		}
	}
	if bad != "" {
		f.errorf("template.bad_meta", sheet.MetaSheet, "", "", bad)
		return nil, nil, false
	}
	return meta, rowMap, true
}

// lockedTexts are the texts of a row's locked cells, in ReadOnlyColumns order.
func lockedTexts(cols []string) []string {
	idx := lockedColumns()
	texts := make([]string, len(idx))
	for i, j := range idx {
		if j < len(cols) {
			texts[i] = cols[j]
		}
	}
	return texts
}

// lockedColumns are the 0-based indexes of the ReadOnlyColumns.
var lockedColumns = sync.OnceValue(func() []int {
	var idx []int
	for _, k := range sheet.ReadOnlyColumns() {
		idx = append(idx, sheet.Index(k)-1)
	}
	return idx
})

// place finds the Excel row each mapped data row is now in, or 0 when it
// is gone. Rows are found by the checksum of their locked cells, so a row
// that was moved, or shifted by an inserted or deleted row, is still read
// correctly. A row that is nowhere but still carries its IDs in its old place
// had locked cells edited there: it is read there and the cells reported.
func (f *file) place(rowMap []mapped, grid map[int][]string) []int {
	sums := make(map[int]string, len(grid))
	f.locked = sums
	byChecksum := map[string][]int{}
	for n, cols := range grid {
		ck := sheet.Checksum(lockedTexts(cols))
		sums[n] = ck
		byChecksum[ck] = append(byChecksum[ck], n)
	}
	for _, rows := range byChecksum {
		slices.Sort(rows)
	}
	placed := make([]int, len(rowMap))
	used := map[int]bool{}
	for i, m := range rowMap { // still where they were
		if sums[m.row] == m.checksum {
			placed[i], used[m.row] = m.row, true
		}
	}
	for i, m := range rowMap { // moved
		if placed[i] != 0 {
			continue
		}
		for _, n := range byChecksum[m.checksum] {
			if !used[n] {
				placed[i], used[n] = n, true
				f.warnf("template.row_moved", sheet.InputSheet, "A"+strconv.Itoa(n), "", label(m), m.row, n)
				break
			}
		}
	}
	for i, m := range rowMap { // edited in place, or deleted
		if placed[i] != 0 {
			continue
		}
		cols := grid[m.row]
		if !used[m.row] && cell(cols, sheet.NodeID) == m.node && cell(cols, sheet.IndicatorID) == m.indicator {
			placed[i], used[m.row] = m.row, true
			continue
		}
		f.errorf("template.row_missing", sheet.InputSheet, "", "", label(m), strconv.Itoa(m.row)+"行目")
	}
	// Copies of a data row: same locked cells, a row of their own.
	copies := 0
	for i, m := range rowMap {
		for _, n := range byChecksum[m.checksum] {
			if !used[n] {
				used[n] = true
				if copies++; copies <= maxListed {
					f.errorf("template.row_copied", sheet.InputSheet, "A"+strconv.Itoa(n), "", label(m), placed[i])
				}
			}
		}
	}
	if copies > maxListed {
		f.errorf("template.row_copied_more", sheet.InputSheet, "", "", copies-maxListed, maxListed)
	}
	return placed
}

// maxListed is how many rows that are not data rows (copies, stray input)
// are listed one by one: a file with thousands of them is answered with the
// first hundred and a count, so that no list, and no 差し戻し workbook,
// grows with what a department pastes below its rows.
const maxListed = 100

// cell is the text of a key's column in a row's cells.
func cell(cols []string, key string) string {
	if i := sheet.Index(key) - 1; i < len(cols) {
		return cols[i]
	}
	return ""
}

func label(m mapped) string {
	if m.indicator != "" {
		return m.indicator
	}
	return m.node
}

// strayInput reports values typed in input columns of rows that are not data
// rows: they would otherwise be silently lost.
func (f *file) strayInput(grid map[int][]string, placed []int) {
	data := map[int]bool{}
	for _, n := range placed {
		data[n] = true
	}
	rows := make([]int, 0, len(grid))
	for n := range grid {
		rows = append(rows, n)
	}
	slices.Sort(rows)
	stray := 0
	for _, n := range rows {
		cols := grid[n]
		if n < sheet.FirstRow || data[n] {
			continue
		}
		for _, c := range sheet.Columns {
			i := sheet.Index(c.Key) - 1
			if c.Input && !c.PerNode && i < len(cols) && strings.TrimSpace(cols[i]) != "" {
				if stray++; stray <= maxListed {
					f.warnf("template.stray_input", sheet.InputSheet, sheet.Cell(c.Key, n), cols[i])
				}
				break
			}
		}
	}
	if stray > maxListed {
		f.warnf("template.stray_input_more", sheet.InputSheet, "", "", stray-maxListed, maxListed)
	}
}

// entries turns the input cells of every data row into the submission's
// entries, checking each value.
func (f *file) entries(sub *shinchoku.Submission, rowMap []mapped, placed []int, grid map[int][]string, noValue map[[2]int]bool) {
	seenNode := map[string]bool{}
	for i, m := range rowMap {
		row, ok := f.rows[[2]string{m.node, m.indicator}]
		if !ok {
			f.errorf("template.row_missing", sheet.InputSheet, "", "", label(m), strconv.Itoa(m.row)+"行目")
			continue
		}
		n := placed[i]
		if n == 0 {
			continue // deleted: reported by place
		}
		cols := grid[n]
		f.checkLocked(n, m, row, cols, sub.Period)
		get := func(key string) string {
			j := sheet.Index(key) - 1
			if j >= len(cols) {
				return ""
			}
			c := column(key)
			v, bad, invalid := cleanText(cols[j], c.Kind == sheet.LongText)
			if (len(bad) > 0 || invalid) && c.Kind != sheet.Number && !f.textReported[sheet.Cell(key, n)] {
				if f.textReported == nil {
					f.textReported = map[string]bool{}
				}
				f.textReported[sheet.Cell(key, n)] = true
				if invalid {
					f.errorf("value.encoding", sheet.InputSheet, sheet.Cell(key, n), v, c.Header)
				}
				if len(bad) > 0 {
					f.errorf("value.unprintable", sheet.InputSheet, sheet.Cell(key, n), v, c.Header, describeRunes(bad))
				}
			}
			if v == "" && noValue[[2]int{n, j}] {
				f.errorf("value.formula", sheet.InputSheet, sheet.Cell(key, n), "", column(key).Header)
				if f.formulas == nil {
					f.formulas = map[string]bool{}
				}
				f.formulas[sheet.Cell(key, n)] = true
			}
			return v
		}
		if row.Indicator != nil {
			sub.Indicators = append(sub.Indicators, f.indicatorEntry(row.Indicator, n, get))
		}
		if !seenNode[row.Node.ID] {
			// Narrative cells are merged over the node's rows: the value is in the first.
			seenNode[row.Node.ID] = true
			sub.Nodes = append(sub.Nodes, f.nodeEntry(row.Node, n, get))
		}
	}
}

func (f *file) indicatorEntry(ind *shinchoku.Indicator, n int, get func(string) string) shinchoku.IndicatorEntry {
	e := shinchoku.IndicatorEntry{IndicatorID: ind.ID, PublishDate: get(sheet.PublishDate), Remarks: get(sheet.Remarks)}
	cell := sheet.Cell(sheet.Actual, n)
	text := get(sheet.Actual)
	bad := false
	if text != "" {
		v, err := ParseNumber(text, ind.Unit)
		switch {
		case errors.Is(err, errTooPrecise):
			f.errorf("value.too_precise", sheet.InputSheet, cell, text, "実績値", text)
			bad = true
		case err != nil:
			f.errorf("value.not_number", sheet.InputSheet, cell, text, "実績値")
			bad = true
		}
		if unit := shinchoku.ClassifyUnit(ind.Unit); v.Set && unit.Share() && f.percent[[2]int{n, sheet.Index(sheet.Actual) - 1}] {
			// 12.5% typed into the cell: Excel stores 0.125 and shows it as a percentage.
			v.Num = math.Round(v.Num*unit.Whole*1e9) / 1e9
		}
		e.Actual = v
	}
	e.Status = shinchoku.Status(f.listValue(sheet.Status, n, get(sheet.Status)))
	f.checkLength(sheet.PublishDate, n, e.PublishDate)
	f.checkLength(sheet.Remarks, n, e.Remarks)
	switch {
	case e.Status == shinchoku.StatusPending && e.PublishDate == "":
		f.errorf("value.missing_publish", sheet.InputSheet, sheet.Cell(sheet.PublishDate, n), "")
	case e.Status == shinchoku.StatusPending && e.Actual.Set:
		f.warnf("value.actual_pending", sheet.InputSheet, sheet.Cell(sheet.Status, n), string(e.Status))
	case e.Status != shinchoku.StatusPending && !e.Actual.Set && !bad && !f.formulas[cell]:
		f.errorf("value.missing_actual", sheet.InputSheet, cell, text) // "" or the dash typed
	case e.Status == "" && e.Actual.Set:
		// A number without a status is taken as final: most entries are.
		e.Status = shinchoku.StatusFinal
	}
	if e.Actual.Set {
		f.plausible(ind, e.Actual, cell, text)
	}
	return e
}

func (f *file) nodeEntry(node *shinchoku.Node, n int, get func(string) string) shinchoku.NodeEntry {
	e := shinchoku.NodeEntry{
		NodeID: node.ID, Progress: get(sheet.Progress), Analysis: get(sheet.Analysis),
		Outlook:        f.listValue(sheet.Outlook, n, get(sheet.Outlook)),
		SelfEvaluation: f.listValue(sheet.SelfEval, n, get(sheet.SelfEval)),
	}
	f.checkLength(sheet.Progress, n, e.Progress)
	f.checkLength(sheet.Analysis, n, e.Analysis)
	for _, key := range f.required {
		if strings.TrimSpace(get(key)) == "" {
			f.errorf("value.required", sheet.InputSheet, sheet.Cell(key, n), "", column(key).Header)
		}
	}
	return e
}

// plausible checks an actual against what the indicator can be: no negative
// counts, shares within their whole (0–100％, 0–10割), cumulative totals
// that do not go down, no jump of ten times against the last accepted value.
func (f *file) plausible(ind *shinchoku.Indicator, v shinchoku.Value, cell, text string) {
	x := v.Num
	unit := shinchoku.ClassifyUnit(ind.Unit)
	switch {
	case unit.Share() && (x < 0 || x > unit.Whole):
		f.warnf("value.share_range", sheet.InputSheet, cell, text, ind.Name, shinchoku.FormatNumber(unit.Whole))
	case x < 0 && !unit.Signed && !unit.Share():
		f.errorf("value.negative", sheet.InputSheet, cell, text, ind.Name)
	}
	last, ok := f.last[ind.ID]
	if !ok || !last.Value.Set {
		return
	}
	prev := last.Value.Num
	if ind.Cumulative && x < prev {
		f.errorf("value.cumulative_down", sheet.InputSheet, cell, text,
			shinchoku.FormatNumber(x), shinchoku.FormatNumber(prev), last.Period.Label())
		return
	}
	if prev != 0 && x != 0 && (math.Abs(x) >= 10*math.Abs(prev) || math.Abs(x) <= math.Abs(prev)/10) {
		f.warnf("value.jump", sheet.InputSheet, cell, text,
			shinchoku.FormatNumber(x), shinchoku.FormatNumber(prev), last.Period.Label())
	}
}

func column(key string) sheet.Column {
	return sheet.Columns[sheet.Index(key)-1]
}

func (f *file) listValue(key string, row int, v string) string {
	c := column(key)
	if v == "" {
		return ""
	}
	for _, allowed := range c.List {
		if v == allowed {
			return v
		}
	}
	// Full-width letters and stray spaces (「Ｂ」, 「 継続」) are the entry
	// they fold to: the lists are short words in which NFKC loses nothing.
	folded := norm.NFKC.String(strings.TrimSpace(v))
	for _, allowed := range c.List {
		if folded == norm.NFKC.String(allowed) {
			return allowed
		}
	}
	f.errorf("value.not_in_list", sheet.InputSheet, sheet.Cell(key, row), v, c.Header, strings.Join(c.List, "、"))
	return v
}

func (f *file) checkLength(key string, row int, v string) {
	c := column(key)
	if n := utf8.RuneCountInString(v); c.MaxLen > 0 && n > c.MaxLen {
		f.errorf("value.too_long", sheet.InputSheet, sheet.Cell(key, row), v, c.Header, n, c.MaxLen)
	}
}

// checkLocked compares a row's locked cells with the checksum the template
// recorded, and names the cells that changed with their original values.
func (f *file) checkLocked(n int, m mapped, row sheet.Row, cols []string, period shinchoku.Period) {
	if ck, ok := f.locked[n]; ok && ck == m.checksum {
		return
	}
	texts := lockedTexts(cols)
	// Recompute what the template wrote from the plan. The last accepted
	// actual came from the store and is not recomputed here: a change there
	// is reported without its original value.
	want := sheet.ReadOnly(f.plan, row, period, nil)
	reported := false
	for i, k := range sheet.ReadOnlyColumns() {
		if k == sheet.LastActual || k == sheet.LastPeriod {
			continue
		}
		if orig := sheet.CellText(want[i]); sheet.Canonical(orig) != sheet.Canonical(texts[i]) {
			f.errorf("template.locked", sheet.InputSheet, sheet.Cell(k, n), texts[i], quote(orig))
			// The 差し戻し copy puts the original back: the sheet is
			// protected, and the department could not.
			f.findings[len(f.findings)-1].Want = orig
			reported = true
		}
	}
	if !reported {
		f.errorf("template.locked_last", sheet.InputSheet, sheet.Cell(sheet.LastActual, n), "", "前回の実績値・報告時点")
	}
}

func quote(s string) string {
	if s == "" {
		return "空欄"
	}
	return "「" + s + "」"
}
