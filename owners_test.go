package shinchoku

import (
	"reflect"
	"testing"
)

func TestOwnersAndReporters(t *testing.T) {
	p1 := &Node{ID: "p1", Departments: []string{"A課"}, Indicators: []*Indicator{{ID: "k"}}}
	p2 := &Node{ID: "p2", Departments: []string{"B課", "A課"}} // shared, words only
	p3 := &Node{ID: "p3"}                                    // inherits its measure's department
	m1 := &Node{ID: "m1", Children: []*Node{p1, p2}}
	m2 := &Node{ID: "m2", Departments: []string{"C課"}, Children: []*Node{p3}}
	g := &Node{ID: "g", Indicators: []*Indicator{{ID: "g.k"}}, Children: []*Node{m1, m2}}
	p := &Plan{Nodes: []*Node{g}}
	for _, tc := range []struct {
		n    *Node
		anc  []*Node
		want []string
	}{
		{g, nil, []string{"政策推進課"}}, // goal-level 数値目標: the policy office
		{p1, []*Node{g, m1}, []string{"A課"}},
		{p2, []*Node{g, m1}, []string{"B課", "A課"}}, // the lead department first
		{p3, []*Node{g, m2}, []string{"C課"}},
	} {
		if got := Owners(tc.n, tc.anc, "政策推進課"); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Owners(%s) = %v, want %v", tc.n.ID, got, tc.want)
		}
	}
	if m1.Reported() || !g.Reported() || !p2.Reported() {
		t.Error("Reported: a node with indicators or without children is reported, a bare measure is not")
	}
	if got := p.Reporters("政策推進課"); !reflect.DeepEqual(got, []string{"政策推進課", "A課", "B課", "C課"}) {
		t.Errorf("Reporters = %v", got)
	}
}
