package shinchoku

import (
	"encoding/json"
	"testing"
)

// TestStateJSON: a state is written to JSON as its code, wherever it sits
// (a field, a map value), and read back; an unknown code is refused rather
// than read as a state no output knows.
func TestStateJSON(t *testing.T) {
	for _, s := range States {
		data, err := json.Marshal(struct {
			State State            `json:"state"`
			Map   map[string]State `json:"map"`
		}{s, map[string]State{"x": s}})
		if err != nil {
			t.Fatal(err)
		}
		want := `{"state":"` + string(s) + `","map":{"x":"` + string(s) + `"}}`
		if string(data) != want {
			t.Errorf("%s: %s, want %s", s.Label(), data, want)
		}
		var back State
		if err := json.Unmarshal([]byte(`"`+string(s)+`"`), &back); err != nil || back != s {
			t.Errorf("%s read back as %q (%v)", s, back, err)
		}
	}
	for _, bad := range []string{`"受理"`, `""`, `"Accepted"`} {
		var s State
		if err := json.Unmarshal([]byte(bad), &s); err == nil {
			t.Errorf("%s read as %q, want an error", bad, s)
		}
	}
	if _, err := json.Marshal(State("受理")); err == nil {
		t.Error("a Japanese label was written as a state")
	}
}

func TestStateLabels(t *testing.T) {
	want := map[State]string{StateAccepted: "受理", StateReturned: "差し戻し", StateSuperseded: "置き換え済み", StateNotSubmitted: "未提出"}
	for _, s := range States {
		if s.Label() != want[s] {
			t.Errorf("%s: %s, want %s", s, s.Label(), want[s])
		}
	}
}
