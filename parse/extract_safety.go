package parse

import (
	"github.com/replykit/replykit/reply"
)

// safeImage returns the block with an image whose address is not reply.LinkableURL
// turned into a paragraph of its alternative text, so that its text stays
// in the reply and the address does not, and a warning that says so.
func safeImage(b SourceBlock) (SourceBlock, *reply.Warning) {
	if b.Image == nil || b.Image.URL != "" && reply.LinkableURL(b.Image.URL) {
		return b, nil
	}
	w := &reply.Warning{Code: CodeUnsafeURL, Message: "image address " + quoteShort(b.Image.URL) + " is not http, https or relative: kept its text only", Where: b.Pos.String()}
	b.Text = b.Image.Alt
	b.Image = nil
	return b, w
}

// safePage returns the page metadata without an address that is not
// reply.LinkableURL, and a warning when it drops one.
func safePage(p reply.Page) (reply.Page, *reply.Warning) {
	if p.URL == "" || reply.LinkableURL(p.URL) {
		return p, nil
	}
	c := p
	c.URL = ""
	return c, &reply.Warning{Code: CodeUnsafeURL, Message: "page address " + quoteShort(p.URL) + " is not http, https or relative: left out"}
}

// quoteShort quotes s, cut to 80 bytes at a rune boundary.
func quoteShort(s string) string {
	if len(s) > 80 {
		cut := 80
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return "「" + s + "」"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
