// Command shinchoku turns a city's comprehensive strategy (総合戦略) and the
// workbooks its departments fill in into the policy office's consolidated
// record and the council's progress report.
package main

import (
	"context"
	"os"
	"runtime/debug"
)

// memoryLimit is the heap size at which the garbage collector starts to work
// harder, so that a prefecture-size run stays within 1 GB on an office PC.
// It is soft: a run that needs more still gets it. GOMEMLIMIT overrides it.
const memoryLimit = 800 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(exitCode(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
}
