package collection

import (
	"slices"
	"strings"
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

// postingList is the rows a token occurs in.
type postingList struct {
	last int32  // the last row added, -1 before any
	text []byte // the rows, encoded
}

// postings maps each token to the rows it occurs in. Rows must be added
// in increasing order.
type postings struct {
	lists map[string]*postingList
	bytes int // the encoded size of every list, keys included
}

func newPostings() *postings {
	return &postings{lists: map[string]*postingList{}}
}

// add records that tok occurs in row. A token added twice for a row is
// kept once.
func (p *postings) add(tok []byte, row int32) {
	l := p.lists[string(tok)] // no allocation: the lookup does not keep the key
	if l == nil {
		l = &postingList{last: -1}
		p.lists[string(tok)] = l
		p.bytes += len(tok) + 6 // the key, quoted, with its colon and comma
	}
	if l.last == row {
		return
	}
	d := row
	if l.last >= 0 {
		d = row - l.last
	}
	n := len(l.text)
	l.text = appendVarint(l.text, uint32(d))
	p.bytes += len(l.text) - n
	l.last = row
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
	for tok := range p.lists {
		s := &out[shardOf(tok, n)]
		s.tokens = append(s.tokens, tok)
	}
	for i := range out {
		slices.SortFunc(out[i].tokens, strings.Compare)
		out[i].lists = make([]*postingList, len(out[i].tokens))
		for j, tok := range out[i].tokens {
			out[i].lists[j] = p.lists[tok]
		}
	}
	return out
}
