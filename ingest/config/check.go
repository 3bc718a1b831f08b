package config

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/shinchoku/shinchoku/ingest/planfile"
)

// kind is what a configuration key holds.
type kind int

const (
	textKey    kind = iota // any scalar, read as text
	countKey               // a whole number ≥ 0
	numberKey              // a finite number
	listKey                // a list of texts (or one text)
	bandsKey               // a list of {grade, min}
	sectionKey             // a mapping of further keys
)

// keys are the keys a configuration file may hold; viper would take any
// other key, or a value of the wrong type, silently (workers: many is 0).
var keys = map[string]kind{
	"plan": textKey, "period": textKey, "out": textKey, "inbox": textKey, "store": textKey,
	"workers": countKey, "office": textKey, "deadline": textKey, "contact": textKey, "password": textKey,
	"required": listKey, "cache_dir": textKey,
	"report": sectionKey, "report.title": textKey,
	"evaluation": sectionKey, "evaluation.method": textKey, "evaluation.maintain_tolerance": numberKey,
	"evaluation.bands": bandsKey,
	"watch":            sectionKey, "watch.results": textKey,
}

// envName is the environment variable that sets a key.
func envName(key string) string {
	return "SHINCHOKU_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// check checks a configuration file's keys and the types of their values,
// and the environment variables that set typed keys. It returns every
// problem, each with its place (file:line:column, or the variable). data
// is nil when there is no file.
func check(file string, data []byte) []string {
	var probs []string
	if data != nil {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			probs = append(probs, syntaxProblem(file, err))
		} else if len(doc.Content) > 0 {
			root := doc.Content[0]
			if root.Kind == yaml.MappingNode {
				probs = checkSection(file, "", root, probs)
			} else if !(root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
				probs = append(probs, place(file, root)+msg("config.not_mapping"))
			}
		}
	}
	var env []string
	for key, kind := range keys {
		name := envName(key)
		val, ok := os.LookupEnv(name)
		if !ok || val == "" {
			continue
		}
		if m := checkScalar(key, kind, val, "!!str"); m != "" {
			env = append(env, msgf("config.env", name, m))
		}
	}
	slices.Sort(env)
	return append(probs, env...)
}

// place is where a node is, as a message prefix (file:line:column: ).
func place(file string, n *yaml.Node) string {
	return fmt.Sprintf("%s:%d:%d: ", file, n.Line, n.Column)
}

func checkSection(file, prefix string, m *yaml.Node, probs []string) []string {
	at := func(n *yaml.Node, code string, args ...any) {
		probs = append(probs, place(file, n)+msgf(code, args...))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := prefix + k.Value
		kind, ok := keys[key]
		if !ok {
			if near := nearestKey(prefix, k.Value); near != "" {
				at(k, "key.unknown_near", key, near)
			} else {
				at(k, "key.unknown", key)
			}
			continue
		}
		if seen[key] {
			at(k, "key.twice", key)
		}
		seen[key] = true
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // empty: as if not written
		}
		switch kind {
		case sectionKey:
			if v.Kind != yaml.MappingNode {
				at(v, "key.not_section", key)
				continue
			}
			probs = checkSection(file, key+".", v, probs)
		case listKey:
			if v.Kind == yaml.ScalarNode {
				continue
			}
			if v.Kind != yaml.SequenceNode {
				at(v, "key.not_list", key)
				continue
			}
			for _, e := range v.Content {
				if e.Kind != yaml.ScalarNode {
					at(e, "key.list_not_text", key)
				}
			}
		case bandsKey:
			probs = checkBands(file, key, v, probs)
		default:
			if v.Kind != yaml.ScalarNode {
				at(v, "key.not_scalar", key)
				continue
			}
			if m := checkScalar(key, kind, v.Value, v.Tag); m != "" {
				probs = append(probs, place(file, v)+m)
			}
		}
	}
	return probs
}

// checkScalar checks one value of a key, from the file or the
// environment; tag is YAML's resolved type.
func checkScalar(key string, kind kind, val, tag string) string {
	if key == "office" && planfile.CheckDepartment(val) != "" {
		// The office is a department: its template's file name and page
		// header carry its name.
		return msgf("key.office", planfile.MaxDepartment, val)
	}
	switch kind {
	case countKey:
		n, err := strconv.Atoi(strings.TrimSpace(val))
		if err != nil || n < 0 {
			return msgf("value.count", key, val)
		}
	case numberKey:
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if tag == "!!float" && err != nil {
			f, err = yamlFloat(val)
		}
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return msgf("value.number", key, val)
		}
	}
	return ""
}

// yamlFloat reads YAML's own spellings of floats (.nan, .inf, 1e3).
func yamlFloat(s string) (float64, error) {
	var f float64
	err := yaml.Unmarshal([]byte(s), &f)
	return f, err
}

func checkBands(file, key string, v *yaml.Node, probs []string) []string {
	at := func(n *yaml.Node, code string, args ...any) {
		probs = append(probs, place(file, n)+msgf(code, args...))
	}
	if v.Kind != yaml.SequenceNode {
		at(v, "bands.not_list", key)
		return probs
	}
	grades := map[string]int{}
	for _, b := range v.Content {
		if b.Kind != yaml.MappingNode {
			at(b, "bands.not_mapping", key)
			continue
		}
		var grade, min *yaml.Node
		for i := 0; i+1 < len(b.Content); i += 2 {
			k, val := b.Content[i], b.Content[i+1]
			switch k.Value {
			case "grade":
				grade = val
			case "min":
				min = val
			default:
				at(k, "bands.unknown", key, k.Value)
			}
		}
		switch {
		case grade == nil:
			at(b, "bands.no_grade", key)
		case grade.Kind != yaml.ScalarNode || strings.TrimSpace(grade.Value) == "" || grade.Tag == "!!null":
			at(grade, "bands.empty_grade", key)
		case grades[grade.Value] > 0:
			at(grade, "bands.grade_twice", key, grade.Value, grades[grade.Value])
		default:
			grades[grade.Value] = grade.Line
		}
		switch {
		case min == nil:
			at(b, "bands.no_min", key)
		case min.Kind != yaml.ScalarNode:
			at(min, "bands.min_not_number", key)
		default:
			if m := checkScalar(msgf("bands.min", key), numberKey, min.Value, min.Tag); m != "" {
				probs = append(probs, place(file, min)+m)
			}
		}
	}
	return probs
}

// nearestKey suggests the known key closest to a misspelt one, if any is
// close (at most two edits).
func nearestKey(prefix, name string) string {
	best, bestD := "", 3
	for k := range keys {
		if !strings.HasPrefix(k, prefix) || strings.Contains(k[len(prefix):], ".") {
			continue
		}
		if d := editDistance(name, k[len(prefix):]); d < bestD || d == bestD && k < best {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// yamlLine finds the line in a YAML syntax error ("yaml: line 2: found a
// tab character …"), whose own words are English.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// syntaxProblem says where a configuration file is not YAML, in Japanese.
func syntaxProblem(file string, err error) string {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		return msgf("config.syntax_line", file, m[1])
	}
	return msgf("config.syntax", file)
}
