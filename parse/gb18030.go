package parse

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// decodeGB18030 decodes src as GB18030 to UTF-8, byte for byte as
// simplifiedchinese.GB18030's decoder does over all of src, counts the
// U+FFFD it writes, and scores the text as textScore does, to the same
// float64, counting its characters as it writes them rather than reading
// the text again. ASCII is copied a run at a time and a run of two-byte
// codes is looked up in gbPairs, already as UTF-8 and classed, in a loop
// of its own; a four-byte code of the Basic Multilingual Plane, rare in
// pages, is left to x/text's decoder.
func decodeGB18030(src []byte) (text []byte, replaced int, score float64) {
	pairs := gbPairs()
	dst := make([]byte, gbRoomFor(src))
	n := 0
	var tally scoreTally
	var slow *encoding.Decoder
	for i := 0; i < len(src); {
		c0 := src[i]
		if c0 < utf8.RuneSelf {
			j := i + 1
			for j+8 <= len(src) && binary.LittleEndian.Uint64(src[j:])&laneHi == 0 {
				j += 8
			}
			for j < len(src) && src[j] < utf8.RuneSelf {
				j++
			}
			if len(dst)-n < j-i {
				dst = gbGrow(dst, n, j-i, len(src)-j)
			}
			n += copy(dst[n:], src[i:j])
			i = j
			continue
		}
		if w, r, count := gbRun(dst[n:], src[i:], pairs); r > 0 {
			han, common, bad, nBad := gbCount(count)
			replaced += nBad
			switch {
			case tally.han+han <= maxScored:
				tally.han, tally.common, tally.bad = tally.han+han, tally.common+common, tally.bad+bad
			case tally.han <= maxScored:
				// The run holds the Han character textScore stops at:
				// counted again a code at a time, to stop there.
				for k := i; k < i+r; k += 2 {
					tally = tally.add(pairs[uint(src[k]-0x81)<<8|uint(src[k+1])] >> gbClassShift & gbClassMask)
				}
			}
			n += w
			i += r
			continue
		}
		if len(dst)-n < utf8.UTFMax {
			dst = gbGrow(dst, n, utf8.UTFMax, len(src)-i)
			continue
		}
		size, w, nBad := gbOther(dst[n:], src[i:], &slow)
		// The characters written, rare in pages, are classed one by one.
		for k := n; k < n+w; {
			r, rs := utf8.DecodeRune(dst[k : n+w])
			tally = tally.add(scoreClass(r))
			k += rs
		}
		n += w
		replaced += nBad
		i += size
	}
	return dst[:n], replaced, tally.score()
}

// gbRun decodes the run of two-byte codes held in pairs at the start of
// src into dst, as long as dst has room for utf8.UTFMax bytes more and for
// at most gbRunMax codes, and returns how many bytes it wrote and read and
// a count of the characters written: their classes and their U+FFFD, each
// 16 bits of count, read by gbCount. A leaf of few variables, with its
// counts in one word, its loop keeps them all in registers.
func gbRun(dst, src []byte, pairs *[gbLeads << 8]uint32) (written, read int, count uint64) {
	s := src[:min(len(src), 2*gbRunMax)]
	d := dst
	j := 0
	for j+1 < len(s) && len(d) >= utf8.UTFMax {
		lead := uint(s[j]) - 0x81
		if lead >= gbLeads {
			break
		}
		e := pairs[lead<<8|uint(s[j+1])]
		if e == 0 {
			break
		}
		// PutUint32 writes past the character's bytes, into room that
		// later output overwrites or the result leaves out.
		binary.LittleEndian.PutUint32(d, e)
		d = d[e>>24&3:]
		// Multiplied by gbSpread, the entry's class bits and its U+FFFD
		// bit, shifted down, land each at the bottom of its own count,
		// and no other bit does: the shifted copies do not overlap.
		count += uint64(e>>gbClassShift) * gbSpread & gbCounts
		j += 2
	}
	return len(dst) - len(d), j, count
}

// gbRunMax is the most codes gbRun decodes at a time: few enough that
// none of its 16-bit counts overflows.
const gbRunMax = 1<<16 - 1

