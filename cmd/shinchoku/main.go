// Command shinchoku turns a city's comprehensive strategy (総合戦略) and the
// workbooks its departments fill in into the policy office's consolidated
// record and the council's progress report.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(exitCode(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
}
