package peers

import (
	"bytes"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"github.com/markusmobius/go-trafilatura"
	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/reply"
)

// tool is one reader of pages doing its normal job from a page's raw
// bytes, each with its own default decoding:
//
//   - parse: parse.HTML, which reads the BOM, the declared charset and the
//     bytes themselves, and decodes GB-family and Big5 pages with x/text;
//   - baseline: goquery.NewDocumentFromReader (html.Parse), which decodes
//     nothing: a GBK page is parsed as if it were UTF-8;
//   - readability: go-readability v2's FromReader, and
//   - trafilatura: go-trafilatura's Extract with its default Options,
//     both through go-shiori/dom.Parse, which guesses the charset from the
//     bytes with gogs/chardet (the declared charset is not read), decodes
//     with x/net/html/charset and normalises the text to NFC.
type tool struct {
	name string
	// read does the tool's job on one page.
	read func(p page) (any, error)
	// text returns the text of what read made, for the tests.
	text func(out any) string
}

// tools returns the readers compared, parse.HTML first.
func tools() []tool {
	return []tool{
		{"parse", readParse, func(out any) string { return out.(*reply.Reply).PlainText() }},
		{"baseline", readBaseline, func(out any) string { return out.(*goquery.Document).Text() }},
		{"readability", readReadability, readabilityText},
		{"trafilatura", readTrafilatura, func(out any) string { return out.(*trafilatura.ExtractResult).ContentText }},
	}
}

func readParse(p page) (any, error) {
	if p.url == nil {
		return parse.HTML(bytes.NewReader(p.data))
	}
	return parse.HTML(bytes.NewReader(p.data), parse.WithURL(p.url.String()))
}

func readBaseline(p page) (any, error) {
	return goquery.NewDocumentFromReader(bytes.NewReader(p.data))
}

func readReadability(p page) (any, error) {
	return readability.FromReader(bytes.NewReader(p.data), p.url)
}

// readabilityText is the article's text as go-readability renders it; an
// article without content has none.
func readabilityText(out any) string {
	var b strings.Builder
	if err := out.(readability.Article).RenderText(&b); err != nil {
		return ""
	}
	return b.String()
}

func readTrafilatura(p page) (any, error) {
	return trafilatura.Extract(bytes.NewReader(p.data), trafilatura.Options{OriginalURL: p.url})
}
