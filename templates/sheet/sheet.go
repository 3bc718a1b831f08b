// Package sheet is the one definition of a department workbook's layout and
// file name: its sheets, the columns of the 入力 sheet, which of them
// departments fill in, the rows a department gets, the identity kept in the
// hidden sheet, and <period>_<department>.xlsx. templates/form writes
// workbooks with it and ingest reads them with it; it belongs to neither
// (form is its sibling, ingest lies outside templates/), so neither repeats a
// column number, a sheet name or the file name. The others that need the
// layout take it from here too: report/internal/workbook sizes its rows as the form
// does (TextLines, RowPoints), report/month and report/watch tell a file's
// department from its name (DepartmentOfFile), ingest/config names the
// columns a city may require, and templates/corpus fills in the cells a
// department would.
package sheet

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/shinchoku/shinchoku"
)

// FormatVersion is the version of this layout, recorded in every workbook.
// Version 2 put the printed columns first (A4 landscape); a workbook of
// version 1 is refused with a request to use the template sent this month.
const FormatVersion = 2

// Sheet names.
const (
	GuideSheet = "記入要領"
	InputSheet = "入力"
	MetaSheet  = "shinchoku" // very hidden: the template's identity
)

// Rows of the 入力 sheet.
const (
	TitleRow  = 1 // title: period, plan, department
	NoteRow   = 2 // how to fill in, deadline
	HeaderRow = 3 // column headers
	FirstRow  = 4 // first heading or data row
)

// Kind is what a column holds.
type Kind int

// Column kinds.
const (
	Text Kind = iota
	Number
	List
	LongText
)

// Column is one column of the 入力 sheet.
type Column struct {
	Key     string // stable English key
	Header  string // Japanese header as printed
	Width   float64
	Input   bool // departments fill it in; everything else is locked
	Kind    Kind
	List    []string // allowed entries of a List column
	MaxLen  int      // longest text accepted
	PerNode bool     // one value per project, merged over its indicator rows
}

// Column keys.
const (
	NodeID        = "node_id"
	IndicatorID   = "indicator_id"
	Code          = "code"
	NodeTitle     = "node_title"
	Departments   = "departments"
	IndicatorName = "indicator_name"
	Unit          = "unit"
	Cumulative    = "cumulative"
	Baseline      = "baseline"
	BaselineYear  = "baseline_year"
	Target        = "target"
	TargetYear    = "target_year"
	Expected      = "expected"
	LastActual    = "last_actual"
	LastPeriod    = "last_period"
	Actual        = "actual"
	Status        = "status"
	PublishDate   = "publish_date"
	Progress      = "progress"
	Analysis      = "analysis"
	Outlook       = "outlook"
	SelfEval      = "self_evaluation"
	Remarks       = "remarks"
)

func statuses() []string {
	out := make([]string, len(shinchoku.Statuses))
	for i, s := range shinchoku.Statuses {
		out[i] = string(s)
	}
	return out
}

// Columns of the 入力 sheet, left to right. The first sixteen, up to 備考,
// are what a department reads and fills in, sized to print on A4 landscape
// at 90 % with 3 % of the width to spare (applications round widths their
// own way); the reference columns after them (番号, years, 前回の報告時点,
// 担当課, IDs) are shown on screen only. The rows are matched by the hidden
// sheet, the IDs are shown only so that people can refer to a row.
var Columns = []Column{
	{Key: NodeTitle, Header: "事業名", Width: 13},
	{Key: IndicatorName, Header: "指標名", Width: 13},
	{Key: Unit, Header: "単位", Width: 5},
	{Key: Cumulative, Header: "単年/累計", Width: 5},
	{Key: Baseline, Header: "基準値", Width: 8, Kind: Number},
	{Key: Target, Header: "目標値", Width: 8, Kind: Number},
	{Key: Expected, Header: "今期の期待値", Width: 8, Kind: Number},
	{Key: LastActual, Header: "前回の実績値", Width: 8, Kind: Number},
	{Key: Actual, Header: "実績値", Width: 9, Input: true, Kind: Number},
	{Key: Status, Header: "状態", Width: 7, Input: true, Kind: List, List: statuses()},
	{Key: PublishDate, Header: "公表予定時期", Width: 7, Input: true, MaxLen: 50},
	{Key: Progress, Header: "取組状況・成果", Width: 24, Input: true, Kind: LongText, MaxLen: 2000, PerNode: true},
	{Key: Analysis, Header: "要因分析・課題", Width: 20, Input: true, Kind: LongText, MaxLen: 2000, PerNode: true},
	{Key: Outlook, Header: "今後の方向性", Width: 7, Input: true, Kind: List, List: shinchoku.Outlooks, PerNode: true},
	{Key: SelfEval, Header: "自己評価", Width: 5, Input: true, Kind: List, List: shinchoku.SelfEvaluations, PerNode: true},
	{Key: Remarks, Header: "備考", Width: 7, Input: true, MaxLen: 500},
	{Key: Code, Header: "番号", Width: 7},
	{Key: BaselineYear, Header: "基準年度", Width: 10},
	{Key: TargetYear, Header: "目標年度", Width: 10},
	{Key: LastPeriod, Header: "前回の報告時点", Width: 14},
	{Key: Departments, Header: "担当課", Width: 14},
	{Key: NodeID, Header: "事業ID", Width: 8},
	{Key: IndicatorID, Header: "指標ID", Width: 10},
}

