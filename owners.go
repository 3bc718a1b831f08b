package shinchoku

// Owners are the departments that report on a node: its own, else the
// nearest ancestor's, else the policy office (the goals' 数値目標). When two
// departments report one indicator, the first one listed (the lead
// department) is used first.
func Owners(n *Node, ancestors []*Node, office string) []string {
	if len(n.Departments) > 0 {
		return n.Departments
	}
	for i := len(ancestors) - 1; i >= 0; i-- {
		if len(ancestors[i].Departments) > 0 {
			return ancestors[i].Departments
		}
	}
	return []string{office}
}

// Reported says whether departments report on a node: it has indicators,
// or it is a leaf (a project or initiative reported in words only).
func (n *Node) Reported() bool {
	return len(n.Indicators) > 0 || len(n.Children) == 0
}

// Reporters lists every department that reports on the plan, each once, in
// plan order: the owners of every reported node. Each of them gets a
// template and is expected to submit every period.
func (p *Plan) Reporters(office string) []string {
	var out []string
	seen := map[string]bool{}
	p.Walk(func(n *Node, anc []*Node) bool {
		if !n.Reported() {
			return true
		}
		for _, d := range Owners(n, anc, office) {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
		return true
	})
	return out
}
