package parse

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/reply"
)

// FuzzText reads any text: it must give ErrEmpty or a limit error, or a
// reply that keeps every character of the body (white space aside) in
// order and passes Validate.
func FuzzText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "texts", "*.txt"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{"", " \n\u3000", "一、", "（一）\n1.\n(1)\n①", "某某委员:", "一是。二是", "2021112", "附件：1.\n2.", "（联系人：）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rep, err := Text(s, WithMaxBytes(1<<20))
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		want := reply.NormalizeWhitespace(bodyText(t, s))
		if got := reply.NormalizeWhitespace(rep.PlainText()); got != want {
			t.Fatalf("text lost or changed:\n got %q\nwant %q", got, want)
		}
		if err := rep.Validate(); err != nil {
			var ve *reply.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate: %v", err)
			}
			for _, p := range ve.Problems {
				if hasWarning(rep, "no-title") && (p.Path == "title" || p.Path == "header") {
					continue
				}
				t.Fatalf("invalid reply: %v", p)
			}
		}
	})
}
