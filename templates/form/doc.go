// Package form writes the workbooks the policy office sends to
// departments each month: one per department, holding exactly its own
// projects, pre-filled with everything already known, with only the cells a
// department should type in unlocked. It also writes the 差し戻し workbooks
// (Return, in returns.go): a copy of a submission with each problem cell
// highlighted and commented and a first sheet listing the findings, which the
// department fixes and sends again. The layout comes from templates/sheet,
// which ingest reads with.
package form
