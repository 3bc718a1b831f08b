package shinchoku

import "testing"

// TestClassifyUnit pins what each unit is for every check that asks: a share
// (％, 割) with its whole, a level (no line from zero), and whether a value
// may be negative. ポイント is a level that may be negative but not a share.
func TestClassifyUnit(t *testing.T) {
	for _, tc := range []struct {
		unit  string
		share bool
		whole float64
		level bool
		sign  bool
	}{
		{"％", true, 100, true, false},
		{"%", true, 100, true, false},
		{" ％ ", true, 100, true, false},
		{"割", true, 10, true, false},
		{"ポイント", false, 0, true, true},
		{"pt", false, 0, true, true},
		{"倍", false, 0, true, false},
		{"点", false, 0, true, false},
		{"", false, 0, true, false},
		{"人", false, 0, false, false},
		{"件", false, 0, false, false},
		{"人泊", false, 0, false, false},
		{"千ｔ", false, 0, false, false},
		{"千円", false, 0, false, true},
		{"億円", false, 0, false, true},
	} {
		c := ClassifyUnit(tc.unit)
		if c.Share() != tc.share || c.Whole != tc.whole || c.Level != tc.level || c.Signed != tc.sign {
			t.Errorf("ClassifyUnit(%q) = %+v (share %v), want share %v whole %v level %v signed %v",
				tc.unit, c, c.Share(), tc.share, tc.whole, tc.level, tc.sign)
		}
	}
}

// TestCountableFollowsUnit: the evaluation's "is this a level" is the unit's
// class, or a level word in the name where the unit says nothing.
func TestCountableFollowsUnit(t *testing.T) {
	for _, tc := range []struct {
		ind  Indicator
		want bool
	}{
		{Indicator{Name: "参加者数", Unit: "人"}, true},
		{Indicator{Name: "受診", Unit: "％"}, false},
		{Indicator{Name: "実施", Unit: "割"}, false},
		{Indicator{Name: "満足度の上昇", Unit: "ポイント"}, false},
		{Indicator{Name: "合計特殊出生率", Unit: ""}, false},
		{Indicator{Name: "就職率", Unit: "人"}, false},
		{Indicator{Name: "受診", Unit: "％", Cumulative: true}, true},
	} {
		if got := tc.ind.Countable(); got != tc.want {
			t.Errorf("%s (%s): Countable = %v, want %v", tc.ind.Name, tc.ind.Unit, got, tc.want)
		}
	}
}
