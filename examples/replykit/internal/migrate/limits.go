package migrate

import (
	"archive/zip"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
)

// The archive limits used when Options leave them zero.
const (
	// DefaultMaxInflateRatio is how many times its size on disk an
	// archive may inflate to. Site mirrors of HTML compress about 5 to
	// 15 times; a zip or gzip bomb, a thousand times.
	DefaultMaxInflateRatio = 100
	// DefaultMaxInflateBytes is the most bytes one archive may inflate to.
	DefaultMaxInflateBytes = 4 << 30
)

var (
	// ErrOverlap means entries of a zip archive share their bytes: a
	// listing that points many names at one member inflates it once for
	// each name (a zip bomb). Such an archive is refused whole.
	ErrOverlap = errors.New("zip entries overlap")
	// ErrInflateLimit means an archive inflates past its limit (see
	// Options.MaxInflateRatio and MaxInflateBytes): it is read no further.
	ErrInflateLimit = errors.New("archive inflates past its limit")
)

// KindArchiveLimit is the failure of an archive that inflates past its
// limit; its pages read before the limit stay.
const KindArchiveLimit = "archive-limit"

// budget counts the bytes read out of one archive against its limit.
type budget struct {
	limit, used int64
	size        int64 // the archive's size on disk
	ratio, most int64 // the limits it was given
	err         error // set once the limit is passed
}

// newBudget gives an archive of size bytes on disk its limit: ratio
// times its size, but never less than one page of MaxBytes nor more than
// MaxInflateBytes.
func (w *walker) newBudget(size int64) *budget {
	ratio := cmp.Or(max(w.opts.MaxInflateRatio, 0), DefaultMaxInflateRatio)
	most := cmp.Or(max(w.opts.MaxInflateBytes, 0), DefaultMaxInflateBytes)
	limit := most
	if size < most/ratio {
		limit = size * ratio
	}
	return &budget{limit: min(most, max(limit, w.opts.MaxBytes)), size: size, ratio: ratio, most: most}
}

// take counts n more bytes, reporting false once past the limit.
func (b *budget) take(n int64) bool {
	if b.err != nil {
		return false
	}
	if n > b.limit-b.used {
		b.err = fmt.Errorf("%w: more than %d bytes out of %d on disk (limits: %d times its size, %d bytes)",
			ErrInflateLimit, b.limit, b.size, b.ratio, b.most)
		return false
	}
	b.used += n
	return true
}

// budgetReader counts what it reads against a budget and fails once the
// budget is spent, so that reading an archive stops there.
type budgetReader struct {
	r io.Reader
	b *budget
}

func (r *budgetReader) Read(p []byte) (int, error) {
	if r.b.err != nil {
		return 0, r.b.err
	}
	n, err := r.r.Read(p)
	if !r.b.take(int64(n)) {
		return 0, r.b.err
	}
	return n, err
}

// checkOverlap refuses a zip archive whose entries' bytes overlap or run
// past its end (size bytes): a well-made archive stores each entry once.
// It reads each entry's local header, a few bytes, and inflates nothing.
func checkOverlap(files []*zip.File, size int64) error {
	type span struct {
		start, end int64
		name       string
	}
	spans := make([]span, 0, len(files))
	for _, f := range files {
		if f.CompressedSize64 == 0 {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			return fmt.Errorf("entry %s: %w", f.Name, err)
		}
		if off < 0 || off > size || f.CompressedSize64 > uint64(size-off) {
			return fmt.Errorf("entry %s: %w: its bytes run past the end of the archive", f.Name, zip.ErrFormat)
		}
		spans = append(spans, span{off, off + int64(f.CompressedSize64), f.Name})
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	for i := 1; i < len(spans); i++ {
		if spans[i].start < spans[i-1].end {
			return fmt.Errorf("%w: %s and %s share bytes %d to %d", ErrOverlap, spans[i-1].name, spans[i].name, spans[i].start, min(spans[i].end, spans[i-1].end))
		}
	}
	return nil
}