// LastPrinted is the key of the last column that is printed.
const LastPrinted = Remarks

// Index is the 1-based column number of a key. An unknown key is a
// programming error.
func Index(key string) int {
	for i, c := range Columns {
		if c.Key == key {
			return i + 1
		}
	}
	panic("sheet: unknown column " + key)
}

// Letter is the column letter of a key (A, B, …).
func Letter(key string) string {
	return columnName(Index(key))
}

// Cell is the A1 reference of a key's column in a row.
func Cell(key string, row int) string {
	return Letter(key) + strconv.Itoa(row)
}

// CellAt is the A1 reference of a 1-based column number in a row, for
// cells outside the layout's columns.
func CellAt(col, row int) string {
	return columnName(col) + strconv.Itoa(row)
}

// LastLetter is the letter of the last column.
func LastLetter() string {
	return columnName(len(Columns))
}

// columnName is the letters of a 1-based column number (1 → A, 27 → AA),
// as Excel names columns. (The layout has no excelize dependency, so that
// the reader that shares it needs none.)
func columnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// Row is one data row: a node and one of its indicators, or the node alone
// when it has none (a narrative-only initiative).
type Row struct {
	Node      *shinchoku.Node
	Ancestors []*shinchoku.Node
	Indicator *shinchoku.Indicator // nil for a narrative-only row
}

// IndicatorID is the row's indicator ID, or "" for a narrative-only row.
func (r Row) IndicatorID() string {
	if r.Indicator == nil {
		return ""
	}
	return r.Indicator.ID
}

// Rows lists a department's data rows in plan order.
func Rows(p *shinchoku.Plan, dept, office string) []Row {
	return RowsByDepartment(p, office)[dept]
}

// RowsByDepartment gives every department's rows (shinchoku.Owners) in one
// walk of the plan: what Rows gives one department at a time, for batches of
// many.
func RowsByDepartment(p *shinchoku.Plan, office string) map[string][]Row {
	rows := map[string][]Row{}
	p.Walk(func(n *shinchoku.Node, anc []*shinchoku.Node) bool {
		if !n.Reported() {
			return true
		}
		anc = anc[:len(anc):len(anc)]
		for _, d := range shinchoku.Owners(n, anc, office) {
			if len(n.Indicators) == 0 {
				rows[d] = append(rows[d], Row{Node: n, Ancestors: anc})
			}
			for _, ind := range n.Indicators {
				rows[d] = append(rows[d], Row{Node: n, Ancestors: anc, Indicator: ind})
			}
		}
		return true
	})
	return rows
}

// ReadOnly returns the locked cells of a data row as the template writes
// them, in column order: strings, or float64 for numbers (absent numbers are
// empty strings). last is the last accepted actual, if any.
func ReadOnly(p *shinchoku.Plan, r Row, period shinchoku.Period, last *shinchoku.RecordedActual) []any {
	vals := map[string]any{
		NodeID:    r.Node.ID,
		Code:      code(r),
		NodeTitle: r.Node.Title,
	}
	vals[Departments] = strings.Join(r.Node.Departments, "／")
	if ind := r.Indicator; ind != nil {
		vals[IndicatorID] = ind.ID
		vals[IndicatorName] = ind.Name
		vals[Unit] = ind.Unit
		vals[Cumulative] = "単年"
		if ind.Cumulative {
			vals[Cumulative] = "累計"
		}
		vals[Baseline] = number(ind.Baseline.Value)
		vals[BaselineYear] = yearLabel(ind, ind.Baseline.Year)
		vals[Target] = number(ind.Target.Value)
		vals[TargetYear] = yearLabel(ind, ind.Target.Year)
		vals[Expected] = number(ind.Expected(ind.YearOf(period), p.Start))
		if last != nil {
			vals[LastActual] = number(last.Value)
			vals[LastPeriod] = last.Period.Label()
		}
	}
	out := make([]any, 0, len(Columns))
	for _, c := range Columns {
		if c.Input {
			continue
		}
		v, ok := vals[c.Key]
		if !ok {
			v = ""
		}
		out = append(out, v)
	}
	return out
}

// ReadOnlyColumns are the keys of the locked columns, in the order ReadOnly
// returns their values.
func ReadOnlyColumns() []string {
	var out []string
	for _, c := range Columns {
		if !c.Input {
			out = append(out, c.Key)
		}
	}
	return out
}

