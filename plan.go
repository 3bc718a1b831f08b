package shinchoku

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"runtime"
	"sync"
)

// Plan is a strategy: a tree of nodes whose level names the plan declares
// (Tomakomai: 基本目標 / 施策の基本的方向 / 施策 / 事業; Hokkaido–Sapporo: テーマ / 取組).
type Plan struct {
	ID           string
	Title        string
	Organization string
	Start, End   int      // first and last fiscal year of the plan period
	Levels       []string // level names, top to bottom
	Nodes        []*Node  // top-level nodes
}

// Node is one element of the plan tree: a goal, direction, measure, project,
// theme or initiative, depending on its level.
type Node struct {
	ID          string // stable ID written in the plan file; workbooks match on it
	Level       string // level name, Plan.Levels[depth]
	Code        string // code as printed: "1", "1-1", "⑩", "Ⅱ"
	Title       string
	Departments []string // 担当課 or reporting bodies
	Tags        []string // 新規事業, ＫＰＩ変更, …
	Description string
	Indicators  []*Indicator
	Children    []*Node
}

// Walk calls fn for every node in document order, with the node's ancestors
// (outermost first). Walk stops early when fn returns false.
func (p *Plan) Walk(fn func(n *Node, ancestors []*Node) bool) {
	var walk func(nodes []*Node, anc []*Node) bool
	walk = func(nodes []*Node, anc []*Node) bool {
		for _, n := range nodes {
			if !fn(n, anc) {
				return false
			}
			if !walk(n.Children, append(anc[:len(anc):len(anc)], n)) {
				return false
			}
		}
		return true
	}
	walk(p.Nodes, nil)
}

// Node returns the node with the given ID, or nil.
func (p *Plan) Node(id string) *Node {
	var found *Node
	p.Walk(func(n *Node, _ []*Node) bool {
		if n.ID == id {
			found = n
		}
		return found == nil
	})
	return found
}

// Departments lists every department named in the plan, in order of first
// appearance, each once.
func (p *Plan) Departments() []string {
	var out []string
	seen := map[string]bool{}
	p.Walk(func(n *Node, _ []*Node) bool {
		for _, d := range n.Departments {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
		return true
	})
	return out
}

// IndicatorRef is an indicator with the node that carries it and that node's
// ancestors, which is how every table lists it.
type IndicatorRef struct {
	*Indicator
	Node      *Node
	Ancestors []*Node
}

// Indicators lists every indicator of the plan in document order.
func (p *Plan) Indicators() []IndicatorRef {
	var out []IndicatorRef
	p.Walk(func(n *Node, anc []*Node) bool {
		for _, ind := range n.Indicators {
			out = append(out, IndicatorRef{Indicator: ind, Node: n, Ancestors: anc})
		}
		return true
	})
	return out
}

// HasIndicators reports whether any node of the plan carries an indicator.
func (p *Plan) HasIndicators() bool {
	found := false
	p.Walk(func(n *Node, _ []*Node) bool {
		found = len(n.Indicators) > 0
		return !found
	})
	return found
}

// Hash is a content hash of the plan: templates record it, and a workbook
// made from another version of the plan is recognised by it.
//
// It is the SHA-256 of json.Marshal(p) (deterministic for structs and
// slices; Plan holds no maps). A prefecture's plan is some 30 MB of JSON, so
// the top-level nodes are marshalled side by side and hashed in order,
// between the plan's own fields and the closing brackets: the same bytes.
func (p *Plan) Hash() string {
	h := sha256.New()
	if len(p.Nodes) == 0 {
		h.Write(marshal(p))
		return hex.EncodeToString(h.Sum(nil))
	}
	head := *p
	head.Nodes = []*Node{}
	b := marshal(&head)
	const tail = "]}" // Nodes is the last field: …,"Nodes":[]}
	h.Write(b[:len(b)-len(tail)])
	parts := make([][]byte, len(p.Nodes))
	var wg sync.WaitGroup
	limit := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, n := range p.Nodes {
		wg.Add(1)
		limit <- struct{}{}
		go func() {
			defer wg.Done()
			parts[i] = marshal(n)
			<-limit
		}()
	}
	wg.Wait()
	for i, part := range parts {
		if i > 0 {
			h.Write([]byte{','})
		}
		h.Write(part)
	}
	h.Write([]byte(tail))
	return hex.EncodeToString(h.Sum(nil))
}

func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		// Only unsupported values (NaN, Inf) fail, and a loaded plan has none.
		panic("shinchoku: plan hash: " + err.Error())
	}
	return b
}
