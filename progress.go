package shinchoku

import "slices"

// DepartmentStatus is where a department's report for the period stands.
type DepartmentStatus struct {
	Department string
	State      State // StateAccepted, StateReturned or StateNotSubmitted
	File       string
	Errors     int
	Warnings   int
	Replaced   []string // files of the period a newer one of the department replaced (置き換え済み), oldest first
}

// IndicatorProgress is an indicator's reported actual and its evaluation.
type IndicatorProgress struct {
	IndicatorRef
	Entry      IndicatorEntry // the entry used; empty when nobody reported
	Department string         // who reported it
	Submitted  bool
	Eval       Evaluation
}

// NodeNarrative is one department's narrative of a node.
type NodeNarrative struct {
	Department string
	NodeEntry
}

// PeriodValue is an accepted actual of one period.
type PeriodValue struct {
	Period Period
	Value  Value
}

// Progress is the evaluated state of a plan for one period: what the batch
// produces and what every output (consolidated workbook, PDF report, run
// summary) shows.
type Progress struct {
	Plan        *Plan
	Period      Period
	Rules       Rules
	Indicators  []IndicatorProgress        // in plan order
	Narratives  map[string][]NodeNarrative // by node ID, in department order of the node
	Departments []DepartmentStatus         // in plan order
	Findings    Findings
	History     map[string][]PeriodValue // accepted actuals by indicator ID
}

// StateCounts is how many departments' reports stand in each state
// (Departments), the 提出状況 totals every output gives; a state no
// department is in counts 0.
func (p *Progress) StateCounts() map[State]int {
	counts := make(map[State]int, len(States))
	for _, d := range p.Departments {
		counts[d.State]++
	}
	return counts
}

// NewProgress evaluates the accepted submissions of a period. departments
// are where every department's report stands (Progress.Departments): an
// indicator nobody reported says 差し戻し with the department whose workbook
// was returned, else 未提出. When two departments report one indicator
// (Owners), the first one's value is used (the lead department, listed
// first in the plan), else the next one's.
func NewProgress(p *Plan, period Period, rules Rules, accepted []*Submission, departments []DepartmentStatus, office string) *Progress {
	byDept := map[string]*entries{}
	for _, s := range accepted {
		byDept[s.Department] = index(s)
	}
	returned := map[string]bool{}
	for _, d := range departments {
		if d.State == StateReturned {
			returned[d.Department] = true
		}
	}
	count := 0
	p.Walk(func(n *Node, _ []*Node) bool {
		count += len(n.Indicators)
		return true
	})
	pr := &Progress{Plan: p, Period: period, Rules: rules, Narratives: map[string][]NodeNarrative{},
		Indicators: make([]IndicatorProgress, 0, count), Departments: departments}
	p.Walk(func(n *Node, anc []*Node) bool {
		depts := Owners(n, anc, office)
		for _, d := range depts {
			if s := byDept[d]; s != nil {
				for _, e := range s.nodes[n.ID] {
					pr.Narratives[n.ID] = append(pr.Narratives[n.ID], NodeNarrative{Department: d, NodeEntry: e})
				}
			}
		}
		// The node's indicators share one copy of the ancestors.
		anc = slices.Clip(slices.Clone(anc))
		for _, ind := range n.Indicators {
			ip := IndicatorProgress{IndicatorRef: IndicatorRef{Indicator: ind, Node: n, Ancestors: anc}}
			for _, d := range depts {
				s := byDept[d]
				if s == nil {
					continue
				}
				for _, e := range s.indicators[ind.ID] {
					if !ip.Submitted || (!ip.Entry.Actual.Set && e.Actual.Set) {
						ip.Entry, ip.Department, ip.Submitted = e, d, true
					}
				}
			}
			rep := Report{Actual: ip.Entry.Actual, Status: ip.Entry.Status, PublishDate: ip.Entry.PublishDate}
			if !ip.Submitted {
				rep.Missing = missing(depts, returned)
			}
			ip.Eval = rules.Evaluate(ind, p.Start, period, rep)
			pr.Indicators = append(pr.Indicators, ip)
		}
		return true
	})
	return pr
}

// missing is why an indicator of these departments has no report: the
// returned workbooks, else 未提出.
func missing(depts []string, returned map[string]bool) string {
	var ret []string
	for _, d := range depts {
		if returned[d] {
			ret = append(ret, d)
		}
	}
	if len(ret) > 0 {
		return Returned(ret...)
	}
	return ReasonNotSubmitted
}

// entries are a submission's entries by indicator and node ID, in the
// submission's order.
type entries struct {
	indicators map[string][]IndicatorEntry
	nodes      map[string][]NodeEntry
}

func index(s *Submission) *entries {
	ix := &entries{indicators: make(map[string][]IndicatorEntry, len(s.Indicators)), nodes: make(map[string][]NodeEntry, len(s.Nodes))}
	for _, e := range s.Indicators {
		ix.indicators[e.IndicatorID] = append(ix.indicators[e.IndicatorID], e)
	}
	for _, e := range s.Nodes {
		ix.nodes[e.NodeID] = append(ix.nodes[e.NodeID], e)
	}
	return ix
}

// GradeCounts counts grades per top-level node (goal) and overall; the key
// "" holds the overall counts.
func (pr *Progress) GradeCounts() map[string]map[Grade]int {
	out := map[string]map[Grade]int{"": {}}
	for _, ip := range pr.Indicators {
		goal := ip.Node.ID
		if len(ip.Ancestors) > 0 {
			goal = ip.Ancestors[0].ID
		}
		if out[goal] == nil {
			out[goal] = map[Grade]int{}
		}
		out[goal][ip.Eval.Grade]++
		out[""][ip.Eval.Grade]++
	}
	return out
}

// Grades lists the grades the rules give, best first (Reached, the bands,
// Worse), then GradeNone.
func (r Rules) Grades() []Grade {
	var out []Grade
	add := func(g Grade) {
		if g != "" && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	add(r.Reached)
	for _, b := range r.Bands {
		add(b.Grade)
	}
	add(r.Worse)
	return append(out, GradeNone)
}
