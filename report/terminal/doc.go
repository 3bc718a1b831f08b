// Package terminal is what shinchoku's commands print: the run's and the
// status command's tables, validate's findings (as a table for people, or
// as JSON or CSV for programs), the templates made, the demo's story, the
// stage timings and the progress bar.
//
// Everything meant for a person's screen is escaped here (Escape): cell
// text, file and department names come from submissions, and a workbook
// must not be able to act on the office's terminal. Machine formats are
// written unchanged. The command line only chooses which of these to call;
// the month, the reader and the writers know nothing of terminals.
package terminal
