package charset

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	htmlcharset "golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// How the encoding of a page is chosen (Decode):
//
//  1. Hints.Charset forces it.
//  2. A byte order mark decides it.
//  3. Bytes that are valid UTF-8 and hold multi-byte sequences are UTF-8,
//     whatever the page declares: legacy Chinese text is practically never
//     valid UTF-8, while pages re-saved as UTF-8 often keep their old
//     gb2312 declaration. UTF-8 with faults (a truncated character, a
//     stray byte, a pasted legacy paragraph: at most two bad bytes per
//     good multi-byte sequence) stays UTF-8, the bad bytes replaced and
//     counted; legacy text holds valid sequences only by accident.
//  4. Otherwise the declared legacy encoding (HTTP header, then <meta>) and
//     the Chinese legacy encodings (GB18030, a superset of GBK and GB2312,
//     and Big5) are scored on the text each decodes to: the share of
//     common Chinese characters among its Han characters, less a penalty
//     for replaced bytes. The declared one is tried first and wins ties; a
//     decoding with no replaced bytes that scores sureScore or more is
//     taken at once.

// highBits is the high bit of each byte of a 64-bit word: a word of
// ASCII has none of them set.
const highBits = 0x8080808080808080

// sureScore is the textScore above which a clean decoding is taken
// without trying the other candidates: real Chinese text scores about 0.8
// and more, text decoded with the wrong legacy encoding far less.
const sureScore = 0.6

// Hints is what a caller knows of a page's encoding besides its bytes.
// The zero value knows nothing.
type Hints struct {
	// Charset forces the encoding by its WHATWG label ("gbk", "big5",
	// "utf-8"…), over anything the page declares or its bytes suggest;
	// an unknown label is ignored.
	Charset string
	// ContentType is the HTTP Content-Type the page was served with: its
	// charset parameter is a declaration, taken before the page's <meta>.
	ContentType string
}

// Decoded is a page's text and how it was decoded.
type Decoded struct {
	// Text is the page as UTF-8; it may be the input itself, not a copy.
	Text []byte
	// Encoding is the WHATWG name of the encoding used.
	Encoding string
	// Replaced counts the bytes (or legacy sequences) replaced by U+FFFD.
	Replaced int
	// FirstBad is the byte offset in the input of the first replaced
	// byte, when it is known, else -1.
	FirstBad int
	// Ignored is a declared encoding that the bytes contradicted, or "".
	Ignored string
	// CheckMeta says the page's <meta> declaration is still to be read,
	// from the node tree by HeadCharset, to set Ignored: a page of valid
	// UTF-8 is not tokenized twice for it.
	CheckMeta bool
}

// Decode decodes a page's bytes to UTF-8 text; see the rules above. Bytes
// that are not text in the encoding chosen become U+FFFD, counted.
func Decode(data []byte, hints Hints) Decoded {
	if hints.Charset != "" {
		if e, name := htmlcharset.Lookup(hints.Charset); e != nil {
			return decodeWith(data, legacyOrUTF8(e, name), name)
		}
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return decodeUTF8(data[3:], 3)
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le")
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be")
	}
	multi, bad := utf8Stats(data)
	if bad == 0 && multi == 0 {
		// ASCII: every declaration reads it the same; none is read.
		return Decoded{Text: data, Encoding: "utf-8", FirstBad: -1}
	}
	if bad == 0 {
		// Valid UTF-8 is read as UTF-8 whatever is declared; the <meta>
		// declaration only tells whether to warn, and is read from the
		// tree once it is built rather than by tokenizing the head twice.
		d := Decoded{Text: data, Encoding: "utf-8", FirstBad: -1, CheckMeta: true}
		if declared := headerCharset(hints.ContentType); declared != "" {
			d.CheckMeta = false
			if declared != "utf-8" {
				d.Ignored = declared
			}
		}
		return d
	}
	declared := declaredCharset(data, hints.ContentType)
	// Mostly UTF-8: a legacy page holds few valid UTF-8 sequences by
	// accident (under one in ten of its characters), while a UTF-8 page
	// with a pasted legacy paragraph or a cut character holds many. Such a
	// page is read as UTF-8, its stray bytes replaced and counted.
	if multi > 0 && bad <= 2*multi {
		d := decodeUTF8(data, 0)
		if multi > 0 && declared != "" && declared != "utf-8" {
			d.Ignored = declared
		}
		return d
	}
	// Legacy bytes: score the candidates.
	type cand struct {
		name string
		enc  encoding.Encoding
	}
	var cands []cand
	if declared != "" && declared != "utf-8" {
		if e, name := htmlcharset.Lookup(declared); e != nil {
			cands = append(cands, cand{name, legacyOrUTF8(e, name)})
		}
	}
	cands = append(cands, cand{"gb18030", simplifiedchinese.GB18030}, cand{"big5", traditionalchinese.Big5})
	best, bestScore := Decoded{}, -1e9
	for i, c := range cands {
		if i > 0 && c.name == cands[0].name {
			continue
		}
		if isGB(c.name) && i > 0 && isGB(cands[0].name) {
			continue
		}
		d := decodeWith(data, c.enc, c.name)
		s := textScore(d.Text)
		if s > bestScore+1e-9 {
			best, bestScore = d, s
		}
		if d.Replaced == 0 && s >= sureScore {
			// Clean, common Chinese: no other candidate can do better
			// than sure.
			break
		}
	}
	if declared != "" && best.Encoding != declared && !(isGB(declared) && isGB(best.Encoding)) {
		best.Ignored = declared
	}
	return best
}

