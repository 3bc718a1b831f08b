//go:build unix

package terminal

import (
	"runtime"
	"syscall"
)

// peakMemory is the process's peak resident memory in bytes, or 0 when it
// is not known.
func peakMemory() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) // bytes on macOS
	}
	return int64(ru.Maxrss) * 1024 // kilobytes on Linux and the BSDs
}
