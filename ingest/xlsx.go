package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xlsxFile is a submitted workbook opened for what validation needs and
// nothing more: the sheet list, the cell values of two sheets (shared
// strings resolved, formulas marked), and the save time. Reading the sheet
// XML with a small scanner instead of encoding/xml is what makes a month of
// a thousand workbooks take seconds, not minutes (see README, 性能); the
// workbooks written for departments (templates, 差し戻し) are made with
// excelize.
type xlsxFile struct {
	parts   map[string]*zip.File
	sheets  map[string]string // sheet name → part name
	limits  Limits
	read    int64 // bytes unzipped so far
	cells   int   // cells the rows scanned so far span, each row up to its last cell
	shared  []string
	percent map[string]bool // cell style index → shows numbers as %
}

var (
	errTooLarge    = errors.New("unzipped size over the limit")
	errTooManyRows = errors.New("rows over the limit")
	// errTooManyCells: the rows span more cells than the limit (each row
	// as wide as its last cell, as excelize lays it out in memory)
	errTooManyCells = errors.New("cells over the limit")
	// errMissingPart: a part the workbook lists or needs is not in the package
	errMissingPart = errors.New("part missing")
)

// openXLSX opens the package and its sheet list.
func openXLSX(data []byte, lim Limits) (*xlsxFile, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	x := &xlsxFile{parts: map[string]*zip.File{}, sheets: map[string]string{}, limits: lim}
	var total uint64
	for _, f := range zr.File {
		x.parts[strings.TrimPrefix(f.Name, "/")] = f
		total += f.UncompressedSize64
		// Every part, not only those read here: the 差し戻し workbook is
		// a copy made with excelize, which reads them all.
		if f.UncompressedSize64 > uint64(lim.XMLSize) {
			return nil, errTooLarge
		}
	}
	if total > uint64(lim.UnzipSize) {
		return nil, errTooLarge
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := x.decode("xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := x.decode("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	for _, s := range wb.Sheets {
		x.sheets[s.Name] = targets[s.ID]
	}
	return x, nil
}

// part returns an unzipped part, within the limits.
func (x *xlsxFile) part(name string) ([]byte, error) {
	f, ok := x.parts[name]
	if !ok {
		return nil, fmt.Errorf("%s: %w", name, errMissingPart)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	limit := min(x.limits.XMLSize, x.limits.UnzipSize-x.read)
	data, err := readAll(io.LimitReader(rc, limit+1), min(f.UncompressedSize64, uint64(max(limit, 0)), 8<<20))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge
	}
	x.read += int64(len(data))
	if enc := declaredEncoding(data); enc != "" {
		return nil, &encodingError{name, enc}
	}
	return data, nil
}

// encodingError is a part written in another encoding than UTF-8, which
// Excel never writes and neither this reader nor excelize (when it copies
// the workbook for the 差し戻し) reads reliably.
type encodingError struct {
	part, encoding string
}

func (e *encodingError) Error() string {
	return fmt.Sprintf("%s: encoding %s", e.part, e.encoding)
}

// declaredEncoding is the encoding of an XML part when it is not UTF-8:
// a UTF-16 byte order mark, or the encoding its declaration names.
func declaredEncoding(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "UTF-16"
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	}
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return ""
	}
	var sc scanner
	sc.attrs = data[len("<?xml"):end]
	enc := sc.attr("encoding")
	if enc == "" || strings.EqualFold(enc, "utf-8") || strings.EqualFold(enc, "utf8") {
		return ""
	}
	return enc
}

