package parse

import (
	"bytes"

	"golang.org/x/net/html"
)

// pageTokenizer splits a decoded page into the tokens of
// golang.org/x/net/html's Tokenizer (token.go, v0.62.0) at the same
// boundaries and with the same data, and is checked against it token for
// token. It reads the page in place, where x/net's reads it a byte at a
// time through a buffered reader: text, quoted values, raw text and
// comments are scanned with bytes.IndexByte, and nothing is copied.
//
// Its methods follow token.go's one for one (readRawOrRCDATA, readScript,
// readComment, readTag, ...), with z.end as x/net's raw.end and eof as its
// err, so that each can be checked against the function it mirrors.
type pageTokenizer struct {
	page []byte
	// The current token is page[start:end], its data (a text token's text,
	// a comment's or doctype's content) page[dataStart:dataEnd].
	start, end         int
	dataStart, dataEnd int
	// eof is x/net's z.err: set when a read runs past the page's end. A few
	// states back up and clear it, as x/net's do.
	eof bool
	tt  html.TokenType
	// rawTag is the lower-cased name of the element whose raw text or
	// RCDATA the next token is, "" for none.
	rawTag string
	// textIsRaw is whether the current text token's data is not to be
	// unescaped.
	textIsRaw  bool
	allowCDATA bool
	// nameStart and nameEnd bound a tag token's name as written.
	nameStart, nameEnd int
	// attrs are the current start tag's attributes with a non-empty key,
	// as written and in order, duplicates included.
	attrs []tagAttr
}

// tagAttr is an attribute as the page writes it: its key is
// page[ks:ke] and its value page[vs:ve].
type tagAttr struct {
	ks, ke, vs, ve int
}

// newPageTokenizer returns a tokenizer of page.
func newPageTokenizer(page []byte) *pageTokenizer {
	return &pageTokenizer{page: page}
}

// readByte returns the next byte and advances past it; at the end of the
// page it sets eof and returns 0 without advancing.
func (z *pageTokenizer) readByte() byte {
	if z.end >= len(z.page) {
		z.eof = true
		return 0
	}
	c := z.page[z.end]
	z.end++
	return c
}

// skipWhiteSpace skips past any white space.
func (z *pageTokenizer) skipWhiteSpace() {
	if z.eof {
		return
	}
	for z.end < len(z.page) && isTagSpace(z.page[z.end]) {
		z.end++
	}
	if z.end >= len(z.page) {
		z.eof = true
	}
}

// next scans the next token and returns its type, as Tokenizer.Next.
func (z *pageTokenizer) next() html.TokenType {
	z.start = z.end
	z.dataStart, z.dataEnd = z.end, z.end
	z.nameStart, z.nameEnd = z.end, z.end
	z.attrs = z.attrs[:0]
	if z.eof {
		z.tt = html.ErrorToken
		return z.tt
	}
	if z.rawTag != "" {
		if z.rawTag == "plaintext" {
			z.end = len(z.page)
			z.eof = true
			z.dataEnd = z.end
			z.textIsRaw = true
		} else {
			z.readRawOrRCDATA()
		}
		if z.dataEnd > z.dataStart {
			z.tt = html.TextToken
			return z.tt
		}
	}
	z.textIsRaw = false
loop:
	for {
		k := bytes.IndexByte(z.page[z.end:], '<')
		if k < 0 {
			z.end = len(z.page)
			z.eof = true
			break loop
		}
		z.end += k + 1
		c := z.readByte()
		if z.eof {
			break loop
		}
		var tt html.TokenType
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			tt = html.StartTagToken
		case c == '/':
			tt = html.EndTagToken
		case c == '!' || c == '?':
			tt = html.CommentToken
		default:
			// Reconsume the current character.
			z.end--
			continue
		}
		// Text before the tag is a token of its own.
		if x := z.end - len("<a"); z.start < x {
			z.end, z.dataEnd = x, x
			z.tt = html.TextToken
			return z.tt
		}
		switch tt {
		case html.StartTagToken:
			z.tt = z.readStartTag()
			return z.tt
		case html.EndTagToken:
			c = z.readByte()
			if z.eof {
				break loop
			}
			if c == '>' {
				// "</>" is no token; x/net returns it as an empty comment.
				z.tt = html.CommentToken
				return z.tt
			}
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				z.readTag(false)
				if z.eof {
					z.tt = html.ErrorToken
				} else {
					z.tt = html.EndTagToken
				}
				return z.tt
			}
			z.end--
			z.readUntilCloseAngle()
			z.tt = html.CommentToken
			return z.tt
		default:
			if c == '!' {
				z.tt = z.readMarkupDeclaration()
				return z.tt
			}
			z.end--
			z.readUntilCloseAngle()
			z.tt = html.CommentToken
			return z.tt
		}
	}
	if z.start < z.end {
		z.dataEnd = z.end
		z.tt = html.TextToken
		return z.tt
	}
	z.tt = html.ErrorToken
	return z.tt
}

