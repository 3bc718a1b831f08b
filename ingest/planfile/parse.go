package planfile

import (
	"bytes"
	"cmp"
	"fmt"
	"iter"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/shinchoku/shinchoku"
)

// FormatVersion is the plan file format this package reads and writes.
const FormatVersion = 1

// Parse reads a plan file. name is how findings refer to the file. When the
// file has problems, Parse returns shinchoku.Findings listing all of them.
//
// A large plan is read one top-level node at a time (see splitNodes): the
// syntax tree of a whole 37 MB file takes some 500 MB. The result, findings
// and their positions included, is that of reading the file whole, which
// Parse falls back to whenever the file is not laid out for it.
func Parse(name string, data []byte) (*shinchoku.Plan, error) {
	plan, _, err := Check(name, data)
	return plan, err
}

// Check reads a plan file like Parse and also returns the warnings: what
// does not stop the plan from being used but is probably not what the city
// meant (a target on the wrong side of the baseline for its direction), in
// the order of the file, with line and column.
func Check(name string, data []byte) (*shinchoku.Plan, shinchoku.Findings, error) {
	if header, items, ok := splitNodes(data); ok {
		if plan, warnings, err, ok := parseSplit(name, header, items); ok {
			return plan, warnings, err
		}
	}
	return parseWhole(name, data)
}

