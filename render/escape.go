package render

import "unicode/utf8"

// escapes holds, for each ASCII byte, its replacement in HTML, or "" for a
// byte written as it is. Bytes of multi-byte UTF-8 sequences are never
// ASCII, so a byte-wise scan of valid UTF-8 sees only whole ASCII
// characters.
var escapes = [utf8.RuneSelf]string{
	'&':  "&amp;",
	'<':  "&lt;",
	'>':  "&gt;",
	'"':  "&#34;",
	'\'': "&#39;",
	'\r': "&#13;",
	0:    "\uFFFD",
}

// escape writes s with the characters that HTML gives a meaning escaped:
// & < > " ' everywhere, and a carriage return as a reference, since a
// parser folds a literal one into a line feed. NUL and each byte of
// invalid UTF-8, which no HTML parser keeps, become U+FFFD, as they do in
// []rune(s). Runs of bytes written as they are go out at once.
func (h *htmlWriter) escape(s string) {
	last := 0 // s[last:i] is yet to be written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if rep := escapes[c]; rep != "" {
				h.str(s[last:i])
				h.str(rep)
				last = i + 1
			}
			i++
			continue
		}
		if n := cjkRun(s, i); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			h.str(s[last:i])
			h.str("\uFFFD")
			last = i + 1
		}
		i += size
	}
	h.str(s[last:])
}

// escapeJSON writes js, JSON as encoding/json writes it, escaped as escape
// escapes text. Such JSON is valid UTF-8 with every control byte escaped,
// so that only its ASCII bytes need a look.
func (h *htmlWriter) escapeJSON(js []byte) {
	last := 0 // js[last:i] is yet to be written
	for i, c := range js {
		if c < utf8.RuneSelf && escapes[c] != "" {
			h.bytes(js[last:i])
			h.str(escapes[c])
			last = i + 1
		}
	}
	h.bytes(js[last:])
}

// cjkRun returns the length of the run of valid three-byte UTF-8
// sequences at s[i], which is where nearly all of a notice's text (CJK
// characters and punctuation) lies, or 0 when s[i] starts none. Two
// sequences are checked at a time in one 8-byte load, then a last one
// alone. Only the lead bytes E1–EC, EE and EF are taken, whose
// continuation bytes may be any of 80–BF; E0 and ED, whose second byte
// has a narrower range, are left to the decoder. None of these is a
// character that HTML escapes.
func cjkRun(s string, i int) int {
	start := i
	for ; i+8 <= len(s); i += 6 {
		t := s[i : i+8] // one bounds check for the eight bytes
		x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		if x&0xC0C0F0C0C0F0 != 0x8080E08080E0 || (narrowLeads>>(x&0xF)|narrowLeads>>(x>>24&0xF))&1 != 0 {
			break
		}
	}
	if i+2 < len(s) && s[i]&0xF0 == 0xE0 && wideLead(s[i]) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		i += 3
	}
	return i - start
}

// narrowLeads has a bit set for the low nibbles of E0 and ED, the lead
// bytes of three-byte UTF-8 sequences whose second byte has a narrower
// range than 80–BF.
const narrowLeads = 1<<0x0 | 1<<0xD

// wideLead reports whether c, a lead byte 1110xxxx of a three-byte UTF-8
// sequence, takes any continuation bytes: all but E0 and ED do.
func wideLead(c byte) bool { return narrowLeads>>(c&0xF)&1 == 0 }
