package parse

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// formattingBound is an upper bound on the formatting elements and
// attributes html.Parse copies when it builds text's tree, counted from
// its bytes alone so that most pages need no tokenizer pass; it stops, and
// returns more than limit, once the bound passes limit. The copies are
// made by reconstructions of the active formatting elements and by the
// adoption agency (x/net/html's reconstructActiveFormattingElements and
// inBodyEndTagFormatting), which the bound counts as
// (F+1)·(2R+1+N)·(1+A) + 32·(E+Na+N)·(1+A):
//
//   - a reconstruction copies the entries of the list of active
//     formatting elements after its last marker: at most one <a> (a new
//     <a> start tag runs the adoption agency on the one there and takes
//     it out), and no more than the F start tags of the other formatting
//     elements, so F+1;
//   - it runs at most once a token, twice for each of the N <nobr> start
//     tags, and the tokens are at most 2R+1, R the count of '<' (each
//     token but text starts with one);
//   - the adoption agency runs at most once per end tag of a formatting
//     element (E) and per <a> (Na) and <nobr> start tag, in at most
//     eight turns; a turn clones the list entries its inner loop meets
//     while its counter is at most three (past three it takes them out
//     of the list instead), and the formatting element: four copies a
//     turn, 32 a run;
//   - each copy weighs one and one per attribute, at most A+1, A the
//     most attributes of a formatting start tag (tagAttrBound).
//
// Tags are counted where '<' and a formatting element's name (in any case)
// end at a byte that ends a tag name, or at the end of the text: inside
// comments and scripts too, an over-count that keeps the bound sound.
func formattingBound(text []byte, limit int64) int64 {
	var lt, others, anchors, nobrs, ends int64
	var tags []int // the offsets of the formatting start tags
	for i := 0; ; i++ {
		j := bytes.IndexByte(text[i:], '<')
		if j < 0 {
			break
		}
		i += j
		lt++
		rest := text[i+1:]
		end := len(rest) > 0 && rest[0] == '/'
		if end {
			rest = rest[1:]
		}
		if !startsFormatting(rest) {
			continue
		}
		a := tagAtom(rest)
		switch {
		case end:
			ends++
		case a == atom.A:
			anchors++
			tags = append(tags, i)
		default:
			if a == atom.Nobr {
				nobrs++
			}
			others++
			tags = append(tags, i)
		}
	}
	perCopy := (others+1)*(2*lt+1+nobrs) + 32*(ends+anchors+nobrs) // copies, each of weight one
	if perCopy > limit {
		return limit + 1
	}
	most := limit / max(perCopy, 1) // the greatest weight that keeps the bound within limit
	var attrs int64
	for _, at := range tags {
		attrs = max(attrs, tagAttrBound(text, at))
		if 1+attrs > most {
			return limit + 1
		}
	}
	return perCopy * (1 + attrs)
}

// tagAttrBound is an upper bound on the attributes of the start tag that
// html.Tokenizer reads at offset at of text: its keys when it is plain
// (plainTag), half its bytes when no quote comes before the first '>',
// else as html.Tokenizer counts them in the next maxTagRead bytes, else
// half the bytes to the end of the text.
func tagAttrBound(text []byte, at int) int64 {
	tag := text[at:]
	gt := bytes.IndexByte(tag, '>')
	if gt < 0 {
		return int64(len(tag) / 2)
	}
	if n, ok := plainTag(tag[:gt]); ok {
		return n
	}
	if !bytes.ContainsAny(tag[:gt], `"'`) {
		return int64((gt + 1) / 2)
	}
	z := html.NewTokenizer(bytes.NewReader(tag[:min(len(tag), maxTagRead)]))
	if tt := z.Next(); tt == html.StartTagToken || tt == html.SelfClosingTagToken {
		if raw := z.Raw(); raw[len(raw)-1] == '>' {
			return int64(tagWeight(z) - 1)
		}
	}
	return int64(len(tag) / 2)
}

// plainTag reports a tag, its bytes before the first '>', of the plain
// form <name key="value" key='value' key=value key…>: names of letters,
// digits and "-_:.", values quoted whole or of bytes that are neither
// white space nor a quote, '=', '<', '>' or '`'; and counts its
// attributes, the keys read. html.Tokenizer ends such a tag at that '>',
// its quotes all closed, and reads an attribute for each key, so that the
// tag needs no tokenizer.
func plainTag(tag []byte) (attrs int64, ok bool) {
	i := 1
	for i < len(tag) && isNameByte(tag[i]) {
		i++
	}
	for i < len(tag) {
		if !isTagSpace(tag[i]) {
			return 0, false
		}
		for i < len(tag) && isTagSpace(tag[i]) {
			i++
		}
		k := i
		for i < len(tag) && isNameByte(tag[i]) {
			i++
		}
		if i > k {
			attrs++
		}
		if i == k || i == len(tag) || tag[i] != '=' {
			continue // a bare key, white space next or the end
		}
		i++
		switch {
		case i < len(tag) && (tag[i] == '"' || tag[i] == '\''):
			q := bytes.IndexByte(tag[i+1:], tag[i])
			if q < 0 {
				return 0, false
			}
			i += q + 2
		default:
			k = i
			for i < len(tag) && !isTagSpace(tag[i]) && !bytes.ContainsRune([]byte("\"'=<>`"), rune(tag[i])) {
				i++
			}
			if i == k {
				return 0, false
			}
		}
	}
	return attrs, true
}

// isNameByte reports the bytes of a plain tag's or attribute's name.
func isNameByte(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.'
}

// isTagSpace reports the white space that separates a tag's attributes.
func isTagSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