// readAll is io.ReadAll starting with room for the size the zip
// directory declares, up to 8 MB (the size is only a hint: the reader still
// stops at the limit, and a part longer than declared is a zip error).
func readAll(r io.Reader, size uint64) ([]byte, error) {
	b := make([]byte, 0, size+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

func (x *xlsxFile) decode(name string, v any) error {
	data, err := x.part(name)
	if err != nil {
		return err
	}
	return xml.Unmarshal(data, v)
}

func (x *xlsxFile) hasSheet(name string) bool {
	_, ok := x.parts[x.sheets[name]]
	return ok
}

// modified is the workbook's last save time (docProps/core.xml), or "".
func (x *xlsxFile) modified() string {
	var core struct {
		Modified string `xml:"modified"`
	}
	if _, ok := x.parts["docProps/core.xml"]; !ok {
		return ""
	}
	if err := x.decode("docProps/core.xml", &core); err != nil {
		return ""
	}
	return core.Modified
}

// checkSheets scans the worksheets that are not read for their values,
// within the same limits: the 差し戻し copy is made by excelize, which
// reads them all and lays every row out as wide as its last cell.
func (x *xlsxFile) checkSheets(read ...string) error {
	names := make([]string, 0, len(x.sheets))
	for name := range x.sheets {
		if !slices.Contains(read, name) && x.hasSheet(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		if err := x.rows(name, func(int, []string, marks) {}); err != nil {
			return &sheetError{name, err}
		}
	}
	return nil
}

// sheetError is a sheet that could not be read.
type sheetError struct {
	sheet string
	err   error
}

func (e *sheetError) Error() string { return e.sheet + ": " + e.err.Error() }
func (e *sheetError) Unwrap() error { return e.err }

// sharedStrings reads the shared string table once: the text of each
// string, rich-text runs joined, phonetic guides (ルビ) left out.
func (x *xlsxFile) sharedStrings() error {
	if x.shared != nil {
		return nil
	}
	x.shared = []string{}
	name := ""
	for p := range x.parts {
		if path.Base(p) == "sharedStrings.xml" {
			name = p
		}
	}
	if name == "" {
		return nil
	}
	data, err := x.part(name)
	if err != nil {
		return err
	}
	x.shared, err = parseSharedStrings(data)
	return err
}

// parseSharedStrings reads a shared string table.
func parseSharedStrings(data []byte) ([]string, error) {
	shared := []string{}
	var sc scanner
	sc.data = data
	var cur []byte
	inSI, inT, inPhonetic := false, false, 0
	for sc.next() {
		switch {
		case sc.kind == tagText:
			if inSI && inT && inPhonetic == 0 {
				cur = sc.appendText(cur)
			}
		case sc.name == "si":
			switch sc.kind {
			case tagStart:
				inSI = true
				cur = cur[:0]
			case tagEnd:
				inSI = false
				shared = append(shared, string(cur))
			case tagEmpty:
				shared = append(shared, "")
			}
		case sc.name == "t":
			inT = sc.kind == tagStart
		case sc.name == "rPh":
			if sc.kind == tagStart {
				inPhonetic++
			} else if sc.kind == tagEnd {
				inPhonetic--
			}
		}
	}
	return shared, sc.err
}

// maxColumns is how many columns of a sheet are read: more than the
// template has (23 in 入力, 7 in the hidden sheet). A value typed far to the
// right in every row would otherwise make every row 16,384 cells wide
// (40,000 such rows, a 220 KB file, took over two minutes and 4.9 GB).
const maxColumns = 64

// excelNumber is the text of a numeric cell as Excel shows it: the value
// to fifteen significant digits (a program may store 0.30000000000000004
// or 1E-05), in plain decimal notation. Magnitudes from 10^15 on, which no
// template accepts, keep all their digits, for ParseNumber to refuse.
func excelNumber(raw []byte) string {
	if len(raw) <= 15 && bytes.IndexAny(raw, "Ee") < 0 {
		return string(raw)
	}
	f, err := strconv.ParseFloat(string(bytes.TrimSpace(raw)), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return string(raw)
	}
	if math.Abs(f) < 1e15 {
		f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// marks are what the scanner notes about a row's cells besides values.
type marks struct {
	broken      []int // columns referring to a shared string that does not exist
	formulaOnly []int // columns holding a formula without a cached value
	percent     []int // columns holding a number shown as a percentage (12.5% typed is stored as 0.125)
}

// rows calls fn for every row of a sheet with its cells' values by column
// (index 0 = A), as stored: numbers as written, shared strings resolved,
// formulas as their cached value.
func (x *xlsxFile) rows(sheet string, fn func(row int, cols []string, m marks)) error {
	name, ok := x.sheets[sheet]
	if !ok {
		return fmt.Errorf("no sheet %s", sheet)
	}
	data, err := x.part(name)
	if err != nil {
		return err
	}
	return x.scanRows(data, fn)
}

// scanRows reads the rows of a worksheet's XML.
func (x *xlsxFile) scanRows(data []byte, fn func(row int, cols []string, m marks)) error {
	var sc scanner
	sc.data = data
	row, col := 0, 0
	var cols []string
	var mk marks
	var cellType, cellStyle []byte // raw attribute values
	var value []byte
	width := 0 // of the last row (up to 64), to size the next
	rowsWithCells := 0
	extent := 0 // the last column of the row, as far right as it goes
	inRow, inCell, inV, inIS, inT, hasF, hasV := false, false, false, false, false, false, false
	flush := func() {
		if !inRow {
			return
		}
		if len(cols) > 0 {
			rowsWithCells++
		}
		x.cells += extent
		extent = 0
		fn(row, cols, mk)
		// Not the widest row so far: one value typed far to the right
		// would make every later row that wide (fn keeps them).
		width = min(len(cols), 64)
		cols, mk = make([]string, 0, width), marks{}
	}
	for sc.next() {
		switch {
		case sc.kind == tagText:
			if inCell && (inV || (inIS && inT)) {
				value = sc.appendText(value)
			}
		case sc.name == "row":
			switch sc.kind {
			case tagStart, tagEmpty:
				r := row + 1
				if v := sc.attrBytes("r"); len(v) > 0 {
					if n, err := strconv.Atoi(string(v)); err == nil && n > 0 {
						r = n
					}
				}
				row, col, inRow = r, 0, true
				if sc.kind == tagEmpty {
					flush()
					inRow = false
				}
			case tagEnd:
				flush()
				inRow = false
			}
			if x.limits.Rows > 0 && rowsWithCells > x.limits.Rows {
				return errTooManyRows
			}
			if x.limits.Cells > 0 && x.cells > x.limits.Cells {
				return errTooManyCells
			}
		case sc.name == "c" && inRow:
			switch sc.kind {
			case tagStart, tagEmpty:
				col++
				if ref := sc.attrBytes("r"); len(ref) > 0 {
					if c := columnOf(ref); c > 0 {
						col = c
					}
				}
				extent = max(extent, col)
				cellType, cellStyle = sc.attrBytes("t"), sc.attrBytes("s")
				value = value[:0]
				inCell, hasF, hasV = sc.kind == tagStart, false, false
			case tagEnd:
				var v string
				broken := false
				switch string(cellType) {
				case "s":
					if err := x.sharedStrings(); err != nil {
						return err
					}
					if i, err := strconv.Atoi(string(bytes.TrimSpace(value))); err == nil && i >= 0 && i < len(x.shared) {
						v = x.shared[i]
					} else {
						// An index with no string: Excel refuses to open
						// such a file; the number is not the department's.
						broken = true
					}
				case "b":
					// Excel shows a boolean as TRUE or FALSE, never as 1.
					v = "FALSE"
					if string(bytes.TrimSpace(value)) == "1" {
						v = "TRUE"
					}
				case "", "n":
					v = excelNumber(value)
				default:
					v = string(value)
				}
				if col > 0 && col <= maxColumns {
					for len(cols) < col {
						cols = append(cols, "")
					}
					cols[col-1] = v
					if hasF && (!hasV || len(value) == 0) {
						// No cached value, or an empty one: the workbook was
						// not calculated (written by a program, not Excel).
						mk.formulaOnly = append(mk.formulaOnly, col-1)
					}
					if broken {
						mk.broken = append(mk.broken, col-1)
					}
					if (len(cellType) == 0 || string(cellType) == "n") && len(cellStyle) > 0 && v != "" && x.isPercent(cellStyle) {
						mk.percent = append(mk.percent, col-1)
					}
				}
				inCell = false
			}
		case inCell && sc.name == "v":
			inV = sc.kind == tagStart
			if sc.kind != tagEnd {
				hasV = true
			}
		case inCell && sc.name == "f":
			hasF = true
		case inCell && sc.name == "is":
			inIS = sc.kind == tagStart
			hasV = true
		case inCell && sc.name == "t":
			inT = sc.kind == tagStart
		}
	}
	return sc.err
}

// isPercent reports whether a cell style shows numbers as percentages.
// styles.xml is read on first use.
func (x *xlsxFile) isPercent(style []byte) bool {
	if x.percent == nil {
		x.percent = map[string]bool{}
		x.loadPercentStyles()
	}
	return x.percent[string(style)]
}

func (x *xlsxFile) loadPercentStyles() {
	if _, ok := x.parts["xl/styles.xml"]; !ok {
		return
	}
	data, err := x.part("xl/styles.xml")
	if err != nil {
		return
	}
	percentFmt := map[string]bool{"9": true, "10": true} // built-in 0% and 0.00%
	var sc scanner
	sc.data = data
	inXfs, xf := false, 0
	for sc.next() {
		switch {
		case sc.name == "numFmt" && sc.kind != tagEnd:
			if strings.Contains(unquoted(sc.attr("formatCode")), "%") {
				percentFmt[sc.attr("numFmtId")] = true
			}
		case sc.name == "cellXfs":
			inXfs = sc.kind == tagStart
		case sc.name == "xf" && inXfs && sc.kind != tagEnd:
			if percentFmt[sc.attr("numFmtId")] {
				x.percent[strconv.Itoa(xf)] = true
			}
			xf++
		}
	}
}

// unquoted is a number format without its literal text ("…" and \x), where a
// % is only a character, not a percentage.
func unquoted(code string) string {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case c == '\\' && !quoted:
			i++
		case !quoted:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// columnOf is the 1-based column of an A1 reference ("P12" → 16).
func columnOf(ref []byte) int {
	c := 0
	for _, r := range ref {
		if r < 'A' || r > 'Z' {
			break
		}
		c = c*26 + int(r-'A'+1)
		if c > 16384 {
			return 0
		}
	}
	return c
}

// scanner walks XML tags and text: enough for worksheets and shared
// strings, which are flat and regular; names lose their namespace prefix.
type scanner struct {
	data  []byte
	pos   int
	kind  int
	name  string
	attrs []byte
	raw   []byte // text, undecoded
	err   error
}

const (
	tagStart = iota
	tagEnd
	tagEmpty
	tagText
)

func (s *scanner) next() bool {
	for s.pos < len(s.data) {
		if s.data[s.pos] != '<' {
			end := bytes.IndexByte(s.data[s.pos:], '<')
			if end < 0 {
				end = len(s.data) - s.pos
			}
			s.kind, s.name, s.raw = tagText, "", s.data[s.pos:s.pos+end]
			s.pos += end
			return true
		}
		rest := s.data[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			s.skip("?>")
			continue
		case bytes.HasPrefix(rest, []byte("<!--")):
			s.skip("-->")
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				s.err = io.ErrUnexpectedEOF
				return false
			}
			s.kind, s.name = tagText, ""
			s.raw = xmlEscape(rest[len("<![CDATA["):end])
			s.pos += end + 3
			return true
		case bytes.HasPrefix(rest, []byte("<!")):
			s.skip(">")
			continue
		}
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			s.err = io.ErrUnexpectedEOF
			return false
		}
		tag := rest[1:end]
		s.pos += end + 1
		s.kind = tagStart
		if len(tag) > 0 && tag[0] == '/' {
			s.kind, tag = tagEnd, tag[1:]
		} else if len(tag) > 0 && tag[len(tag)-1] == '/' {
			s.kind, tag = tagEmpty, tag[:len(tag)-1]
		}
		nameEnd := 0
		for nameEnd < len(tag) && !isSpace(tag[nameEnd]) {
			nameEnd++
		}
		name := tag[:nameEnd]
		if i := bytes.IndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		s.name, s.attrs = internName(name), tag[nameEnd:]
		return true
	}
	return false
}

func (s *scanner) skip(until string) {
	end := bytes.Index(s.data[s.pos:], []byte(until))
	if end < 0 {
		s.pos = len(s.data)
		return
	}
	s.pos += end + len(until)
}

// internName returns the names the readers look for without allocating.
func internName(b []byte) string {
	switch string(b) {
	case "row":
		return "row"
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "is":
		return "is"
	case "t":
		return "t"
	case "r":
		return "r"
	case "si":
		return "si"
	case "rPh":
		return "rPh"
	case "rPr":
		return "rPr"
	}
	return string(b)
}

// attr is the value of an attribute of the current tag, entities decoded.
func (s *scanner) attr(name string) string {
	if v := s.rawAttr(name); v != nil {
		return unescape(v)
	}
	return ""
}

// attrBytes is attr without a copy when the value has no entity.
func (s *scanner) attrBytes(name string) []byte {
	v := s.rawAttr(name)
	if bytes.IndexByte(v, '&') >= 0 {
		return appendUnescaped(nil, v)
	}
	return v
}

// rawAttr is the value of an attribute of the current tag as written
// (entities not decoded), or nil.
func (s *scanner) rawAttr(name string) []byte {
	a := s.attrs
	for len(a) > 0 {
		for len(a) > 0 && isSpace(a[0]) {
			a = a[1:]
		}
		eq := bytes.IndexByte(a, '=')
		if eq < 0 || eq+1 >= len(a) {
			return nil
		}
		key := a[:eq]
		for len(key) > 0 && isSpace(key[len(key)-1]) {
			key = key[:len(key)-1]
		}
		q := a[eq+1]
		if q != '"' && q != '\'' {
			return nil
		}
		end := bytes.IndexByte(a[eq+2:], q)
		if end < 0 {
			return nil
		}
		val := a[eq+2 : eq+2+end]
		if i := bytes.IndexByte(key, ':'); i >= 0 && string(key[:i]) != "xmlns" {
			key = key[i+1:]
		}
		if string(key) == name {
			return val
		}
		a = a[eq+2+end+1:]
	}
	return nil
}

// isSpace is XML white space.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// appendText appends the current text, entities decoded, to dst.
func (s *scanner) appendText(dst []byte) []byte { return appendUnescaped(dst, s.raw) }

// unescape decodes the five XML entities and character references.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	return string(appendUnescaped(nil, b))
}

// appendUnescaped appends b to dst with the five XML entities and character
// references decoded.
func appendUnescaped(dst, b []byte) []byte {
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(dst, b[:i]...)
		b = b[i:]
		semi := bytes.IndexByte(b, ';')
		if semi < 0 || semi > 12 {
			dst = append(dst, '&')
			b = b[1:]
			continue
		}
		ent := string(b[1:semi])
		switch {
		case ent == "amp":
			dst = append(dst, '&')
		case ent == "lt":
			dst = append(dst, '<')
		case ent == "gt":
			dst = append(dst, '>')
		case ent == "quot":
			dst = append(dst, '"')
		case ent == "apos":
			dst = append(dst, '\'')
		case strings.HasPrefix(ent, "#x"):
			if n, err := strconv.ParseUint(ent[2:], 16, 32); err == nil {
				dst = utf8.AppendRune(dst, rune(n))
			}
		case strings.HasPrefix(ent, "#"):
			if n, err := strconv.ParseUint(ent[1:], 10, 32); err == nil {
				dst = utf8.AppendRune(dst, rune(n))
			}
		default:
			dst = append(dst, b[:semi+1]...)
		}
		b = b[semi+1:]
	}
	return dst
}

// xmlEscape turns CDATA text into escaped text, so that text() treats both
// alike.
func xmlEscape(b []byte) []byte {
	var buf bytes.Buffer
	xml.EscapeText(&buf, b)
	return buf.Bytes()
}