// gbSpread and gbCounts spread a gbPairs entry's bits from gbClassShift
// up (classHan, classCommon, classBad, then U+FFFD at 5) to the bottoms
// of four 16-bit counts: bit 0 to 0, 1 to 16, 2 to 32 and 5 to 48.
const (
	gbSpread = 1 | 1<<15 | 1<<30 | 1<<43
	gbCounts = 1 | 1<<16 | 1<<32 | 1<<48
)

// gbCount unpacks gbRun's count.
func gbCount(count uint64) (han, common, bad, replaced int) {
	return int(count & 0xFFFF), int(count >> 16 & 0xFFFF), int(count >> 32 & 0xFFFF), int(count >> 48)
}

// gbOther decodes the sequence at the start of src that gbPairs does not
// hold: 0x80, a byte that starts no sequence, a lead byte at the end or
// not followed by a trail byte, or a four-byte code. It writes into dst,
// which has room for utf8.UTFMax bytes, and returns how many bytes of src
// it read, how many it wrote and how many U+FFFD.
func gbOther(dst, src []byte, slow **encoding.Decoder) (size, n, replaced int) {
	c0 := src[0]
	if c0 == 0x80 {
		// Code page 936's euro sign, which GB18030 decoders keep.
		return 1, utf8.EncodeRune(dst, '€'), 0
	}
	if c0 == 0xFF || len(src) == 1 {
		return 1, utf8.EncodeRune(dst, utf8.RuneError), 1
	}
	switch c1 := src[1]; {
	case c1 >= 0x40 && c1 < 0x7F, c1 >= 0x80 && c1 < 0xFF:
		// A two-byte code missing from gbPairs (none, in practice).
		n, replaced = gbSlow(dst, src[:2], slow)
		return 2, n, replaced
	case c1 >= 0x30 && c1 < 0x40:
		// x/text reads 0x3A–0x3F here as digits too.
		return gbFour(dst, src, slow)
	}
	// A lead byte not followed by a trail byte is replaced alone; what
	// follows it is read afresh.
	return 1, utf8.EncodeRune(dst, utf8.RuneError), 1
}

// gbFour decodes the sequence at the start of src, whose lead byte is
// followed by a byte 0x30–0x3F: a four-byte code when its third byte is a
// lead byte and its fourth a digit, else a lead byte replaced alone. It
// returns what gbOther does.
func gbFour(dst, src []byte, slow **encoding.Decoder) (size, n, replaced int) {
	if len(src) < 4 || src[2] < 0x81 || src[2] == 0xFF || src[3] < 0x30 || src[3] > 0x39 {
		return 1, utf8.EncodeRune(dst, utf8.RuneError), 1
	}
	r := ((rune(src[0]-0x81)*10+rune(src[1]-0x30))*126+rune(src[2]-0x81))*10 + rune(src[3]-0x30)
	switch {
	case r < gbFourBMP:
		n, replaced = gbSlow(dst, src[:4], slow)
		return 4, n, replaced
	case r >= gbFourSupp && r < gbFourSupp+0x100000:
		return 4, utf8.EncodeRune(dst, r-gbFourSupp+0x10000), 0
	}
	// Between the two ranges, or past the last plane: the lead byte alone
	// is replaced.
	return 1, utf8.EncodeRune(dst, utf8.RuneError), 1
}

// The linear indices of four-byte codes: below gbFourBMP they map through
// x/text's ranges to the Basic Multilingual Plane; from gbFourSupp on they
// map in order to the supplementary planes, from U+10000.
const (
	gbFourBMP  = 39420
	gbFourSupp = 189000
)

// gbSlow decodes src, one whole sequence, with x/text's decoder (made on
// first use) into dst, which has room for utf8.UTFMax bytes, and returns
// how many bytes it wrote and how many of them are U+FFFD.
func gbSlow(dst, src []byte, slow **encoding.Decoder) (n, replaced int) {
	if *slow == nil {
		*slow = simplifiedchinese.GB18030.NewDecoder()
	}
	n, _, err := (*slow).Transform(dst[:utf8.UTFMax], src, true)
	if err != nil || n == 0 {
		// Not reached: x/text decodes one sequence to at most four bytes.
		return utf8.EncodeRune(dst, utf8.RuneError), 1
	}
	for i := 0; i < n; {
		r, size := utf8.DecodeRune(dst[i:n])
		if r == utf8.RuneError {
			replaced++
		}
		i += size
	}
	return n, replaced
}

