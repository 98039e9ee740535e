package webarchive

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/hashindex"
)

// Index remembers the response and resource records read, without their
// bodies, so that a revisit record can be resolved to the capture it
// refers to. For each it keeps only where it was read and its verdict (a
// Ref), in a fixed-size entry, found by 16-byte hashes of its record ID,
// payload digest, and target URI and date. Past a bounded number of
// entries they wait on disk (see package hashindex): about 5 bytes of
// memory a record, whatever the lengths of its fields, over a crawl of
// tens of millions of records. It is not safe for use by several
// goroutines at once. Close removes what it wrote.
type Index struct {
	opts    IndexOptions
	files   []string          // the files captures were read from
	fileIDs map[string]uint32 // a file → its place in files
	reasons []Reason          // the verdicts met
	by      *hashindex.Index  // a key → the capture, an indexed entry
	scratch []byte            // where a key's input is put together
	entry   [indexedSize]byte // an entry read or written
}

// indexed is a capture as an Index keeps it: a Ref whose file and verdict
// are places in the Index's lists, written as indexedSize bytes.
type indexed struct {
	offset, inMember int64
	file, reason     uint32
}

// indexedSize is the size of an indexed entry on disk.
const indexedSize = 24

func (c indexed) put(b *[indexedSize]byte) {
	binary.LittleEndian.PutUint64(b[0:], uint64(c.offset))
	binary.LittleEndian.PutUint64(b[8:], uint64(c.inMember))
	binary.LittleEndian.PutUint32(b[16:], c.file)
	binary.LittleEndian.PutUint32(b[20:], c.reason)
}

func getIndexed(b *[indexedSize]byte) indexed {
	return indexed{offset: int64(binary.LittleEndian.Uint64(b[0:])), inMember: int64(binary.LittleEndian.Uint64(b[8:])),
		file: binary.LittleEndian.Uint32(b[16:]), reason: binary.LittleEndian.Uint32(b[20:])}
}

// The kinds of field a capture is found by.
const (
	byID     = 'i' // WARC-Record-ID; the last capture of an ID is kept
	byDigest = 'd' // payload digest (see digestKey); the first is kept
	byURI    = 'u' // target URI and WARC-Date; the first is kept
)

// keyOf is the key of a field of a kind, given in parts (a URI and a
// date), each ended by a 0 byte.
func (x *Index) keyOf(kind byte, parts ...string) hashindex.Key {
	x.scratch = append(x.scratch[:0], kind)
	for _, p := range parts {
		x.scratch = append(append(x.scratch, p...), 0)
	}
	sum := sha256.Sum256(x.scratch)
	return hashindex.Key(sum[:len(hashindex.Key{})])
}

// IndexOptions set up an Index. The zero value is sensible.
type IndexOptions struct {
	// Dir is where the entries past MemEntries are written; "" means
	// os.TempDir().
	Dir string
	// Pattern names the files written, as os.CreateTemp's pattern; ""
	// gives hashindex's.
	Pattern string
	// MemEntries is how many entries are held in memory; zero gives
	// hashindex's default.
	MemEntries int
}

// NewIndex returns an empty Index.
func NewIndex(opts IndexOptions) (*Index, error) {
	by, err := hashindex.New(hashindex.Options{Dir: opts.Dir, Pattern: opts.Pattern, ValueSize: indexedSize, MemEntries: opts.MemEntries})
	if err != nil {
		return nil, fmt.Errorf("webarchive: index: %w", err)
	}
	return &Index{opts: opts, fileIDs: map[string]uint32{}, by: by}, nil
}

// newTable makes a hashindex of values of size bytes whose files are
// where the Index keeps its own.
func (x *Index) newTable(size int) (*hashindex.Index, error) {
	return hashindex.New(hashindex.Options{Dir: x.opts.Dir, Pattern: x.opts.Pattern, ValueSize: size, MemEntries: x.opts.MemEntries})
}

