package parse

import (
	"net/url"
	"strings"

	"github.com/replykit/replykit/reply"
)

// Meta tag names (lower case) that Chinese government sites carry, after
// the national guideline for government websites, and the common
// publishing-time names of other sites.
var (
	metaPublished = []string{"pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date", "publishtime"}
	metaKeywords  = "keywords"
)

// metaPage fills a page's metadata from its meta tags, and returns the
// ArticleTitle meta.
func metaPage(ps *pageScan) (page reply.Page, articleTitle string) {
	m := ps.metas
	articleTitle = foldWS(m["articletitle"])
	page.Site = foldWS(m["sitename"])
	page.Column = foldWS(m["columnname"])
	page.Source = foldWS(m["contentsource"])
	page.Author = foldWS(m["author"])
	page.Description = foldWS(m["description"])
	if k := m[metaKeywords]; k != "" {
		page.Keywords = strings.FieldsFunc(k, func(r rune) bool {
			return r == ',' || r == '，' || r == ';' || r == '；' || r == '、' || r == '|' || isSpace(r)
		})
	}
	for _, name := range metaPublished {
		if v := m[name]; v != "" {
			if d, ok := parsePageDate(v); ok {
				page.Published = d
				break
			}
		}
	}
	return page, articleTitle
}

// parsePageDate reads a publish time as meta tags write it, also such
// forms as 「2007-08-20-23:59:59」 or an ISO time with a zone, by falling
// back to the date alone.
func parsePageDate(v string) (reply.Date, bool) {
	v = strings.TrimSpace(v)
	if d, err := reply.ParseDate(v); err == nil {
		return d, true
	}
	if len(v) > 10 {
		if d, err := reply.ParseDate(v[:10]); err == nil {
			return d, true
		}
	}
	return reply.Date{}, false
}

// pageURL picks the page's address: the WithURL option, else the Url meta
// tag, the canonical link, og:url or a browser's "saved from" comment —
// the first that is an absolute http(s) address (a relative Url meta is
// resolved against the others).
func pageURL(cfg *config, ps *pageScan) string {
	if cfg.url != "" {
		return cfg.url
	}
	abs := []string{ps.canonical, ps.metas["og:url"], ps.savedFrom}
	var base *url.URL
	for _, s := range abs {
		if u := absURL(s); u != nil {
			base = u
			break
		}
	}
	if m := ps.metas["url"]; m != "" {
		if u := absURL(m); u != nil {
			return u.String()
		}
		if base != nil {
			if r, err := url.Parse(m); err == nil {
				return base.ResolveReference(r).String()
			}
		}
	}
	if base != nil {
		return base.String()
	}
	return ""
}

// absURL parses s as an absolute http(s) address, or returns nil.
func absURL(s string) *url.URL {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil
	}
	return u
}

// titleSeparators split a <title> into the page's title and the site's name.
var titleSeparators = []string{" - ", " – ", " — ", "——", "－", "_", "|", "｜", " -", "- "}

// stripSiteSuffix removes the site's name from a <title>: 「标题 - 某某县人民
// 政府」, 「标题_中国宜春」, 「标题__2007年第23号国务院公报_中国政府网」. The
// title is the first part that is not the site's name; a title whose every
// part names the site is kept whole.
func stripSiteSuffix(t, site string) string {
	folded := foldWS(t)
	if p, ok := firstTitlePart(cutSiteTail(folded), 0, site); ok {
		return p
	}
	return folded // every part of the title names the site
}

// firstTitlePart returns the first part of s, split at each of
// titleSeparators[i:] in turn and trimmed, that is not empty and not
// site. The parts come depth first, in the order splitting at each
// separator in turn would list them, and none is kept.
func firstTitlePart(s string, i int, site string) (string, bool) {
	if i == len(titleSeparators) {
		return s, s != site
	}
	sep := titleSeparators[i]
	for {
		q, rest, found := strings.Cut(s, sep)
		if q = strings.TrimSpace(q); q != "" {
			if p, ok := firstTitlePart(q, i+1, site); ok {
				return p, true
			}
		}
		if !found {
			return "", false
		}
		s = rest
	}
}

// foldWS folds runs of white space (full-width spaces included) to one
// space and trims s.
func foldWS(s string) string {
	var lb lineBuilder
	lb.write(s, blockStyle{}, 0)
	return lb.String()
}
