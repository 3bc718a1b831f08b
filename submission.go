package shinchoku

import (
	"fmt"
	"slices"
)

// Status says how final a reported actual is. Actuals are often known only
// months after the year ends, so 調査中 is a normal state, not an error.
type Status string

// The statuses a department can report.
const (
	StatusFinal       Status = "確定"
	StatusPreliminary Status = "速報値"
	StatusPending     Status = "調査中" // not known yet; a publication time is required
)

// Statuses lists the valid statuses in the order forms offer them.
var Statuses = []Status{StatusFinal, StatusPreliminary, StatusPending}

// Outlooks are the values of 今後の方向性, in the order forms offer them.
var Outlooks = []string{"拡充", "継続", "改善", "縮小", "廃止", "完了"}

// SelfEvaluations are the values of a department's 自己評価.
var SelfEvaluations = []string{"A", "B", "C", "D"}

// IndicatorEntry is what a department reports for one indicator.
type IndicatorEntry struct {
	IndicatorID string
	Actual      Value
	Status      Status
	PublishDate string // 公表予定時期, when Status is 調査中
	Remarks     string // 備考
}

// NodeEntry is a department's narrative for one project (or initiative).
type NodeEntry struct {
	NodeID         string
	Progress       string // 取組状況・成果
	Analysis       string // 要因分析・課題
	Outlook        string // 今後の方向性
	SelfEvaluation string // 自己評価
}

// State is where a submitted file, or a department's report for a period,
// stands. The value is a stable English code (the record and the JSON
// outputs keep it); Label is the Japanese word people read.
type State string

// The states. A file is accepted, returned or superseded; a department's
// report for a period is accepted, returned or not submitted.
const (
	StateAccepted     State = "accepted"      // used: read, no errors, nothing newer
	StateReturned     State = "returned"      // has errors; goes back to the department (差し戻し)
	StateSuperseded   State = "superseded"    // a newer submission of the department and period replaces it
	StateNotSubmitted State = "not_submitted" // the department sent nothing for the period
)

// States lists the states in the order outputs count them.
var States = []State{StateAccepted, StateReturned, StateSuperseded, StateNotSubmitted}

// MarshalText gives the code: every JSON output (summary.json, 提出状況.json,
// validate --format json) and the record write a state the same way, and
// put the Japanese word beside it where people read it (state_label).
func (s State) MarshalText() ([]byte, error) {
	if !slices.Contains(States, s) {
		return nil, fmt.Errorf("unknown submission state %q", string(s))
	}
	return []byte(s), nil
}

// UnmarshalText reads a code that MarshalText wrote; anything else is an
// error, so that a state read back is always one of States.
func (s *State) UnmarshalText(text []byte) error {
	st := State(text)
	if !slices.Contains(States, st) {
		return fmt.Errorf("unknown submission state %q", string(text))
	}
	*s = st
	return nil
}

// Label is the state in Japanese.
func (s State) Label() string {
	switch s {
	case StateAccepted:
		return "受理"
	case StateReturned:
		return "差し戻し"
	case StateSuperseded:
		return "置き換え済み"
	case StateNotSubmitted:
		return "未提出"
	}
	return string(s)
}

// Submission is one department's report for one period, as read from its
// workbook.
type Submission struct {
	PlanID     string
	PlanHash   string
	Period     Period
	Department string
	Indicators []IndicatorEntry
	Nodes      []NodeEntry
}

// RecordedActual is the last accepted actual of an indicator and the period
// it was reported for.
type RecordedActual struct {
	Value  Value
	Period Period
}
