package planfile

import (
	"bytes"
	"testing"

	"github.com/shinchoku/shinchoku/templates/corpus"
)

// scalePlanYAML is the plan file of a synthetic plan of 100 departments ×
// 100 indicators (10 departments with -short).
func scalePlanYAML(b *testing.B) []byte {
	depts := 100
	if testing.Short() {
		depts = 10
	}
	var buf bytes.Buffer
	if err := WriteYAML(&buf, corpus.Plan(depts, 100)); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkParse parses the plan file of 10,000 indicators.
func BenchmarkParse(b *testing.B) {
	data := scalePlanYAML(b)
	for b.Loop() {
		if _, err := Parse("plan.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(data)))
}

// BenchmarkCacheParse reads the same plan back from the cache.
func BenchmarkCacheParse(b *testing.B) {
	data := scalePlanYAML(b)
	c := Cache{Dir: b.TempDir(), Program: "bench"}
	if _, err := c.Parse("plan.yaml", data); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := c.Parse("plan.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(data)))
}

// BenchmarkWriteYAML writes the plan file of 10,000 indicators.
func BenchmarkWriteYAML(b *testing.B) {
	depts := 100
	if testing.Short() {
		depts = 10
	}
	p := corpus.Plan(depts, 100)
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteYAML(&buf, p); err != nil {
			b.Fatal(err)
		}
	}
}
