package parse

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/replykit/replykit/reply"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrRenderedPage means a page that replykit's render package wrote (its
// <article data-rk="reply">) has markup that cannot be read back: a
// section number that is not a number, a data attribute that is not the
// JSON it should be. The error says which part.
var ErrRenderedPage = errors.New("malformed rendered page")

// readRendered reads back a page that replykit's render package wrote,
// from its data-* hooks rather than its text: the result equals the reply
// that was rendered (its Warnings aside, which are not written) when that
// reply was valid. A page whose reply does not validate is an error
// wrapping ErrRenderedPage and the *reply.ValidationError, as markup made
// or changed by hand may be; an empty title alone gives the warning
// CodeNoTitle, as for any page. An image without a kept address reads as
// a paragraph of its text. art is the page's <article data-rk="reply">
// (renderedArticle, or the page scan's find).
func readRendered(art *html.Node) (*reply.Reply, error) {
	f := rkAttr(art, "data-format")
	if !reply.KnownFormat(f) {
		return nil, fmt.Errorf("parse: rendered page of format %q, want %q or %q: %w", f, reply.FormatV1, reply.FormatV2, reply.ErrFormat)
	}
	rr := &renderedReader{}
	rep := rr.article(art)
	if f == reply.FormatV1 && !rep.Provenance.IsZero() {
		rr.fail("data-provenance in a page of format %q, which has none", f)
	}
	if rr.err != nil {
		return nil, rr.err
	}
	if err := checkRendered(rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// isRenderedArticle reports whether n is an <article data-rk="reply">.
func isRenderedArticle(n *html.Node) bool {
	return n.Type == html.ElementNode && n.DataAtom == atom.Article && n.Namespace == "" && rkAttr(n, "data-rk") == "reply"
}

// renderedArticle is the first <article data-rk="reply"> under root in
// document order, or nil. The walk keeps no stack: it climbs back up by
// the parent links.
func renderedArticle(root *html.Node) *html.Node {
	for n := root; n != nil; {
		if isRenderedArticle(n) {
			return n
		}
		if n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
		}
		if n == root {
			return nil
		}
		n = n.NextSibling
	}
	return nil
}

// checkRendered validates a reply read back from its markup. An empty
// title is warned about, as when any page has none; any other problem
// makes the page malformed.
func checkRendered(rep *reply.Reply) error {
	err := rep.Validate()
	if err == nil {
		return nil
	}
	var ve *reply.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("parse: rendered page: %w: %w", ErrRenderedPage, err)
	}
	untitled := strings.TrimSpace(rep.Title) == ""
	var rest []reply.Problem
	for _, p := range ve.Problems {
		if untitled && (p.Path == "title" || p.Path == "header") {
			continue
		}
		rest = append(rest, p)
	}
	if len(rest) > 0 {
		return fmt.Errorf("parse: rendered page holds an invalid reply: %w: %w", ErrRenderedPage, &reply.ValidationError{Problems: rest})
	}
	rep.Warnings = append(rep.Warnings, reply.Warning{Code: CodeNoTitle, Message: "the rendered page has no title"})
	return nil
}

// renderedReader reads a rendered article, keeping the first error.
type renderedReader struct {
	err error
}

func (rr *renderedReader) fail(format string, args ...any) {
	if rr.err == nil {
		rr.err = fmt.Errorf("parse: rendered page: "+format+": %w", append(args, ErrRenderedPage)...)
	}
}

// jsonAttr decodes the JSON in attribute key of n into v, when present.
func (rr *renderedReader) jsonAttr(n *html.Node, key string, v any) bool {
	s, ok := rkAttrLookup(n, key)
	if !ok {
		return false
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		rr.fail("%s: %v", key, err)
		return false
	}
	return true
}

func (rr *renderedReader) article(art *html.Node) *reply.Reply {
	r := &reply.Reply{
		Kind:        reply.Kind(rkAttr(art, "data-kind")),
		DocNumber:   rkAttr(art, "data-doc-number"),
		Signer:      rkAttr(art, "data-signer"),
		IndexNumber: rkAttr(art, "data-index-number"),
		Category:    reply.Category(rkAttr(art, "data-category")),
	}
	rr.jsonAttr(art, "data-proposal", &r.Proposal)
	rr.jsonAttr(art, "data-addressees", &r.Addressees)
	rr.jsonAttr(art, "data-contact", &r.Contact)
	rr.jsonAttr(art, "data-cc", &r.CC)
	rr.jsonAttr(art, "data-attachments", &r.Attachments)
	rr.jsonAttr(art, "data-signature", &r.Signature)
	rr.jsonAttr(art, "data-page", &r.Page)
	rr.jsonAttr(art, "data-provenance", &r.Provenance)
	_, header := rkAttrLookup(art, "data-header")
	_, trailer := rkAttrLookup(art, "data-trailer")
	if header {
		r.Header = []reply.Line{}
	}
	if trailer {
		r.Trailer = []reply.Line{}
	}
	for c := art.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch rkAttr(c, "data-rk") {
		case "title":
			r.Title, r.TitleInferred = rr.title(c)
		case "header":
			rkWalk(c, func(n *html.Node, rk string) bool {
				switch rk {
				case "title":
					r.Title, r.TitleInferred = rr.title(n)
				case "line":
					if header {
						r.Header = append(r.Header, rkLine(n))
					}
					return false
				}
				return true
			})
		case "salutation":
			r.Salutation = rkText(c)
		case "opening":
			r.Opening = rr.blocks(c)
		case "section":
			r.Sections = append(r.Sections, rr.section(c))
		case "closing":
			r.Closing = rr.blocks(c)
		case "trailer":
			if trailer {
				rkWalk(c, func(n *html.Node, rk string) bool {
					if rk == "line" {
						r.Trailer = append(r.Trailer, rkLine(n))
						return false
					}
					return true
				})
			}
		}
	}
	return r
}