// readRawOrRCDATA reads up to the "</tag" that closes rawTag.
func (z *pageTokenizer) readRawOrRCDATA() {
	if z.rawTag == "script" {
		z.readScript()
		z.textIsRaw = true
		z.rawTag = ""
		return
	}
	for {
		k := bytes.IndexByte(z.page[z.end:], '<')
		if k < 0 {
			z.end = len(z.page)
			z.eof = true
			break
		}
		z.end += k + 1
		c := z.readByte()
		if z.eof {
			break
		}
		if c != '/' {
			z.end--
			continue
		}
		if z.readRawEndTag() || z.eof {
			break
		}
	}
	z.dataEnd = z.end
	// A textarea's or title's RCDATA can hold character references.
	z.textIsRaw = z.rawTag != "textarea" && z.rawTag != "title"
	z.rawTag = ""
}

// readRawEndTag reads "foo" and one more byte after a "</", foo being
// rawTag, and if they close the raw text backs up to the "<" and returns
// true.
func (z *pageTokenizer) readRawEndTag() bool {
	for i := 0; i < len(z.rawTag); i++ {
		c := z.readByte()
		if z.eof {
			return false
		}
		if c != z.rawTag[i] && c != z.rawTag[i]-('a'-'A') {
			z.end--
			return false
		}
	}
	c := z.readByte()
	if z.eof {
		return false
	}
	switch c {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		z.end -= 3 + len(z.rawTag)
		return true
	}
	z.end--
	return false
}

// readScript reads a script's text up to the "</script" that closes it,
// by the escaping states of the HTML tokenizer (HTML §13.2.5.4–§13.2.5.31)
// as readScript in token.go implements them.
func (z *pageTokenizer) readScript() {
	defer func() {
		z.dataEnd = z.end
	}()
	var c byte

scriptData:
	if k := bytes.IndexByte(z.page[z.end:], '<'); k >= 0 {
		z.end += k + 1
	} else {
		z.end = len(z.page)
		z.eof = true
		return
	}
	goto scriptDataLessThanSign

scriptDataLessThanSign:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '/':
		goto scriptDataEndTagOpen
	case '!':
		goto scriptDataEscapeStart
	}
	z.end--
	goto scriptData

scriptDataEndTagOpen:
	if z.readRawEndTag() || z.eof {
		return
	}
	goto scriptData

scriptDataEscapeStart:
	c = z.readByte()
	if z.eof {
		return
	}
	if c == '-' {
		goto scriptDataEscapeStartDash
	}
	z.end--
	goto scriptData

scriptDataEscapeStartDash:
	c = z.readByte()
	if z.eof {
		return
	}
	if c == '-' {
		goto scriptDataEscapedDashDash
	}
	z.end--
	goto scriptData

scriptDataEscaped:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataEscapedDash
	case '<':
		goto scriptDataEscapedLessThanSign
	}
	goto scriptDataEscaped

