package migrate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/replykit/replykit/reply"
)

// keysPerEntry is how many of the walk's remembered keys (about 40 bytes
// each in memory) are held for each report entry Options.MemEntries
// allows: 16,384 for a run's default, about 0.7 MB an index.
const keysPerEntry = 4

// DefaultMaxBytes is the largest page read when Options.MaxBytes is zero.
const DefaultMaxBytes = 16 << 20

// PageSource is what the engine knows of a page besides its bytes.
type PageSource struct {
	Rel         string           // the page's name within its input; its extension says HTML or text
	URL         string           // the page's address, when known (a capture's target URI)
	ContentType string           // the Content-Type it was served with, when known (a capture's HTTP header)
	Provenance  reply.Provenance // where it came from: path, SHA-256, capture
}

// Converter reads one page into a reply. src says what is known of the
// page: its name within its input, its address and Content-Type when an
// archive gave them, and its provenance (path as the report shows it,
// SHA-256 of data, capture), which the engine sets on the reply it
// returns. data is the page's bytes, which are valid only during the
// call: a worker reads its next page into the same buffer, so a Converter
// that keeps them, or a reply that shares their memory, must copy them.
// An error wrapping ErrNoNotice marks a page that holds no notice, which
// is not a failure. It is called from several goroutines.
type Converter func(src PageSource, data []byte) (*reply.Reply, error)

// Renderer writes a reply as an HTML page. It is called from several
// goroutines.
type Renderer func(w io.Writer, r *reply.Reply) error

// Options set up a run.
type Options struct {
	// OutDir is the output directory; it is created if missing.
	OutDir string
	// Workers is how many pages are converted at once; zero or less means
	// runtime.NumCPU().
	Workers int
	// Force converts every page again, even when the run before made its
	// outputs from the same bytes.
	Force bool
	// NoSync leaves out the fsync of each output before it is renamed into
	// place: faster, and still safe against an interrupted run, but a
	// power cut may then leave empty outputs.
	NoSync bool
	// Convert reads a page into a reply. Required.
	Convert Converter
	// Render writes a reply as HTML. Nil writes only the JSON.
	Render Renderer
	// Classify names the kind of a conversion error for the report; nil,
	// or an empty name, gives KindConvert.
	Classify func(error) string
	// MaxBytes is the largest page read; zero means DefaultMaxBytes.
	MaxBytes int64
	// MaxInflateRatio is how many times its size on disk an archive may
	// inflate to (never less than MaxBytes); zero means
	// DefaultMaxInflateRatio. An archive past it is read no further and
	// reported as failed.
	MaxInflateRatio int64
	// MaxInflateBytes is the most bytes an archive may inflate to; zero
	// means DefaultMaxInflateBytes.
	MaxInflateBytes int64
	// FollowLinks follows symbolic links that lead out of an input;
	// without it such a link is not read but listed as ignored
	// (IgnoredOutside). Each directory is walked once whatever links
	// lead to it.
	FollowLinks bool
	// FS is where outputs are written; nil means OS.
	FS FS
	// ReadFile reads a page on disk; nil reads it as ReadRegular does:
	// opened without blocking, refused unless a regular file (a FIFO
	// swapped in after the walk fails as KindNotRegular), and refused
	// over MaxBytes after reading at most one byte more.
	ReadFile func(name string) ([]byte, error)
	// Progress is where progress is shown; nil shows none.
	Progress io.Writer
	// Bar draws a bar redrawn in place (for a terminal) instead of lines.
	Bar bool
	// ProgressEvery is how often progress is shown; zero means every 200 ms
	// for a bar and every 5 s for lines.
	ProgressEvery time.Duration
	// OnPage, when set, is called after each page with the count done.
	OnPage func(done int)
	// MemEntries is how many report entries (pages, and ignored files
	// or records, each) the run holds in memory; past it, they wait in
	// sorted runs in temporary files in OutDir until the report is
	// written, so that the heap stays flat however many pages there
	// are. Of the smaller entries the walk remembers (the captures of a
	// web archive, for its revisits), it holds four times as many.
	// Zero means DefaultMemEntries.
	MemEntries int
	// TempDir is where those files are made; "" means OutDir. (FS is
	// not used for them: they are the run's own, read back and removed
	// before it ends.)
	TempDir string
	// Shard, when set, makes the run one shard of a run split over
	// several machines or processes that write into one OutDir (see
	// Shard): it converts only its own pages, writes its report as
	// ShardReportName, never report.json, and calls no Finish; Merge
	// joins the shards' reports once all are done. Shards run side by
	// side, but not beside a whole run or a merge, nor a second run of
	// the same shard.
	Shard Shard
	// Finish, when set, is called with the report once it is written,
	// unless the run was interrupted or is a shard, while the output directory is still
	// the run's alone: what it writes there (the command's collection) no
	// other run can disturb. Its error is the run's.
	Finish func(rep *Report) error
	// Source, when set, is given each page's bytes as read — from a
	// file, an archive entry or an embedded input — with its output name
	// and its name within its input, before it is converted or skipped
	// as up to date: a hook for keeping the sources (the command's bag),
	// since the engine keeps no page after its outputs are written. data
	// is valid only during the call. It is called from several
	// goroutines; its error fails the page (KindWrite).
	Source func(out, rel string, data []byte) error
}