// parseWhole reads a plan file as one YAML document.
func parseWhole(name string, data []byte) (*shinchoku.Plan, shinchoku.Findings, error) {
	p := &parser{file: name, ids: map[string]int{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p.syntaxError(err)
		return nil, nil, p.findings
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		p.add(&yaml.Node{Line: 1, Column: 1}, "plan.empty", "計画ファイル")
		return nil, nil, p.findings
	}
	return p.result(p.plan(doc.Content[0]))
}

// result is the plan and its warnings, or every error in the order of the
// file.
func (p *parser) result(plan *shinchoku.Plan) (*shinchoku.Plan, shinchoku.Findings, error) {
	byPosition := func(a, b shinchoku.Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	}
	if len(p.findings) > 0 {
		slices.SortStableFunc(p.findings, byPosition)
		return nil, nil, p.findings
	}
	slices.SortStableFunc(p.warnings, byPosition)
	return plan, p.warnings, nil
}

// parseSplit reads the header (every key but the nodes) and then each
// top-level node on its own. It reports !ok when a piece is not what
// splitNodes expected, and the file is then read whole.
func parseSplit(name string, header []byte, items []item) (plan *shinchoku.Plan, warnings shinchoku.Findings, err error, ok bool) {
	p := &parser{file: name, ids: map[string]int{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(header, &doc); err != nil || len(doc.Content) == 0 {
		return nil, nil, nil, false
	}
	ok = true
	p.items = func(yield func(*yaml.Node) bool) {
		for _, it := range items {
			var seq yaml.Node
			if err := yaml.Unmarshal(it.text, &seq); err != nil || len(seq.Content) != 1 ||
				seq.Content[0].Kind != yaml.SequenceNode || len(seq.Content[0].Content) != 1 {
				ok = false
				return
			}
			node := seq.Content[0].Content[0]
			shiftLines(node, it.line-1)
			if !yield(node) {
				return
			}
		}
	}
	plan = p.plan(doc.Content[0])
	if !ok || p.itemsUnused {
		return nil, nil, nil, false
	}
	plan, warnings, err = p.result(plan)
	return plan, warnings, err, true
}

// item is one top-level node's text and the line of the file it starts on.
type item struct {
	text []byte
	line int
}

// shiftLines moves the line numbers of a node read on its own to its lines
// in the file.
func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

// splitNodes cuts a plan file laid out as WriteYAML writes it (and as people
// write YAML by hand): the top-level keys, "nodes:" last on a line of its
// own, then the nodes as a block sequence. header is everything up to
// "nodes:". ok is false when the file is laid out otherwise, or uses what a
// node read on its own would read differently (anchors, directives, more
// than one document, tabs, line breaks other than LF and CRLF).
func splitNodes(data []byte) (header []byte, items []item, ok bool) {
	if bytes.IndexByte(data, '\t') >= 0 || bytes.ContainsAny(data, "\u0085\u2028\u2029") ||
		bytes.Count(data, []byte("\r")) != bytes.Count(data, []byte("\r\n")) ||
		bytes.ContainsAny(data, "&*") && anchors.Match(data) || markers.Match(data) {
		return nil, nil, false
	}
	start := -1 // offset of the line after "nodes:"
	for off := 0; off < len(data); {
		line, next := lineAt(data, off)
		if nodesLine.Match(line) {
			start = next
			break
		}
		off = next
	}
	if start < 0 {
		return nil, nil, false
	}
	header = data[:start]
	indent := -1
	itemStart, itemLine := -1, 0
	lineNo := bytes.Count(header, []byte("\n")) + 1
	for off := start; off < len(data); lineNo++ {
		line, next := lineAt(data, off)
		trimmed := bytes.TrimLeft(line, " ")
		if blank := bytes.TrimRight(trimmed, " \r"); len(blank) == 0 || blank[0] == '#' {
			off = next
			continue // blank lines and comments belong to the item they stand in
		}
		depth := len(line) - len(trimmed)
		if indent < 0 {
			indent = depth
		}
		switch {
		case depth > indent:
		case depth == indent && (bytes.HasPrefix(trimmed, []byte("- ")) || len(bytes.TrimRight(trimmed, "\r")) == 1 && trimmed[0] == '-'):
			if itemStart >= 0 {
				items = append(items, item{data[itemStart:off], itemLine})
			}
			itemStart, itemLine = off, lineNo
		default:
			return nil, nil, false // another top-level key, or a sequence laid out otherwise
		}
		off = next
	}
	if itemStart < 0 {
		return nil, nil, false
	}
	return header, append(items, item{data[itemStart:], itemLine}), true
}

var (
	nodesLine = regexp.MustCompile(`^nodes:[ \r]*(#.*)?$`)
	// anchors and aliases may reach across nodes: such a file is read whole.
	anchors = regexp.MustCompile(`(^|[\s\[{,:-])[&*][^\s]`)
	// directives (%TAG) and document markers change how every node is read.
	markers = regexp.MustCompile(`(?m)^(%|---|\.\.\.)`)
)

// lineAt returns the line at off, without its "\n", and the offset of the
// next line.
func lineAt(data []byte, off int) ([]byte, int) {
	i := bytes.IndexByte(data[off:], '\n')
	if i < 0 {
		return data[off:], len(data)
	}
	return data[off : off+i], off + i + 1
}

type parser struct {
	file     string
	findings shinchoku.Findings // errors
	warnings shinchoku.Findings
	ids      map[string]int // ID → line of its first definition
	levels   []string
	start    int
	end      int
	// items, when set, gives the top-level nodes, read one at a time
	// (parseSplit); the file's own nodes key is then empty.
	items       iter.Seq[*yaml.Node]
	itemsUnused bool // the plan ended before asking for the items
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

func (p *parser) syntaxError(err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	p.findings = append(p.findings, shinchoku.Finding{
		Severity: shinchoku.SeverityError, Code: "plan.syntax", File: p.file,
		Line: line, Col: 1, Message: fmt.Sprintf(messages["plan.syntax"], msg),
	})
}

// warn records a warning: the plan is used, the city is told.
func (p *parser) warn(at *yaml.Node, code string, args ...any) {
	p.warnings = append(p.warnings, shinchoku.Finding{
		Severity: shinchoku.SeverityWarning, Code: code, File: p.file,
		Line: at.Line, Col: at.Column, Message: fmt.Sprintf(messages[code], args...),
	})
}

func (p *parser) add(at *yaml.Node, code string, args ...any) {
	p.findings = append(p.findings, shinchoku.Finding{
		Severity: shinchoku.SeverityError, Code: code, File: p.file,
		Line: at.Line, Col: at.Column, Value: at.Value,
		Message: fmt.Sprintf(messages[code], args...),
	})
}

// fields walks a mapping node, calling fn for every known key and reporting
// unknown keys and required keys that are missing.
func (p *parser) fields(n *yaml.Node, what string, known, required []string, fn func(key string, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		p.add(n, "plan.not_mapping", what)
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(known, k.Value) {
			p.add(k, "plan.unknown_key", k.Value, strings.Join(known, ", "))
			continue
		}
		seen[k.Value] = true
		fn(k.Value, v)
	}
	for _, r := range required {
		if !seen[r] {
			p.add(n, "plan.missing", what+"の "+r)
		}
	}
	return true
}

func (p *parser) list(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n, "plan.not_list", what)
		return nil
	}
	return n.Content
}

func (p *parser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.add(n, "plan.not_string", what)
		return ""
	}
	return n.Value
}

// name reads a string that must not carry stray whitespace (titles, names).
func (p *parser) name(n *yaml.Node, what string) string {
	s := p.str(n, what)
	if s != strings.TrimFunc(s, unicode.IsSpace) {
		p.add(n, "plan.whitespace", what, s)
	}
	return s
}

// word reads a string that must carry no whitespace at all: department names
// and tags are matched exactly, so a stray space would split one department
// into two.
func (p *parser) word(n *yaml.Node, what string) string {
	s := p.str(n, what)
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		p.add(n, "plan.whitespace", what, s)
	}
	return s
}