// gbRoom is room enough for the UTF-8 of n bytes of Chinese text, whose
// two-byte characters become three bytes of UTF-8.
func gbRoom(n int) int { return n + n/2 + 16 }

// gbRoomFor is the output buffer first made for src: its ASCII bytes
// stay one byte and most two-byte codes, of two bytes past 0x7F, become
// three bytes, so half a byte more for each byte past 0x7F, and a sixteenth
// more for the codes whose trail byte is ASCII. Counting those bytes costs
// far less than the third of a buffer the count saves.
func gbRoomFor(src []byte) int {
	high := 0
	i := 0
	for ; i+8 <= len(src); i += 8 {
		high += bits.OnesCount64(binary.LittleEndian.Uint64(src[i:]) & laneHi)
	}
	for _, c := range src[i:] {
		high += int(c >> 7)
	}
	return len(src) + high/2 + high/16 + 16
}

// gbGrow returns dst, holding n bytes of output, with room for need more
// bytes and then for rest more bytes of input.
func gbGrow(dst []byte, n, need, rest int) []byte {
	out := make([]byte, n+need+gbRoom(rest))
	copy(out, dst[:n])
	return out
}

// gbClassShift is where a gbPairs entry holds its character's scoreClass,
// and gbClassMask masks it once shifted down.
const (
	gbClassShift = 26
	gbClassMask  = 7
)

// gbLeads is how many lead bytes GB18030 has: 0x81–0xFE.
const gbLeads = 0xFE - 0x81 + 1

// gbPairs holds what x/text decodes each two-byte code of GB18030 to, at
// (lead byte - 0x81)<<8 | trail byte, trail bytes being 0x40–0x7E and
// 0x80–0xFE. An entry is one character's UTF-8 packed: its bytes in the
// low three bytes, in order from the lowest, their count in bits 24–25,
// its scoreClass in bits 26–28 and bit 31 set when it is U+FFFD. Entries
// for other second bytes, and for a code x/text would decode otherwise
// than to one character of at most three bytes (none, in practice), are
// 0. The table is built once, on first use, and never changed.
var gbPairs = sync.OnceValue(buildGBPairs)

// buildGBPairs fills gbPairs. x/text decodes all the two-byte codes of a
// lead byte in one call, each followed by a NUL byte, which it decodes
// alone and which so ends what the code before it decoded to. A row that
// does not come out as one piece per code stays 0, left to x/text.
func buildGBPairs() *[gbLeads << 8]uint32 {
	pairs := new([gbLeads << 8]uint32)
	dec := simplifiedchinese.GB18030.NewDecoder()
	var trails []byte
	for t := 0x40; t <= 0xFE; t++ {
		if t != 0x7F {
			trails = append(trails, byte(t))
		}
	}
	row := make([]byte, 3*len(trails))
	out := make([]byte, len(trails)*(utf8.UTFMax+1))
	for lead := range gbLeads {
		for k, t := range trails {
			row[3*k], row[3*k+1] = byte(0x81+lead), t
		}
		nDst, nSrc, err := dec.Transform(out, row, true)
		if err != nil || nSrc != len(row) || bytes.Count(out[:nDst], []byte{0}) != len(trails) {
			continue
		}
		rest := out[:nDst]
		for _, t := range trails {
			end := bytes.IndexByte(rest, 0)
			pairs[lead<<8|int(t)] = gbEntry(rest[:end])
			rest = rest[end+1:]
		}
	}
	return pairs
}

// gbEntry packs for gbPairs what a two-byte code decoded to, or gives 0
// if that is not one character of at most three bytes.
func gbEntry(out []byte) uint32 {
	if len(out) == 0 || len(out) > 3 {
		return 0
	}
	r, size := utf8.DecodeRune(out)
	if size != len(out) || r == utf8.RuneError && size == 1 {
		return 0
	}
	var e uint32
	for i, b := range out {
		e |= uint32(b) << (8 * i)
	}
	e |= uint32(len(out))<<24 | scoreClass(r)<<gbClassShift
	if r == utf8.RuneError {
		e |= 1 << 31
	}
	return e
}
