// Package pdf writes the council's progress report (進捗状況報告書) in the
// layout of the city's own documents: A4 portrait, BIZ UD明朝 body and BIZ
// UDゴシック headings (embedded, subset), a cover, contents and bookmarks, an
// overview of grades, then per goal its numeric targets and per project its
// KPI table and narrative; page numbers "-N-" centred at the foot.
package pdf

import (
	"bufio"
	"compress/zlib"
	"fmt"
	"io"

	"github.com/signintech/gopdf"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/fonts"
	"github.com/shinchoku/shinchoku/report/internal/content"
)

// Options are what the report says about itself.
type Options struct {
	Title string // default: <plan title> 進捗状況報告書

	trace func(page int, x, y float64, s string) // tests: every text drawn, in order
}

// FileName is the report's file name for a period.
func FileName(p shinchoku.Period) string { return "進捗状況報告書_" + p.String() + ".pdf" }

// Page geometry in points (A4 portrait).
const (
	pageW, pageH = 595.28, 841.89
	marginX      = 51.0
	marginTop    = 62.0
	marginBottom = 62.0
	contentW     = pageW - 2*marginX
	bodySize     = 9.5
	lineGap      = 1.55 // line height as a multiple of the font size
)

// Font families.
const (
	mincho = "mincho"
	gothic = "gothic"
	bold   = "gothic-bold"
)

// heading is a bookmark and contents entry.
type heading struct {
	level   int
	title   string
	page    int
	y       float64
	outline *gopdf.OutlineObj
}

type doc struct {
	tocPages int    // contents pages after the cover
	header   []cell // the header row of the table being drawn, repeated on a new page
	page     int    // the page being drawn on, 1-based
	widths   map[fontSize]*advanceTable
	// advances is widths[advanceKey], the current font's
	advances   *advanceTable
	advanceKey fontSize
	wrapped    map[wrapKey][]string
	trace      func(page int, x, y float64, s string) // tests: every text drawn
	kpis       *content.KPITables
	// hasIndicators: a narrative-only plan prints each initiative's description
	hasIndicators bool
	gp            *gopdf.GoPdf
	pr            *shinchoku.Progress
	title         string
	y             float64
	font          string
	size          float64
	missing       []rune
	err           error
	headings      []heading
}

// Write renders the report of a period's progress in one pass: the contents
// pages are reserved first (their number depends only on the plan) and
// filled in at the end, when every heading's page is known.
func Write(w io.Writer, pr *shinchoku.Progress, opts Options) error {
	d, err := render(pr, opts, opts.trace)
	if err != nil {
		if d != nil {
			d.gp.AwaitFinishes()
		}
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := d.gp.Write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

func render(pr *shinchoku.Progress, opts Options, trace func(int, float64, float64, string)) (*doc, error) {
	d := &doc{gp: &gopdf.GoPdf{}, pr: pr, title: content.Title(pr, opts.Title), kpis: content.NewKPITables(pr),
		widths: map[fontSize]*advanceTable{}, wrapped: map[wrapKey][]string{}, trace: trace}
	d.hasIndicators = content.HasIndicators(pr)
	d.gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}, Unit: gopdf.UnitPT})
	// Fastest deflate: most of the size is the embedded font subsets anyway.
	d.gp.SetCompressLevel(zlib.BestSpeed)
	d.gp.SetInfo(gopdf.PdfInfo{
		Title: d.title, Author: pr.Plan.Organization, Subject: content.Subject(pr),
		Creator: "shinchoku", Producer: "shinchoku", CreationDate: pr.Period.End(),
	})
	onMissing := gopdf.TtfOption{OnGlyphNotFound: func(r rune) { d.missing = append(d.missing, r) }}
	for _, f := range []struct {
		name string
		data []byte
	}{{mincho, fonts.MinchoRegular}, {gothic, fonts.GothicRegular}, {bold, fonts.GothicBold}} {
		if err := d.gp.AddTTFFontDataWithOption(f.name, f.data, onMissing); err != nil {
			return nil, fmt.Errorf("font %s: %w", f.name, err)
		}
	}
	d.cover()
	d.reserveContents()
	d.summary()
	for _, n := range pr.Plan.Nodes {
		d.goal(n)
	}
	d.contents()
	d.linkOutlines()
	return d, d.err
}

func (d *doc) fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}
