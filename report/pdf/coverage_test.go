package pdf

import (
	"testing"

	"github.com/signintech/gopdf"

	"github.com/shinchoku/shinchoku/fonts"
)

// TestCoverageIsWhatPDFDraws: every character fonts.Covers accepts (the rule
// ingest applies to what departments type) is one the report draws with a
// glyph in each of its fonts, and the characters it refuses include those
// the report cannot draw. One rule: the fonts' own character maps.
func TestCoverageIsWhatPDFDraws(t *testing.T) {
	var missing []rune
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}, Unit: gopdf.UnitPT})
	opt := gopdf.TtfOption{OnGlyphNotFound: func(r rune) { missing = append(missing, r) }}
	families := []struct {
		name string
		data []byte
	}{{mincho, fonts.MinchoRegular}, {gothic, fonts.GothicRegular}, {bold, fonts.GothicBold}}
	for _, f := range families {
		if err := gp.AddTTFFontDataWithOption(f.name, f.data, opt); err != nil {
			t.Fatal(err)
		}
	}
	covered := 0
	for _, f := range families {
		if err := gp.SetFont(f.name, "", 10); err != nil {
			t.Fatal(err)
		}
		for r := rune(0); r <= 0x10FFFF; r++ {
			if !fonts.Covers(r) {
				continue
			}
			covered++
			missing = missing[:0]
			if _, err := gp.MeasureTextWidth(string(r)); err != nil {
				t.Fatalf("%s %U: %v", f.name, r, err)
			}
			if len(missing) > 0 {
				t.Errorf("%s: fonts.Covers(%U) but the PDF has no glyph for it", f.name, r)
			}
		}
	}
	if covered < 3*7000 {
		t.Errorf("only %d characters covered in three fonts: the character map was not read", covered)
	}
	for _, r := range []rune{'\t', '\r', 0x1B, 0x200B, 0xFEFF, 0x2028, 0x20BB7, 0x1F600, '✔', '➀', '한', 0xE0100} {
		if fonts.Covers(r) {
			t.Errorf("fonts.Covers(%U) = true; the report fonts show nothing for it", r)
		}
	}
}
