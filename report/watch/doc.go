// Package watch answers submissions as they arrive in the shared inbox
// folder, during the submission week, before the monthly batch decides.
//
// Each workbook that has finished arriving is checked with the same reader
// as the batch; the department gets a 差し戻し workbook or a receipt (受付票)
// in the results folder, and a status page (提出状況.html and .json) lists
// every department. Submitted files are only ever read.
package watch