scriptDataEscapedDash:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataEscapedDashDash
	case '<':
		goto scriptDataEscapedLessThanSign
	}
	goto scriptDataEscaped

scriptDataEscapedDashDash:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataEscapedDashDash
	case '<':
		goto scriptDataEscapedLessThanSign
	case '>':
		goto scriptData
	}
	goto scriptDataEscaped

scriptDataEscapedLessThanSign:
	c = z.readByte()
	if z.eof {
		return
	}
	if c == '/' {
		goto scriptDataEscapedEndTagOpen
	}
	if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
		goto scriptDataDoubleEscapeStart
	}
	z.end--
	goto scriptData

scriptDataEscapedEndTagOpen:
	if z.readRawEndTag() || z.eof {
		return
	}
	goto scriptDataEscaped

scriptDataDoubleEscapeStart:
	z.end--
	for i := 0; i < len("script"); i++ {
		c = z.readByte()
		if z.eof {
			return
		}
		if c != "script"[i] && c != "SCRIPT"[i] {
			z.end--
			goto scriptDataEscaped
		}
	}
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		goto scriptDataDoubleEscaped
	}
	z.end--
	goto scriptDataEscaped

scriptDataDoubleEscaped:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedDash:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDashDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedDashDash:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDashDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	case '>':
		goto scriptData
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedLessThanSign:
	c = z.readByte()
	if z.eof {
		return
	}
	if c == '/' {
		goto scriptDataDoubleEscapeEnd
	}
	z.end--
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapeEnd:
	if z.readRawEndTag() {
		z.end += len("</script>")
		goto scriptDataEscaped
	}
	if z.eof {
		return
	}
	goto scriptDataDoubleEscaped
}

// readComment reads a comment after its opening "<!--".
func (z *pageTokenizer) readComment() {
	z.dataStart = z.end
	z.dataEnd = z.commentDataEnd()
	if z.dataEnd < z.dataStart {
		// A comment with no data, like <!-->.
		z.dataEnd = z.dataStart
	}
}

// commentDataEnd reads a comment's data and what closes it, and returns
// where the data ends.
func (z *pageTokenizer) commentDataEnd() int {
	dashCount := 0
	beginning := true
	for {
		c := z.readByte()
		if z.eof {
			return z.abruptCommentDataEnd()
		}
		switch c {
		case '-':
			dashCount++
			continue
		case '>':
			if dashCount >= 2 || beginning {
				return z.end - len("-->")
			}
		case '!':
			if dashCount >= 2 {
				c = z.readByte()
				if z.eof {
					return z.abruptCommentDataEnd()
				} else if c == '>' {
					return z.end - len("--!>")
				} else if c == '-' {
					dashCount = 1
					beginning = false
					continue
				}
			}
		default:
			// Every other byte resets the state alike: skip to the next
			// byte that can change it.
			z.end += indexCommentStop(z.page[z.end:])
		}
		dashCount = 0
		beginning = false
	}
}

// indexCommentStop returns the index in s of the first byte a comment's
// state changes on ('-', '>' or '!'), or len(s).
func indexCommentStop(s []byte) int {
	for i, c := range s {
		if c == '-' || c == '>' || c == '!' {
			return i
		}
	}
	return len(s)
}

// abruptCommentDataEnd is where the data of a comment cut off by the end
// of the page ends: before a trailing "--!", "--" or "-".
func (z *pageTokenizer) abruptCommentDataEnd() int {
	raw := z.page[z.start:z.end]
	if len(raw) >= len("<!--") {
		raw = raw[len("<!--"):]
		switch {
		case bytes.HasSuffix(raw, []byte("--!")):
			return z.end - 3
		case bytes.HasSuffix(raw, []byte("--")):
			return z.end - 2
		case bytes.HasSuffix(raw, []byte("-")):
			return z.end - 1
		}
	}
	return z.end
}

