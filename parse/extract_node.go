package parse

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// getAttr returns the value of n's attribute key (lower case), or "".
func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// isDropTag reports elements whose content is never notice text.
func isDropTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object,
		atom.Embed, atom.Svg, atom.Math, atom.Canvas, atom.Select, atom.Button, atom.Input,
		atom.Textarea, atom.Head, atom.Audio, atom.Video, atom.Map:
		return true
	}
	return false
}

// isChromeTag reports elements that hold site navigation and page chrome.
func isChromeTag(a atom.Atom) bool {
	return a == atom.Nav || a == atom.Header || a == atom.Footer || a == atom.Aside
}

// isBlockTag reports elements that start and end a block of text.
func isBlockTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption,
		atom.Blockquote, atom.Pre, atom.Center, atom.Form, atom.Hr, atom.Address, atom.Figure,
		atom.Figcaption, atom.Header, atom.Footer, atom.Nav, atom.Aside, atom.Body, atom.Html,
		atom.Fieldset, atom.Legend, atom.Details, atom.Summary:
		return true
	}
	return false
}

// isHidden reports whether n is hidden: the hidden attribute, or an inline
// style with display:none or visibility:hidden.
func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") {
		return true
	}
	if strings.EqualFold(getAttr(n, "aria-hidden"), "true") && n.DataAtom != atom.Span {
		return true
	}
	st := getAttr(n, "style")
	return st != "" && readStyle(st).hides()
}

// styleWord trims a declaration's value and its !important.
func styleWord(v string) string {
	v = strings.TrimSpace(v)
	return strings.TrimSpace(strings.TrimSuffix(v, "!important"))
}

// widgetParts mark print, share, font-size, QR-code and similar widgets,
// and page chrome: a class or id made of words joined by - or _ (such as
// 「article-share」, 「page_print」) with one of them is no part of a notice.
var widgetParts = map[string]bool{
	"share": true, "print": true, "fontsize": true, "font": true, "zoomin": true, "qrcode": true,
	"erweima": true, "ewm": true, "toolbar": true, "tools": true, "pagination": true, "pagebar": true,
	"related": true, "xglj": true, "xgwz": true, "copyright": true, "footer": true, "header": true,
	"navbar": true, "nav": true, "menu": true, "sidebar": true, "hide": true, "hidden": true,
}

// widgetNames are whole class or id names of widgets.
var widgetNames = []string{"bdshare", "jiathis", "bsharediv", "fontsize", "font-size", "font_size", "copyright", "banquan"}

// isWidget reports whether the class or id cid marks a widget or chrome.
func isWidget(cid string) bool {
	if cid == "" {
		return false
	}
	for tok := range strings.FieldsSeq(cid) {
		for _, w := range widgetNames {
			if strings.HasPrefix(tok, w) {
				return true
			}
		}
		for tok != "" {
			i := indexDash(tok)
			if i < 0 {
				return widgetParts[tok]
			}
			if widgetParts[tok[:i]] {
				return true
			}
			tok = tok[i+1:]
		}
	}
	return false
}

// crumbWords mark the location line (当前位置) in a class or id.
var crumbWords = []string{"crumb", "position", "location", "dqwz", "weizhi", "currentpath", "curpath", "mianbao"}

// isCrumb reports whether the class or id cid marks a location line.
func isCrumb(cid string) bool {
	for _, w := range crumbWords {
		if strings.Contains(cid, w) {
			return true
		}
	}
	return false
}

// isTitleClass reports whether the class or id cid marks a title element.
func isTitleClass(cid string) bool {
	if !strings.Contains(cid, "title") && !strings.Contains(cid, "biaoti") {
		return false
	}
	return !strings.Contains(cid, "subtitle") && !strings.Contains(cid, "sub-title") &&
		!strings.Contains(cid, "pannel") && !strings.Contains(cid, "panel") &&
		!strings.Contains(cid, "list") && !strings.Contains(cid, "share")
}
