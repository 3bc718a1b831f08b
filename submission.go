package shinchoku

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
