package webarchive

import (
	"crypto/sha256"
	"strings"
)

// Index remembers the response and resource records read, without their
// bodies, so that a revisit record can be resolved to the capture it
// refers to. For each it keeps only where it was read and its verdict (a
// Ref), in a fixed-size entry, and finds it by 16-byte hashes of its
// record ID, payload digest, and target URI and date: about 150
// bytes a record, whatever the lengths of its fields, over a crawl of
// millions of records. It is not safe for use by several goroutines at
// once.
type Index struct {
	files   []string          // the files captures were read from
	fileIDs map[string]uint32 // a file → its place in files
	reasons []Reason          // the verdicts met
	caps    []indexed         // every capture remembered, in the order read
	by      map[indexKey]uint32
	scratch []byte // where a key's input is put together
}

// indexed is a capture as an Index keeps it: a Ref whose file and verdict
// are places in the Index's lists.
type indexed struct {
	offset, inMember int64
	file, reason     uint32
}

// indexKey is how an Index finds a capture: the first 16 bytes of the
// SHA-256 of a field's kind and value. Two values of a crawl share a key
// with a chance of about n²/2¹²⁹ for n values: none, in practice.
type indexKey [16]byte

// The kinds of field a capture is found by.
const (
	byID     = 'i' // WARC-Record-ID; the last capture of an ID is kept
	byDigest = 'd' // payload digest (see digestKey); the first is kept
	byURI    = 'u' // target URI and WARC-Date; the first is kept
)

// keyOf is the key of a field of a kind, given in parts (a URI and a
// date), each ended by a 0 byte.
func (x *Index) keyOf(kind byte, parts ...string) indexKey {
	x.scratch = append(x.scratch[:0], kind)
	for _, p := range parts {
		x.scratch = append(append(x.scratch, p...), 0)
	}
	sum := sha256.Sum256(x.scratch)
	return indexKey(sum[:len(indexKey{})])
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{fileIDs: map[string]uint32{}, by: map[indexKey]uint32{}}
}

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
func (x *Index) add(it *Item) {
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
	n := uint32(len(x.caps))
	x.caps = append(x.caps, indexed{offset: it.Offset, inMember: it.InMember, file: f, reason: uint32(r)})
	if it.RecordID != "" {
		x.by[x.keyOf(byID, it.RecordID)] = n
	}
	if k := digestKey(it.PayloadDigest); k != "" {
		x.first(x.keyOf(byDigest, k), n)
	}
	if it.URI != "" {
		x.first(x.keyOf(byURI, it.URI, it.Date), n)
	}
}

// first files capture n under k unless a capture is there.
func (x *Index) first(k indexKey, n uint32) {
	if _, ok := x.by[k]; !ok {
		x.by[k] = n
	}
}

// find gives the capture filed under k.
func (x *Index) find(k indexKey) (*Ref, bool) {
	n, ok := x.by[k]
	if !ok {
		return nil, false
	}
	c := x.caps[n]
	return &Ref{File: x.files[c.file], Offset: c.offset, InMember: c.inMember, Reason: x.reasons[c.reason]}, true
}

// resolve finds the capture a revisit refers to, trying its
// WARC-Refers-To, then its payload digest, then its refers-to URI and
// date. how says what was looked for: what was found by, or, when
// nothing was, everything looked for.
func (x *Index) resolve(id, digest, uri, date string) (ref *Ref, how string) {
	if ref, ok := x.find(x.keyOf(byID, id)); id != "" && ok {
		return ref, "record " + id
	}
	if ref, ok := x.find(x.keyOf(byDigest, digestKey(digest))); digestKey(digest) != "" && ok {
		return ref, "payload digest " + digest
	}
	if ref, ok := x.find(x.keyOf(byURI, uri, date)); uri != "" && ok {
		return ref, uri + " at " + date
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
		return nil, "the revisit names no record, digest or URI"
	}
	return nil, "no capture read before it has " + strings.Join(looked, ", or ")
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
