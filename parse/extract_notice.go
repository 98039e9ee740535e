package parse

import (
	"net/url"
	"strings"

	"github.com/replykit/replykit/reply"
)

// What "a notice" means at the Source level: a page that a government body
// published. Extract reads any article page, but marks a Source that is
// not a notice with a warning of code CodeNotNotice, which IsNotice
// reports. The warning does not decide the reply's kind: the structure
// reader reads that from the text, so a reply mirrored on another site
// is still a reply. A page is a notice when
//
//   - its site is a government site: the host of its address (WithURL, the
//     Url or SiteDomain meta, the canonical link, a browser's "saved from"
//     comment, else the host of its home link or the host most of its
//     absolute links go to) is gov.cn or under it; or
//   - no host is known and its site name (SiteName) or title names a
//     government body or has the form of an official document
//     (「…关于…的通知/答复/决定…」).
//
// News sites, universities, hospitals and companies are not notices, even
// when they reprint one: the reprint is their article, not the notice.

// IsNotice reports whether the page holds a notice of a government body,
// rather than a news article or another page (see CodeNotNotice).
func (s *Source) IsNotice() bool {
	for _, w := range s.Warnings {
		if w.Code == CodeNotNotice {
			return false
		}
	}
	return true
}

// govBodyWords name government bodies in a site name.
var govBodyWords = []string{"人民政府", "政府", "人大", "政协", "委员会", "办公厅", "办公室", "管理局", "监督管理", "人民代表大会"}

// docTypes end the titles of official documents (公文种类, GB/T 9704 and
// the regulations on official documents).
var docTypes = []string{
	"答复", "复函", "通知", "通报", "决定", "决议", "命令", "公报", "公告", "通告", "意见", "批复",
	"报告", "请示", "函", "纪要", "议案", "办法", "规定", "细则", "方案", "规划", "公示",
}

// pageHost returns the host the page comes from and how sure it is: hosts
// from the page's address or meta are sure, hosts guessed from its links not.
func pageHost(page string, ps *pageScan) string {
	if u := absURL(page); u != nil {
		return strings.ToLower(u.Hostname())
	}
	if d := ps.metas["sitedomain"]; d != "" {
		d, _, _ = strings.Cut(d, ",")
		return strings.ToLower(strings.TrimSpace(d))
	}
	if ps.homeHost != "" {
		return ps.homeHost
	}
	host, most := "", 0
	for h, c := range ps.linkHosts {
		if c > most || (c == most && h < host) {
			host, most = h, c
		}
	}
	if most >= 3 {
		return host
	}
	return ""
}

// isGovHost reports whether host is a Chinese government site.
func isGovHost(host string) bool {
	host = strings.TrimSuffix(host, ".")
	return host == "gov.cn" || strings.HasSuffix(host, ".gov.cn")
}

// noticeVerdict says why a page is not a notice, or "" when it is one.
func noticeVerdict(host, site, title string) string {
	if host != "" {
		if isGovHost(host) {
			return ""
		}
		return "site " + host + " is not a government site"
	}
	for _, w := range govBodyWords {
		if strings.Contains(site, w) {
			return ""
		}
	}
	if isDocTitle(title) {
		return ""
	}
	return "no government site or official document title"
}

// isDocTitle reports whether title has the form of an official document's
// title: 「（发文机关）关于（事由）的（文种）」.
func isDocTitle(title string) bool {
	i := strings.Index(title, "关于")
	if i < 0 {
		return false
	}
	rest := title[i:]
	for _, t := range docTypes {
		if strings.HasSuffix(rest, "的"+t) || strings.HasSuffix(rest, t) && strings.Contains(rest, "的") {
			return true
		}
	}
	return false
}

// baseURL is the address that relative links of the page resolve against.
func baseURL(pageAddr string, ps *pageScan) *url.URL {
	base := absURL(pageAddr)
	if ps.baseHref != "" {
		if b, err := url.Parse(ps.baseHref); err == nil && reply.WebScheme(b.Scheme) {
			if base != nil {
				return base.ResolveReference(b)
			}
			if b.IsAbs() {
				return b
			}
		}
	}
	return base
}
