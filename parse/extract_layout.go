package parse

import (
	"strconv"
	"strings"

	"github.com/replykit/replykit/reply"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// How the notice of an old layout-table page is found (extendLayout). On
// sites built around 2005–2015 the text-density winner is the cell (or
// row) that holds the body's <br>-separated lines, while the title stands
// in a centred bold cell of a row above it, the 作者/发布日期/浏览次数 line in
// another, and the office and date in a right-aligned cell of a row below,
// in a table after it, or in a <p align=right>. The notice is all of them:
// the container is widened from that cell over the rows, cells and tables
// next to it that are such parts, climbing to the parent while the parts
// taken cover it whole. Going up the page it takes furniture lines and
// one title part (then stops); going down, signature, contact and closing
// lines. Navigation (mostly links), footers (版权所有, ICP…), print and
// close widgets and any longer text stop it, so they stay out.

// Bounds of the widening: how many levels it climbs, and how much text a
// part may hold before it is content of its own.
const (
	maxLayoutClimb = 8
	maxLayoutParts = 4
	maxPartLines   = 6
	maxPartRunes   = 600
	maxPartDepth   = 32
)

// footerWords mark the footer of a site, never part of a notice.
var footerWords = []string{
	"版权所有", "主办单位", "承办单位", "技术支持", "ICP", "备案", "网站地图", "联系我们", "Copyright", "copyright", "©",
	"建议使用", "分辨率", "浏览器", "网站标识码", "公网安备", "设为首页", "加入收藏", "上一篇", "下一篇", "相关链接", "相关文章",
}

// partKind is what a node next to the container is.
type partKind uint8

const (
	partStop  partKind = iota // not part of the notice: the widening stops
	partBlank                 // no text: taken only between parts
	partHead                  // a title or furniture line above the body
	partTail                  // a signature, contact or closing line below it
	// partDisclosure is an information-disclosure table (索引号, 发布机构,
	// 文号…) above the title.
	partDisclosure
)

// maxDisclosureLines is how many lines (cells) a disclosure table may have.
const maxDisclosureLines = 40

// partLine is one line of a part, with what its elements say of it.
type partLine struct {
	text  string
	align Align
	emph  bool // bold, a heading or a large font
}

// extendLayout widens a density-found container inside a layout table
// over the parts of the notice around it.
func extendLayout(r region, cache *elementCache, rules *lineRules) region {
	if r.how != "density" || r.node == nil || r.first != nil || !inLayoutCell(r.node) {
		return r
	}
	out := r
	cur := r.node
	for level := 0; level < maxLayoutClimb; level++ {
		p := cur.Parent
		if p == nil || p.Type != html.ElementNode || p.DataAtom == atom.Html {
			break
		}
		first, last := cur, cur
		parts, titled, office := 0, false, false
	back:
		for s := cur.PrevSibling; s != nil && parts < maxLayoutParts; s = s.PrevSibling {
			kind, title := classifyPart(s, true, cache, rules)
			switch {
			case kind == partStop:
				break back
			case kind == partDisclosure:
				first = s
				parts++
			case kind == partHead && !titled:
				first, titled = s, title
				parts++
			case kind == partHead && title && !office && isOfficePart(s, cache, rules):
				// The issuing office, set as a row of the title.
				first, office = s, true
				parts++
			case kind == partHead:
				// Above the title only a disclosure table is taken.
				break back
			}
		}
		parts = 0
	fwd:
		for s := cur.NextSibling; s != nil && parts < maxLayoutParts; s = s.NextSibling {
			switch kind, _ := classifyPart(s, false, cache, rules); kind {
			case partStop:
				break fwd
			case partTail:
				last = s
				parts++
			}
		}
		if first != cur || last != cur {
			out = region{node: p, first: first, last: last, how: "layout"}
		}
		if p.DataAtom == atom.Body || !onlyBlankOutside(p, first, last, cache, rules) {
			break
		}
		cur = p
	}
	if out.node != r.node {
		out.text, out.links = rangeText(out.first, out.last)
	}
	return out
}

// isOfficePart reports a part that is one office line, as a title set
// over two rows starts (「某某县住建局」 / 「关于…的答复」).
func isOfficePart(n *html.Node, cache *elementCache, rules *lineRules) bool {
	lines, _, _, ok := partText(n, cache)
	return ok && len(lines) == 1 && rules.office(lines[0].text)
}

// inLayoutCell reports whether n is a table cell or row, or lies in a
// cell a few levels up.
func inLayoutCell(n *html.Node) bool {
	for i := 0; n != nil && i < 6; i, n = i+1, n.Parent {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th || n.DataAtom == atom.Tr) {
			return true
		}
	}
	return false
}