func (p *parser) words(n *yaml.Node, what string) []string {
	var out []string
	for _, item := range p.list(n, what) {
		if s := p.word(item, what); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// departments reads a node's departments: names that templates, file names,
// page headers and every table carry, so each must be a short printable
// name (see CheckDepartment).
func (p *parser) departments(n *yaml.Node) []string {
	var out []string
	for _, item := range p.list(n, "担当課") {
		s := p.str(item, "担当課")
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			continue // reported by str
		}
		if code := CheckDepartment(s); code != "" {
			p.add(item, code, "担当課", s)
			continue
		}
		if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
			p.add(item, "plan.whitespace", "担当課", s)
		}
		out = append(out, s)
	}
	return out
}

// MaxDepartment is the longest department name, in characters: a name goes
// into file names (<period>_<name>.xlsx, 差し戻し_…, where a file system
// allows 255 bytes, three to a Japanese character) and Excel's page headers
// (255 characters with the period).
const MaxDepartment = 64

// MaxTitle is the longest plan title, in characters: it heads every page of
// the consolidated workbook beside the period (Excel allows 255).
const MaxTitle = 100

// CheckDepartment says what is wrong with a department name, as a message
// code taking (what, name), or "" when nothing is.
func CheckDepartment(s string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "plan.empty_name"
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return "plan.control"
	case utf8.RuneCountInString(s) > MaxDepartment:
		return "plan.department_long"
	}
	return ""
}

func (p *parser) integer(n *yaml.Node, what string) (int, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v, true
		}
	}
	p.add(n, "plan.not_integer", what, n.Value)
	return 0, false
}

func (p *parser) boolean(n *yaml.Node, what string) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
	}
	p.add(n, "plan.not_bool", what, n.Value)
	return false
}

func (p *parser) number(n *yaml.Node, what string) shinchoku.Value {
	if n.Kind == yaml.ScalarNode {
		switch n.Tag {
		case "!!null":
			return shinchoku.Value{}
		case "!!int", "!!float":
			var f float64
			if err := n.Decode(&f); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
				if f == 0 {
					f = 0 // −0 is 0: a plan means the same with either, and hashes the same
				}
				return shinchoku.Num(f)
			}
		}
	}
	p.add(n, "plan.not_number", what, n.Value)
	return shinchoku.Value{}
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

func (p *parser) id(n *yaml.Node, what string) string {
	s := p.str(n, what)
	if s == "" {
		return ""
	}
	if !idPattern.MatchString(s) {
		p.add(n, "plan.bad_id", s)
		return s
	}
	if line, dup := p.ids[s]; dup {
		p.add(n, "plan.duplicate_id", s, line)
		return s
	}
	p.ids[s] = n.Line
	return s
}

