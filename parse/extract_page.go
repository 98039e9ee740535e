package parse

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/reply"
	"golang.org/x/net/html"
)

// extractDocument finds the notice in a page: one scan of the whole tree
// for its meta tags and content container (scanPage), one walk that emits
// the container's blocks and the short lines around it (emitter), then the
// page furniture of those lines becomes page metadata and the page's own
// heading its title.
//
// The title is the page's own heading — an <h1>–<h3> or a title-classed
// element before the content or among its first blocks — when it is the
// ArticleTitle meta (white space aside), or, on a page without that meta,
// when it matches <title> or is the heading nearest the content; else
// ArticleTitle (a heading that differs from it is often cut short); else
// <title> without the site's name. Blocks that repeat the title at the top of the
// content, and furniture lines at its top and bottom, are not blocks.
//
// Page metadata: what the page shows (breadcrumb, 发布时间/来源/点击量…)
// wins over its meta tags; the lines just before the content win over
// those at its edges, and those over the lines after it.
func extractDocument(doc *goquery.Document, cfg *config) (*Source, error) {
	root, err := pageRoot(doc)
	if err != nil {
		return nil, err
	}
	cache := &elementCache{}
	return extractScanned(root, scanPage(root, cache, false), cache, cfg)
}

// pageRoot is the root of the tree of doc's first node.
func pageRoot(doc *goquery.Document) (*html.Node, error) {
	if doc == nil || len(doc.Nodes) == 0 || doc.Nodes[0] == nil {
		return nil, fmt.Errorf("parse: no document: %w", ErrNoContent)
	}
	root := doc.Nodes[0]
	for root.Parent != nil {
		root = root.Parent
	}
	return root, nil
}

// extractScanned is extractDocument after the scan of the page at root.
func extractScanned(root *html.Node, ps *pageScan, cache *elementCache, cfg *config) (*Source, error) {
	ps.region = extendLayout(ps.region, cache, &cfg.lines)
	page, articleTitle := metaPage(ps)
	page.URL = pageURL(cfg, ps)
	pageTitle := stripSiteSuffix(ps.title, page.Site)
	ref := articleTitle
	if ref == "" {
		ref = pageTitle
	}
	if ps.region.node == nil || ps.region.text < 20 || ps.region.links > ps.region.text {
		return nil, noContent(ref, ps)
	}
	em := &emitter{cfg: cfg, region: &ps.region, base: baseURL(page.URL, ps), cache: cache,
		blocks: make([]SourceBlock, 0, min(ps.region.children(), 1024)+4), lines: make([]pline, 0, 32)}
	em.walk(root, blockStyle{}, 0)
	em.flush()
	if em.err != nil {
		return nil, em.err
	}
	blocks := em.blocks
	var before, edge, after reply.Page
	for _, l := range em.lines {
		if !l.before {
			continue
		}
		if l.crumb && !isFurniture(l.text, &before) && strings.ContainsAny(l.text, ">＞»›") {
			before.Breadcrumb = splitBreadcrumb(l.text)
		}
		if !l.crumb {
			isFurniture(l.text, &before)
		}
	}
	for len(blocks) > 0 && blocks[0].Table == nil && isFurniture(blocks[0].Text, &edge) {
		blocks = blocks[1:]
	}
	for len(blocks) > 0 && blocks[len(blocks)-1].Table == nil && isFurniture(blocks[len(blocks)-1].Text, &edge) {
		blocks = blocks[:len(blocks)-1]
	}
	for _, l := range em.lines {
		if l.before {
			continue
		}
		var p reply.Page
		if isFurniture(l.text, &p) {
			fillMissing(&after, &p)
		}
	}
	for _, p := range []*reply.Page{&after, &edge, &before} {
		mergePage(&page, p)
	}
	title, blocks := pickTitle(em.lines, blocks, articleTitle, pageTitle, &cfg.lines)
	for len(blocks) > 0 && blocks[0].Table == nil && isFurniture(blocks[0].Text, &page) {
		blocks = blocks[1:]
	}
	if !hasBody(blocks) {
		return nil, noContent(title, ps)
	}
	if d, ok := disclosureBlock(em.lines); ok {
		blocks = append([]SourceBlock{d}, blocks...)
	}
	src := &Source{Title: title, Blocks: blocks, Page: page, Warnings: em.warnings}
	if why := noticeVerdict(pageHost(page.URL, ps), page.Site, title); why != "" {
		src.Warnings = append(src.Warnings, reply.Warning{Code: CodeNotNotice, Message: "not a notice: " + why})
	}
	return src, nil
}

// noContent is ErrNoContent with what the page showed.
func noContent(title string, ps *pageScan) error {
	if title == "" {
		return fmt.Errorf("parse: page with %d characters of text, %d in links: %w", ps.totalText, ps.totalLinks, ErrNoContent)
	}
	return fmt.Errorf("parse: page %q (%d characters of text, %d in links): %w", title, ps.totalText, ps.totalLinks, ErrNoContent)
}

