package shinchoku

import "testing"

// TestStateCounts: every department is counted once, under its state, and
// a state nobody is in counts 0.
func TestStateCounts(t *testing.T) {
	tests := []struct {
		name  string
		depts []State
		want  map[State]int
	}{
		{"no departments", nil, map[State]int{}},
		{"nothing submitted", []State{StateNotSubmitted, StateNotSubmitted}, map[State]int{StateNotSubmitted: 2}},
		{"all three", []State{StateAccepted, StateReturned, StateNotSubmitted, StateAccepted},
			map[State]int{StateAccepted: 2, StateReturned: 1, StateNotSubmitted: 1}},
		{"all accepted", []State{StateAccepted, StateAccepted, StateAccepted}, map[State]int{StateAccepted: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Progress{}
			for i, s := range tt.depts {
				p.Departments = append(p.Departments, DepartmentStatus{Department: string(rune('a' + i)), State: s})
			}
			got := p.StateCounts()
			for _, s := range States {
				if got[s] != tt.want[s] {
					t.Errorf("%s: %d, want %d", s, got[s], tt.want[s])
				}
			}
			if len(got) > len(States) {
				t.Errorf("%d states counted, there are %d", len(got), len(States))
			}
		})
	}
}
