package shinchoku

import "testing"

func TestFindingPlace(t *testing.T) {
	for _, tc := range []struct {
		f           Finding
		place, text string
	}{
		{Finding{File: "a.xlsx", Sheet: "入力", Cell: "H7", Message: "m"}, "入力!H7", "a.xlsx [入力!H7]: m"},
		{Finding{File: "a.xlsx", Sheet: "入力", Message: "m"}, "入力", "a.xlsx [入力]: m"},
		{Finding{File: "a.xlsx", Message: "m", Severity: SeverityWarning}, "", "a.xlsx: 警告: m"},
		{Finding{File: "plan.yaml", Line: 3, Col: 5, Message: "m"}, "", "plan.yaml:3:5: m"},
	} {
		if got := tc.f.Place(); got != tc.place {
			t.Errorf("Place() = %q, want %q", got, tc.place)
		}
		if got := tc.f.String(); got != tc.text {
			t.Errorf("String() = %q, want %q", got, tc.text)
		}
	}
}
