package ingest

// SetRead makes rd's ReadFile read through read instead of Read, so that a
// test can make reading panic as a library could on a hostile file.
func SetRead(rd *Reader, read func(name string, data []byte) Result) { rd.read = read }