// hasBody reports whether blocks hold any text or a table or image.
func hasBody(blocks []SourceBlock) bool {
	for _, b := range blocks {
		if b.Table != nil || b.Image != nil || utf8.RuneCountInString(b.Text) >= 2 {
			return true
		}
	}
	return false
}

// fillMissing copies into dst the fields of src that dst lacks.
func fillMissing(dst, src *reply.Page) {
	if dst.Published.IsZero() {
		dst.Published = src.Published
	}
	if dst.Source == "" {
		dst.Source = src.Source
	}
	if dst.Views == 0 {
		dst.Views = src.Views
	}
	if dst.Author == "" {
		dst.Author = src.Author
	}
	if len(dst.Breadcrumb) == 0 {
		dst.Breadcrumb = src.Breadcrumb
	}
}

// maxTitleRunes is the longest heading taken for a title.
const maxTitleRunes = 200

// pickTitle chooses the title and drops the blocks at the top of the
// content that repeat it.
func pickTitle(lines []pline, blocks []SourceBlock, articleTitle, pageTitle string, rules *lineRules) (string, []SourceBlock) {
	type cand struct {
		text   string
		inside int // index of the block, -1 for a line before the content
	}
	var cands []cand
	for _, l := range lines {
		if l.before && (l.heading >= 1 && l.heading <= 3 || l.titleClass || l.emph && l.align == AlignCenter) && titleLike(l.text) {
			cands = append(cands, cand{l.text, -1})
		}
	}
	for i, b := range blocks[:min(len(blocks), 5)] {
		if isTitleBlock(b) && titleLike(b.Text) {
			// A title set over several rows (the office, then 「关于…」) first.
			if j, ok := titleRun(blocks[i:], rules); ok {
				cands = append(cands, cand{j, i})
			}
			cands = append(cands, cand{b.Text, i})
		}
	}
	ref := articleTitle
	if ref == "" {
		ref = pageTitle
	}
	run, isRun := titleRun(blocks, rules)
	if rest, heading := dropTitleBlocks(blocks, ref); heading != "" && (!isRun || len(stripSpaces(heading)) >= len(stripSpaces(run))) {
		// The first blocks of the content are the title, on one line or
		// several (unless the reference is only the first rows of a
		// title set over several, such as the office's name).
		return heading, rest
	}
	if isRun {
		if rest, heading := dropTitleBlocks(blocks, run); heading != "" {
			return heading, rest
		}
	}
	title := ""
	// A heading that is the reference title, else one that holds it or is
	// most of it; the last before the content, or the first in it.
	key := stripSpaces(ref)
	for pass := 0; pass < 2 && title == "" && key != ""; pass++ {
		for _, c := range cands {
			k := stripSpaces(c.text)
			if k == key || pass == 1 && articleTitle == "" && (strings.Contains(k, key) || strings.Contains(key, k) && len(k)*2 > len(key)) {
				title = c.text
				if c.inside >= 0 {
					break
				}
			}
		}
	}
	if title == "" {
		switch {
		case articleTitle != "":
			title = articleTitle
		case len(cands) > 0:
			title = cands[len(cands)-1].text
			for _, c := range cands {
				if c.inside >= 0 {
					title = c.text
					break
				}
			}
		default:
			title = pageTitle
		}
	}
	rest, heading := dropTitleBlocks(blocks, title)
	if heading != "" {
		// The content's own heading, as set over its lines.
		title = heading
	}
	return title, rest
}

// titleLike reports whether a heading can be a notice's title.
func titleLike(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 4 || n > maxTitleRunes {
		return false
	}
	var p reply.Page
	return !isFurniture(s, &p)
}

// dropTitleBlocks drops the first blocks of the content when together they
// are the title (a title set over several lines), and returns them joined.
func dropTitleBlocks(blocks []SourceBlock, title string) ([]SourceBlock, string) {
	key := stripSpaces(title)
	if key == "" {
		return blocks, ""
	}
	acc, joined := "", ""
	for i := 0; i < len(blocks) && i < 4; i++ {
		b := blocks[i]
		if b.Table != nil || b.Image != nil {
			break
		}
		if joined != "" {
			last, _ := utf8.DecodeLastRuneInString(joined)
			first, _ := utf8.DecodeRuneInString(b.Text)
			if !isWide(last) || !isWide(first) {
				joined += " "
			}
		}
		joined += b.Text
		acc += stripSpaces(b.Text)
		if acc == key {
			return blocks[i+1:], joined
		}
		if !strings.HasPrefix(key, acc) {
			break
		}
	}
	return blocks, ""
}
