package planfile

import (
	"bytes"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/seeds"
	"github.com/shinchoku/shinchoku/templates/corpus"
)

// TestWriteYAMLNodeByNode: writing node by node gives the bytes of
// encoding the whole document at once, and reads back to the same plan.
func TestWriteYAMLNodeByNode(t *testing.T) {
	valid, err := Parse("plan.yaml", []byte(validPlan))
	if err != nil {
		t.Fatal(err)
	}
	paragraphs := corpus.Plan(2, 4)
	paragraphs.Nodes[0].Children[0].Children[0].Description = "一段落目\n\n二段落目\n"
	paragraphs.Nodes[1].Description = "\n"
	plans := map[string]*shinchoku.Plan{
		"test plan":  valid,
		"paragraphs": paragraphs,
		"no nodes":   {ID: "empty", Title: "空", Start: 2020, End: 2024, Levels: []string{"目標"}},
		"synthetic":  corpus.Plan(5, 12),
	}
	for _, name := range seeds.Names() {
		file, data, err := seeds.File(name)
		if err != nil {
			t.Fatal(err)
		}
		if plans[name], err = Parse(file, data); err != nil {
			t.Fatal(err)
		}
	}
	for name, p := range plans {
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			if err := WriteYAML(&got, p); err != nil {
				t.Fatal(err)
			}
			want, err := encodeYAML(toDoc(p))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("node by node:\n%s\nwhole document:\n%s", got.String(), want)
			}
			if len(p.Nodes) == 0 {
				return
			}
			back, err := Parse("back.yaml", got.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			if err := WriteYAML(&again, back); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Bytes(), got.Bytes()) {
				t.Error("the written plan does not read back to the same plan")
			}
		})
	}
}
