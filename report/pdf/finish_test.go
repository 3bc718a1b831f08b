package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"

	"github.com/signintech/gopdf"

	"github.com/shinchoku/shinchoku/fonts"
)

// TestFinishPage checks the patch in the local gopdf copy: a page finished
// early (its content stream made and its drawing commands dropped), even
// one drawn on again afterwards, writes the same bytes as a page left open
// until Write. The page writer, on the finisher goroutine, looks the
// characters up in the font's map while the drawing of later pages adds to
// it: the map's lock makes that safe, which go test -race checks, with
// kerning on and off.
func TestFinishPage(t *testing.T) {
	for _, kerning := range []bool{false, true} {
		for _, level := range []int{zlib.BestSpeed, zlib.NoCompression} {
			for _, tc := range []struct {
				name  string
				steps func(gp *gopdf.GoPdf, finish func())
			}{
				{"finished pages", func(gp *gopdf.GoPdf, finish func()) {
					for p := range 3 {
						gp.AddPage()
						draw(t, gp, 100, "令和6年度 進捗状況 -"+string(rune('1'+p))+"-")
						finish()
					}
				}},
				{"drawn on after finishing", func(gp *gopdf.GoPdf, finish func()) {
					gp.AddPage()
					draw(t, gp, 100, "目次")
					finish()
					gp.AddPage()
					draw(t, gp, 100, "総括")
					finish()
					if err := gp.SetPage(1); err != nil {
						t.Fatal(err)
					}
					draw(t, gp, 200, "基本目標１ ………… 3")
				}},
			} {
				render := func(finishing bool) []byte {
					gp := &gopdf.GoPdf{}
					gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
					gp.SetCompressLevel(level)
					if err := gp.AddTTFFontDataWithOption("m", fonts.MinchoRegular, gopdf.TtfOption{UseKerning: kerning}); err != nil {
						t.Fatal(err)
					}
					if err := gp.SetFont("m", "", 10); err != nil {
						t.Fatal(err)
					}
					tc.steps(gp, func() {
						if finishing {
							if err := gp.FinishPage(); err != nil {
								t.Fatal(err)
							}
						}
					})
					var buf bytes.Buffer
					if err := gp.Write(&buf); err != nil {
						t.Fatal(err)
					}
					return buf.Bytes()
				}
				if a, b := render(true), render(false); !bytes.Equal(a, b) {
					t.Errorf("kerning %v, level %d, %s: finishing pages changed the file (%d bytes, %d without)", kerning, level, tc.name, len(a), len(b))
				}
			}
		}
	}
}

func draw(t *testing.T, gp *gopdf.GoPdf, y float64, s string) {
	t.Helper()
	gp.SetXY(50, y)
	if err := gp.Cell(nil, s); err != nil {
		t.Fatal(err)
	}
}

// TestPlaceholderGlyphs: a placeholder filled in later is drawn with the
// glyphs of its new text.
func TestPlaceholderGlyphs(t *testing.T) {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := gp.AddTTFFontData("m", fonts.MinchoRegular); err != nil {
		t.Fatal(err)
	}
	if err := gp.SetFont("m", "", 10); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	gp.SetXY(50, 50)
	if err := gp.PlaceHolderText("total", 40); err != nil {
		t.Fatal(err)
	}
	if err := gp.FillInPlaceHoldText("total", "全12頁", gopdf.Left); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		t.Fatal(err)
	}
	ctx, err := api.ReadAndValidate(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdfcpu.ExtractPageContent(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	content, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`\[<([0-9A-F]{4}){4}>\] TJ`).Match(content) {
		t.Errorf("the filled-in placeholder is not drawn with its four glyphs:\n%s", content)
	}
}
