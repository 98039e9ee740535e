package migrate

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// IsTerminal reports whether f, a reader or a writer, is a terminal (a
// character device): where a progress bar can be redrawn in place, or
// where nothing comes unless someone types.
func IsTerminal(f any) bool {
	file, ok := f.(*os.File)
	if !ok {
		return false
	}
	info, err := file.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progress shows how far a run is: a bar redrawn in place on a terminal,
// a plain line now and then elsewhere.
type progress struct {
	w       io.Writer
	bar     bool
	every   time.Duration
	start   time.Time
	found   atomic.Int64
	done    atomic.Int64
	walked  atomic.Bool  // the walk is over: found is the total
	guess   atomic.Int64 // the pages estimatePages counted, when counted
	guessed atomic.Bool
	stop    chan struct{}
	wg      sync.WaitGroup
}

// startProgress starts showing progress on w; nil w shows nothing.
func startProgress(w io.Writer, bar bool, every time.Duration) *progress {
	p := &progress{w: w, bar: bar, every: every, start: time.Now(), stop: make(chan struct{})}
	if w == nil {
		return p
	}
	if p.every <= 0 {
		p.every = 5 * time.Second
		if bar {
			p.every = 200 * time.Millisecond
		}
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(p.every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.show()
			case <-p.stop:
				if p.bar {
					p.show()
					fmt.Fprintln(p.w)
				}
				return
			}
		}
	}()
	return p
}

// finish stops showing progress.
func (p *progress) finish() {
	close(p.stop)
	p.wg.Wait()
}

// rate is the pages done a second so far.
func (p *progress) rate() float64 {
	s := time.Since(p.start).Seconds()
	if s <= 0 {
		return 0
	}
	return float64(p.done.Load()) / s
}

func (p *progress) show() {
	done, found := p.done.Load(), p.found.Load()
	total := fmt.Sprint(found)
	switch {
	case p.walked.Load():
	case p.guessed.Load():
		found = max(found, p.guess.Load())
		total = fmt.Sprintf("~%d", found)
	default:
		total += "+"
	}
	if !p.bar {
		fmt.Fprintf(p.w, "migrate: %d/%s pages, %.1f pages/s\n", done, total, p.rate())
		return
	}
	const width = 30
	filled := 0
	if found > 0 {
		filled = int(min(done, found) * width / found)
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%s pages %.1f/s ", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total, p.rate())
}
