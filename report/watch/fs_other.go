//go:build !linux && !windows && !darwin

package watch

// networkFS cannot tell network folders on this system; --poll chooses
// polling.
func networkFS(string) string { return "" }
