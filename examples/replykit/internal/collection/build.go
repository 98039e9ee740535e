package collection

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// The defaults of Options.
const (
	DefaultRowsPerChunk = 256
	DefaultShardBytes   = 128 << 10
)

// Options set up Build. The zero value is the defaults.
type Options struct {
	// Workers is how many JSON outputs are read at once; zero or less
	// means runtime.NumCPU().
	Workers int
	// RowsPerChunk is how many rows each rows file holds; zero means
	// DefaultRowsPerChunk.
	RowsPerChunk int
	// ShardBytes is about how large each file of the search index is;
	// zero means DefaultShardBytes.
	ShardBytes int
}

// Result says what Build wrote.
type Result struct {
	// Index and JSONL are the paths of index.html and replies.jsonl.
	Index, JSONL string
	// Replies and Others count the rows: replies to proposals and
	// suggestions, and other notices.
	Replies, Others int
	// LeftOut holds, for each page of the report whose JSON output could
	// not be read back, a *fs.PathError naming the file. Such a page is in
	// neither the index nor the JSON Lines.
	LeftOut []error
	// Files and Bytes are how many files Build wrote and their size.
	Files int
	Bytes int64
}

// ErrNoReport means Build was given no report.
var ErrNoReport = errors.New("collection: no report")

// Build writes the collection of a migration into outDir: replies.jsonl,
// index-data/ and index.html, from rep, the run's report, and the JSON
// outputs its pages name. Every page with outputs is in it, those the run
// skipped as up to date too, in the report's order. Each file goes into
// place whole (written under a temporary name, then renamed); the files
// are derived data, so they are not synced: Build can always write them
// again.
func Build(outDir string, rep *migrate.Report, opts Options) (*Result, error) {
	if rep == nil {
		return nil, ErrNoReport
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.RowsPerChunk <= 0 {
		opts.RowsPerChunk = DefaultRowsPerChunk
	}
	if opts.ShardBytes <= 0 {
		opts.ShardBytes = DefaultShardBytes
	}
	absOut, err := filepath.Abs(outDir)
	if err != nil {
		return nil, fmt.Errorf("collection: %w", err)
	}
	if err := removeStale(outDir); err != nil {
		return nil, fmt.Errorf("collection: clearing old temporary files: %w", err)
	}
	w := &writer{}
	res := &Result{Index: filepath.Join(outDir, migrate.IndexName), JSONL: filepath.Join(outDir, migrate.RepliesName)}

	jsonl, err := w.create(outDir)
	if err != nil {
		return nil, fmt.Errorf("collection: %w", err)
	}
	defer w.discard()
	lines := bufio.NewWriterSize(jsonl, 1<<20)
	idx := newIndexer()
	err = readAll(outDir, absOut, rep, opts.Workers, func(it *item) error {
		if it.err != nil {
			res.LeftOut = append(res.LeftOut, it.err)
			return nil
		}
		if _, err := lines.Write(it.line); err != nil {
			return err
		}
		idx.add(it.rec, it.toks)
		return nil
	})
	if err == nil {
		err = lines.Flush()
	}
	if err != nil {
		return nil, fmt.Errorf("collection: %s: %w", migrate.RepliesName, err)
	}
	for _, r := range idx.recs {
		if r.kind == reply.KindProposalReply || r.kind == reply.KindSuggestionReply {
			res.Replies++
		} else {
			res.Others++
		}
	}
	f := idx.facets()
	shards, err := writeData(w, outDir, idx, f, opts)
	if err != nil {
		return nil, fmt.Errorf("collection: %s: %w", migrate.IndexDataDir, err)
	}
	if err := w.place(jsonl, res.JSONL); err != nil {
		return nil, fmt.Errorf("collection: %w", err)
	}
	page, err := indexPage(idx, f, rep, res, shards, opts)
	if err != nil {
		return nil, fmt.Errorf("collection: %s: %w", migrate.IndexName, err)
	}
	if err := w.writeFile(outDir, res.Index, page); err != nil {
		return nil, fmt.Errorf("collection: %w", err)
	}
	res.Files, res.Bytes = w.files, w.bytes
	return res, nil
}

// item is one page read back: its record, JSON line and search tokens,
// or why it could not be read.
type item struct {
	rec  record
	line []byte // compact JSON and a newline
	toks docTokens
	err  error
}

// readBatch is how many pages are read at once before they are handed on
// in order: enough to keep the workers busy, few enough to hold.
const readBatch = 512

// readAll reads back the outputs of the report's pages that have them,
// in the report's order, workers at a time, a batch of readBatch read
// side by side while use takes the batch before, and gives each item to
// use; it stops at use's first error, or the report's.
func readAll(outDir, absOut string, rep *migrate.Report, workers int, use func(*item) error) error {
	batches := make(chan []item, 1)
	stop := make(chan struct{})
	var readErr error // the report's; set before batches is closed
	go func() {
		defer close(batches)
		var batch []migrate.Entry
		send := func() bool {
			items := make([]item, len(batch))
			var wg sync.WaitGroup
			next := make(chan int)
			for range min(workers, len(batch)) {
				wg.Go(func() {
					var tk tokenizer
					for j := range next {
						items[j] = readPage(outDir, absOut, &batch[j], &tk)
					}
				})
			}
			for j := range batch {
				next <- j
			}
			close(next)
			wg.Wait()
			batch = batch[:0]
			select {
			case batches <- items:
				return true
			case <-stop:
				return false
			}
		}
		errStopped := errors.New("stopped")
		err := rep.EachPage(func(e *migrate.Entry) error {
			if !hasOutputs(e) {
				return nil
			}
			batch = append(batch, *e)
			if len(batch) == readBatch && !send() {
				return errStopped
			}
			return nil
		})
		if err == nil && len(batch) > 0 {
			send()
		}
		if err != nil && !errors.Is(err, errStopped) {
			readErr = err
		}
	}()
	defer func() {
		close(stop)
		for range batches { // let the reader end
		}
	}()
	for items := range batches {
		for j := range items {
			if err := use(&items[j]); err != nil {
				return err
			}
		}
	}
	return readErr
}

// hasOutputs reports whether a page of the report has its JSON and HTML
// outputs: a reply or another notice read, now or in an earlier run.
func hasOutputs(e *migrate.Entry) bool {
	return e.Output != "" && e.Error == nil && (e.Status == migrate.StatusOK || e.Status == migrate.StatusOther)
}

// readPage reads back a page's JSON output, and cuts its text into
// tokens with tk.
func readPage(outDir, absOut string, e *migrate.Entry, tk *tokenizer) item {
	name := filepath.Join(outDir, filepath.FromSlash(e.Output)+".json")
	fail := func(err error) item { return item{err: &fs.PathError{Op: "collection", Path: name, Err: err}} }
	data, err := os.ReadFile(name)
	if err != nil {
		return fail(err)
	}
	r, err := reply.Unmarshal(data)
	if err != nil {
		return fail(err)
	}
	js, err := reply.Marshal(r)
	if err != nil {
		return fail(err)
	}
	var line bytes.Buffer
	line.Grow(len(js))
	if err := json.Compact(&line, js); err != nil {
		return fail(err)
	}
	line.WriteByte('\n')
	return item{rec: newRecord(r, e, sourceLink(absOut, e.Path)), line: line.Bytes(), toks: tk.distinctTokens(searchText(r))}
}
