package main

import (
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/shinchoku/shinchoku/ingest"
)

// profiles writes pprof profiles of one command, for the README's
// performance section: where the time (--cpuprofile) and the memory
// (--memprofile: pprof's allocs profile, which holds every allocation of
// the command, -sample_index=alloc_space, and the heap still live at its
// end, -sample_index=inuse_space) go.
type profiles struct {
	cpu, mem string
	cpuFile  *os.File
}

func (p *profiles) start() error {
	if p.cpu == "" {
		return nil
	}
	f, err := os.Create(p.cpu)
	if err != nil {
		return ingest.Failf(err, msgProfileOpen, p.cpu)
	}
	p.cpuFile = f
	return pprof.StartCPUProfile(f)
}

func (p *profiles) stop() error {
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		if err := p.cpuFile.Close(); err != nil {
			return ingest.Failf(err, msgProfileWrite, p.cpu)
		}
		p.cpuFile = nil
	}
	if p.mem == "" {
		return nil
	}
	f, err := os.Create(p.mem)
	if err != nil {
		return ingest.Failf(err, msgProfileOpen, p.mem)
	}
	defer f.Close()
	runtime.GC()
	return pprof.Lookup("allocs").WriteTo(f, 0)
}
