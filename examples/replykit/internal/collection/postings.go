package collection

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode/utf8"
)

// Postings are written as text that index.js reads without parsing JSON
// numbers: each row number is the difference from the one before (the
// first is the row number itself) in base 32, high digits first; a digit
// from contDigits means more follow, one from lastDigits ends the number.
// Neither set holds a character that JSON or HTML escapes.
const (
	lastDigits = "0123456789abcdefghijklmnopqrstuv"
	contDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+-_"
)

// appendVarint appends n in the postings' digits.
func appendVarint(b []byte, n uint32) []byte {
	var tmp [7]byte
	i := len(tmp) - 1
	tmp[i] = lastDigits[n&31]
	for n >>= 5; n > 0; n >>= 5 {
		i--
		tmp[i] = contDigits[n&31]
	}
	return append(b, tmp[i:]...)
}

// docTokens are the distinct tokens of one text: those made of CJK
// characters alone as pairs of code points (the second 0 for a lone
// character), which are most tokens and cheaper to count than strings,
// and the others as strings.
type docTokens struct {
	cjk   []uint64
	words []string
}

// cjkKey gives the key of a token of one or two CJK characters, or false
// for any other token.
func cjkKey(tok []byte) (uint64, bool) {
	r1, n1 := utf8.DecodeRune(tok)
	if classOf(r1) != classCJK {
		return 0, false
	}
	if n1 == len(tok) {
		return uint64(r1) << 32, true
	}
	r2, n2 := utf8.DecodeRune(tok[n1:])
	if n1+n2 != len(tok) || classOf(r2) != classCJK {
		return 0, false
	}
	return uint64(r1)<<32 | uint64(r2), true
}

// keyToken gives the token of a CJK key.
func keyToken(k uint64) string {
	b := utf8.AppendRune(nil, rune(k>>32))
	if lo := rune(k & 0xFFFFFFFF); lo != 0 {
		b = utf8.AppendRune(b, lo)
	}
	return string(b)
}

// keyLen is len(keyToken(k)).
func keyLen(k uint64) int {
	n := utf8.RuneLen(rune(k >> 32))
	if lo := rune(k & 0xFFFFFFFF); lo != 0 {
		n += utf8.RuneLen(lo)
	}
	return n
}

// distinctTokens cuts s into its distinct tokens, sorted.
func (t *tokenizer) distinctTokens(s string) docTokens {
	// A text of n bytes has fewer than n/3 tokens of CJK characters,
	// each at least three bytes long, in its own segment or a pair.
	d := docTokens{cjk: make([]uint64, 0, len(s)/3+2)}
	t.tokens(s, func(tok []byte) {
		if k, ok := cjkKey(tok); ok {
			d.cjk = append(d.cjk, k)
		} else {
			d.words = append(d.words, string(tok))
		}
	})
	slices.Sort(d.cjk)
	d.cjk = slices.Compact(d.cjk)
	slices.Sort(d.words)
	d.words = slices.Compact(d.words)
	return d
}

// postingList is the rows a token occurs in, its encoded text in a chain
// of blocks of the postings' arena. It holds no pointer, nor does the
// arena: millions of lists cost the garbage collector nothing to scan.
type postingList struct {
	last       int32  // the last row added, -1 before any
	head, tail uint32 // its first and last block; 0 before any
	used       uint8  // the bytes used in the tail block
	size       int32  // the encoded text's length
}

// A block of the arena holds blockText bytes of a list's text and, in its
// last four bytes, the index of the next block. Block 0 is never used, so
// that 0 means none.
const (
	blockSize = 16
	blockText = blockSize - 4
)

// postings maps each token to the rows it occurs in. Rows must be added
// in increasing order, each once.
type postings struct {
	cjk   map[uint64]int32 // CJK key → index in lists
	words map[string]int32 // other token → index in lists
	lists []postingList
	arena []byte
	bytes int // the encoded size of every list, keys included
}

func newPostings() *postings {
	return &postings{cjk: map[uint64]int32{}, words: map[string]int32{}, arena: make([]byte, blockSize, 1<<16)}
}

// add records the tokens of a row.
func (p *postings) add(d docTokens, row int32) {
	for _, k := range d.cjk {
		p.append(listOf(p, p.cjk, k, keyLen(k)), row)
	}
	for _, w := range d.words {
		p.append(listOf(p, p.words, w, len(w)), row)
	}
}

// listOf returns the list of the token keyed k in m, of n bytes, starting
// it if need be.
func listOf[K comparable](p *postings, m map[K]int32, k K, n int) int32 {
	i, ok := m[k]
	if !ok {
		p.lists = append(p.lists, postingList{last: -1})
		p.bytes += n + 6 // the key, quoted, with its colon and comma
		i = int32(len(p.lists) - 1)
		m[k] = i
	}
	return i
}

// append adds row to list i.
func (p *postings) append(i int32, row int32) {
	l := &p.lists[i]
	d := row
	if l.last >= 0 {
		d = row - l.last
	}
	var buf [7]byte
	for _, c := range appendVarint(buf[:0], uint32(d)) {
		if l.tail == 0 || l.used == blockText {
			b := uint32(len(p.arena) / blockSize)
			p.arena = append(p.arena, make([]byte, blockSize)...)
			if l.tail == 0 {
				l.head = b
			} else {
				binary.LittleEndian.PutUint32(p.arena[int(l.tail)*blockSize+blockText:], b)
			}
			l.tail, l.used = b, 0
		}
		p.arena[int(l.tail)*blockSize+int(l.used)] = c
		l.used++
		l.size++
		p.bytes++
	}
	l.last = row
}

// appendText appends the encoded text of l to dst.
func (p *postings) appendText(dst []byte, l *postingList) []byte {
	left := int(l.size)
	for b := l.head; b != 0 && left > 0; {
		off := int(b) * blockSize
		n := min(left, blockText)
		dst = append(dst, p.arena[off:off+n]...)
		left -= n
		b = binary.LittleEndian.Uint32(p.arena[off+blockText:])
	}
	return dst
}

// shardCount is how many shards the postings are split into: a power of
// two, each shard about target bytes, at most maxShards.
func shardCount(total, target int) int {
	const maxShards = 4096
	n := 1
	for n < maxShards && total/n > target {
		n *= 2
	}
	return n
}

// shard is the tokens of one shard, sorted, and their lists.
type shard struct {
	tokens []string
	lists  []*postingList
}

// shards splits the postings into n shards, tokens sorted in each.
func (p *postings) shards(n int) []shard {
	out := make([]shard, n)
	type entry struct {
		tok  string
		list int32
	}
	entries := make([][]entry, n)
	add := func(tok string, i int32) {
		s := shardOf(tok, n)
		entries[s] = append(entries[s], entry{tok, i})
	}
	for k, i := range p.cjk {
		add(keyToken(k), i)
	}
	for w, i := range p.words {
		add(w, i)
	}
	for s, es := range entries {
		slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.tok, b.tok) })
		out[s].tokens = make([]string, len(es))
		out[s].lists = make([]*postingList, len(es))
		for j, e := range es {
			out[s].tokens[j], out[s].lists[j] = e.tok, &p.lists[e.list]
		}
	}
	return out
}

// lookup returns the list of a token, or nil.
func (p *postings) lookup(tok string) *postingList {
	if k, ok := cjkKey([]byte(tok)); ok {
		if i, ok := p.cjk[k]; ok {
			return &p.lists[i]
		}
		return nil
	}
	if i, ok := p.words[tok]; ok {
		return &p.lists[i]
	}
	return nil
}
