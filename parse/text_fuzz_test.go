package parse

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// FuzzText reads any text: it must give ErrEmpty or a limit error, or a
// reply that keeps every character of the body (white space aside) in
// order, passes Validate (but for a title that nothing could make), and
// renders to a page that reads back to the same reply. Read again, the
// text gives the same reply.
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
		if ps := validationProblems(rep); len(ps) > 0 {
			t.Fatalf("invalid reply: %v", ps)
		}
		if again, err := Text(s, WithMaxBytes(1<<20)); err != nil || !equalJSON(t, rep, again) {
			t.Fatalf("read twice, the text gives another reply (%v)", err)
		}
		var page bytes.Buffer
		if err := render.HTML(&page, rep); err != nil {
			t.Fatalf("render: %v", err)
		}
		back, err := HTML(bytes.NewReader(page.Bytes()))
		if err != nil {
			t.Fatalf("reading the rendered page: %v", err)
		}
		wantRep := *rep
		wantRep.Warnings = nil
		back.Warnings = nil
		if !equalJSON(t, &wantRep, back) {
			t.Fatalf("rendered page reads back otherwise:\nwant %s\n got %s", mustMarshal(t, &wantRep), mustMarshal(t, back))
		}
	})
}
