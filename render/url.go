package render

import (
	"net/url"
	"strings"
)

// safeURL reports whether s may stand in a link or image address of a
// rendered page: an http or https URL, a protocol-relative one, or a
// relative reference. Anything with another scheme (javascript:, data:,
// vbscript:, file:) is refused, and so is anything with control
// characters, which browsers drop before they read the scheme
// (「java\tscript:」). A space is kept: browsers encode it, and a leading
// one cannot hide a scheme, since url.Parse then refuses the colon.
func safeURL(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == 0x7f {
			return false
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	// Without a scheme, url.Parse has already refused a colon in the first
	// path segment, which a browser would read as one.
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
		return true
	}
	return false
}
