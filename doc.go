// Package shinchoku holds the domain of a progress-management batch for a
// Japanese local government's comprehensive strategy (総合戦略): the plan tree,
// its indicators (数値目標 and ＫＰＩ), reporting periods and 和暦, grades and
// findings. It does no I/O; reading and writing files lives in the ingest,
// templates and report packages.
package shinchoku
