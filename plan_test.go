package shinchoku

import "testing"

func testPlan() *Plan {
	return &Plan{
		ID: "t", Title: "テスト", Start: 2020, End: 2024, Levels: []string{"目標", "事業"},
		Nodes: []*Node{
			{ID: "g1", Level: "目標", Indicators: []*Indicator{{ID: "g1.k1", Name: "人口"}},
				Children: []*Node{
					{ID: "p1", Level: "事業", Departments: []string{"政策推進課"}, Indicators: []*Indicator{{ID: "p1.k1"}, {ID: "p1.k2"}}},
					{ID: "p2", Level: "事業", Departments: []string{"青少年課", "政策推進課"}},
				}},
			{ID: "g2", Level: "目標", Children: []*Node{
				{ID: "p3", Level: "事業", Departments: []string{"介護福祉課"}, Indicators: []*Indicator{{ID: "p3.k1"}}},
			}},
		},
	}
}

func TestPlanWalkAndLookups(t *testing.T) {
	p := testPlan()
	var order []string
	p.Walk(func(n *Node, anc []*Node) bool {
		path := ""
		for _, a := range anc {
			path += a.ID + "/"
		}
		order = append(order, path+n.ID)
		return true
	})
	want := []string{"g1", "g1/p1", "g1/p2", "g2", "g2/p3"}
	if len(order) != len(want) {
		t.Fatalf("walk = %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Errorf("walk[%d] = %s, want %s", i, order[i], want[i])
		}
	}
	if n := p.Node("p2"); n == nil || n.ID != "p2" {
		t.Errorf("Node(p2) = %v", n)
	}
	if n := p.Node("nope"); n != nil {
		t.Errorf("Node(nope) = %v, want nil", n)
	}
	deps := p.Departments()
	if len(deps) != 3 || deps[0] != "政策推進課" || deps[1] != "青少年課" || deps[2] != "介護福祉課" {
		t.Errorf("Departments = %v", deps)
	}
	inds := p.Indicators()
	if len(inds) != 4 || inds[1].ID != "p1.k1" || inds[1].Node.ID != "p1" || len(inds[1].Ancestors) != 1 {
		t.Errorf("Indicators = %+v", inds)
	}
}

func TestPlanHashChangesWithContent(t *testing.T) {
	a, b := testPlan(), testPlan()
	if a.Hash() != b.Hash() {
		t.Fatal("equal plans hash differently")
	}
	b.Nodes[0].Children[0].Indicators[0].Target = Point{Year: 2024, Value: Num(10)}
	if a.Hash() == b.Hash() {
		t.Fatal("changing a target did not change the hash")
	}
}