func (p *parser) plan(n *yaml.Node) *shinchoku.Plan {
	plan := &shinchoku.Plan{}
	var nodes *yaml.Node
	var period *yaml.Node
	known := []string{"format", "id", "title", "organization", "period", "levels", "nodes"}
	required := []string{"format", "id", "title", "period", "levels"}
	ok := p.fields(n, "計画", known, required, func(key string, v *yaml.Node) {
		switch key {
		case "format":
			if f, ok := p.integer(v, "format"); ok && f != FormatVersion {
				p.add(v, "plan.format", v.Value)
			}
		case "id":
			plan.ID = p.id(v, "計画の id")
		case "title":
			plan.Title = p.name(v, "計画の title")
			if strings.IndexFunc(plan.Title, unicode.IsControl) >= 0 {
				p.add(v, "plan.control", "計画の title", plan.Title)
			} else if utf8.RuneCountInString(plan.Title) > MaxTitle {
				p.add(v, "plan.title_long", MaxTitle, utf8.RuneCountInString(plan.Title))
			}
		case "organization":
			plan.Organization = p.name(v, "organization")
		case "period":
			period = v
			pk := []string{"start", "end"}
			p.fields(v, "period", pk, pk, func(key string, v *yaml.Node) {
				y, _ := p.integer(v, "period."+key)
				if key == "start" {
					plan.Start = y
				} else {
					plan.End = y
				}
			})
		case "levels":
			for _, item := range p.list(v, "levels") {
				s := p.name(item, "階層名")
				if slices.Contains(plan.Levels, s) {
					p.add(item, "plan.duplicate_level", s)
				}
				plan.Levels = append(plan.Levels, s)
			}
			if len(plan.Levels) == 0 {
				p.add(v, "plan.empty", "levels")
			}
		case "nodes":
			nodes = v
		}
	})
	if !ok {
		p.itemsUnused = p.items != nil
		return nil
	}
	if period != nil && plan.Start > plan.End {
		p.add(period, "plan.period", plan.Start, plan.End)
	}
	p.levels, p.start, p.end = plan.Levels, plan.Start, plan.End
	if nodes == nil {
		p.add(n, "plan.missing", "計画の nodes")
		p.itemsUnused = p.items != nil
		return plan
	}
	items := p.items
	if items == nil {
		list := p.list(nodes, "nodes")
		if len(list) == 0 {
			p.add(nodes, "plan.empty", "nodes")
		}
		items = slices.Values(list)
	}
	for item := range items {
		if nd := p.node(item, 0); nd != nil {
			plan.Nodes = append(plan.Nodes, nd)
		}
	}
	return plan
}

func (p *parser) node(n *yaml.Node, depth int) *shinchoku.Node {
	nd := &shinchoku.Node{}
	known := []string{"id", "level", "code", "title", "departments", "tags", "description", "indicators", "children"}
	ok := p.fields(n, "ノード", known, known[:4], func(key string, v *yaml.Node) {
		switch key {
		case "id":
			nd.ID = p.id(v, "ノードの id")
		case "level":
			nd.Level = p.name(v, "level")
			p.checkLevel(v, nd.Level, depth)
		case "code":
			nd.Code = p.name(v, "code")
		case "title":
			nd.Title = p.name(v, "title")
		case "departments":
			nd.Departments = p.departments(v)
		case "tags":
			nd.Tags = p.words(v, "タグ")
		case "description":
			nd.Description = p.str(v, "description")
		case "indicators":
			for _, item := range p.list(v, "indicators") {
				if ind := p.indicator(item); ind != nil {
					nd.Indicators = append(nd.Indicators, ind)
				}
			}
		case "children":
			if depth+1 >= len(p.levels) && len(p.levels) > 0 {
				if len(p.list(v, "children")) > 0 {
					p.add(v, "plan.too_deep", p.levels[len(p.levels)-1])
				}
				return
			}
			for _, item := range p.list(v, "children") {
				if child := p.node(item, depth+1); child != nil {
					nd.Children = append(nd.Children, child)
				}
			}
		}
	})
	if !ok {
		return nil
	}
	return nd
}

func (p *parser) checkLevel(v *yaml.Node, level string, depth int) {
	if len(p.levels) == 0 {
		return // levels is missing, already reported
	}
	if !slices.Contains(p.levels, level) {
		p.add(v, "plan.unknown_level", level, strings.Join(p.levels, "・"))
		return
	}
	if depth < len(p.levels) && p.levels[depth] != level {
		p.add(v, "plan.wrong_level", p.levels[depth], level)
	}
}

