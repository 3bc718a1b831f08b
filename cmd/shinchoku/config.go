package main

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/shinchoku/shinchoku/ingest/planfile"
)

// configKind is what a configuration key holds.
type configKind int

const (
	textKey    configKind = iota // any scalar, read as text
	countKey                     // a whole number ≥ 0
	numberKey                    // a finite number
	listKey                      // a list of texts (or one text)
	bandsKey                     // a list of {grade, min}
	sectionKey                   // a mapping of further keys
)

// configKeys are the keys a configuration file may hold; viper would take
// any other key, or a value of the wrong type, silently (workers: many is 0).
var configKeys = map[string]configKind{
	"plan": textKey, "period": textKey, "out": textKey, "inbox": textKey, "store": textKey,
	"workers": countKey, "office": textKey, "deadline": textKey, "contact": textKey, "password": textKey,
	"required": listKey, "cache_dir": textKey,
	"report": sectionKey, "report.title": textKey,
	"evaluation": sectionKey, "evaluation.method": textKey, "evaluation.maintain_tolerance": numberKey,
	"evaluation.bands": bandsKey,
	"watch":            sectionKey, "watch.results": textKey,
}

// checkConfig checks a configuration file's keys and the types of their
// values, and the environment variables that set typed keys. It returns
// every problem, each with its place (file:line:column, or the variable).
func checkConfig(file string, data []byte) []string {
	var probs []string
	if data != nil {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err == nil && len(doc.Content) > 0 {
			root := doc.Content[0]
			if root.Kind == yaml.MappingNode {
				probs = checkSection(file, "", root, probs)
			} else if !(root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
				probs = append(probs, fmt.Sprintf("%s:%d:%d: 設定ファイルは「キー: 値」の形で書いてください", file, root.Line, root.Column))
			}
		}
	}
	var env []string
	for key, kind := range configKeys {
		name := "SHINCHOKU_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
		val, ok := os.LookupEnv(name)
		if !ok || val == "" {
			continue
		}
		if msg := checkScalar(key, kind, val, "!!str"); msg != "" {
			env = append(env, "環境変数 "+name+": "+msg)
		}
	}
	slices.Sort(env)
	return append(probs, env...)
}

func checkSection(file, prefix string, m *yaml.Node, probs []string) []string {
	at := func(n *yaml.Node, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("%s:%d:%d: ", file, n.Line, n.Column)+fmt.Sprintf(format, args...))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := prefix + k.Value
		kind, ok := configKeys[key]
		if !ok {
			if near := nearestKey(prefix, k.Value); near != "" {
				at(k, "「%s」という設定はありません（%s のことですか）", key, near)
			} else {
				at(k, "「%s」という設定はありません（README の「設定」を参照）", key)
			}
			continue
		}
		if seen[key] {
			at(k, "%s が二度書かれています", key)
		}
		seen[key] = true
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // empty: as if not written
		}
		switch kind {
		case sectionKey:
			if v.Kind != yaml.MappingNode {
				at(v, "%s の下には「キー: 値」を字下げして書いてください", key)
				continue
			}
			probs = checkSection(file, key+".", v, probs)
		case listKey:
			if v.Kind == yaml.ScalarNode {
				continue
			}
			if v.Kind != yaml.SequenceNode {
				at(v, "%s は一覧（[a, b]）で書いてください", key)
				continue
			}
			for _, e := range v.Content {
				if e.Kind != yaml.ScalarNode {
					at(e, "%s の要素は文字で書いてください", key)
				}
			}
		case bandsKey:
			probs = checkBands(file, key, v, probs)
		default:
			if v.Kind != yaml.ScalarNode {
				at(v, "%s には値を一つ書いてください（一覧や「キー: 値」は使えません）", key)
				continue
			}
			if msg := checkScalar(key, kind, v.Value, v.Tag); msg != "" {
				at(v, "%s", msg)
			}
			if key == "office" && planfile.CheckDepartment(v.Value) != "" {
				// The office is a department: its template's file name
				// and page header carry its name.
				at(v, "office は %d文字までの、制御文字を含まない担当課名です: %q", planfile.MaxDepartment, v.Value)
			}
		}
	}
	return probs
}

// checkScalar checks one value of a key; tag is YAML's resolved type.
func checkScalar(key string, kind configKind, val, tag string) string {
	switch kind {
	case countKey:
		n, err := strconv.Atoi(strings.TrimSpace(val))
		if err != nil || n < 0 {
			return fmt.Sprintf("%s は 0 以上の整数です: 「%s」", key, val)
		}
	case numberKey:
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if tag == "!!float" && err != nil {
			f, err = yamlFloat(val)
		}
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Sprintf("%s は数です: 「%s」", key, val)
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
	at := func(n *yaml.Node, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("%s:%d:%d: ", file, n.Line, n.Column)+fmt.Sprintf(format, args...))
	}
	if v.Kind != yaml.SequenceNode {
		at(v, "%s は「- {grade: A, min: 100}」の一覧で書いてください", key)
		return probs
	}
	grades := map[string]int{}
	for _, b := range v.Content {
		if b.Kind != yaml.MappingNode {
			at(b, "%s の区分は {grade: A, min: 100} の形で書いてください", key)
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
				at(k, "%s の区分に「%s」という項目はありません（grade と min）", key, k.Value)
			}
		}
		switch {
		case grade == nil:
			at(b, "%s の区分に grade（評価の記号）がありません", key)
		case grade.Kind != yaml.ScalarNode || strings.TrimSpace(grade.Value) == "" || grade.Tag == "!!null":
			at(grade, "%s の grade が空です", key)
		case grades[grade.Value] > 0:
			at(grade, "%s の grade「%s」が二度あります（%d行目）", key, grade.Value, grades[grade.Value])
		default:
			grades[grade.Value] = grade.Line
		}
		switch {
		case min == nil:
			at(b, "%s の区分に min（達成率の下限、％）がありません", key)
		case min.Kind != yaml.ScalarNode:
			at(min, "%s の min は数です", key)
		default:
			if msg := checkScalar(key+" の min", numberKey, min.Value, min.Tag); msg != "" {
				at(min, "%s", msg)
			}
		}
	}
	return probs
}

// nearestKey suggests the known key closest to a misspelt one, if any is
// close (at most two edits).
func nearestKey(prefix, name string) string {
	best, bestD := "", 3
	for k := range configKeys {
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
