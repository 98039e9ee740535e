// Package charset decodes the bytes of a web page to UTF-8 text. It picks
// the page's encoding from a forced label, a byte order mark, the bytes
// themselves (valid UTF-8 is UTF-8), the HTTP Content-Type and the page's
// <meta> declaration, and where the bytes are legacy ones it scores the
// Chinese encodings (the declared one, GB18030 and Big5) on the text each
// decodes to. The decoding itself is golang.org/x/text's.
//
// It knows nothing of notices, as golang.org/x/net/html keeps html/charset
// apart from its parser: package parse reads the text it gives.
package charset
