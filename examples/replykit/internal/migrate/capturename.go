package migrate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Bounds of a capture's name, so that it fits any file system: a folder
// or file name of at most maxNameSeg bytes, at most maxNameDepth of them.
const (
	maxNameSeg   = 100
	maxNameDepth = 24
)

// captureName is a web-archive capture's name within its input, built
// from its URL and capture time (WARC-Date):
//
//	host[_port]/path/segments/last@YYYYMMDDhhmmss.html
//
// The scheme, a default port and the fragment are left out; the host is
// lower-cased; a path that ends in "/" ends in "index"; a query follows
// the last segment as "%3F" and the query. Every segment is written so
// that any file system takes it and none leads out of its folder: "." and
// ".." are written %2E, and control characters, :*?"<>|\ and bytes that
// are not UTF-8 as %XX; a trailing dot or space is escaped, a Windows
// device name (CON, NUL, COM1…) has its first letter escaped; a segment
// over maxNameSeg bytes is cut and ends in "~" and 8 hex digits of its
// SHA-256, and segments past maxNameDepth are joined into the last. The
// time is the WARC-Date in UTC to the second ("undated" when missing, the
// date escaped when it does not read). The ".html" at the end makes the
// page read as HTML. Two captures of one URL in one second get the same
// name: the name plan numbers the second (~2), as it does any clash.
func captureName(uri, date string) string {
	var segs []string
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		segs = []string{"no-host", uri}
	} else {
		host := strings.ToLower(u.Hostname())
		if p := u.Port(); p != "" && !(p == "80" && u.Scheme == "http") && !(p == "443" && u.Scheme == "https") {
			host += "_" + p
		}
		segs = append(segs, host)
		p := u.EscapedPath()
		for s := range strings.SplitSeq(p, "/") {
			if s != "" {
				segs = append(segs, s)
			}
		}
		if len(segs) == 1 || strings.HasSuffix(p, "/") {
			segs = append(segs, "index")
		}
		if u.RawQuery != "" {
			segs[len(segs)-1] += "%3F" + u.RawQuery
		}
	}
	if len(segs) > maxNameDepth {
		segs = append(segs[:maxNameDepth-1], strings.Join(segs[maxNameDepth-1:], "%2F"))
	}
	stamp := captureStamp(date)
	for i, s := range segs {
		if i == len(segs)-1 {
			// Room for the time and extension within the bound.
			segs[i] = boundSeg(safeSeg(s), maxNameSeg-len(stamp)-6) + "@" + stamp + ".html"
			continue
		}
		segs[i] = boundSeg(safeSeg(s), maxNameSeg)
	}
	return strings.Join(segs, "/")
}

// captureStamp writes a WARC-Date as a name's time: YYYYMMDDhhmmss in
// UTC.
func captureStamp(date string) string {
	if date == "" {
		return "undated"
	}
	t, err := time.Parse(time.RFC3339Nano, date)
	if err != nil {
		return boundSeg(safeSeg(date), 40)
	}
	return t.UTC().Format("20060102150405")
}

// safeSeg writes a path segment so that any file system takes it as one
// name within its folder.
func safeSeg(s string) string {
	switch s {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1, r < 0x20, r == 0x7f, strings.ContainsRune(`:*?"<>|\/`, r):
			fmt.Fprintf(&b, "%%%02X", s[i])
		default:
			b.WriteString(s[i : i+size])
		}
		i += max(size, 1)
	}
	out := b.String()
	if n := len(out); n > 0 && (out[n-1] == '.' || out[n-1] == ' ') {
		out = out[:n-1] + fmt.Sprintf("%%%02X", out[n-1])
	}
	if isDeviceName(out) {
		out = fmt.Sprintf("%%%02X", out[0]) + out[1:]
	}
	return out
}

// isDeviceName reports whether a name is, up to its first dot, one that
// Windows keeps for a device.
func isDeviceName(name string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(name), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '1' && base[3] <= '9'
}

// boundSeg cuts a segment over n bytes, at a boundary that splits no
// character or %XX, and ends it in "~" and 8 hex digits of the SHA-256
// of the whole, so that two long names that share their start differ.
func boundSeg(s string, n int) string {
	if len(s) <= n {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	cut := max(n-9, 1)
	for cut > 0 && (!utf8.RuneStart(s[cut]) || (cut >= 1 && s[cut-1] == '%') || (cut >= 2 && s[cut-2] == '%')) {
		cut--
	}
	return s[:cut] + "~" + hex.EncodeToString(sum[:4])
}