// isGB reports whether name is one of the GB family of encodings.
func isGB(name string) bool {
	return name == "gbk" || name == "gb18030" || name == "gb2312"
}

// legacyOrUTF8 widens the GB family to GB18030, which decodes all of it.
func legacyOrUTF8(e encoding.Encoding, name string) encoding.Encoding {
	if isGB(name) {
		return simplifiedchinese.GB18030
	}
	return e
}

// utf8Stats counts the valid multi-byte sequences and the invalid bytes of
// data read as UTF-8. It stops early once the bytes are plainly not UTF-8
// (more than a thousand bad bytes, and more than twice the good sequences).
func utf8Stats(data []byte) (multi, bad int) {
	if valid, wide := validUTF8(data); valid {
		if wide {
			return 1, 0
		}
		return 0, 0
	}
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
			if bad > 1000 && bad > 2*multi {
				return multi, bad
			}
		} else {
			multi++
		}
		i += size
	}
	return multi, bad
}

// validUTF8 reports what utf8.Valid does, and whether data holds any
// multi-byte sequence (any byte of 0x80 or more, in valid UTF-8).
func validUTF8(data []byte) (valid, wide bool) {
	if !validCJK(data) {
		return false, true
	}
	i := 0
	for ; i+8 <= len(data); i += 8 {
		if binary.LittleEndian.Uint64(data[i:])&highBits != 0 {
			return true, true
		}
	}
	for ; i < len(data); i++ {
		if data[i] >= utf8.RuneSelf {
			return true, true
		}
	}
	return true, false
}

// validCJK reports what utf8.Valid does, faster on Chinese text: it takes
// runs of three-byte characters whose lead accepts any continuation bytes
// (0xE1–0xEC, 0xEE, 0xEF: the CJK blocks and their punctuation) a word at
// a time, and runs of ASCII eight bytes at a time, leaving the rest to a
// rune decode.
func validCJK(p []byte) bool {
	n := len(p)
	i := 0
	for i < n {
		for i+4 <= n {
			w := binary.LittleEndian.Uint32(p[i:])
			if w&0xC0C0F0 != 0x8080E0 {
				break
			}
			if lead := byte(w); lead == 0xE0 || lead == 0xED {
				break // leads whose second byte has a narrower range
			}
			i += 3
		}
		for i+8 <= n && binary.LittleEndian.Uint64(p[i:])&highBits == 0 {
			i += 8
		}
		if i >= n {
			break
		}
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// decodeUTF8 copies data, replacing each invalid byte by U+FFFD. offset is
// where data starts in the input.
func decodeUTF8(data []byte, offset int) Decoded {
	d := Decoded{Encoding: "utf-8", FirstBad: -1}
	if utf8.Valid(data) {
		d.Text = data
		return d
	}
	var b bytes.Buffer
	b.Grow(len(data) + 16)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if d.FirstBad < 0 {
				d.FirstBad = offset + i
			}
			d.Replaced++
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[i : i+size])
		}
		i += size
	}
	d.Text = b.Bytes()
	return d
}

// transformAll runs t over all of src into one buffer sized for Chinese
// text (a two-byte character becomes three bytes of UTF-8), grown only
// when that is short, where transform.Bytes starts small and doubles.
func transformAll(t transform.Transformer, src []byte) ([]byte, error) {
	room := func(n int) int { return n + n/2 + 16 }
	dst := make([]byte, room(len(src)))
	nDst := 0
	for {
		n, nSrc, err := t.Transform(dst[nDst:], src, true)
		nDst += n
		src = src[nSrc:]
		if err != transform.ErrShortDst {
			return dst[:nDst], err
		}
		dst = append(dst[:nDst], make([]byte, room(len(src)))...)
		dst = dst[:cap(dst)]
	}
}

// decodeWith decodes data with e; every U+FFFD in the result is a
// replaced sequence, counted.
func decodeWith(data []byte, e encoding.Encoding, name string) Decoded {
	if name == "utf-8" {
		return decodeUTF8(data, 0)
	}
	d := Decoded{Encoding: name, FirstBad: -1}
	out, err := transformAll(e.NewDecoder(), data)
	if err != nil {
		// x/text decoders replace bad input; an error here is a bug in
		// the decoder, read the page as UTF-8 instead.
		return decodeUTF8(data, 0)
	}
	d.Text = out
	d.Replaced = bytes.Count(out, []byte("\uFFFD"))
	return d
}
