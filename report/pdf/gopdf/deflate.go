package gopdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"sync"
)

// shinchoku patch: a zlib writer holds about 650 KB of state that NewWriter
// zeroes; v0.33.0 made one per page. Writers are reused per level instead.
var deflaters sync.Map // level → *sync.Pool of *zlib.Writer

// deflate compresses data with zlib at level.
func deflate(data []byte, level int) ([]byte, error) {
	p, _ := deflaters.LoadOrStore(level, &sync.Pool{})
	pool := p.(*sync.Pool)
	var out bytes.Buffer
	out.Grow(len(data)/3 + 64)
	zw, _ := pool.Get().(*zlib.Writer)
	if zw == nil {
		var err error
		if zw, err = zlib.NewWriterLevel(&out, level); err != nil {
			return nil, err
		}
	} else {
		zw.Reset(&out)
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	pool.Put(zw)
	// A copy of the exact size: the document keeps every page's stream.
	return bytes.Clone(out.Bytes()), nil
}

// inflateTo appends a stream rendered before to buf, inflating it if flate.
func inflateTo(buf *bytes.Buffer, stream []byte, flate bool) error {
	if !flate {
		buf.Write(stream)
		return nil
	}
	r, err := zlib.NewReader(bytes.NewReader(stream))
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = io.Copy(buf, r)
	return err
}
