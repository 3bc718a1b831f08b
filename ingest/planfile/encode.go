package planfile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/shinchoku/shinchoku"
)

// The document shape shared by the YAML plan file and the JSON contract of
// `shinchoku plan --format json`. JSON always writes every list and both
// fields of a point (null when absent); YAML leaves out what is empty.
type planDoc struct {
	Format       int       `yaml:"format" json:"format"`
	ID           string    `yaml:"id" json:"id"`
	Title        string    `yaml:"title" json:"title"`
	Organization string    `yaml:"organization,omitempty" json:"organization"`
	Period       periodDoc `yaml:"period,flow" json:"period"`
	Levels       []string  `yaml:"levels,flow" json:"levels"`
	Nodes        []nodeDoc `yaml:"nodes" json:"nodes"`
}

type periodDoc struct {
	Start int `yaml:"start" json:"start"`
	End   int `yaml:"end" json:"end"`
}

type nodeDoc struct {
	ID          string         `yaml:"id" json:"id"`
	Level       string         `yaml:"level" json:"level"`
	Code        string         `yaml:"code" json:"code"`
	Title       string         `yaml:"title" json:"title"`
	Departments []string       `yaml:"departments,omitempty,flow" json:"departments"`
	Tags        []string       `yaml:"tags,omitempty,flow" json:"tags"`
	Description string         `yaml:"description,omitempty" json:"description"`
	Indicators  []indicatorDoc `yaml:"indicators,omitempty" json:"indicators"`
	Children    []nodeDoc      `yaml:"children,omitempty" json:"children"`
}

type indicatorDoc struct {
	ID         string        `yaml:"id" json:"id"`
	Name       string        `yaml:"name" json:"name"`
	Unit       string        `yaml:"unit" json:"unit"`
	Cumulative bool          `yaml:"cumulative" json:"cumulative"`
	Direction  string        `yaml:"direction" json:"direction"`
	YearBasis  string        `yaml:"year_basis" json:"year_basis"`
	Baseline   pointDoc      `yaml:"baseline,flow" json:"baseline"`
	Target     pointDoc      `yaml:"target,flow" json:"target"`
	Actuals    []pointDoc    `yaml:"actuals,omitempty,flow" json:"actuals"`
	Note       string        `yaml:"note,omitempty" json:"note"`
	Tags       []string      `yaml:"tags,omitempty,flow" json:"tags"`
	Revisions  []revisionDoc `yaml:"revisions,omitempty" json:"revisions"`
}

type pointDoc struct {
	Year  *int    `yaml:"year" json:"year"`
	Value *number `yaml:"value" json:"value"`
}

type revisionDoc struct {
	Date   string   `yaml:"date" json:"date"`
	Target pointDoc `yaml:"target,flow" json:"target"`
	Note   string   `yaml:"note,omitempty" json:"note"`
}

// number writes a value as printed (230, 45.9, 1200000), never in
// E-notation, which YAML's default float formatting would use.
type number float64

func (n number) MarshalYAML() (any, error) {
	s := strconv.FormatFloat(float64(n), 'f', -1, 64)
	tag := "!!float"
	if float64(n) == float64(int64(n)) {
		tag = "!!int"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s}, nil
}

func (n number) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(n), 'f', -1, 64)), nil
}

// WriteYAML writes the plan as a plan file that Parse reads back to the same plan.
//
// yaml.v3's encoder keeps every event of a document until it is closed
// (1.7 GB for a plan of 100,000 indicators), so the file is written node by
// node, each encoded on its own and indented into place: the same bytes as
// encoding the whole document at once.
func WriteYAML(w io.Writer, plan *shinchoku.Plan) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	head := toDoc(plan)
	head.Nodes = nil
	b, err := encodeYAML(head)
	if err != nil {
		return err
	}
	const empty = "nodes: []\n" // Nodes is the last field
	if len(plan.Nodes) == 0 || !bytes.HasSuffix(b, []byte(empty)) {
		bw.Write(b)
		return bw.Flush()
	}
	bw.Write(b[:len(b)-len(empty)])
	bw.WriteString("nodes:\n")
	if err := writeYAMLNodes(bw, plan.Nodes, "  "); err != nil {
		return err
	}
	return bw.Flush()
}

// writeYAMLNodes writes nodes as the items of a block sequence indented by
// indent, each node's children after its own fields (Children is the last
// field of nodeDoc).
func writeYAMLNodes(w *bufio.Writer, nodes []*shinchoku.Node, indent string) error {
	for _, n := range nodes {
		d := toNodeDoc(n, false)
		b, err := encodeYAML([]nodeDoc{d})
		if err != nil {
			return err
		}
		for line := range bytes.Lines(b) {
			if len(bytes.TrimRight(line, "\r\n")) > 0 { // an empty line in a block scalar stays empty
				w.WriteString(indent)
			}
			w.Write(line)
		}
		if len(n.Children) > 0 {
			w.WriteString(indent + "  children:\n")
			if err := writeYAMLNodes(w, n.Children, indent+"    "); err != nil {
				return err
			}
		}
	}
	return nil
}

func encodeYAML(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteJSON writes the plan in the JSON contract documented in the README.
func WriteJSON(w io.Writer, plan *shinchoku.Plan) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(toDoc(plan))
}

func toDoc(p *shinchoku.Plan) planDoc {
	d := planDoc{
		Format: FormatVersion, ID: p.ID, Title: p.Title, Organization: p.Organization,
		Period: periodDoc{Start: p.Start, End: p.End},
		Levels: nonNil(p.Levels),
		Nodes:  make([]nodeDoc, 0, len(p.Nodes)),
	}
	for _, n := range p.Nodes {
		d.Nodes = append(d.Nodes, toNodeDoc(n, true))
	}
	return d
}

// toNodeDoc converts a node, with its children when deep.
func toNodeDoc(n *shinchoku.Node, deep bool) nodeDoc {
	d := nodeDoc{
		ID: n.ID, Level: n.Level, Code: n.Code, Title: n.Title,
		Departments: nonNil(n.Departments), Tags: nonNil(n.Tags), Description: n.Description,
		Indicators: []indicatorDoc{}, Children: []nodeDoc{},
	}
	for _, ind := range n.Indicators {
		d.Indicators = append(d.Indicators, toIndicatorDoc(ind))
	}
	if deep {
		for _, c := range n.Children {
			d.Children = append(d.Children, toNodeDoc(c, true))
		}
	}
	return d
}

func toIndicatorDoc(ind *shinchoku.Indicator) indicatorDoc {
	d := indicatorDoc{
		ID: ind.ID, Name: ind.Name, Unit: ind.Unit, Cumulative: ind.Cumulative,
		Direction: string(ind.Direction), YearBasis: string(ind.YearBasis), Baseline: toPointDoc(ind.Baseline), Target: toPointDoc(ind.Target),
		Actuals: []pointDoc{}, Note: ind.Note, Tags: nonNil(ind.Tags), Revisions: []revisionDoc{},
	}
	for _, a := range ind.Actuals {
		d.Actuals = append(d.Actuals, toPointDoc(a))
	}
	for _, r := range ind.Revisions {
		d.Revisions = append(d.Revisions, revisionDoc{Date: r.Date, Target: toPointDoc(r.Target), Note: r.Note})
	}
	return d
}

func toPointDoc(p shinchoku.Point) pointDoc {
	var d pointDoc
	if p.Year != 0 {
		y := p.Year
		d.Year = &y
	}
	if p.Value.Set {
		v := number(p.Value.Num)
		d.Value = &v
	}
	return d
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
