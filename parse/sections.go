package parse

import (
	"fmt"
	"strings"

	"github.com/replykit/replykit/reply"
)

// secNode is a section while the tree is built: its content waits as items
// until the tree is done.
type secNode struct {
	marker   string
	number   int
	level    int
	heading  string
	runIn    bool
	items    []item
	children []*secNode
}

// sectionBuilder builds the section tree from the body's paragraphs in one
// pass, keeping the stack of open sections.
type sectionBuilder struct {
	root     secNode // level 0: holds the top-level sections
	stack    []*secNode
	warnings []reply.Warning
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
	// The parent is the deepest open section of a higher level.
	depth := len(b.stack)
	for depth > 0 && b.stack[depth-1].level >= level {
		depth--
	}
	parent := &b.root
	if depth > 0 {
		parent = b.stack[depth-1]
	}
	if k := len(parent.children); k > 0 {
		last := parent.children[k-1]
		switch {
		case last.level != level:
			b.warn(p, "marker-level", fmt.Sprintf("marker %q (level %d) among sections of level %d; kept as a paragraph", m, level, last.level))
			b.content(item{text: p.text})
			return
		case n <= last.number:
			b.warn(p, "numbering-restart", fmt.Sprintf("marker %q after %q: numbering restarts; kept as a paragraph", m, last.marker))
			b.content(item{text: p.text})
			return
		case n > last.number+1:
			b.warn(p, "numbering-gap", fmt.Sprintf("marker %q after %q: numbers skipped", m, last.marker))
		}
	} else if n != 1 {
		b.warn(p, "numbering-gap", fmt.Sprintf("first section at its level is %q", m))
	}
	heading, body, runIn := splitHeading(trim(p.text[len(m):]))
	s := &secNode{marker: m, number: n, level: level, heading: heading, runIn: runIn}
	if body != "" {
		s.items = append(s.items, item{text: body})
	}
	parent.children = append(parent.children, s)
	b.stack = append(b.stack[:depth], s)
}

// content adds an item to the deepest open section.
func (b *sectionBuilder) content(it item) {
	if len(b.stack) == 0 {
		b.root.items = append(b.root.items, it)
		return
	}
	top := b.stack[len(b.stack)-1]
	top.items = append(top.items, it)
}

func (b *sectionBuilder) warn(p para, code, msg string) {
	b.warnings = append(b.warnings, reply.Warning{Code: code, Message: msg, Where: p.pos.String()})
}

// sections returns the finished tree.
func (b *sectionBuilder) sections() []reply.Section {
	return convert(b.root.children)
}

func convert(nodes []*secNode) []reply.Section {
	if len(nodes) == 0 {
		return nil
	}
	out := make([]reply.Section, len(nodes))
	for i, n := range nodes {
		out[i] = reply.Section{
			Marker:   n.marker,
			Number:   n.number,
			Heading:  n.heading,
			RunIn:    n.runIn,
			Blocks:   buildBlocks(n.items),
			Sections: convert(n.children),
		}
	}
	return out
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
	n := 0
	for i, r := range rest {
		n++
		if isSentenceEnd(r) {
			end = i + len(string(r))
			break
		}
	}
	switch {
	case end < 0 || end == len(rest):
		if runeLen(rest) <= maxOwnHeading {
			return rest, "", false
		}
		return "", rest, true
	case n <= maxRunInHeading && !strings.ContainsAny(rest[:end], "我您你"):
		return rest[:end], trim(rest[end:]), true
	}
	return "", rest, true
}
