package parse

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// How the content container is found (scanPage):
//
//   - The CMS markers win: the Hanweb comments <!--ZJEG_RSS.content.begin-->
//     and <!--ZJEG_RSS.content.end-->, then TRS's .TRS_Editor,
//     .trs_editor_view and .TRS_UEditor, then #zoom and #UCAP-CONTENT —
//     each when it holds at least a third of the text of the best
//     text-density scanCand (a small editor box beside the body is not it).
//   - Otherwise text density decides, as a browser's reader view does: each
//     paragraph-like element (p, div, td, li…) with ten or more characters
//     of its own text outside links gives that count to itself, its parent
//     and half of it to its grandparent; the element with the highest score,
//     scaled by its share of text outside links and raised a quarter for an
//     <article> or a content-like class (content, article, detail, zoom,
//     text…), is the container. This finds .article/.content divisions,
//     <article>, and the cell of an old site's layout table.
//
// The text of navigation, headers, footers, asides and widgets counts as
// link text; hidden elements, scripts and styles take no part.

// region is the part of a page that holds the notice: the children of
// node, or those from first to last when both are set.
type region struct {
	node        *html.Node
	first, last *html.Node
	how         string // what found it: "hanweb", "trs", "zoom", "density"
	text, links int    // characters outside and inside links
}

// children counts the region's element children, those from first to
// last when both are set: about as many blocks as it will give, so that
// the block list is sized once.
func (r *region) children() int {
	if r.node == nil {
		return 0
	}
	n := 0
	c := r.node.FirstChild
	if r.first != nil {
		c = r.first
	}
	for ; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			n++
		}
		if c == r.last {
			break
		}
	}
	return n
}

// pageScan is what one walk over the whole page found.
type pageScan struct {
	region     region
	metas      map[string]string // meta names lower-cased → content
	title      string            // <title>
	canonical  string
	baseHref   string
	savedFrom  string         // the URL of a browser's "saved from url=" comment
	linkHosts  map[string]int // hosts of absolute links → count
	homeHost   string         // host of a 首页 link
	body       *html.Node
	totalText  int
	totalLinks int
	rendered   *html.Node // the first <article data-rk="reply">, when looked for
}

// scanFrame is one open element during the scan.
type scanFrame struct {
	n          *html.Node
	own        int // characters of own text outside links
	sub, links int // characters in the subtree outside and inside links
	block      bool
	muted      bool // navigation, chrome or a link: text counts as links
	traits     classTraits
	score      float64 // text density score, from its own text and its children's
	order      int     // the element's place in document order
}

// scanCand is an element scored as a possible container, with the
// characters of its subtree outside and inside links.
type scanCand struct {
	n          *html.Node
	score      float64
	sub, links int
	order      int // the element's place in document order
}

// containerWords raise the score of an element whose class or id holds one.
var containerWords = []string{"content", "article", "detail", "zoom", "text", "main", "con", "body", "wenzhang", "zw", "nr"}

// strongContainers are class or id words of CMS content containers, best first.
var strongContainers = [][]string{
	{"trs_editor", "trs_editor_view", "trs_ueditor"},
	{"zoom", "ucap-content"},
}

