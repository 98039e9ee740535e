package render

import "github.com/replykit/replykit/reply"

// The document around the article: its <head> with the page's <meta>
// tags, and the visible page header.

// safePage returns the page metadata with an address that is not safe to
// link left out, so that it reaches neither the meta tags nor data-page.
func safePage(p reply.Page) reply.Page {
	if p.URL != "" && !reply.LinkableURL(p.URL) {
		p.URL = ""
	}
	return p
}

// head writes the doctype, <head> and the opening of <body>.
func (h *htmlWriter) head(r *reply.Reply, page *reply.Page, cfg *config) {
	h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta name=\"generator\" content=\"replykit\">\n")
	h.tag(elTitle)
	// <title> holds text only, no <bdi>. A supplied title is marked so
	// here too, where a browser shows it.
	if r.TitleInferred {
		h.escape(reply.SuppliedTitle(r.Title))
	} else {
		h.escape(r.Title)
	}
	h.close(elTitle)
	h.nl()
	h.meta("ArticleTitle", r.Title)
	if p := page; !p.IsZero() {
		h.pubDate(&p.Published)
		h.meta("ContentSource", p.Source)
		h.meta("SiteName", p.Site)
		h.meta("ColumnName", p.Column)
		h.meta("Url", p.URL)
		h.keywords(p.Keywords)
		h.meta("Description", p.Description)
		h.meta("Author", p.Author)
	}
	switch {
	case cfg.stylesheetURL != "":
		h.open(elLink)
		h.attrConst(atRel, "stylesheet")
		h.attr(atHref, cfg.stylesheetURL)
		h.end()
		h.nl()
	case !cfg.noStyle:
		h.raw("<style>\n")
		h.raw(stylesheet)
		h.raw("</style>\n")
	}
	h.raw("</head>\n<body>\n")
}

// meta writes <meta name=… content=…> when content is not empty.
func (h *htmlWriter) meta(name constant, content string) {
	if content == "" {
		return
	}
	h.metaStart(name)
	h.escape(content)
	h.metaEnd()
}

// metaStart writes a <meta> tag up to its content; metaEnd ends it.
func (h *htmlWriter) metaStart(name constant) {
	h.open(elMeta)
	h.attrConst(atName, name)
	h.attrStart(atContent)
}

// metaEnd ends the <meta> tag that metaStart began.
func (h *htmlWriter) metaEnd() {
	h.byte1('"')
	h.end()
	h.nl()
}

// pubDate writes the PubDate <meta>: the publish time as written, or its
// value when no text was kept, or nothing when it has neither.
func (h *htmlWriter) pubDate(d *reply.Date) {
	switch {
	case d.Text != "":
		h.meta("PubDate", d.Text)
	case d.Valid():
		h.metaStart("PubDate")
		h.date(*d)
		h.metaEnd()
	}
}

// keywords writes the Keywords <meta>: the keywords joined by commas,
// unless that is empty. Escaping each keyword alone gives the bytes of
// escaping them joined: a comma ends any UTF-8 sequence before it.
func (h *htmlWriter) keywords(kw []string) {
	if len(kw) == 0 || len(kw) == 1 && kw[0] == "" {
		return
	}
	h.metaStart("Keywords")
	for i, k := range kw {
		if i > 0 {
			h.byte1(',')
		}
		h.escape(k)
	}
	h.metaEnd()
}

// pageHeader writes the visible page header: breadcrumb, then the
// publish time, source, author and views, then the original address.
func (h *htmlWriter) pageHeader(p *reply.Page) {
	h.open(elHeader)
	h.attrConst(atClass, "rk-page")
	h.end()
	h.nl()
	if len(p.Breadcrumb) > 0 {
		h.open(elNav)
		h.attrConst(atClass, "rk-breadcrumb")
		h.attrConst(atAriaLabel, "当前位置")
		h.end()
		h.raw("当前位置：")
		for i, c := range p.Breadcrumb {
			if i > 0 {
				h.raw(" &gt; ")
			}
			h.element(elSpan, "", "", c)
		}
		h.close(elNav)
		h.nl()
	}
	if !p.Published.IsZero() || p.Source != "" || p.Author != "" || p.Views != 0 {
		h.open(elP)
		h.attrConst(atClass, "rk-pageinfo")
		h.end()
		items := 0
		item := func(label constant) {
			if items > 0 {
				h.raw(" ")
			}
			items++
			h.tag(elSpan)
			h.raw(label)
		}
		if d := p.Published; !d.IsZero() {
			item("发布时间：")
			h.timed(d, d.Text)
			h.close(elSpan)
		}
		if p.Source != "" {
			item("来源：")
			h.text(p.Source)
			h.close(elSpan)
		}
		if p.Author != "" {
			item("作者：")
			h.text(p.Author)
			h.close(elSpan)
		}
		if p.Views != 0 {
			item("点击量：")
			h.int(p.Views)
			h.close(elSpan)
		}
		h.close(elP)
		h.nl()
	}
	if p.URL != "" {
		h.open(elP)
		h.attrConst(atClass, "rk-source")
		h.end()
		h.raw("原文：")
		h.open(elA)
		h.attr(atHref, p.URL)
		h.end()
		h.text(p.URL)
		h.close(elA)
		h.close(elP)
		h.nl()
	}
	h.close(elHeader)
	h.nl()
}