// Run migrates the pages of the inputs and writes the report. One page's
// failure is in the report and never stops the run. Run returns an error
// only when the run could not be done or finished: no output directory,
// a report that could not be written, or ctx cancelled (the report of the
// pages done is still written, marked interrupted).
func Run(ctx context.Context, inputs []Input, opts Options) (*Report, error) {
	if opts.Convert == nil {
		return nil, errors.New("migrate: no Convert function")
	}
	if opts.OutDir == "" {
		return nil, errors.New("migrate: no output directory")
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.FS == nil {
		opts.FS = OS{}
	}
	if opts.MemEntries <= 0 {
		opts.MemEntries = DefaultMemEntries
	}
	if err := opts.Shard.check(); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	sharded := opts.Shard.On()
	reportDir := opts.OutDir
	if sharded {
		reportDir = filepath.Join(opts.OutDir, ShardDir)
	}
	if err := opts.FS.MkdirAll(reportDir, 0o777); err != nil {
		return nil, fmt.Errorf("migrate: output directory: %w", err)
	}
	lock, err := lockRun(opts.OutDir, opts.Shard)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	defer lock.release()
	// A shard leaves the temporary files alone: its siblings' are in use.
	if !sharded {
		if err := removeStaleTemps(opts.OutDir); err != nil {
			return nil, fmt.Errorf("migrate: clearing old temporary files: %w", err)
		}
	}
	outInfo, _ := os.Stat(opts.OutDir)
	scratch := scratchDir(&opts)
	var prev *sources
	if !opts.Force {
		prev = readSources(filepath.Join(opts.OutDir, ReportName), scratch, keysPerEntry*opts.MemEntries)
		defer prev.close()
	}

	names, err := newNamePlan(scratch, keysPerEntry*opts.MemEntries)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	defer names.close()

	start := time.Now()
	prog := startProgress(opts.Progress, opts.Bar, opts.ProgressEvery)
	pages := make(chan page, 2*opts.Workers)
	results := make(chan Entry, 2*opts.Workers)

	// A bar needs a total before the walk is over: count the pages
	// roughly beside it, and stop counting when the run ends.
	estCtx, stopEstimate := context.WithCancel(ctx)
	estimated := make(chan struct{})
	go func() {
		defer close(estimated)
		if opts.Progress == nil || !opts.Bar {
			return
		}
		if n, ok := estimatePages(estCtx, inputs); ok {
			if c := int64(opts.Shard.Count); c > 1 {
				n = (n + c - 1 - int64(opts.Shard.Index)) / c // this shard's part
			}
			prog.guess.Store(n)
			prog.guessed.Store(true)
		}
	}()
	defer func() {
		stopEstimate()
		<-estimated
	}()
	// The walk alone writes these, and is over before the results are.
	inputTotals := make([]InputTotals, len(inputs))
	ignored := newSorter(scratch, opts.MemEntries, compareIgnored)
	defer ignored.close()
	var ignoredTotals Totals
	var ignoredErr error
	cur := 0
	w := &walker{ctx: ctx, opts: &opts, out: pages, names: names, outDir: outInfo, scratch: scratch,
		found: func() {
			prog.found.Add(1)
			inputTotals[cur].Pages++
		},
		ignored: func(ig Ignored) {
			if ignoredErr == nil {
				ignoredErr = ignored.add(ig)
			}
			ignoredTotals.addIgnored(ig)
			inputTotals[cur].Ignored++
		}}
	go func() {
		defer close(pages)
		for i, in := range inputs {
			if ctx.Err() != nil {
				break
			}
			cur = i
			inputTotals[i].Path, inputTotals[i].RawPath = in.Path, RawPath(in.Path)
			w.walk([]Input{in})
		}
		if w.warcIndex != nil {
			// Their files are removed: nothing of them is read after
			// the walk.
			_ = w.warcIndex.Close()
			w.payloads.close()
		}
		prog.walked.Store(true)
	}()

	var wg sync.WaitGroup
	dirs := &dirCache{made: map[string]bool{}}
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var bufs buffers
			for p := range pages {
				if ctx.Err() != nil {
					continue // drain the queue; pages not begun stay undone
				}
				results <- process(p, &opts, prev, dirs, &bufs)
				bufs.trim()
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	rep := &Report{Format: ReportFormat, Notes: lock.notes, Workers: opts.Workers}
	entries := newSorter(scratch, opts.MemEntries, compareEntries)
	defer entries.close()
	var entriesErr error
	for e := range results {
		if entriesErr == nil {
			entriesErr = entries.add(e)
		}
		rep.Totals.add(e)
		n := prog.done.Add(1)
		if opts.OnPage != nil {
			opts.OnPage(int(n))
		}
	}
	prog.finish()
	// The walk and the workers are done: what they remembered goes, so
	// that the scratch files are not kept through the report and Finish.
	names.close()
	prev.close()
	rep.Inputs = inputTotals
	rep.Totals.Ignored, rep.Totals.IgnoredBy = ignoredTotals.Ignored, ignoredTotals.IgnoredBy
	rep.Interrupted = ctx.Err() != nil
	rep.Elapsed = time.Since(start)
	name := filepath.Join(opts.OutDir, ReportName)
	if sharded {
		rep.Shard = &ShardInfo{Shard: opts.Shard, Walked: w.walked}
		name = filepath.Join(opts.OutDir, ShardReportName(opts.Shard))
	}

	err = errors.Join(entriesErr, ignoredErr)
	if err == nil {
		err = writeReport(opts.FS, name, rep, entries.each, ignored.each, opts.NoSync)
	}
	if err != nil {
		return rep, fmt.Errorf("migrate: %w: %w", ErrReport, err)
	}
	rep.Written, rep.streamed = name, true
	if rep.Interrupted {
		return rep, fmt.Errorf("migrate: interrupted after %d pages: %w", rep.Totals.Pages, ctx.Err())
	}
	if opts.Finish != nil && !sharded {
		return rep, opts.Finish(rep)
	}
	return rep, nil
}

// dirCache remembers the output directories made, so that each is made
// once.
type dirCache struct {
	mu   sync.Mutex
	made map[string]bool
}

func (c *dirCache) mkdir(fsys FS, dir string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.made[dir] {
		return nil
	}
	if err := fsys.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	c.made[dir] = true
	return nil
}

// buffers are a worker's buffers for a page's bytes and its outputs,
// reused from page to page: a page's bytes and outputs are done with once
// its outputs are written, and a buffer made once per worker, rather than
// three per page, spares the collector most of a run's garbage.
type buffers struct {
	page []byte       // the page read from disk
	json []byte       // its JSON
	html bytes.Buffer // its HTML
}

// keepBytes is the most a worker's buffer keeps between pages: a rare
// large page's buffer is dropped, so that memory stays flat.
const keepBytes = 1 << 20

// trim drops the buffers grown past keepBytes.
func (b *buffers) trim() {
	if cap(b.page) > keepBytes {
		b.page = nil
	}
	if cap(b.json) > keepBytes {
		b.json = nil
	}
	if b.html.Cap() > keepBytes {
		b.html = bytes.Buffer{}
	}
}

// process migrates one page and says what became of it, using bufs for
// the page's bytes and outputs; prev holds the sources of the outputs of
// the run before.
func process(p page, opts *Options, prev *sources, dirs *dirCache, bufs *buffers) Entry {
	e := Entry{Path: p.display, RawPath: RawPath(p.display), Output: p.out, Renamed: p.why}
	if p.err != nil {
		return failed(e, p.err)
	}
	base := filepath.Join(opts.OutDir, filepath.FromSlash(p.out))
	jsonName, htmlName := base+".json", base+".html"
	data := p.data
	if data == nil {
		var err error
		data, err = p.read(bufs.page)
		if cap(data) > cap(bufs.page) {
			// A buffer made for a larger page than any before, kept for
			// the next.
			bufs.page = data[:0]
		}
		if err != nil {
			kind := statKind(err, KindVanished)
			if errors.Is(err, ErrTooLarge) {
				kind = KindTooLarge
			}
			if kind == KindVanished {
				err = fmt.Errorf("%w: %w", ErrVanished, err)
			}
			return failed(e, &pageError{kind: kind, err: err})
		}
	}
	sum := sha256.Sum256(data)
	e.SHA256 = hex.EncodeToString(sum[:])
	src := p.source
	src.Rel = p.rel
	if src.Provenance.Path == "" {
		// A capture's path is its WARC file, with the record's offset
		// in its capture; another page's is the path shown.
		src.Provenance.Path = p.display
	}
	src.Provenance.SHA256 = e.SHA256
	if c := src.Provenance.Capture; !c.IsZero() {
		e.Capture = &c
	}
	if opts.Source != nil {
		if err := opts.Source(p.out, p.rel, data); err != nil {
			return failed(e, &pageError{kind: KindWrite, err: err})
		}
	}
	if !opts.Force && prev.same(p.out, sum) {
		if done, ok := upToDate(opts, jsonName, htmlName); ok {
			done.Path, done.RawPath, done.Output, done.Renamed, done.SHA256 = e.Path, e.RawPath, e.Output, e.Renamed, e.SHA256
			done.Capture = e.Capture
			return done
		}
	}
	r, err := opts.Convert(src, data)
	if errors.Is(err, ErrNoNotice) {
		e.Status = StatusOther
		e.Error = &EntryError{Kind: KindNoNotice, Message: err.Error()}
		return e
	}
	if err == nil && r == nil {
		err = errors.New("no reply and no error")
	}
	if err != nil {
		kind := ""
		if opts.Classify != nil {
			kind = opts.Classify(err)
		}
		if kind == "" {
			kind = KindConvert
		}
		return failed(e, &pageError{kind: kind, err: err})
	}
	// Every reply written says where it came from: migrate's outputs are
	// replykit/v2.
	r.Provenance = src.Provenance
	e.Kind = r.Kind
	e.Status = statusOf(r.Kind)
	e.Warnings = warningsOf(r.Warnings)

	js, err := reply.AppendMarshal(bufs.json[:0], r)
	if err != nil {
		return failed(e, &pageError{kind: KindRender, err: err})
	}
	bufs.json = js[:0]
	files := []pending{{final: jsonName}}
	outs := [][]byte{js}
	if opts.Render != nil {
		// A page's HTML runs about 1.4 times its JSON: sized so, the
		// buffer grows at most once.
		buf := &bufs.html
		buf.Reset()
		buf.Grow(len(js)*3/2 + 4096)
		if err := opts.Render(buf, r); err != nil {
			return failed(e, &pageError{kind: KindRender, err: err})
		}
		// The HTML goes into place first: the JSON, in place last, marks
		// a page whose outputs are complete.
		files = []pending{{final: htmlName}, {final: jsonName}}
		outs = [][]byte{buf.Bytes(), js}
	}
	if err := dirs.mkdir(opts.FS, filepath.Dir(base)); err != nil {
		return failed(e, &pageError{kind: KindWrite, err: err})
	}
	if err := writeAll(opts.FS, files, outs, opts.NoSync); err != nil {
		return failed(e, &pageError{kind: KindWrite, err: err})
	}
	return e
}

// statusOf gives the status of a reply of kind k.
func statusOf(k reply.Kind) Status {
	if k == reply.KindProposalReply || k == reply.KindSuggestionReply {
		return StatusOK
	}
	return StatusOther
}

// failed marks an entry failed with err.
func failed(e Entry, err *pageError) Entry {
	e.Status = StatusFailed
	e.Kind = ""
	e.Warnings = nil
	e.Error = &EntryError{Kind: err.kind, Message: err.Error()}
	return e
}

// upToDate reports whether a page's outputs, made from the same bytes by
// the run before, are both still there, and if so gives its entry from
// the JSON written before. A JSON output that does not read back makes
// the page done again.
func upToDate(opts *Options, jsonName, htmlName string) (Entry, bool) {
	names := []string{jsonName}
	if opts.Render != nil {
		names = append(names, htmlName)
	}
	for _, n := range names {
		info, err := opts.FS.Stat(n)
		if err != nil || !info.Mode().IsRegular() {
			return Entry{}, false
		}
	}
	data, err := opts.FS.ReadFile(jsonName)
	if err != nil {
		return Entry{}, false
	}
	var head struct {
		Format   string     `json:"format"`
		Kind     reply.Kind `json:"kind"`
		Warnings []Warning  `json:"warnings"`
	}
	if json.Unmarshal(data, &head) != nil || !reply.KnownFormat(head.Format) {
		return Entry{}, false
	}
	return Entry{Status: statusOf(head.Kind), Kind: head.Kind, Warnings: head.Warnings, Skipped: true}, true
}

// warningsOf copies a reply's warnings for its report entry.
func warningsOf(ws []reply.Warning) []Warning {
	if len(ws) == 0 {
		return nil
	}
	out := make([]Warning, len(ws))
	for i, w := range ws {
		out[i] = Warning{Code: w.Code, Message: w.Message, Where: w.Where}
	}
	return out
}
