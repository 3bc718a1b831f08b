// Package form writes the workbooks the policy office sends to
// departments each month: one per department, holding exactly its own
// projects, pre-filled with everything already known, with only the cells a
// department should type in unlocked. The layout comes from templates/sheet,
// which ingest reads with.
package form