// onlyBlankOutside reports whether every child of p outside first…last
// is blank.
func onlyBlankOutside(p, first, last *html.Node, cache *elementCache, rules *lineRules) bool {
	in := false
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c == first {
			in = true
		}
		if !in {
			if k, _ := classifyPart(c, true, cache, rules); k != partBlank {
				return false
			}
		}
		if c == last {
			in = false
		}
	}
	return true
}

// classifyPart says what n is as a neighbour of the container, above it
// (head) or below it; title is set for a head part that holds a title.
func classifyPart(n *html.Node, head bool, cache *elementCache, rules *lineRules) (kind partKind, title bool) {
	lines, text, links, ok := partText(n, cache)
	if !ok {
		return partStop, false
	}
	if text == 0 {
		return partBlank, false
	}
	if links*2 > text {
		return partStop, false
	}
	if head && len(lines) <= maxDisclosureLines {
		labels := 0
		for _, l := range lines {
			if _, ok := hasPrefixAny(stripSpaces(l.text), disclosureLabels); ok {
				labels++
			}
		}
		if labels >= 2 {
			return partDisclosure, false
		}
	}
	if len(lines) > maxPartLines {
		return partStop, false
	}
	for _, l := range lines {
		if containsAny(l.text, footerWords) {
			return partStop, false
		}
	}
	if head {
		for _, l := range lines {
			var pg reply.Page
			if isFurniture(l.text, &pg) {
				continue
			}
			if !l.emph && l.align != AlignCenter || !titleLike(l.text) || rules.clauseEnd(l.text) {
				return partStop, false
			}
			title = true
		}
		return partHead, title
	}
	for _, l := range lines {
		switch {
		case rules.office(l.text), rules.date(l.text), rules.closing(l.text) && !longer(l.text, 60), rules.endMatter(l.text):
		case l.align == AlignRight && !longer(l.text, 30) && !rules.clauseEnd(l.text):
		default:
			return partStop, false
		}
	}
	return partTail, false
}

// partText reads the lines of n, broken at <br> and block elements, with
// the characters outside and inside links; ok is false for a part too
// large or too deep to be a title or signature.
func partText(n *html.Node, cache *elementCache) (lines []partLine, text, links int, ok bool) {
	var lb lineBuilder
	var cur partLine
	flush := func() {
		if lb.runes > 0 {
			cur.text = lb.String()
			lines = append(lines, cur)
		}
		lb.reset()
		cur = partLine{}
	}
	var walk func(n *html.Node, align Align, emph, link bool, depth int) bool
	walk = func(n *html.Node, align Align, emph, link bool, depth int) bool {
		switch n.Type {
		case html.TextNode:
			c := countText(n.Data)
			if link {
				links += c
			} else {
				text += c
			}
			if c > 0 && lb.runes == 0 {
				cur.align, cur.emph = align, emph
			}
			cur.emph = cur.emph && (emph || c == 0)
			lb.write(n.Data, blockStyle{}, 0)
			return text+links <= maxPartRunes
		case html.ElementNode:
		default:
			return true
		}
		if depth > maxPartDepth {
			return false
		}
		if isDropTag(n.DataAtom) {
			return true
		}
		el := readElement(n, cache)
		if el.hidden {
			return true
		}
		switch n.DataAtom {
		case atom.Br:
			flush()
			return true
		case atom.A:
			link = true
		case atom.B, atom.Strong, atom.H1, atom.H2, atom.H3:
			emph = true
		case atom.Center:
			align = AlignCenter
		}
		emph = emph || el.large || el.hasWeight && isBoldWeight(el.weight)
		block := isBlockTag(n.DataAtom)
		if block {
			flush()
			if el.align != AlignNone && n.DataAtom != atom.Table {
				align = el.align
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c, align, emph, link, depth+1) {
				return false
			}
		}
		if block {
			flush()
		}
		return true
	}
	ok = walk(n, AlignNone, false, false, 0)
	flush()
	return lines, text, links, ok
}

// isBoldWeight reports a font-weight value that is bold.
func isBoldWeight(w string) bool {
	return w == "bold" || w == "bolder" || w >= "600" && len(w) == 3
}

// largeFontAttr reports a <font size> of a heading: 4 to 7, or +1 and up.
func largeFontAttr(v string) bool {
	v = strings.TrimSpace(v)
	if rest, ok := strings.CutPrefix(v, "+"); ok {
		n, err := strconv.Atoi(rest)
		return err == nil && n >= 1
	}
	n, err := strconv.Atoi(v)
	return err == nil && n >= 4
}

