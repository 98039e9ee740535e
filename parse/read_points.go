package parse

import (
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
)

// item is one piece of content waiting to become a reply.Block: a
// paragraph's text, a table or an image.
type item struct {
	text  string
	table *reply.Table
	image *reply.Image
}

// series kinds of enumerated points.
const (
	seriesShi   = iota // 一是、二是…
	seriesYao          // 一要、二要…
	seriesFirst        // 首先、其次、再次、最后
)

// ordinalMarkers are the first twenty members of the 「一是」 and 「一要」
// series, written once.
var ordinalMarkers = func() [2][21]string {
	var m [2][21]string
	for n := 1; n <= 20; n++ {
		m[seriesShi][n] = reply.FormatNumeral(n) + "是"
		m[seriesYao][n] = reply.FormatNumeral(n) + "要"
	}
	return m
}()

// firstMarkers are the words that start a series, with their kind.
var firstMarkers = []struct {
	text string
	kind int
}{{"一是", seriesShi}, {"一要", seriesYao}, {"首先", seriesFirst}}

// seriesState is where a series of points stands: its kind and the index
// of its last member (1 for 一是 or 首先). idx 0 means no series is open.
type seriesState struct {
	kind, idx int
}

// next returns the markers that may follow the series' last member.
func (s seriesState) next() []string {
	switch s.kind {
	case seriesShi, seriesYao:
		if s.idx >= 1 && s.idx < 20 {
			return ordinalMarkers[s.kind][s.idx+1 : s.idx+2]
		}
	case seriesFirst:
		switch s.idx {
		case 1:
			return []string{"其次"}
		case 2:
			return []string{"再次", "最后"}
		case 3:
			return []string{"最后"}
		}
	}
	return nil
}

// advance returns the state after member m.
func (s seriesState) advance(m string) seriesState {
	if s.kind == seriesFirst && m == "最后" {
		return seriesState{kind: s.kind, idx: 4}
	}
	return seriesState{kind: s.kind, idx: s.idx + 1}
}

// isPointBoundary reports the characters after which a point marker may
// stand inside a paragraph.
func isPointBoundary(r rune) bool {
	return isPunct(r) || r == '、' || r == ' ' || r == '）' || r == ')' || r == '”'
}

// findMarker finds the first of markers in s at or after from that stands
// at the start of s or after a boundary character. It returns its byte
// offset and the marker, or -1. Once one marker is found, the others are
// looked for only before it.
func findMarker(s string, from int, markers []string) (int, string) {
	best, which := -1, ""
	for _, m := range markers {
		end := len(s)
		if best >= 0 {
			// A marker found further on could not be the first.
			end = min(end, best-1+len(m))
		}
		for i := from; i < end; {
			j := indexWide(s[i:end], m)
			if j < 0 {
				break
			}
			j += i
			if j == 0 {
				best, which = j, m
				break
			}
			if r, _ := utf8.DecodeLastRuneInString(s[:j]); isPointBoundary(r) {
				best, which = j, m
				break
			}
			i = j + len(m)
		}
	}
	return best, which
}

// startsWithMarker returns which of markers s starts with.
func startsWithMarker(s string, markers []string) (string, bool) {
	return hasPrefixAny(s, markers)
}

// splitPoints splits a paragraph into its text before the first point and
// the points of one series, starting from state st (a series open from
// the paragraphs before, or none). next is the following paragraph's text,
// which may continue a series that this paragraph opens with one member.
// It returns ok false when the paragraph holds no points.
//
// A second series later in the paragraph (「…二是…。下一步，我们将：一是…
// 二是…」) is a list of its own: the paragraph ends before the sentence
// that introduces it, and rest is the text from there on, to be read as a
// paragraph of its own.
func splitPoints(s string, st seriesState, next string, arena *pointArena) (text string, points []reply.Point, out seriesState, rest string, ok bool) {
	start := -1
	var cur seriesState
	var m string
	if st.idx > 0 {
		if mm, yes := startsWithMarker(s, st.next()); yes {
			start, m, cur = 0, mm, st.advance(mm)
		}
	}
	if start < 0 {
		start, m = findFirst(s)
		if start < 0 {
			return "", nil, seriesState{}, "", false
		}
		for _, f := range firstMarkers {
			if f.text == m {
				cur = seriesState{kind: f.kind, idx: 1}
			}
		}
	}
	type span struct {
		marker string
		at     int
	}
	// A series has few members: their list stays on the stack.
	var buf [8]span
	spans := append(buf[:0], span{m, start})
	pos := start + len(m)
	for {
		at, mm := findMarker(s, pos, cur.next())
		if at < 0 {
			break
		}
		spans = append(spans, span{mm, at})
		cur = cur.advance(mm)
		pos = at + len(mm)
	}
	// A series opened here needs a second member, in this paragraph or
	// at the start of the next one.
	if cur.idx == 1 && st.idx == 0 {
		if _, yes := startsWithMarker(next, cur.next()); !yes {
			return "", nil, seriesState{}, "", false
		}
	}
	cut := len(s)
	if len(spans) >= 2 {
		cut = seriesRestart(s, spans[len(spans)-1].at+len(spans[len(spans)-1].marker))
	}
	points = arena.take(len(spans))
	for i, sp := range spans {
		end := cut
		if i+1 < len(spans) {
			end = spans[i+1].at
		}
		marker := sp.marker
		// 「首先，完善…」: the comma after the enumerator belongs to it.
		if r, size := utf8.DecodeRuneInString(s[sp.at+len(marker) : end]); r == '，' || r == ',' || r == '：' || r == ':' || r == '、' {
			marker = s[sp.at : sp.at+len(marker)+size]
		}
		t := trim(s[sp.at+len(marker) : end])
		points = append(points, reply.Point{Marker: marker, Lead: leadOf(t), Text: t})
	}
	return trim(s[:start]), points, cur, trim(s[cut:]), true
}