// scanPage walks the whole page once, without recursion: it gathers the
// meta tags and link hosts and finds the content container. With
// findRendered it also looks for the first <article data-rk="reply"> in
// document order, as renderedArticle does (in the subtrees it skips too),
// and stops there: such a page is read back from its markup.
func scanPage(doc *html.Node, cache *elementCache, findRendered bool) *pageScan {
	ps := &pageScan{metas: map[string]string{}, linkHosts: map[string]int{}}
	// Scores live in the frames of the open elements (an element's own
	// text scores for it, its parent and grandparent, all open while it
	// is); an element is a candidate once it closes with a score, and only
	// the best candidate so far is kept.
	var (
		stack  = make([]scanFrame, 0, 32)
		best   scanCand    // the density winner so far
		strong [2]scanCand // the best of each strongContainers list
		hanBeg *html.Node
		hanEnd *html.Node
	)
	inLink, entered := 0, 0
	n := doc
	for n != nil {
		// Enter n.
		descend := false
		switch n.Type {
		case html.DocumentNode:
			descend = true
		case html.CommentNode:
			d := n.Data
			switch {
			case strings.Contains(d, "ZJEG_RSS.content.begin"):
				if hanBeg == nil {
					hanBeg = n
				}
			case strings.Contains(d, "ZJEG_RSS.content.end"):
				if hanBeg != nil && hanEnd == nil {
					hanEnd = n
				}
			case ps.savedFrom == "" && strings.Contains(d, "saved from url="):
				ps.savedFrom = savedFromURL(d)
			}
		case html.TextNode:
			c := countText(n.Data)
			if c > 0 && len(stack) > 0 {
				if inLink > 0 {
					stack[len(stack)-1].links += c
				} else {
					for i := len(stack) - 1; i >= 0; i-- {
						if stack[i].block {
							stack[i].own += c
							break
						}
					}
					stack[len(stack)-1].sub += c
				}
			}
		case html.ElementNode:
			if ps.enterElement(n) {
				el := readElement(n, cache)
				descend = !el.hidden
				if descend {
					muted := n.DataAtom == atom.A || isChrome(n.DataAtom, el.traits)
					if muted {
						inLink++
					}
					stack = append(stack, scanFrame{n: n, block: isBlockTag(n.DataAtom), traits: el.traits, muted: muted, order: entered})
					entered++
				}
			}
		}
		if findRendered {
			// The walk goes on below n when it descends; else the
			// subtree it skips is searched now.
			if descend && isRenderedArticle(n) {
				ps.rendered = n
			} else if !descend && (n.Type == html.ElementNode || n.FirstChild != nil) {
				ps.rendered = renderedArticle(n)
			}
			if ps.rendered != nil {
				return ps
			}
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		// Leave n and every ancestor whose children are done.
		for n != nil {
			if n.Type == html.ElementNode && len(stack) > 0 && stack[len(stack)-1].n == n {
				f := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if f.muted {
					inLink--
				}
				if len(stack) > 0 {
					p := &stack[len(stack)-1]
					p.sub += f.sub
					p.links += f.links
				}
				self := 1.0
				if n.DataAtom == atom.Table && f.sub >= 10 && isDataTable(n) {
					// A data table is content as a paragraph is, but
					// never the container itself.
					f.own, self = f.sub, 0
				}
				if f.block && f.own >= 10 {
					f.score += self * float64(f.own)
					if len(stack) > 0 {
						stack[len(stack)-1].score += float64(f.own)
					}
					if len(stack) > 1 {
						stack[len(stack)-2].score += float64(f.own) / 2
					}
				}
				for i, bit := range [...]classTraits{ctStrong0, ctStrong1} {
					if f.traits.has(bit) && float64(f.sub) > strong[i].score {
						strong[i] = scanCand{n: n, score: float64(f.sub), sub: f.sub, links: f.links}
					}
				}
				if f.score > 0 && f.sub > 0 {
					// The density score, scaled by the share of text
					// outside links; ties go to the element first in
					// document order.
					s := f.score * float64(f.sub) / float64(f.sub+f.links)
					if n.DataAtom == atom.Article || f.traits.has(ctContainer) {
						s *= 1.25
					}
					if s > best.score || (s == best.score && best.n != nil && f.order < best.order) {
						best = scanCand{n: n, score: s, sub: f.sub, links: f.links, order: f.order}
					}
				}
				if n.DataAtom == atom.Body {
					ps.totalText, ps.totalLinks = f.sub, f.links
				}
			}
			if n == doc {
				n = nil
				break
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
	// The density winner.
	bestText := best.sub
	enough := func(text int) bool { return text >= 20 && text*3 >= bestText }
	switch {
	case hanBeg != nil && hanEnd != nil && hanBeg.Parent == hanEnd.Parent:
		r := region{node: hanBeg.Parent, first: hanBeg, last: hanEnd, how: "hanweb"}
		r.text, r.links = rangeText(hanBeg, hanEnd)
		if enough(r.text) {
			ps.region = r
			return ps
		}
	case hanBeg != nil && hanEnd != nil:
		if a := commonAncestor(hanBeg, hanEnd); a != nil && a.FirstChild != nil {
			if text, links := rangeText(a.FirstChild, a.LastChild); enough(text) {
				ps.region = region{node: a, how: "hanweb", text: text, links: links}
				return ps
			}
		}
	}
	for i, c := range strong {
		if c.n != nil && enough(c.sub) {
			ps.region = region{node: c.n, how: [...]string{"trs", "zoom"}[i], text: c.sub, links: c.links}
			return ps
		}
	}
	if best.n != nil {
		ps.region = region{node: best.n, how: "density", text: best.sub, links: best.links}
	}
	return ps
}

// enterElement records what n tells about the page and reports whether its
// content may take part in the scan (a hidden element's does not either).
func (ps *pageScan) enterElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head:
		ps.scanHead(n)
		return false
	case atom.Meta:
		ps.addMeta(n)
		return false
	case atom.Title:
		if ps.title == "" && n.FirstChild != nil {
			ps.title = n.FirstChild.Data
		}
		return false
	case atom.Link:
		if strings.EqualFold(getAttr(n, "rel"), "canonical") && ps.canonical == "" {
			ps.canonical = strings.TrimSpace(getAttr(n, "href"))
		}
		return false
	case atom.Base:
		if ps.baseHref == "" {
			ps.baseHref = strings.TrimSpace(getAttr(n, "href"))
		}
		return false
	case atom.Body:
		if ps.body == nil {
			ps.body = n
		}
	case atom.A:
		ps.addLink(n)
	}
	return !isDropTag(n.DataAtom)
}

// isChrome reports whether n is navigation, a header or footer, or a
// widget: its text counts as link text, so that it never scores as content.
func isChrome(a atom.Atom, t classTraits) bool {
	return isChromeTag(a) || t.has(ctWidget) && !t.has(ctStrong0)
}

// scanHead reads the head's meta, title, link and base elements.
func (ps *pageScan) scanHead(head *html.Node) {
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			ps.enterElement(c)
		}
		if c.Type == html.CommentNode && ps.savedFrom == "" && strings.Contains(c.Data, "saved from url=") {
			ps.savedFrom = savedFromURL(c.Data)
		}
	}
}

