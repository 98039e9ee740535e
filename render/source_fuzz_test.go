package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
)

// FuzzSourcePage reads any bytes as a source page and renders what it
// read, as a document with the page header and as a fragment: whatever the
// page held, the output holds only the renderer's elements and attributes,
// no comment and no address other than http, https or relative. The
// Text and Markdown writers take the same reply without error. (The
// properties of the reading itself are parse's FuzzHTML.)
func FuzzSourcePage(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(filepath.FromSlash(casesDir), "*", "*.html"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, p := range xssPayloads[:8] {
		f.Add(fillPage(p, xssURLs[0], true))
	}
	f.Add(fillPage(`<base href="javascript:alert(1)//">`, "a.png", true))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := parse.HTML(bytes.NewReader(data), parse.WithMaxBytes(1<<20))
		if err != nil {
			return
		}
		checkMarkup(t, renderHTML(t, rep, render.WithPageHeader()), false)
		checkMarkup(t, renderHTML(t, rep, render.WithFragment(), render.WithPageHeader()), true)
		var buf bytes.Buffer
		if err := render.Text(&buf, rep, render.WithPageHeader()); err != nil {
			t.Fatal(err)
		}
		if err := render.Markdown(&buf, rep, render.WithPageHeader()); err != nil {
			t.Fatal(err)
		}
	})
}
