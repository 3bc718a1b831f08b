package fonts

import (
	"encoding/binary"
	"errors"
	"sync"
)

// Covers reports whether every embedded font has a glyph for r: whether a
// text containing it can be printed in any part of a report. It reads the
// fonts' own character maps, so the check that ingest makes on what
// departments type and what the PDF can draw are one rule. Control
// characters are never covered, whatever a font maps them to.
func Covers(r rune) bool {
	if r < 0x20 || (r >= 0x7F && r < 0xA0) || r < 0 || r > 0x10FFFF {
		return false
	}
	cov := coverage()
	return cov[r>>6]&(1<<(r&63)) != 0
}

// coverage is the set of characters all three fonts map to a glyph, one bit
// per code point (136 KB), built on first use.
var coverage = sync.OnceValue(func() []uint64 {
	var all []uint64
	for _, data := range [][]byte{MinchoRegular, GothicRegular, GothicBold} {
		set := make([]uint64, (0x10FFFF+1)/64)
		if err := mapped(data, func(r rune) {
			if r >= 0 && r <= 0x10FFFF {
				set[r>>6] |= 1 << (r & 63)
			}
		}); err != nil {
			panic("fonts: embedded font unreadable: " + err.Error()) // a broken build, not input
		}
		if all == nil {
			all = set
			continue
		}
		for i := range all {
			all[i] &= set[i]
		}
	}
	return all
})

var errFont = errors.New("no usable cmap")

// mapped calls fn for every character a TrueType font's Unicode character
// map (format 12, else format 4) maps to a glyph other than .notdef.
func mapped(data []byte, fn func(rune)) error {
	u16 := func(o int) int {
		if o < 0 || o+2 > len(data) {
			return 0
		}
		return int(binary.BigEndian.Uint16(data[o:]))
	}
	u32 := func(o int) int {
		if o < 0 || o+4 > len(data) {
			return 0
		}
		return int(binary.BigEndian.Uint32(data[o:]))
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if string(data[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return errFont
	}
	fmt4, fmt12 := -1, -1
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, encoding, off := u16(rec), u16(rec+2), cmap+u32(rec+4)
		switch {
		case platform == 3 && encoding == 10 && u16(off) == 12:
			fmt12 = off
		case platform == 3 && encoding == 1 && u16(off) == 4:
			fmt4 = off
		}
	}
	switch {
	case fmt12 >= 0:
		for i, n := 0, u32(fmt12+12); i < n; i++ {
			g := fmt12 + 16 + 12*i
			start, end, gid := u32(g), u32(g+4), u32(g+8)
			for c := start; c <= end; c++ {
				if gid+c-start != 0 {
					fn(rune(c))
				}
			}
		}
	case fmt4 >= 0:
		segs := u16(fmt4+6) / 2
		ends, starts := fmt4+14, fmt4+16+2*segs
		deltas, offsets := starts+2*segs, starts+4*segs
		for s := 0; s < segs; s++ {
			start, end := u16(starts+2*s), u16(ends+2*s)
			delta, ro := u16(deltas+2*s), u16(offsets+2*s)
			for c := start; c <= end && c != 0xFFFF; c++ {
				gid := 0
				if ro == 0 {
					gid = (c + delta) & 0xFFFF
				} else if g := u16(offsets + 2*s + ro + 2*(c-start)); g != 0 {
					gid = (g + delta) & 0xFFFF
				}
				if gid != 0 {
					fn(rune(c))
				}
			}
		}
	default:
		return errFont
	}
	return nil
}
