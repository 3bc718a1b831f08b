// Package seeds embeds the plans shinchoku ships with, so that a new user
// sees the whole job with no set-up: Tomakomai City's second comprehensive
// strategy (FY2020–2024, revised FY2022) and the Hokkaido–Sapporo joint
// population programme (2025–2029).
package seeds

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed *.yaml
var files embed.FS

// Default is the plan used when none is configured.
const Default = "tomakomai"

// Names lists the embedded plans, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	return out
}

// File returns the plan file of an embedded plan and its file name.
func File(name string) (string, []byte, error) {
	file := name + ".yaml"
	data, err := files.ReadFile(file)
	if err != nil {
		return "", nil, fmt.Errorf("no embedded plan %q", name)
	}
	return file, data, nil
}
