package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"io"
	"regexp"
	"sort"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
)

// Write builds the consolidated workbook and writes it. excelize lists the
// image types of [Content_Types].xml in map order when a chart is added;
// they are sorted here so that the same progress always gives the same bytes.
func Write(w io.Writer, pr *shinchoku.Progress) error {
	f, err := Build(pr)
	if err != nil {
		return err
	}
	defer f.Close()
	// The fastest deflate: a prefecture-size workbook (100,000 KPI rows)
	// spent 1.5 s compressing at zip's default level.
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		if buf, ok := w.(*bytes.Buffer); ok {
			// Room for the whole package from the start: grown by
			// doubling, excelize's buffer for a prefecture-size workbook
			// (20 MB) took a tenth of the time, zeroing new memory.
			buf.Grow(1<<20 + 256*len(pr.Indicators))
		}
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, newFlateWriter)
		return zw
	})
	buf, err := f.WriteToBuffer()
	if err != nil {
		return &Error{Err: err} // in memory: never the disk's failure
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := canonical(bw, buf.Bytes()); err != nil {
		return err
	}
	return bw.Flush()
}

// flateWriters are reused across the parts of a package, as archive/zip
// does with its own compressor: each new one is about a megabyte.
var flateWriters sync.Pool

func newFlateWriter(out io.Writer) (io.WriteCloser, error) {
	if fw, ok := flateWriters.Get().(*flate.Writer); ok {
		fw.Reset(out)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(out, flate.BestSpeed)
	return pooledFlate{fw}, err
}

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flateWriters.Put(p.Writer)
	return err
}

var defaultType = regexp.MustCompile(`<Default Extension="[^"]*" ContentType="[^"]*"></Default>`)

// canonical rewrites an xlsx package with its parts in name order and the
// Default entries of its [Content_Types].xml sorted; every other part is
// copied as it is. It writes the package to w.
func canonical(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	// excelize writes worksheets in map order too: sort the parts by name,
	// with [Content_Types].xml first as Office writes it.
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if (a == "[Content_Types].xml") != (b == "[Content_Types].xml") {
			return a == "[Content_Types].xml"
		}
		return a < b
	})
	for _, f := range files {
		if f.Name != "[Content_Types].xml" {
			raw, err := f.OpenRaw()
			if err != nil {
				return err
			}
			hdr := f.FileHeader
			part, err := zw.CreateRaw(&hdr)
			if err != nil {
				return err
			}
			if _, err := io.Copy(part, raw); err != nil {
				return err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		xml, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		hdr := f.FileHeader
		hdr.CompressedSize64, hdr.UncompressedSize64, hdr.CRC32 = 0, 0, 0
		part, err := zw.CreateHeader(&hdr)
		if err != nil {
			return err
		}
		if _, err := part.Write(sortDefaults(xml)); err != nil {
			return err
		}
	}
	return zw.Close()
}

func sortDefaults(xml []byte) []byte {
	locs := defaultType.FindAllIndex(xml, -1)
	if len(locs) < 2 {
		return xml
	}
	// The Default entries stand together at the start of <Types>.
	start, end := locs[0][0], locs[len(locs)-1][1]
	var items []string
	for _, l := range locs {
		items = append(items, string(xml[l[0]:l[1]]))
	}
	sort.Strings(items)
	var b bytes.Buffer
	b.Write(xml[:start])
	for _, it := range items {
		b.WriteString(it)
	}
	b.Write(xml[end:])
	return b.Bytes()
}