// seriesRestart finds, after from, a new series in s — a 一是 (or 一要,
// 首先) with its second member after it — and returns where the sentence
// that introduces it starts; len(s) when there is none.
func seriesRestart(s string, from int) int {
	at, m := findFirst(s[from:])
	if at < 0 {
		return len(s)
	}
	at += from
	var st seriesState
	for _, f := range firstMarkers {
		if f.text == m {
			st = seriesState{kind: f.kind, idx: 1}
		}
	}
	if second, _ := findMarker(s, at+len(m), st.next()); second < 0 {
		return len(s)
	}
	// The introducing sentence starts after the last sentence end before
	// the new series.
	cut := from
	for i := from; i < at; {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isSentenceEnd(r) && i < at {
			cut = i
		}
	}
	if cut == from {
		cut = at
	}
	return cut
}

// findFirst finds the first marker that opens a series: 「一是」「一要」 at
// a boundary, or 「首先」 before it.
func findFirst(s string) (int, string) {
	best, which := findMarker(s, 0, []string{"一是", "一要"})
	limit := len(s)
	if best >= 0 {
		limit = best
	}
	if at, m := findMarker(s[:limit], 0, []string{"首先"}); at >= 0 {
		return at, m
	}
	return best, which
}

// leadOf returns a point's lead: its text up to the first mark that ends a
// sentence or clause (not a comma), when that mark is not the text's last
// character; else "".
func leadOf(t string) string {
	i, size := sentenceEnd(t)
	if i < 0 || i+size >= len(t) {
		return ""
	}
	return t[:i]
}

// pointArena hands out the lists of points of a reply's blocks from a few
// arrays, each list capped at its own length, rather than one array a
// list. A nil arena makes each list on its own.
type pointArena struct {
	buf []reply.Point
}

// take returns an empty list with room for n points.
func (a *pointArena) take(n int) []reply.Point {
	if a == nil {
		return make([]reply.Point, 0, n)
	}
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]reply.Point, 0, max(n, 2*cap(a.buf), 8))
	}
	start := len(a.buf)
	a.buf = a.buf[:start+n]
	return a.buf[start : start : start+n]
}

// buildBlocks turns the items of one container (the opening, a section's
// content, the closing) into blocks, reading the points of each paragraph.
// A series of points runs on from paragraph to paragraph (「一是…」 then
// 「二是…」 each a paragraph); a table or an image ends it.
func buildBlocks(items []item, arena *pointArena) []reply.Block {
	if len(items) == 0 {
		return nil
	}
	return appendBlocks(make([]reply.Block, 0, len(items)), items, arena)
}

// appendBlocks appends the blocks of items to dst, one block an item.
func appendBlocks(dst []reply.Block, items []item, arena *pointArena) []reply.Block {
	var st seriesState
	for i, it := range items {
		switch {
		case it.table != nil:
			dst = append(dst, reply.Block{Table: it.table})
			st = seriesState{}
			continue
		case it.image != nil:
			dst = append(dst, reply.Block{Image: it.image})
			st = seriesState{}
			continue
		}
		next := ""
		if i+1 < len(items) {
			next = items[i+1].text
		}
		for para := it.text; para != ""; {
			text, points, out, rest, ok := splitPoints(para, st, next, arena)
			if !ok {
				dst = append(dst, reply.Block{Text: para})
				st = seriesState{}
				break
			}
			dst = append(dst, reply.Block{Text: text, Points: points})
			st = out
			if rest != "" {
				// A second series in the paragraph starts a new one.
				st = seriesState{}
			}
			para = rest
		}
	}
	return dst
}
