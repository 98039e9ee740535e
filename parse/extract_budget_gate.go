package parse

import (
	"bytes"
	"math"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// formattingBound is an upper bound on the formatting elements and
// attributes html.Parse copies when it builds text's tree, counted from
// its bytes alone so that most pages need no tokenizer pass; it returns
// more than limit, early, once the bound passes limit.
//
// The copies are made by reconstructions of the list of active formatting
// elements and by the adoption agency (x/net/html v0.62.0's
// reconstructActiveFormattingElements and inBodyEndTagFormatting). Each
// entry of that list stands for one formatting start tag (a copy replaces
// the entry it copies), and a reconstruction copies only entries whose
// element is off the stack of open elements. The bound sorts the
// formatting start tags into those that surely never leave an entry off
// the stack ("closed in place", see below) and the rest, and counts
//
//		Σ over the rest (1+attrs)·(2R'+1+N) + 32·(E+Na+N)·(1+A):
//
//	  - an entry is copied at most once a reconstruction; reconstructions
//	    run at most once a token, twice for each of the N <nobr> start tags,
//	    and the tokens after a tag are at most 2R'+1, R' the '<' after it
//	    (each token but text starts with one). After the list's last marker
//	    there is at most one <a> (a new <a> takes the one there out), so the
//	    <a> tags not closed in place count at most the heaviest of them from
//	    the first of them on;
//	  - the adoption agency runs at most once per end tag of a formatting
//	    element (E) and per <a> (Na) and <nobr> start tag, in at most eight
//	    turns; a turn clones the list entries its inner loop meets while its
//	    counter is at most three (past three it takes them out of the list
//	    instead), and the formatting element: four copies a turn, 32 a run,
//	    each of an entry not closed in place, of weight at most 1+A, A the
//	    most attributes of those tags (tagAttrBound).
//
// A formatting start tag t is closed in place when the bytes after it up
// to its own end tag hold only text and tags of inline elements (span,
// img, br, sub…, formatting elements closed in place), each ending at its
// first '>' (plainTag) or where html.Tokenizer ends it, nested properly.
// If t is a tag html.Parse reads (and not text in a comment, script or
// attribute), the tokenizer is in its data state after it, so it reads
// those bytes as exactly those tokens; in any insertion mode that puts t
// on the stack, each is then treated by the rules of "in body" (table
// modes only foster-parent them): no token closes t, nested elements close
// at their own end tags as the current node, and at t's end tag t is the
// current node, in the list, and taken out of both with no copy; while t
// is open no reconstruction copies anything, as the list's last entry is
// on the stack. (Should the "Noah's Ark" clause take t out of the list,
// its end tag pops it as the current node.) Two tags are excluded: an <a>
// inside such a run when an <a> not closed in place came before, or
// inside an open <a> (the new <a> runs the adoption agency on the old,
// which may take t off the stack), and a <nobr> (likewise). A tag that is no tag to html.Parse
// makes no entry; its end tag, if one, is an E. Tags are found where '<'
// and an element's name (in any case) end at a byte that ends a tag name,
// inside comments and scripts too, an over-count that keeps the bound
// sound.
func formattingBound(text []byte, limit int64) int64 {
	s := boundScan{text: text, limit: limit, lt: int64(bytes.Count(text, []byte{'<'}))}
	for i := 0; i < len(text); {
		j := bytes.IndexByte(text[i:], '<')
		if j < 0 {
			break
		}
		if i = s.tag(i + j); s.grew {
			if s.over() {
				return limit + 1
			}
			s.grew = false
		}
	}
	s.flush()
	if s.over() {
		return limit + 1
	}
	return s.total()
}

// inRun is a formatting or inline element open in a run that may be
// closed in place.
type inRun struct {
	a      atom.Atom
	weight int64 // one and one per attribute, for a formatting element
	seen   int64 // the '<' up to its own
	fmt    bool  // a formatting element
}

// boundScan is the state of formattingBound over one page.
type boundScan struct {
	text       []byte
	limit      int64
	lt         int64   // the '<' of the page
	seen       int64   // the '<' read so far
	nobrs      int64   // <nobr> start tags so far
	adoptions  int64   // formatting end tags, <a> and <nobr> start tags so far
	runs       []inRun // the open run, outermost first
	weights    int64   // Σ w, w = 1+attrs, over the tags not closed in place, but <a>
	copies     int64   // Σ w·(2R'+1) over them
	anchor     int64   // the heaviest <a> not closed in place, 0 when none
	anchorSeen int64   // the '<' up to the first of them
	heaviest   int64   // the heaviest tag not closed in place
	grew       bool    // a count grew since the bound was last compared
}

// tag reads the '<' at offset i of the page and returns where to read on.
func (s *boundScan) tag(i int) int {
	s.seen++
	rest := s.text[i+1:]
	end := len(rest) > 0 && rest[0] == '/'
	if end {
		rest = rest[1:]
	}
	letter := len(rest) > 0 && rest[0]|0x20 >= 'a' && rest[0]|0x20 <= 'z'
	if len(s.runs) == 0 && !isFormattingName(rest) {
		return i + 1 // outside a run only formatting tags count
	}
	var a atom.Atom
	if letter {
		a = tagAtom(rest)
	}
	if !letter || formattingIndex(a) < 0 {
		return s.inline(i, a, end, letter)
	}
	s.grew = true
	if end {
		s.adoptions++
		if n := len(s.runs); n > 0 && s.runs[n-1].a == a && s.runs[n-1].fmt {
			if stop, _, ok := tagExtent(s.text, i, true); ok {
				s.runs = s.runs[:n-1] // closed in place
				return stop
			}
		}
		s.flush()
		return i + 1
	}
	switch a {
	case atom.A:
		s.adoptions++
		if s.anchor > 0 || s.holds(atom.A) > 0 {
			s.flush()
		}
	case atom.Nobr:
		s.adoptions++
		s.nobrs++
		s.flush()
	}
	stop, attrs, ok := tagExtent(s.text, i, false)
	if !ok || a == atom.Nobr {
		s.flush()
		if !ok {
			attrs = tagAttrBound(s.text, i)
		}
		s.left(a, 1+attrs, s.seen)
		return i + 1
	}
	s.runs = append(s.runs, inRun{a: a, weight: 1 + attrs, seen: s.seen, fmt: true})
	return stop
}

// inline reads, inside a run, the '<' at offset i that starts no
// formatting tag: a tag of element a (0 when none or unknown), an end
// tag when end, or text when no letter follows.
func (s *boundScan) inline(i int, a atom.Atom, end, letter bool) int {
	if !letter {
		if c := s.text[i+1:]; end || len(c) > 0 && (c[0] == '!' || c[0] == '?') {
			s.flush() // a comment, doctype or bogus comment
		}
		return i + 1 // '<' read as text
	}
	void, ok := inlineElement(a)
	if !ok || void && end {
		s.flush()
		return i + 1
	}
	stop, _, ok := tagExtent(s.text, i, end)
	switch n := len(s.runs); {
	case !ok:
		s.flush()
		return i + 1
	case void:
	case !end:
		s.runs = append(s.runs, inRun{a: a})
	case s.runs[n-1].a == a && !s.runs[n-1].fmt:
		s.runs = s.runs[:n-1]
	default:
		s.flush()
		return i + 1
	}
	return stop
}

// holds counts the formatting elements a open in the run.
func (s *boundScan) holds(a atom.Atom) int {
	n := 0
	for _, r := range s.runs {
		if r.fmt && r.a == a {
			n++
		}
	}
	return n
}

// flush counts every formatting element open in the run as not closed in
// place, and ends the run.
func (s *boundScan) flush() {
	for _, r := range s.runs {
		if r.fmt {
			s.left(r.a, r.weight, r.seen)
		}
	}
	s.runs = s.runs[:0]
}

// left counts a formatting start tag of element a, weight and the '<' up
// to its own seen, as not closed in place.
func (s *boundScan) left(a atom.Atom, weight, seen int64) {
	s.heaviest = max(s.heaviest, weight)
	if a == atom.A {
		if s.anchor == 0 {
			s.anchorSeen = seen
		}
		s.anchor = max(s.anchor, weight)
		return
	}
	s.weights = satAdd(s.weights, weight)
	s.copies = satAdd(s.copies, satMul(weight, 2*(s.lt-seen)+1))
}

// total is the bound for what has been read, with the '<' of the whole
// page: a lower bound on the page's bound while reading it, since the
// counts only grow and each tag's later tokens are counted from the
// page's '<'.
func (s *boundScan) total() int64 {
	b := satAdd(s.copies, satMul(s.weights, s.nobrs))
	if s.anchor > 0 {
		b = satAdd(b, satMul(s.anchor, 2*(s.lt-s.anchorSeen)+1+s.nobrs))
	}
	return satAdd(b, satMul(32*s.adoptions, s.heaviest))
}

// over reports whether the bound of what has been read passes the limit.
func (s *boundScan) over() bool {
	return s.total() > s.limit
}

// isFormattingName reports whether b starts with the name of a
// formatting element, in any case, ended by a byte that ends a tag name or
// by the end of b: as startsFormatting, without the atom table.
func isFormattingName(b []byte) bool {
	var name [6]byte
	n := readTagName(b, name[:])
	if n < 0 {
		return false
	}
	switch string(name[:n]) {
	case "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u":
		return true
	}
	return false
}

// inlineElement reports whether a is an element a run closed in place
// may hold (ok), and whether it is void: elements that html.Parse's "in
// body" rules treat as "any other" element, pushed and popped at their
// own tags, and img, br and wbr, inserted and popped at once.
func inlineElement(a atom.Atom) (void, ok bool) {
	switch a {
	case atom.Img, atom.Br, atom.Wbr:
		return true, true
	case atom.Span, atom.Sub, atom.Sup, atom.Label, atom.Abbr, atom.Ins, atom.Del, atom.Q, atom.Cite, atom.Dfn,
		atom.Kbd, atom.Samp, atom.Var, atom.Mark, atom.Time, atom.Data, atom.Bdi, atom.Bdo:
		return false, true
	}
	return false, false
}

// tagExtent reads the tag, an end tag when end, that html.Tokenizer would
// read in its data state at offset at of text: where it stops (the byte
// after its '>'), and for a start tag its attributes; ok is false when
// the tag does not end within maxTagRead bytes.
func tagExtent(text []byte, at int, end bool) (stop int, attrs int64, ok bool) {
	gt := bytes.IndexByte(text[at:], '>')
	if gt < 0 {
		return 0, 0, false
	}
	tag := text[at : at+gt]
	if end {
		tag = tag[1:] // plainTag reads the name from index 1, after the '/'
	}
	if n, plain := plainTag(tag); plain {
		return at + gt + 1, n, true
	}
	z := html.NewTokenizer(bytes.NewReader(text[at:min(len(text), at+maxTagRead)]))
	tt := z.Next()
	if raw := z.Raw(); len(raw) == 0 || raw[len(raw)-1] != '>' {
		return 0, 0, false
	}
	switch {
	case end && tt == html.EndTagToken:
		return at + len(z.Raw()), 0, true
	case !end && (tt == html.StartTagToken || tt == html.SelfClosingTagToken):
		stop = at + len(z.Raw())
		return stop, int64(tagWeight(z) - 1), true
	}
	return 0, 0, false
}

// satAdd and satMul add and multiply non-negative counts, stopping at a
// quarter of the largest int64 so that the bound cannot overflow.
func satAdd(a, b int64) int64 { return min(a+b, math.MaxInt64/4) }

func satMul(a, b int64) int64 {
	if a != 0 && b > math.MaxInt64/4/a {
		return math.MaxInt64 / 4
	}
	return a * b
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
// digits and "-_:.", values quoted whole or, unquoted, of bytes that are
// not white space (the tag is cut at its first '>'), separated by white
// space or '/' (which html.Tokenizer skips between attributes); and counts its
// attributes, the keys read. html.Tokenizer ends such a tag at that '>',
// its quotes all closed, and reads an attribute for each key at most, so
// that the tag needs no tokenizer.
func plainTag(tag []byte) (attrs int64, ok bool) {
	i := 1
	for i < len(tag) && isNameByte(tag[i]) {
		i++
	}
	for i < len(tag) {
		if !isTagSpace(tag[i]) && tag[i] != '/' {
			return 0, false
		}
		for i < len(tag) && (isTagSpace(tag[i]) || tag[i] == '/') {
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
			continue // a bare key, a separator next or the end
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
			for i < len(tag) && !isTagSpace(tag[i]) {
				i++ // html.Tokenizer reads an unquoted value to white space or '>'
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