// Close removes the entries the Index wrote to disk.
func (x *Index) Close() error { return x.by.Close() }

// Ref is where a capture that a revisit refers to was read, and its
// verdict.
type Ref struct {
	// File, Offset and InMember are the capture's, as Item gives them.
	File             string
	Offset, InMember int64
	// Reason is the capture's: "" when it is a page.
	Reason Reason
}

// add remembers a capture, its verdict included; the first of a payload
// digest or URI and date is kept, and the last of a record ID.
func (x *Index) add(it *Item) error {
	f, ok := x.fileIDs[it.File]
	if !ok {
		f = uint32(len(x.files))
		x.files = append(x.files, it.File)
		x.fileIDs[it.File] = f
	}
	r := 0
	for r < len(x.reasons) && x.reasons[r] != it.Reason {
		r++
	}
	if r == len(x.reasons) {
		x.reasons = append(x.reasons, it.Reason)
	}
	var entry [indexedSize]byte
	indexed{offset: it.Offset, inMember: it.InMember, file: f, reason: uint32(r)}.put(&entry)
	if it.RecordID != "" {
		if err := x.by.Put(x.keyOf(byID, it.RecordID), entry[:]); err != nil {
			return err
		}
	}
	if k := digestKey(it.PayloadDigest); k != "" {
		if err := x.first(x.keyOf(byDigest, k), entry[:]); err != nil {
			return err
		}
	}
	if it.URI != "" {
		return x.first(x.keyOf(byURI, it.URI, it.Date), entry[:])
	}
	return nil
}

// first files the entry under k unless a capture is there.
func (x *Index) first(k hashindex.Key, entry []byte) error {
	ok, err := x.by.Get(k, x.entry[:])
	if err != nil || ok {
		return err
	}
	return x.by.Put(k, entry)
}

// find gives the capture filed under k.
func (x *Index) find(k hashindex.Key) (*Ref, bool, error) {
	ok, err := x.by.Get(k, x.entry[:])
	if !ok || err != nil {
		return nil, false, err
	}
	c := getIndexed(&x.entry)
	return &Ref{File: x.files[c.file], Offset: c.offset, InMember: c.inMember, Reason: x.reasons[c.reason]}, true, nil
}

// resolve finds the capture a revisit refers to, trying its
// WARC-Refers-To, then its payload digest, then its refers-to URI and
// date. how says what was looked for: what was found by, or, when
// nothing was, everything looked for.
func (x *Index) resolve(id, digest, uri, date string) (ref *Ref, how string, err error) {
	if id != "" {
		if ref, ok, err := x.find(x.keyOf(byID, id)); ok || err != nil {
			return ref, "record " + id, err
		}
	}
	if d := digestKey(digest); d != "" {
		if ref, ok, err := x.find(x.keyOf(byDigest, d)); ok || err != nil {
			return ref, "payload digest " + digest, err
		}
	}
	if uri != "" {
		if ref, ok, err := x.find(x.keyOf(byURI, uri, date)); ok || err != nil {
			return ref, uri + " at " + date, err
		}
	}
	var looked []string
	if id != "" {
		looked = append(looked, "record "+id)
	}
	if digest != "" {
		looked = append(looked, "payload digest "+digest)
	}
	if uri != "" {
		looked = append(looked, uri+" at "+date)
	}
	if len(looked) == 0 {
		return nil, "the revisit names no record, digest or URI", nil
	}
	return nil, "no capture read before it has " + strings.Join(looked, ", or "), nil
}

// digestKey writes a digest as "algorithm:VALUE", the algorithm in lower
// case without dashes and the value in upper case, as writers differ in
// both.
func digestKey(d string) string {
	alg, val, ok := strings.Cut(strings.TrimSpace(d), ":")
	if !ok || val == "" {
		return ""
	}
	return strings.ReplaceAll(strings.ToLower(alg), "-", "") + ":" + strings.ToUpper(val)
}
