package shinchoku_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/seeds"
	"github.com/shinchoku/shinchoku/templates/corpus"
)

// TestPlanHashIsOfItsJSON: Hash marshals the top-level nodes side by side,
// and must still be the SHA-256 of json.Marshal(plan), the hash that
// templates already handed out carry.
func TestPlanHashIsOfItsJSON(t *testing.T) {
	plans := map[string]*shinchoku.Plan{
		"no nodes":  {ID: "empty", Title: "空の計画", Levels: []string{"目標"}},
		"one node":  {ID: "one", Levels: []string{"目標"}, Nodes: []*shinchoku.Node{{ID: "g1", Level: "目標", Title: "<雇用> & 定住"}}},
		"synthetic": corpus.Plan(7, 10),
	}
	for _, name := range seeds.Names() {
		file, data, err := seeds.File(name)
		if err != nil {
			t.Fatal(err)
		}
		if plans[name], err = planfile.Parse(file, data); err != nil {
			t.Fatal(err)
		}
	}
	for name, p := range plans {
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if got, want := p.Hash(), hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s: Hash() = %s, want %s", name, got, want)
		}
	}
}
