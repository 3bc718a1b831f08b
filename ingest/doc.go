// Package ingest reads what comes into shinchoku from outside: the workbooks
// departments send back. It never changes an input file; every problem is a
// finding with the file, sheet and cell it is in, and all of them are
// collected, never just the first.
package ingest
