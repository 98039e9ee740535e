package parse

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that Extract never panics, returns a typed error or
// a Source with blocks, and gives blocks of valid, folded text.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	for _, name := range files {
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
		if len(src.Blocks) == 0 || src.Page == nil {
			t.Fatalf("a Source without blocks or page: %+v", src)
		}
		for _, b := range src.Blocks {
			if !utf8.ValidString(b.Text) {
				t.Fatalf("invalid UTF-8 in block %q", b.Text)
			}
			if b.Text != "" && (b.Text[0] == ' ' || b.Text[len(b.Text)-1] == ' ') {
				t.Fatalf("block not trimmed: %q", b.Text)
			}
		}
	})
}
