package parse

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that Extract never panics, returns a typed error or
// a Source with blocks, and gives blocks of valid, folded text, images
// with http, https or relative addresses only, tables with rows, and a
// title of valid text on one line.
func FuzzExtract(f *testing.F) {
	for _, name := range fixtureGlob(f, "html") {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<table><tr><td rowspan=3>甲<td>乙<tr><td colspan=2>丙</table>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := Extract(bytes.NewReader(data), WithMaxBytes(1<<20))
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotHTML) && !errors.Is(err, ErrNoContent) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("untyped error: %v", err)
			}
			return
		}
		if len(src.Blocks) == 0 {
			t.Fatalf("a Source without blocks: %+v", src)
		}
		if !utf8.ValidString(src.Title) || strings.ContainsAny(src.Title, "\n\r") {
			t.Fatalf("title not valid text on one line: %q", src.Title)
		}
		for _, b := range src.Blocks {
			if !utf8.ValidString(b.Text) {
				t.Fatalf("invalid UTF-8 in block %q", b.Text)
			}
			if b.Text != "" && (b.Text[0] == ' ' || b.Text[len(b.Text)-1] == ' ') {
				t.Fatalf("block not trimmed: %q", b.Text)
			}
			if b.Table != nil && len(b.Table.Rows) == 0 {
				t.Fatalf("a table without rows")
			}
			if b.Image != nil {
				u, err := url.Parse(b.Image.URL)
				if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") ||
					strings.ContainsFunc(b.Image.URL, func(r rune) bool { return r < ' ' || r == 0x7f }) {
					t.Fatalf("image address not http, https or relative: %q", b.Image.URL)
				}
			}
		}
	})
}
