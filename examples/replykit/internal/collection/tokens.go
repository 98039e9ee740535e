package collection

import (
	"unicode"
	"unicode/utf8"
)

// The search index's tokens. Text is cut into units: a character of a CJK
// script (Han, Hiragana, Katakana, Hangul) is a unit, and so is a run of
// other letters and digits (a word); anything else breaks the text into
// segments. A segment gives a token for each pair of adjacent units (a
// bigram, such as 「提案」 or 「第73」), one for each word, and one for its
// last unit when that is a CJK character, so that each CJK character of
// the text begins some token. A query is cut the same way (by index.js,
// which mirrors this file): its tokens must all be in a reply for the
// reply to match, and a lone CJK character matches every token it begins.
// Before cutting, fullwidth ASCII becomes ASCII and A–Z become a–z.

// fold maps fullwidth ASCII forms and the ideographic space to ASCII and
// ASCII capitals to small letters.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		r = ' '
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

// cjkScripts are the scripts whose characters are units on their own.
var cjkScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul}

// The classes of a folded character.
const (
	classBreak = iota // ends a segment
	classCJK          // a unit on its own
	classWord         // part of a word
)

// classOf gives the class of a folded character.
func classOf(r rune) int {
	switch {
	case r < 0x80:
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return classWord
		}
		return classBreak
	case r >= 0x4E00 && r <= 0x9FFF: // the unified ideographs: most text, all Han
		return classCJK
	case unicode.In(r, cjkScripts...):
		return classCJK
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return classWord
	}
	return classBreak
}

// tokenizer cuts texts into tokens, reusing its buffers from text to text.
type tokenizer struct {
	norm  []byte // the folded text
	units []span // the units of the current segment
}

// span is a unit or token: norm[start:end], and whether it is a CJK
// character.
type span struct {
	start, end int
	cjk        bool
}

// tokens calls emit with each token of s, as bytes of a buffer that the
// next call overwrites; a token comes as often as it occurs.
func (t *tokenizer) tokens(s string, emit func(tok []byte)) {
	t.norm = t.norm[:0]
	t.units = t.units[:0]
	inWord := false
	for _, r := range s {
		r = fold(r)
		switch classOf(r) {
		case classCJK:
			start := len(t.norm)
			t.norm = utf8.AppendRune(t.norm, r)
			t.units = append(t.units, span{start, len(t.norm), true})
			inWord = false
		case classWord:
			if inWord {
				t.norm = utf8.AppendRune(t.norm, r)
				t.units[len(t.units)-1].end = len(t.norm)
				continue
			}
			start := len(t.norm)
			t.norm = utf8.AppendRune(t.norm, r)
			t.units = append(t.units, span{start, len(t.norm), false})
			inWord = true
		default:
			t.segment(emit)
			inWord = false
		}
	}
	t.segment(emit)
}

// segment emits the tokens of the units gathered and starts a new
// segment.
func (t *tokenizer) segment(emit func([]byte)) {
	us := t.units
	for i, u := range us {
		if !u.cjk {
			emit(t.norm[u.start:u.end])
		}
		if i+1 < len(us) {
			emit(t.norm[u.start:us[i+1].end])
		} else if u.cjk {
			emit(t.norm[u.start:u.end])
		}
	}
	// Units are contiguous in norm within a segment; a break starts the
	// next segment's bytes afresh.
	t.units = t.units[:0]
	t.norm = t.norm[:0]
}

// firstUnit returns the first unit of a token: its first character when
// that is CJK, else its leading word.
func firstUnit(tok string) string {
	for i, r := range tok {
		if classOf(r) == classCJK {
			if i == 0 {
				return tok[:len(string(r))]
			}
			return tok[:i]
		}
	}
	return tok
}

// shardOf gives the shard of the search index that holds a token: FNV-1a
// over the code points of its first unit, so that every token a lone
// character begins is in one shard. index.js computes the same.
func shardOf(tok string, shards int) int {
	h := uint32(2166136261)
	for _, r := range firstUnit(tok) {
		h ^= uint32(r)
		h *= 16777619
	}
	return int(h % uint32(shards))
}
