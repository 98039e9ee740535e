package reply

import "unicode/utf8"

// hexDigits are the digits of a \u escape, lower case as encoding/json
// writes them.
const hexDigits = "0123456789abcdef"

// appendJSONString appends s to dst as a JSON string, escaped byte for
// byte as encoding/json escapes it with HTML escaping off: <, > and & stay
// as written; " and \ are escaped; \b, \f, \n, \r and \t take their short
// forms and other bytes below 0x20 are \u00XX; U+2028 and U+2029 are
// \u2028 and \u2029; each byte of invalid UTF-8 is \ufffd.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0 // s[start:i] is yet to be copied
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		if b-0xE3 <= 0xEC-0xE3 || b-0xEE <= 1 {
			// Most of a notice is CJK text of three bytes a character. A
			// lead byte of E3–EC or EE–EF starts a valid one whatever its
			// continuation bytes are, and none of them is escaped
			// (U+2028 and U+2029 start with E2).
			if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				i += 3
				continue
			}
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			// Valid JSON, but not valid JavaScript: encoding/json always
			// escapes them.
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// stringEnd returns the index just past the JSON string that starts with
// the quote at src[i], or len(src) when it is not closed.
func stringEnd(src []byte, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++ // the escaped byte
		case '"':
			return j + 1
		}
	}
	return len(src)
}