// readUntilCloseAngle reads up to and past the next ">", the data being
// what lies before it.
func (z *pageTokenizer) readUntilCloseAngle() {
	z.dataStart = z.end
	k := bytes.IndexByte(z.page[z.end:], '>')
	if k < 0 {
		z.end = len(z.page)
		z.eof = true
		z.dataEnd = z.end
		return
	}
	z.dataEnd = z.end + k
	z.end += k + 1
}

// readMarkupDeclaration reads a token after "<!": a comment, a doctype, a
// CDATA section (when allowed) or a bogus comment.
func (z *pageTokenizer) readMarkupDeclaration() html.TokenType {
	z.dataStart = z.end
	var c [2]byte
	for i := range 2 {
		c[i] = z.readByte()
		if z.eof {
			z.dataEnd = z.end
			if i == 1 && c[0] == '>' {
				z.dataEnd--
			}
			return html.CommentToken
		}
	}
	if c[0] == '-' && c[1] == '-' {
		z.readComment()
		return html.CommentToken
	}
	z.end -= 2
	if z.readDoctype() {
		return html.DoctypeToken
	}
	if z.allowCDATA && z.readCDATA() {
		return html.TextToken
	}
	z.readUntilCloseAngle()
	return html.CommentToken
}

// readDoctype reads a doctype after "<!" and reports whether there was
// one; if not, it backs up to read the bytes again.
func (z *pageTokenizer) readDoctype() bool {
	const s = "DOCTYPE"
	for i := 0; i < len(s); i++ {
		c := z.readByte()
		if z.eof {
			// Back up and read the fragment again; the end of the page is
			// found again by the next read.
			z.end = z.dataStart
			z.eof = false
			return false
		}
		if c != s[i] && c != s[i]+('a'-'A') {
			z.end = z.dataStart
			return false
		}
	}
	if z.skipWhiteSpace(); z.eof {
		z.dataStart, z.dataEnd = z.end, z.end
		return true
	}
	z.readUntilCloseAngle()
	return true
}

// readCDATA reads a CDATA section after "<!" and reports whether there was
// one; if not, it backs up to read the bytes again.
func (z *pageTokenizer) readCDATA() bool {
	const s = "[CDATA["
	for i := 0; i < len(s); i++ {
		c := z.readByte()
		if z.eof {
			z.end = z.dataStart
			z.eof = false
			return false
		}
		if c != s[i] {
			z.end = z.dataStart
			return false
		}
	}
	z.dataStart = z.end
	brackets := 0
	for {
		c := z.readByte()
		if z.eof {
			z.dataEnd = z.end
			return true
		}
		switch c {
		case ']':
			brackets++
		case '>':
			if brackets >= 2 {
				z.dataEnd = z.end - len("]]>")
				return true
			}
			brackets = 0
		default:
			brackets = 0
		}
	}
}

// rawTextTags are the elements whose start tag makes the next token raw
// text or RCDATA.
var rawTextTags = [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"}

// readStartTag reads a start tag after its "<" and first letter.
func (z *pageTokenizer) readStartTag() html.TokenType {
	z.readTag(true)
	if z.eof {
		return html.ErrorToken
	}
	name := z.page[z.nameStart:z.nameEnd]
	if n := len(name); n >= 3 && n <= 9 {
		for _, t := range rawTextTags {
			if asciiEqualFoldLower(name, t) {
				z.rawTag = t
				break
			}
		}
	}
	// Self-closing: the byte before '>' is '/', and not the last byte of
	// the last attribute's value (as in <p a=/>).
	if z.page[z.end-2] == '/' {
		if a, ok := z.lastSavedAttr(); !ok || z.end-2 != a.ve-1 {
			return html.SelfClosingTagToken
		}
	}
	return html.StartTagToken
}

// lastSavedAttr returns the last attribute x/net keeps: the last whose
// key, lower-cased, no earlier attribute has.
func (z *pageTokenizer) lastSavedAttr() (tagAttr, bool) {
	for i := len(z.attrs) - 1; i >= 0; i-- {
		a, dup := z.attrs[i], false
		for _, b := range z.attrs[:i] {
			if asciiEqualFold(z.page[a.ks:a.ke], z.page[b.ks:b.ke]) {
				dup = true
				break
			}
		}
		if !dup {
			return a, true
		}
	}
	return tagAttr{}, false
}

// asciiEqualFold reports whether a and b are equal but for the case of
// ASCII letters, the only case x/net lowers.
func asciiEqualFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if lowerByte(a[i]) != lowerByte(b[i]) {
			return false
		}
	}
	return true
}