func code(r Row) string {
	if len(r.Ancestors) == 0 {
		return r.Node.Code
	}
	return r.Ancestors[len(r.Ancestors)-1].Code + "-" + r.Node.Code
}

func yearLabel(ind *shinchoku.Indicator, year int) string {
	if year == 0 {
		return ""
	}
	return ind.YearLabel(year)
}

func number(v shinchoku.Value) any {
	if !v.Set {
		return ""
	}
	return v.Num
}

// CellText is the canonical text of a cell value, as the checksum sees it:
// numbers in shortest form, strings as they are.
func CellText(v any) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return x
	default:
		return fmt.Sprint(x)
	}
}

// Canonical is the form of a cell's text that checksums compare: numbers to
// twelve significant digits, because a spreadsheet keeps only fifteen (and
// excelize truncates to them when writing), other text as it is.
func Canonical(text string) string {
	if f, ok := canonicalNumber(text); ok {
		return strconv.FormatFloat(f, 'g', 12, 64)
	}
	return text
}

// canonicalNumber is the number a cell's text is, if Canonical rewrites it.
func canonicalNumber(text string) (float64, bool) {
	// Only a digit or a point (after a sign) can start a number that
	// counts: ParseFloat's other forms (inf, nan, hex) are excluded below.
	// Checking first spares a failed parse, and its error, for every text.
	c := byte(0)
	if len(text) > 0 {
		c = text[0]
	}
	if (c == '+' || c == '-') && len(text) > 1 {
		c = text[1]
	}
	if (c < '0' || c > '9') && c != '.' {
		return 0, false
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || strings.ContainsAny(text, "xXnN_") {
		return 0, false
	}
	return f, true
}

// Checksum hashes the canonical texts of cells, so that a change to a
// locked cell is noticed when the workbook comes back.
func Checksum(texts []string) string {
	b := make([]byte, 0, 256)
	for _, t := range texts {
		if f, ok := canonicalNumber(t); ok {
			b = strconv.AppendFloat(b, f, 'g', 12, 64)
		} else {
			b = append(b, t...)
		}
		b = append(b, 0)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// Identity keys of the hidden sheet: column A holds the key, column B the value.
const (
	MetaFormat     = "format_version"
	MetaPlanID     = "plan_id"
	MetaPlanHash   = "plan_hash"
	MetaPeriod     = "period"
	MetaDepartment = "department"
	MetaCreated    = "created"
	MetaChecksum   = "checksum" // the Seal of the identity and the row map
)

// MapRow is one row of the row map: where a data row was written and the
// checksum of its locked cells.
type MapRow struct {
	Row                         int
	NodeID, IndicatorID, Locked string
}

// sealed are the identity keys the Seal covers: all but the creation date.
var sealed = []string{MetaFormat, MetaPlanID, MetaPlanHash, MetaPeriod, MetaDepartment}

// Seal is the checksum the hidden sheet keeps of itself: the identity it
// claims (format, plan, plan hash, period, department) and every entry of
// its row map. ingest recomputes it, so that an identity edited by hand
// (another department's name, another period) or a row map entry deleted
// with its row is noticed. It is not a signature: it stops mistakes and
// casual edits, and the rows of the plan (which ingest checks against the
// department) stop the rest.
func Seal(identity map[string]string, rows []MapRow) string {
	texts := make([]string, 0, len(sealed)+4*len(rows))
	for _, k := range sealed {
		texts = append(texts, identity[k])
	}
	for _, r := range rows {
		texts = append(texts, strconv.Itoa(r.Row), r.NodeID, r.IndicatorID, r.Locked)
	}
	return Checksum(texts)
}

// MetaKeys lists the identity keys in the order the hidden sheet holds them
// (rows 1 to len(MetaKeys)).
var MetaKeys = []string{MetaFormat, MetaPlanID, MetaPlanHash, MetaPeriod, MetaDepartment, MetaCreated, MetaChecksum}

// The row map of the hidden sheet starts in column D: for every data row of
// 入力, its row number, node ID, indicator ID and the checksum of its locked
// cells. Row 1 holds these headers.
var RowMapHeaders = []string{"row", "node_id", "indicator_id", "row_checksum"}

// RowMapColumn is the first column of the row map.
const RowMapColumn = 4

// Find returns the row of a node and indicator (indicatorID "" for a
// narrative-only row), or false when the plan has no such row.
func Find(p *shinchoku.Plan, nodeID, indicatorID string) (Row, bool) {
	var row Row
	found := false
	p.Walk(func(n *shinchoku.Node, anc []*shinchoku.Node) bool {
		if n.ID != nodeID {
			return true
		}
		row = Row{Node: n, Ancestors: anc[:len(anc):len(anc)]}
		if indicatorID == "" {
			found = len(n.Indicators) == 0
		}
		for _, ind := range n.Indicators {
			if ind.ID == indicatorID {
				row.Indicator, found = ind, true
			}
		}
		return false
	})
	return row, found
}
