package reply

import (
	"net/url"
	"strings"
)

// LinkableURL reports whether s may stand as an image or page address of
// a reply: an http or https URL, a protocol-relative one, or a relative
// reference. Anything with another scheme (javascript:, data:, vbscript:,
// file:) is refused, and so is anything with control characters, which
// browsers drop before they read the scheme (「java\tscript:」). The empty
// string is no address. Validate, the readers and the renderers all keep
// to this one rule.
func LinkableURL(s string) bool {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	// Without a scheme, url.Parse has already refused a colon in the first
	// path segment, which a browser would read as one.
	return WebScheme(u.Scheme)
}

// WebScheme reports whether a URL scheme is one a reply's addresses may
// have: http, https, or none (a relative reference).
func WebScheme(scheme string) bool {
	switch strings.ToLower(scheme) {
	case "", "http", "https":
		return true
	}
	return false
}
