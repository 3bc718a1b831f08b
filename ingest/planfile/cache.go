package planfile

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"

	"github.com/shinchoku/shinchoku"
)

// Cache keeps the plans that parsed without findings, so that a large plan
// file is parsed once rather than at every command: a prefecture-size plan
// (100,000 indicators, 37 MB of YAML) takes about 4 s and 500 MB to parse
// and 0.3 s to read back from the cache. A plan file changes once or twice
// a year; the batch, validation and templates run every month.
//
// There is one entry per plan file (by its absolute path), holding the
// SHA-256 of the file's bytes and of the program that parsed it: an edited
// file or a new version of shinchoku parses again. Entries can be deleted at
// any time; one that cannot be read or written is simply not used.
type Cache struct {
	Dir     string // where the entries are kept; "" turns the cache off
	Program string // identifies the parser, e.g. the SHA-256 of the executable
}

// cacheMagic starts every entry; the key follows it.
const cacheMagic = "shinchoku plan cache 2\n"

// Parse is Parse with the cache: the cached plan when the file and the
// program are the ones that made the entry, else a fresh parse that is then
// cached.
func (c Cache) Parse(name string, data []byte) (*shinchoku.Plan, error) {
	p, _, err := c.Check(name, data)
	return p, err
}

// Check is Check with the cache: the entry keeps the plan's warnings too.
func (c Cache) Check(name string, data []byte) (*shinchoku.Plan, shinchoku.Findings, error) {
	if c.Dir == "" {
		return Check(name, data)
	}
	// The key hashes the whole plan file: made while the entry is decoded.
	keys := make(chan []byte, 1)
	go func() { keys <- c.key(data) }()
	var key []byte
	wait := func() []byte {
		if key == nil {
			key = <-keys
		}
		return key
	}
	entry := c.entry(name)
	if p, warnings := readEntry(entry, wait); p != nil {
		return p, warnings, nil
	}
	p, warnings, err := Check(name, data)
	if err != nil {
		return nil, nil, err
	}
	writeEntry(c.Dir, entry, wait(), p, warnings)
	return p, warnings, nil
}

func (c Cache) key(data []byte) []byte {
	h := sha256.New()
	io.WriteString(h, c.Program+"\n")
	h.Write(data)
	return []byte(hex.EncodeToString(h.Sum(nil)) + "\n")
}

func (c Cache) entry(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		abs = name
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(c.Dir, hex.EncodeToString(sum[:16])+".gob")
}

// readEntry returns the cached plan, or nil when the entry is missing, was
// made for other bytes or another program, or cannot be decoded. key is
// asked for after decoding, so that it can be computed meanwhile.
func readEntry(path string, key func() []byte) (*shinchoku.Plan, shinchoku.Findings) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	head := make([]byte, len(cacheMagic)+sha256.Size*2+1) // the key is hex and a newline
	if _, err := io.ReadFull(r, head); err != nil || !bytes.HasPrefix(head, []byte(cacheMagic)) {
		return nil, nil
	}
	var p shinchoku.Plan
	var warnings shinchoku.Findings
	dec := gob.NewDecoder(r)
	if err := dec.Decode(&p); err != nil || !bytes.Equal(head[len(cacheMagic):], key()) {
		return nil, nil
	}
	if err := dec.Decode(&warnings); err != nil {
		return nil, nil
	}
	return &p, warnings
}

// writeEntry stores a plan through a temporary file; a failure leaves the
// cache without the entry and is not an error of the command.
func writeEntry(dir, path string, key []byte, p *shinchoku.Plan, warnings shinchoku.Findings) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".plan-*.tmp")
	if err != nil {
		return
	}
	w := bufio.NewWriterSize(tmp, 1<<16)
	w.WriteString(cacheMagic)
	w.Write(key)
	enc := gob.NewEncoder(w)
	err = enc.Encode(p)
	if err == nil {
		err = enc.Encode(warnings)
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}
