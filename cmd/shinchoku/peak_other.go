//go:build !unix

package main

// peakMemory is not measured here (--timings then leaves it out).
func peakMemory() int64 { return 0 }