// asciiEqualFoldLower reports whether a lower-cased by ASCII is lower.
func asciiEqualFoldLower(a []byte, lower string) bool {
	if len(a) != len(lower) {
		return false
	}
	for i := range a {
		if lowerByte(a[i]) != lower[i] {
			return false
		}
	}
	return true
}

// lowerByte lower-cases an ASCII letter.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// readTag reads a tag's name and attributes after its "<" or "</" and
// first letter; save keeps the attributes.
func (z *pageTokenizer) readTag(save bool) {
	z.readTagName()
	if z.skipWhiteSpace(); z.eof {
		return
	}
	for {
		c := z.readByte()
		if z.eof || c == '>' {
			break
		}
		z.end--
		ks, ke := z.readTagAttrKey()
		vs, ve := z.readTagAttrVal()
		if save && ks != ke {
			z.attrs = append(z.attrs, tagAttr{ks, ke, vs, ve})
		}
		if z.skipWhiteSpace(); z.eof {
			break
		}
	}
}

// readTagName reads a tag's name, whose first byte is read.
func (z *pageTokenizer) readTagName() {
	z.nameStart = z.end - 1
	for z.end < len(z.page) {
		switch z.page[z.end] {
		case ' ', '\n', '\r', '\t', '\f':
			z.nameEnd = z.end
			z.end++
			return
		case '/', '>':
			z.nameEnd = z.end
			return
		}
		z.end++
	}
	z.eof = true
	z.nameEnd = z.end
}

// readTagAttrKey reads an attribute's key and returns its bounds.
func (z *pageTokenizer) readTagAttrKey() (int, int) {
	start := z.end
	for z.end < len(z.page) {
		c := z.page[z.end]
		z.end++
		switch c {
		case '=':
			if start+1 == z.end {
				// An '=' before the name begins is part of the name.
				continue
			}
			z.end--
			return start, z.end
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			z.end--
			return start, z.end
		}
	}
	z.eof = true
	return start, z.end
}

// readTagAttrVal reads an attribute's value, if any, and returns its
// bounds.
func (z *pageTokenizer) readTagAttrVal() (int, int) {
	start := z.end
	if z.skipWhiteSpace(); z.eof {
		return start, start
	}
	c := z.readByte()
	if z.eof {
		return start, start
	}
	if c == '/' {
		return start, start
	}
	if c != '=' {
		z.end--
		return start, start
	}
	if z.skipWhiteSpace(); z.eof {
		return start, start
	}
	quote := z.readByte()
	if z.eof {
		return start, start
	}
	switch quote {
	case '>':
		z.end--
		return start, start
	case '\'', '"':
		vs := z.end
		k := bytes.IndexByte(z.page[z.end:], quote)
		if k < 0 {
			z.end = len(z.page)
			z.eof = true
			return vs, z.end
		}
		z.end += k + 1
		return vs, z.end - 1
	default:
		vs := z.end - 1
		for z.end < len(z.page) {
			switch z.page[z.end] {
			case ' ', '\n', '\r', '\t', '\f':
				z.end++
				return vs, z.end - 1
			case '>':
				return vs, z.end
			}
			z.end++
		}
		z.eof = true
		return vs, z.end
	}
}
