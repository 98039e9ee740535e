package charset

import (
	"bytes"
	"mime"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	htmlcharset "golang.org/x/net/html/charset"
)

// prescanLen is how much of a page's start the <meta> prescan reads: the
// head of a Chinese government page, with its inline scripts and styles,
// often runs past the 1024 bytes the WHATWG prescan reads.
const prescanLen = 16 << 10

// declaredCharset is the charset the HTTP header or the page's <meta>
// declares, as a WHATWG name, or "".
func declaredCharset(data []byte, contentType string) string {
	if name := headerCharset(contentType); name != "" {
		return name
	}
	return metaCharset(data[:min(len(data), prescanLen)])
}

// headerCharset is the charset an HTTP Content-Type value declares, as a
// WHATWG name, or "".
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if _, name := htmlcharset.Lookup(params["charset"]); name != "" {
			return name
		}
	}
	return ""
}

// metaCharset finds <meta charset> or <meta http-equiv content> in head,
// read by html.Tokenizer, before the page's <body>.
func metaCharset(head []byte) string {
	if !bytes.Contains(head, []byte("harset")) && !bytes.Contains(head, []byte("HARSET")) {
		return "" // no declaration to read: spare the tokenizer
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	var attrs []html.Attribute
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) == "body" {
				return ""
			}
			if string(name) != "meta" {
				continue
			}
			attrs = attrs[:0]
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				attrs = append(attrs, html.Attribute{Key: string(k), Val: string(v)})
			}
			if name := metaDeclares(attrs); name != "" {
				return name
			}
		}
	}
}

// HeadCharset is the charset that the first <meta> of the page's head
// that declares one declares, as a WHATWG name, or "": read from the node
// tree of a page whose Decoded says CheckMeta.
func HeadCharset(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type != html.ElementNode || n.DataAtom != atom.Html {
			continue
		}
		for h := n.FirstChild; h != nil; h = h.NextSibling {
			if h.Type != html.ElementNode || h.DataAtom != atom.Head {
				continue
			}
			for m := h.FirstChild; m != nil; m = m.NextSibling {
				if m.Type == html.ElementNode && m.DataAtom == atom.Meta {
					if name := metaDeclares(m.Attr); name != "" {
						return name
					}
				}
			}
		}
	}
	return ""
}

// metaDeclares is the charset a <meta> element with attrs declares (by
// charset, or by http-equiv Content-Type and content), as a WHATWG name,
// or "".
func metaDeclares(attrs []html.Attribute) string {
	var content, cs string
	httpEquiv := false
	for _, a := range attrs {
		switch strings.ToLower(a.Key) {
		case "charset":
			cs = a.Val
		case "content":
			content = a.Val
		case "http-equiv":
			httpEquiv = strings.EqualFold(a.Val, "content-type")
		}
	}
	if cs == "" && httpEquiv {
		cs = charsetFromContent(content)
	}
	if cs == "" {
		return ""
	}
	_, name := htmlcharset.Lookup(cs)
	return name
}

// indexFoldASCII returns the index of the first instance of lower, a
// lower-case ASCII word, in s, ignoring the case of ASCII letters, or -1.
func indexFoldASCII(s, lower string) int {
	for i := 0; i+len(lower) <= len(s); i++ {
		j := 0
		for j < len(lower) && s[i+j]|0x20 == lower[j] {
			j++
		}
		if j == len(lower) {
			return i
		}
	}
	return -1
}

// charsetFromContent reads the charset of a Content-Type value.
func charsetFromContent(s string) string {
	// Found in s itself: lower-casing s first would move the offsets of
	// what follows a byte that lower-cases to another length.
	i := indexFoldASCII(s, "charset")
	if i < 0 {
		return ""
	}
	s = strings.TrimLeft(s[i+len("charset"):], " \t")
	s, ok := strings.CutPrefix(s, "=")
	if !ok {
		return ""
	}
	s = strings.Trim(strings.TrimSpace(s), `"'`)
	if j := strings.IndexAny(s, " ;\"'"); j >= 0 {
		s = s[:j]
	}
	return s
}
