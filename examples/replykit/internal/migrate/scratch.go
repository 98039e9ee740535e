package migrate

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"

	"github.com/replykit/replykit/examples/replykit/internal/hashindex"
)

// scratchDir is where a run keeps what it remembers past what it holds
// in memory: Options.TempDir, or the output directory, or, when that is
// not on disk (an FS of the caller's own), the system's temporary
// directory.
func scratchDir(opts *Options) string {
	if opts.TempDir != "" {
		return opts.TempDir
	}
	if _, err := os.Stat(opts.OutDir); errors.Is(err, fs.ErrNotExist) {
		return os.TempDir()
	}
	return opts.OutDir
}

// placeIndex maps hashes (nameHash) to places in the name log: the pages
// of the name plan, the bodies of the duplicate check. Past a bound, its
// entries wait on disk (see hashindex), so that it keeps about 1.5 bytes
// a page in memory.
type placeIndex struct {
	x   *hashindex.Index
	buf [8]byte
}

// newPlaceIndex makes an empty placeIndex whose files are in dir, holding
// mem entries in memory.
func newPlaceIndex(dir string, mem int) (*placeIndex, error) {
	x, err := hashindex.New(hashindex.Options{Dir: dir, Pattern: tempPattern, ValueSize: 8, MemEntries: mem})
	if err != nil {
		return nil, err
	}
	return &placeIndex{x: x}, nil
}

// get gives the place filed under k, and whether there is one.
func (p *placeIndex) get(k nameHash) (int64, bool, error) {
	ok, err := p.x.Get(hashindex.Key(k), p.buf[:])
	if !ok || err != nil {
		return 0, false, err
	}
	return int64(binary.LittleEndian.Uint64(p.buf[:])), true, nil
}

// put files place under k.
func (p *placeIndex) put(k nameHash, place int64) error {
	binary.LittleEndian.PutUint64(p.buf[:], uint64(place))
	return p.x.Put(hashindex.Key(k), p.buf[:])
}

// close removes the index's files.
func (p *placeIndex) close() {
	if p != nil {
		_ = p.x.Close()
	}
}
