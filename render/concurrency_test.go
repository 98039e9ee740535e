package render_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
)

// TestConcurrentRender renders the seed from eight goroutines at once
// (run with -race): every output equals the one rendered alone.
func TestConcurrentRender(t *testing.T) {
	seed := loadSeed(t)
	want := renderHTML(t, seed)
	var wantText bytes.Buffer
	assert.NoError(t, render.Text(&wantText, seed))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				var h, tx bytes.Buffer
				assert.NoError(t, render.HTML(&h, seed))
				assert.NoError(t, render.Text(&tx, seed))
				assert.Equal(t, want, h.Bytes())
				assert.Equal(t, wantText.Bytes(), tx.Bytes())
			}
		})
	}
	wg.Wait()
}

// TestConcurrentRenderAll renders every golden reply and a set of random
// ones, as HTML, text and Markdown, from eight goroutines at once, several
// rounds over: every output equals the one rendered alone.
func TestConcurrentRenderAll(t *testing.T) {
	var replies []*reply.Reply
	goldens := goldenReplies(t)
	for _, path := range sortedKeys(goldens) {
		replies = append(replies, goldens[path])
	}
	g := newGen(7)
	for range 40 {
		replies = append(replies, g.reply())
	}
	renderAll := func(r *reply.Reply) [3][]byte {
		var h, tx, md bytes.Buffer
		assert.NoError(t, render.HTML(&h, r, render.WithPageHeader()))
		assert.NoError(t, render.Text(&tx, r))
		assert.NoError(t, render.Markdown(&md, r))
		return [3][]byte{h.Bytes(), tx.Bytes(), md.Bytes()}
	}
	want := make([][3][]byte, len(replies))
	for i, r := range replies {
		want[i] = renderAll(r)
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for range 3 {
				for k := range replies {
					i := (k + w*len(replies)/8) % len(replies)
					if got := renderAll(replies[i]); !assert.Equal(t, want[i], got, "reply %d", i) {
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
