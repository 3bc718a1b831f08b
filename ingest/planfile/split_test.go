package planfile

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku/seeds"
	"github.com/shinchoku/shinchoku/templates/corpus"
)

// sameAsWhole checks that Parse, which may read a file node by node, gives
// what reading it whole gives: the same plan, or the same findings at the
// same positions.
func sameAsWhole(t *testing.T, data []byte) {
	t.Helper()
	got, gotWarn, gotErr := Check("plan.yaml", data)
	want, wantWarn, wantErr := parseWhole("plan.yaml", data)
	if !reflect.DeepEqual(gotErr, wantErr) {
		t.Fatalf("Parse error:\n%v\nwhole:\n%v", gotErr, wantErr)
	}
	if !reflect.DeepEqual(gotWarn, wantWarn) {
		t.Fatalf("Parse warnings:\n%v\nwhole:\n%v", gotWarn, wantWarn)
	}
	if (got == nil) != (want == nil) {
		t.Fatalf("Parse plan %v, whole %v", got, want)
	}
	if got == nil {
		return
	}
	var a, b bytes.Buffer
	if err := WriteYAML(&a, got); err != nil {
		t.Fatal(err)
	}
	if err := WriteYAML(&b, want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("Parse and reading whole give different plans:\n%s\n%s", a.String(), b.String())
	}
}

func TestParseNodeByNode(t *testing.T) {
	var synthetic bytes.Buffer
	if err := WriteYAML(&synthetic, corpus.Plan(4, 8)); err != nil {
		t.Fatal(err)
	}
	inputs := map[string]struct {
		data  string
		items int // top-level nodes read one at a time; 0: read whole
	}{
		"test plan":            {validPlan, 1},
		"synthetic":            {synthetic.String(), 10},
		"comments and blanks":  {strings.Replace(validPlan, "nodes:\n", "nodes:   # 基本目標\n\n# 一つ目\n", 1), 1},
		"crlf":                 {strings.ReplaceAll(validPlan, "\n", "\r\n"), 1},
		"two nodes":            {validPlan + strings.ReplaceAll(validPlan[strings.Index(validPlan, "  - id: g1"):], "id: ", "id: x"), 2},
		"sequence at column 0": {strings.Replace(validPlan, "\n  ", "\n", -1), 1},
		"nodes not last":       {validPlan + "extra: 1\n", 0},
		"flow nodes":           {"format: 1\nid: x\ntitle: x\nperiod: {start: 2020, end: 2024}\nlevels: [a]\nnodes: [{id: a, level: a, code: \"1\", title: t}]\n", 0},
		"anchor across nodes":  {strings.Replace(validPlan, "title: 雇用を増やす", "title: &t 雇用を増やす", 1), 0},
		"syntax error in node": {strings.Replace(validPlan, "title: 雇用を増やす", "title: [雇用", 1), 1},
		"header error":         {strings.Replace(validPlan, "format: 1", "format: [1", 1), 1},
		"missing levels":       {strings.Replace(validPlan, "levels: [基本目標, 事業]\n", "", 1), 1},
		"not a mapping":        {"- a\n- b\nnodes:\n  - id: g1\n", 1},
		"line separator":       {strings.Replace(validPlan, "title: テスト市総合戦略", "title: \"テスト市\u2028総合戦略\"", 1), 0},
		"lone CR":              {strings.Replace(validPlan, "format: 1\n", "format: 1\r\r\n", 1), 0},
		"two documents":        {"format: 1\nid: x\ntitle: t\nperiod: {start: 2020, end: 2024}\nlevels: [a]\nnodes: [{id: f, level: a, code: \"1\", title: t}]\n---\n" + validPlan, 0},
		"tag directive":        {"%TAG !! tag:example.com,2000:\n---\n" + validPlan, 0},
		"blank line in a node": {strings.Replace(validPlan, "      一行目\n", "      一行目\n\n", 1), 1},
	}
	for _, name := range seeds.Names() {
		_, data, err := seeds.File(name)
		if err != nil {
			t.Fatal(err)
		}
		n := 4
		if name != "tomakomai" {
			n = 3
		}
		inputs["seed "+name] = struct {
			data  string
			items int
		}{string(data), n}
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			_, items, ok := splitNodes([]byte(in.data))
			if !ok {
				items = nil
			}
			if len(items) != in.items {
				t.Errorf("split into %d nodes, want %d", len(items), in.items)
			}
			sameAsWhole(t, []byte(in.data))
		})
	}
}
