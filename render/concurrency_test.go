package render_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/replykit/replykit/render"
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
