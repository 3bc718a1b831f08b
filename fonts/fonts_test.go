package fonts

import "testing"

func TestFontsAreTrueType(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"GothicRegular", GothicRegular},
		{"GothicBold", GothicBold},
		{"MinchoRegular", MinchoRegular},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A TrueType file starts with the sfnt version 0x00010000.
			if len(tc.data) < 4 || string(tc.data[:4]) != "\x00\x01\x00\x00" {
				t.Fatalf("%s is not a TrueType font (%d bytes)", tc.name, len(tc.data))
			}
		})
	}
}
