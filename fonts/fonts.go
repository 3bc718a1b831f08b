// Package fonts embeds the typefaces shinchoku draws with: BIZ UDGothic
// (regular and bold) and BIZ UDMincho, both under the SIL Open Font License
// 1.1 (see OFL.txt). Outputs never depend on fonts installed on the machine.
package fonts

import _ "embed"

// GothicRegular is BIZ UDGothic Regular (headings, tables).
//
//go:embed BIZUDGothic-Regular.ttf
var GothicRegular []byte

// GothicBold is BIZ UDGothic Bold.
//
//go:embed BIZUDGothic-Bold.ttf
var GothicBold []byte

// MinchoRegular is BIZ UDMincho Regular (body text).
//
//go:embed BIZUDMincho-Regular.ttf
var MinchoRegular []byte
