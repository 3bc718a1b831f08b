//go:build !windows

package ingest

// osReason says in Japanese why a file operation failed, for the reasons
// only this system gives, or "".
func osReason(error) string { return "" }