// addMeta records a <meta name content> (or property) tag; the first of a
// name wins.
func (ps *pageScan) addMeta(n *html.Node) {
	name := getAttr(n, "name")
	if name == "" {
		name = getAttr(n, "property")
	}
	if name == "" {
		return
	}
	name = strings.ToLower(strings.TrimSpace(name))
	if _, ok := ps.metas[name]; ok {
		return
	}
	ps.metas[name] = strings.TrimSpace(getAttr(n, "content"))
}

// addLink counts the host of an absolute link and notes the home link.
func (ps *pageScan) addLink(n *html.Node) {
	host := linkHost(strings.TrimSpace(getAttr(n, "href")))
	if host == "" {
		return
	}
	ps.linkHosts[host]++
	if ps.homeHost == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
		switch strings.TrimSpace(n.FirstChild.Data) {
		case "首页", "网站首页", "返回首页", "主页":
			ps.homeHost = host
		}
	}
}

// linkHost is the lower-cased host name of an absolute link (http,
// https or scheme-relative) as net/url reads it, or "" for any other
// link. The plain host name of most links is read without parsing the
// whole address.
func linkHost(href string) string {
	rest, ok := strings.CutPrefix(href, "http://")
	if !ok {
		if rest, ok = strings.CutPrefix(href, "https://"); !ok {
			if rest, ok = strings.CutPrefix(href, "//"); !ok {
				return ""
			}
		}
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if plainHost(rest[:end]) && !strings.ContainsFunc(rest[end:], func(r rune) bool { return r == '%' || r < 0x20 || r == 0x7f }) {
		return strings.ToLower(rest[:end])
	}
	u, err := url.Parse(href)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// plainHost reports whether s is a host name of letters, digits, dots and
// hyphens only, which net/url takes as it is.
func plainHost(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return false
		}
	}
	return s != ""
}

// savedFromURL reads the URL of a browser's 「saved from url=(0083)http://…」 comment.
func savedFromURL(d string) string {
	_, rest, _ := strings.Cut(d, "saved from url=")
	if i := strings.IndexByte(rest, ')'); i >= 0 && strings.HasPrefix(rest, "(") {
		rest = rest[i+1:]
	}
	if i := strings.IndexAny(rest, " \t\r\n"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// countText counts the characters of s that are not white space (ASCII
// control characters count as white space here). Each lead or ASCII byte
// is a character; continuation bytes are part of one.
func countText(s string) int {
	c, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		if w := word8(s, i); plainWord(w) || i+10 <= len(s) && punctWord(s, i, w) {
			c += leadBytes(w)
			continue
		}
		for k := i; k < i+8; k++ {
			switch byteClass[s[k]] {
			case clsText:
				c++
			case clsMaybe:
				if spaceLen(s, k) == 0 {
					c++
				}
			}
		}
	}
	for ; i < len(s); i++ {
		switch byteClass[s[i]] {
		case clsText:
			c++
		case clsMaybe:
			if spaceLen(s, i) == 0 {
				c++
			}
		}
	}
	return c
}

// rangeText counts the text of the siblings from first to last, outside
// and inside links.
func rangeText(first, last *html.Node) (text, links int) {
	count := func(n *html.Node, top *html.Node) {
		if n.Type != html.TextNode {
			return
		}
		c := countText(n.Data)
		for p := n.Parent; p != nil && p != top.Parent; p = p.Parent {
			if p.Type == html.ElementNode && p.DataAtom == atom.A {
				links += c
				return
			}
		}
		text += c
	}
	for s := first; s != nil; s = s.NextSibling {
		count(s, s)
		forEachBelow(s, func(n *html.Node) bool { count(n, s); return true })
		if s == last {
			break
		}
	}
	return text, links
}

// commonAncestor returns the nearest element holding both a and b.
func commonAncestor(a, b *html.Node) *html.Node {
	seen := map[*html.Node]bool{}
	for p := a.Parent; p != nil; p = p.Parent {
		seen[p] = true
	}
	for p := b.Parent; p != nil; p = p.Parent {
		if seen[p] && p.Type == html.ElementNode {
			return p
		}
	}
	return nil
}