// title reads the <h1>: its data-title when the title is set apart from
// the header lines it spans, else its text; and whether it is marked as
// inferred (data-title-inferred).
func (rr *renderedReader) title(n *html.Node) (string, bool) {
	inferred := rkAttr(n, "data-title-inferred") == "true"
	if t, ok := rkAttrLookup(n, "data-title"); ok {
		return t, inferred
	}
	return rkText(n), inferred
}

func rkLine(n *html.Node) reply.Line {
	return reply.Line{Text: rkText(n), Field: reply.Field(rkAttr(n, "data-field"))}
}

// section reads a <section data-rk="section"> and its subsections.
func (rr *renderedReader) section(n *html.Node) reply.Section {
	s := reply.Section{Marker: rkAttr(n, "data-marker"), RunIn: rkAttr(n, "data-run-in") == "true"}
	num := rkAttr(n, "data-number")
	v, err := strconv.Atoi(num)
	if err != nil {
		rr.fail("section %q: data-number %q is not a number", s.Marker, num)
	}
	s.Number = v
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch rk := rkAttr(c, "data-rk"); rk {
		case "heading":
			s.Heading = rkTextExcept(c, "marker")
		case "section":
			s.Sections = append(s.Sections, rr.section(c))
		default:
			if b, ok := rr.block(c, rk); ok {
				s.Blocks = append(s.Blocks, b)
			}
		}
	}
	return s
}

// blocks reads the blocks among n's children.
func (rr *renderedReader) blocks(n *html.Node) []reply.Block {
	var out []reply.Block
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if b, ok := rr.block(c, rkAttr(c, "data-rk")); ok {
			out = append(out, b)
		}
	}
	return out
}

// block reads a paragraph, a table or an image by its data-rk role.
func (rr *renderedReader) block(n *html.Node, rk string) (reply.Block, bool) {
	switch rk {
	case "p":
		return rkParagraph(n), true
	case "table":
		return reply.Block{Table: rkTable(n)}, true
	case "image":
		img := &reply.Image{}
		rkWalk(n, func(c *html.Node, _ string) bool {
			if c.Data == "img" {
				img.URL, img.Alt = rkAttr(c, "src"), rkAttr(c, "alt")
				return false
			}
			return true
		})
		if img.URL == "" || !reply.LinkableURL(img.URL) {
			// The renderer left an unsafe address out: the text stays.
			return reply.Block{Text: img.Alt}, img.Alt != ""
		}
		return reply.Block{Image: img}, true
	}
	return reply.Block{}, false
}

// rkParagraph reads a paragraph: the text before its points, then each
// point span. Text after a point belongs to that point.
func rkParagraph(n *html.Node) reply.Block {
	var b reply.Block
	var text strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && rkAttr(c, "data-rk") == "point" {
			b.Points = append(b.Points, rkPoint(c))
			continue
		}
		if len(b.Points) == 0 {
			rkAppendText(&text, c)
		} else {
			var sb strings.Builder
			rkAppendText(&sb, c)
			b.Points[len(b.Points)-1].Text += sb.String()
		}
	}
	b.Text = text.String()
	return b
}

// rkPoint reads a point span: its marker, its lead (a span, or data-lead
// when the lead does not begin the text) and its text after the marker.
func rkPoint(n *html.Node) reply.Point {
	var p reply.Point
	var text strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch rkAttr(c, "data-rk") {
		case "marker":
			if c.Type == html.ElementNode {
				p.Marker += rkText(c)
				continue
			}
		case "lead":
			if c.Type == html.ElementNode {
				p.Lead += rkText(c)
			}
		}
		rkAppendText(&text, c)
	}
	p.Text = text.String()
	if lead, ok := rkAttrLookup(n, "data-lead"); ok {
		p.Lead = lead
	}
	return p
}

// rkTable reads a table's caption and rows of cells.
func rkTable(n *html.Node) *reply.Table {
	t := &reply.Table{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "caption":
				t.Caption = rkText(c)
			case "tr":
				row := []string{}
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.Data == "td" || td.Data == "th") {
						row = append(row, rkText(td))
					}
				}
				t.Rows = append(t.Rows, row)
			case "table":
				// A nested table is not the renderer's; its rows are its own.
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return t
}

// rkWalk calls f on each element below n in document order, with its
// data-rk role; f returns false to skip the element's children.
func rkWalk(n *html.Node, f func(*html.Node, string) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if f(c, rkAttr(c, "data-rk")) {
			rkWalk(c, f)
		}
	}
}

// rkText returns the text of n and everything below it, as written.
func rkText(n *html.Node) string {
	var b strings.Builder
	rkAppendText(&b, n)
	return b.String()
}

// rkTextExcept returns the text below n without the elements of role rk.
func rkTextExcept(n *html.Node, rk string) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && rkAttr(c, "data-rk") == rk {
			continue
		}
		rkAppendText(&b, c)
	}
	return b.String()
}

func rkAppendText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
	case html.ElementNode, html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rkAppendText(b, c)
		}
	}
}

func rkAttrLookup(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func rkAttr(n *html.Node, key string) string {
	v, _ := rkAttrLookup(n, key)
	return v
}