func (p *parser) indicator(n *yaml.Node) *shinchoku.Indicator {
	ind := &shinchoku.Indicator{Direction: shinchoku.Increase, YearBasis: shinchoku.FiscalYear}
	var targetAt *yaml.Node
	known := []string{"id", "name", "unit", "cumulative", "direction", "year_basis", "baseline", "target", "actuals", "note", "tags", "revisions"}
	required := []string{"id", "name", "unit", "target"}
	ok := p.fields(n, "指標", known, required, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			ind.ID = p.id(v, "指標の id")
		case "name":
			ind.Name = p.name(v, "指標名")
		case "unit":
			// Required, but may be written "" for a number without a unit
			// (合計特殊出生率, a 5-point score).
			ind.Unit = p.name(v, "単位")
		case "cumulative":
			ind.Cumulative = p.boolean(v, "cumulative")
		case "direction":
			ind.Direction = shinchoku.Direction(p.str(v, "direction"))
			if !slices.Contains(shinchoku.Directions, ind.Direction) {
				p.add(v, "plan.direction", v.Value)
			}
		case "year_basis":
			ind.YearBasis = shinchoku.YearBasis(p.str(v, "year_basis"))
			if ind.YearBasis != shinchoku.FiscalYear && ind.YearBasis != shinchoku.CalendarYear {
				p.add(v, "plan.year_basis", v.Value)
			}
		case "baseline":
			ind.Baseline = p.point(v, "基準値")
			if ind.Baseline.Year > p.end && p.end > 0 {
				p.add(v, "plan.baseline_year", ind.Baseline.Year, p.end)
			}
		case "target":
			ind.Target, targetAt = p.point(v, "目標値"), v
			if y := ind.Target.Year; y != 0 && (y < p.start || y > p.end) {
				p.add(v, "plan.target_year", y, p.start, p.end)
			}
		case "actuals":
			for _, item := range p.list(v, "actuals") {
				a := p.point(item, "実績値")
				if a.Year != 0 && (a.Year < p.start || a.Year > p.end) {
					p.add(item, "plan.actual_year", a.Year, p.start, p.end)
				}
				if _, dup := ind.Actual(a.Year); dup {
					p.add(item, "plan.duplicate_year", a.Year)
				}
				ind.Actuals = append(ind.Actuals, a)
			}
		case "note":
			ind.Note = p.str(v, "note")
		case "tags":
			ind.Tags = p.words(v, "タグ")
		case "revisions":
			for _, item := range p.list(v, "revisions") {
				ind.Revisions = append(ind.Revisions, p.revision(item))
			}
		}
	})
	if !ok {
		return nil
	}
	if ind.TargetContradicts() {
		// A city may lower a target below the baseline (a programme cut
		// back) and keep 増加: the direction still says which way is better,
		// and the evaluation compares with the expected value only. Said, so
		// that a direction typed wrong is caught.
		better := "高い"
		if ind.Direction == shinchoku.Decrease {
			better = "低い"
		}
		p.warn(targetAt, "plan.target_direction", ind.Name, shinchoku.FormatNumber(ind.Target.Value.Num),
			shinchoku.FormatNumber(ind.Baseline.Value.Num), ind.Direction, better)
	}
	return ind
}

func (p *parser) point(n *yaml.Node, what string) shinchoku.Point {
	var pt shinchoku.Point
	known := []string{"year", "value"}
	p.fields(n, what, known, known, func(key string, v *yaml.Node) {
		switch key {
		case "year":
			if v.Tag != "!!null" {
				pt.Year, _ = p.integer(v, what+"の year")
			}
		case "value":
			pt.Value = p.number(v, what)
		}
	})
	return pt
}

func (p *parser) revision(n *yaml.Node) shinchoku.Revision {
	var r shinchoku.Revision
	known := []string{"date", "target", "note"}
	p.fields(n, "改訂", known, known[:2], func(key string, v *yaml.Node) {
		switch key {
		case "date":
			r.Date = p.str(v, "date")
			if _, err := time.Parse("2006-01-02", r.Date); err != nil {
				p.add(v, "plan.date", r.Date)
			}
		case "target":
			r.Target = p.point(v, "改訂前の目標値")
		case "note":
			r.Note = p.str(v, "note")
		}
	})
	return r
}
