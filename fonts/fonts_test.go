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

// TestCovers: what the three fonts print, from their own character maps.
func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'a', true}, {'あ', true}, {'漢', true}, {'①', true}, {'✓', true}, {'△', true}, {'髙', true}, {'\u3000', true},
		{'\t', false}, {'\r', false}, {0x1B, false}, {0x7F, false}, {0x85, false},
		{0x200B, false}, {0xFEFF, false}, {0x2028, false}, {0x20BB7, false}, {0x1F600, false},
		{'✔', false}, {'➀', false}, {'한', false}, {0xE0100, false}, {-1, false}, {0x110000, false},
	} {
		if got := Covers(tc.r); got != tc.want {
			t.Errorf("Covers(%U) = %v, want %v", tc.r, got, tc.want)
		}
	}
}
