//go:build !unix

package terminal

// peakMemory is not measured here (Stages then leaves it out).
func peakMemory() int64 { return 0 }
