package parse

import (
	"fmt"
	"strings"

	"github.com/replykit/replykit/reply"
)

// secNode is a section while the tree is built: its content waits as a
// run of the builder's items until the tree is done.
type secNode struct {
	marker   string
	number   int
	level    int
	heading  string
	runIn    bool
	depth    int // in the tree: 0 for a top-level section
	from, to int // its items: sectionBuilder.items[from:to]
}

// sectionBuilder builds the section tree from the body's paragraphs in one
// pass, keeping the stack of open sections. The sections are kept in
// document order, which is the tree's preorder; content always goes to
// the section opened last, so that each one's items are one run of the
// list of all items.
type sectionBuilder struct {
	nodes    []secNode
	stack    []int // indexes in nodes of the open sections, outermost first
	items    []item
	warnings []reply.Warning
}

// newSectionBuilder returns a builder for a body of n paragraphs at most,
// sized once: each paragraph gives one item at most, or opens a section.
func newSectionBuilder(n int) *sectionBuilder {
	return &sectionBuilder{nodes: make([]secNode, 0, min(n, 16)), stack: make([]int, 0, 4), items: make([]item, 0, n)}
}

// add places one paragraph: a new section when it starts with a marker
// that fits the tree, else content of the deepest open section.
func (b *sectionBuilder) add(p para) {
	if p.table != nil || p.image != nil {
		b.content(item{table: p.table, image: p.image})
		return
	}
	m, level, n := reply.ReadMarker(p.text)
	if level == reply.LevelNone {
		b.content(item{text: p.text})
		return
	}
	// The parent is the deepest open section of a higher level; the open
	// section just below it on the stack, if any, is its last child.
	depth := len(b.stack)
	for depth > 0 && b.nodes[b.stack[depth-1]].level >= level {
		depth--
	}
	if depth < len(b.stack) {
		last := &b.nodes[b.stack[depth]]
		switch {
		case last.level != level:
			b.warn(p, CodeMarkerLevel, fmt.Sprintf("marker %q (level %d) among sections of level %d; kept as a paragraph", m, level, last.level))
			b.content(item{text: p.text})
			return
		case n <= last.number:
			b.warn(p, CodeNumberingRestart, fmt.Sprintf("marker %q after %q: numbering restarts; kept as a paragraph", m, last.marker))
			b.content(item{text: p.text})
			return
		case n > last.number+1:
			b.warn(p, CodeNumberingGap, fmt.Sprintf("marker %q after %q: numbers skipped", m, last.marker))
		}
	} else if n != 1 {
		b.warn(p, CodeNumberingGap, fmt.Sprintf("first section at its level is %q", m))
	}
	heading, body, runIn := splitHeading(trim(p.text[len(m):]))
	s := secNode{marker: m, number: n, level: level, heading: heading, runIn: runIn, depth: depth, from: len(b.items)}
	if body != "" {
		b.items = append(b.items, item{text: body})
	}
	s.to = len(b.items)
	b.nodes = append(b.nodes, s)
	b.stack = append(b.stack[:depth], len(b.nodes)-1)
}

// content adds an item to the deepest open section, the one opened last.
// The first paragraph given to the builder opens a section, so there is
// always one.
func (b *sectionBuilder) content(it item) {
	if len(b.nodes) == 0 {
		return
	}
	b.items = append(b.items, it)
	b.nodes[len(b.nodes)-1].to = len(b.items)
}

// warn records a warning about paragraph p.
func (b *sectionBuilder) warn(p para, code, msg string) {
	b.warnings = append(b.warnings, reply.Warning{Code: code, Message: msg, Where: p.pos.String()})
}

// sections returns the finished tree. The blocks of all sections share
// one array, each section's capped at its own length.
func (b *sectionBuilder) sections(arena *pointArena) []reply.Section {
	blocks := make([]reply.Block, 0, len(b.items))
	out, _ := b.convert(0, 0, &blocks, arena)
	return out
}

// convert returns the sections of the run of siblings at tree depth d
// that starts at nodes[i], and the index of the node after their
// subtrees.
func (b *sectionBuilder) convert(i, d int, blocks *[]reply.Block, arena *pointArena) ([]reply.Section, int) {
	count := 0
	for j := i; j < len(b.nodes) && b.nodes[j].depth >= d; j++ {
		if b.nodes[j].depth == d {
			count++
		}
	}
	if count == 0 {
		return nil, i
	}
	out := make([]reply.Section, count)
	for k := range out {
		n := &b.nodes[i]
		var secBlocks []reply.Block
		if n.to > n.from {
			start := len(*blocks)
			*blocks = appendBlocks(*blocks, b.items[n.from:n.to], arena)
			secBlocks = (*blocks)[start:len(*blocks):len(*blocks)]
		}
		out[k] = reply.Section{
			Marker:  n.marker,
			Number:  n.number,
			Heading: n.heading,
			RunIn:   n.runIn,
			Blocks:  secBlocks,
		}
		out[k].Sections, i = b.convert(i+1, d+1, blocks, arena)
	}
	return out, i
}

// Heading limits, in characters: a heading on its own line, and a heading
// run into its paragraph (its first sentence).
const (
	maxOwnHeading   = 40
	maxRunInHeading = 30
)

// splitHeading splits what follows a section marker into the heading and
// the paragraph. A short line with no sentence inside is a heading of its
// own (RunIn false); a short first sentence before more text is a run-in
// heading (「认识不足，创新不到位。一是…」); anything else is a paragraph
// with no heading (Heading "", RunIn true).
func splitHeading(rest string) (heading, body string, runIn bool) {
	if rest == "" {
		return "", "", false
	}
	if _, ok := startsWithMarker(rest, []string{"一是", "一要", "首先"}); ok {
		return "", rest, true
	}
	end := -1
	if i, size := sentenceEnd(rest); i >= 0 {
		end = i + size
	}
	// Quoted words count for nothing in a heading's length: 「“…”建议可行。」
	// and 「关于“…”等问题。」 are headings however long the quote.
	switch {
	case end < 0 || end == len(rest):
		if !longer(unquoted(rest), maxOwnHeading) {
			return rest, "", false
		}
		return "", rest, true
	case !longer(unquoted(rest[:end]), maxRunInHeading) && !containsChars(rest[:end], "我您你"):
		return rest[:end], trim(rest[end:]), true
	}
	return "", rest, true
}

// unquoted returns s without the words inside “…”.
func unquoted(s string) string {
	if !strings.Contains(s, "“") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '“':
			depth++
		case r == '”' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
