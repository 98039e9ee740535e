package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// widgetPart reports whether a word of a class or id name marks print,
// share, font-size, QR-code and similar widgets, and page chrome: a class
// or id made of words joined by - or _ (such as 「article-share」,
// 「page_print」) with one of them is no part of a notice.
func widgetPart(w string) bool {
	switch w {
	case "share", "print", "fontsize", "font", "zoomin", "qrcode",
		"erweima", "ewm", "toolbar", "tools", "pagination", "pagebar",
		"related", "xglj", "xgwz", "copyright", "footer", "header",
		"navbar", "nav", "menu", "sidebar", "hide", "hidden":
		return true
	}
	return false
}

// widgetNames are whole class or id names of widgets.
var widgetNames = []string{"bdshare", "jiathis", "bsharediv", "fontsize", "font-size", "font_size", "copyright", "banquan"}

// widgetLeads are the first bytes of widgetNames.
var widgetLeads = [256]bool{'b': true, 'j': true, 'f': true, 'c': true}

// isWidget reports whether the class or id cid marks a widget or chrome.
// It reads the tokens strings.Fields gives; each token's words end the
// search at its last one (a token ending in - or _ lets it go on).
func isWidget(cid string) bool {
	for cid != "" {
		var tok string
		tok, cid = nextField(cid)
		if tok == "" {
			continue
		}
		if widgetLeads[tok[0]] {
			for _, w := range widgetNames {
				if strings.HasPrefix(tok, w) {
					return true
				}
			}
		}
		for tok != "" {
			i := indexDash(tok)
			if i < 0 {
				return widgetPart(tok)
			}
			if widgetPart(tok[:i]) {
				return true
			}
			tok = tok[i+1:]
		}
	}
	return false
}

// nextField returns the first field of s as strings.Fields splits it (at
// Unicode white space) and the rest after it; the field is "" when s
// holds only white space.
func nextField(s string) (field, rest string) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		space, size := false, 1
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			return s[start:i], s[i+size:]
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// crumbWords mark the location line (当前位置) in a class or id.
var crumbWords = []string{"crumb", "position", "location", "dqwz", "weizhi", "currentpath", "curpath", "mianbao"}

// isCrumb reports whether the class or id cid marks a location line: it
// holds one of crumbWords. One pass tries, at each byte, only the words
// that start with it.
func isCrumb(cid string) bool {
	for i := 0; i < len(cid); i++ {
		if !crumbLeads[cid[i]] {
			continue
		}
		var words []string
		switch cid[i] {
		case 'c':
			words = crumbWords[:1]
			if i+2 < len(cid) && cid[i+1] == 'u' && cid[i+2] == 'r' {
				words = crumbWordsCur
			}
		case 'p':
			words = crumbWords[1:2]
		case 'l':
			words = crumbWords[2:3]
		case 'd':
			words = crumbWords[3:4]
		case 'w':
			words = crumbWords[4:5]
		case 'm':
			words = crumbWords[7:8]
		default:
			continue
		}
		for _, w := range words {
			if strings.HasPrefix(cid[i:], w) {
				return true
			}
		}
	}
	return false
}

// crumbLeads are the first bytes of crumbWords: isCrumb passes over any
// other byte with one load.
var crumbLeads = [256]bool{'c': true, 'p': true, 'l': true, 'd': true, 'w': true, 'm': true}

// crumbWordsCur are the crumb words that start with "cur".
var crumbWordsCur = crumbWords[5:7]

// isTitleClass reports whether the class or id cid marks a title element.
func isTitleClass(cid string) bool {
	if !strings.Contains(cid, "title") && !strings.Contains(cid, "biaoti") {
		return false
	}
	return !strings.Contains(cid, "subtitle") && !strings.Contains(cid, "sub-title") &&
		!strings.Contains(cid, "pannel") && !strings.Contains(cid, "panel") &&
		!strings.Contains(cid, "list") && !strings.Contains(cid, "share")
}