// largeFontSize reports a style's font-size of a heading: 16px, 12pt,
// 1.2em or larger, or a keyword from large up.
func largeFontSize(v string) bool {
	v = strings.ToLower(styleWord(v))
	switch v {
	case "large", "x-large", "xx-large", "larger":
		return true
	}
	for _, u := range []struct {
		unit string
		min  float64
	}{{"px", 16}, {"pt", 12}, {"em", 1.2}, {"rem", 1.2}} {
		if num, ok := strings.CutSuffix(v, u.unit); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			return err == nil && f >= u.min
		}
	}
	return false
}

// isTitleBlock reports a block set as a title: an <h1>–<h3>, or a bold or
// large line centred, as old pages set theirs in a row of its own.
func isTitleBlock(b SourceBlock) bool {
	return b.Heading >= 1 && b.Heading <= 3 || (b.Bold || b.large) && b.Align == AlignCenter && b.Table == nil && b.Image == nil
}

// maxTitleRows is how many rows a title may be set over.
const maxTitleRows = 3

// titleRun joins a title set over two or three title blocks at the start
// of blocks — the issuing office or 「关于…的」, then the rest, the last
// ending as titles do (「某某县住建局」 / 「关于…建议的」 / 「答 复」); the
// blocks are dropped, and the title taken as written, by dropTitleBlocks.
func titleRun(blocks []SourceBlock, rules *lineRules) (string, bool) {
	if len(blocks) < 2 {
		return "", false
	}
	first := blocks[0].Text
	if !rules.office(first) && !strings.HasPrefix(first, "关于") {
		return "", false
	}
	joined := ""
	for i, b := range blocks[:min(len(blocks), maxTitleRows)] {
		if !isTitleBlock(b) {
			return "", false
		}
		joined += b.Text
		if rules.titleEnding(b.Text) || i > 0 && isDocTitle(joined) {
			return joined, i > 0 && titleLike(joined)
		}
	}
	return "", false
}

// siteTailSeps join a site's name to a <title> without spaces, where a
// title may hold the same marks (「第021号--关于…」, 「1-10月」): the part
// after one is cut only when it names a site.
var siteTailSeps = []string{"--", "－－", "—", "-", "－", "·"}

// siteWords end the names of sites and their sections.
var siteWords = []string{"网", "网站", "门户", "政务公开", "信息公开", "政府信息公开", "政务网", "信息网", "在线", "频道", "专栏", "首页"}

// cutSiteTail cuts the site's name that old sites join to a <title>:
// 「关于…的答复--某某县农业农村局」, 「…的答复-政务公开」, 「…-某某县人民政府网」.
func cutSiteTail(t string) string {
	for range 3 {
		cut := false
		for _, sep := range siteTailSeps {
			i := strings.LastIndex(t, sep)
			if i <= 0 {
				continue
			}
			head, tail := trim(t[:i]), trim(t[i+len(sep):])
			if head != "" && isSiteName(tail) && runeLen(head) >= 4 {
				t, cut = strings.TrimRight(head, "-－—·_ "), true
				break
			}
		}
		if !cut {
			break
		}
	}
	return t
}

// siteBodyEnds end the names of the government bodies that run sites.
var siteBodyEnds = []string{"局", "委", "办", "府", "厅", "院", "会", "中心", "办公室", "委员会"}

// isSiteName reports a short name of a site, a government body or a
// section of a site: 「某某县农业农村局」, 「县人民政府」, 「政务公开」.
func isSiteName(s string) bool {
	if s == "" || longer(s, 30) || strings.Contains(s, "关于") || hasAnyPunct(s) {
		return false
	}
	t := stripSpaces(s)
	return hasSuffixAny(t, siteWords) || hasSuffixAny(t, siteBodyEnds) && runeLen(t) >= 3
}

// spacerNames are the file names of the transparent images that layout
// tables use to hold rows and cells apart.
var spacerNames = []string{"spacer", "space", "blank", "pixel", "dot", "kong", "transparent", "touming", "1x1"}

// isSpacerImage reports a spacer image of a layout table: one pixel wide
// or high, or named as one (spacer.gif), with no text of its own.
func isSpacerImage(n *html.Node, src string) bool {
	if strings.TrimSpace(getAttr(n, "alt")) != "" {
		return false
	}
	for _, k := range []string{"width", "height"} {
		if v, err := strconv.Atoi(strings.TrimSpace(getAttr(n, k))); err == nil && v <= 2 {
			return true
		}
	}
	name := strings.ToLower(src)
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	name, _, _ = strings.Cut(name, ".")
	for _, w := range spacerNames {
		if name == w {
			return true
		}
	}
	return false
}
