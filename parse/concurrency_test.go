package parse

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// concurrencyInputs returns the pages and texts to read at once: the
// shared corpus when it is present, else the fixtures of testdata.
func concurrencyInputs(t *testing.T) (pages, texts map[string][]byte) {
	t.Helper()
	load := func(patterns ...string) map[string][]byte {
		out := map[string][]byte{}
		for _, p := range patterns {
			files, err := filepath.Glob(p)
			require.NoError(t, err)
			for _, f := range files {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				out[f] = data
			}
		}
		return out
	}
	corpus := filepath.Join("..", "..", "shared", "corpus")
	pages = load(filepath.Join(corpus, "pages", "*.htm*"))
	texts = load(filepath.Join(corpus, "texts", "*.txt"))
	if len(pages) == 0 {
		t.Log("page corpus absent: reading the fixtures")
		pages = load(filepath.Join("testdata", "pages", "*.html"))
	}
	if len(texts) == 0 {
		t.Log("text corpus absent: reading the fixtures")
		texts = load(filepath.Join("testdata", "texts", "*.txt"))
	}
	require.NotEmpty(t, pages)
	require.NotEmpty(t, texts)
	return pages, texts
}

// outcome is what one read gave, as comparable text: the reply's
// reference JSON, or the error.
func outcome(rep *reply.Reply, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	data, merr := reply.Marshal(rep)
	if merr != nil {
		return "marshal error: " + merr.Error()
	}
	return string(data)
}

// TestConcurrentRead reads every corpus page and text from eight
// goroutines at once, several rounds over, and checks that each read
// gives exactly what it gives alone (run with -race, this also finds
// shared state).
func TestConcurrentRead(t *testing.T) {
	pages, texts := concurrencyInputs(t)
	type job struct {
		name string
		read func() string
	}
	var jobs []job
	for name, data := range pages {
		jobs = append(jobs, job{"page " + name, func() string { return outcome(HTML(bytes.NewReader(data))) }})
	}
	for name, data := range texts {
		jobs = append(jobs, job{"text " + name, func() string { return outcome(Text(string(data))) }})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].name < jobs[j].name })
	want := make([]string, len(jobs))
	replies := 0
	for i, j := range jobs {
		want[i] = j.read()
		if want[i][0] == '{' {
			replies++
		}
	}
	require.Positive(t, replies, "some inputs read as replies")

	rounds := 3
	if testing.Short() {
		rounds = 1
	}
	const workers = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	var diffs []string
	for w := range workers {
		wg.Go(func() {
			for r := range rounds {
				// Each worker starts at another input, so that the same
				// input is read by several at once.
				for k := range jobs {
					i := (k + w*len(jobs)/workers) % len(jobs)
					if got := jobs[i].read(); got != want[i] {
						mu.Lock()
						diffs = append(diffs, fmt.Sprintf("round %d worker %d: %s differs", r, w, jobs[i].name))
						mu.Unlock()
					}
				}
			}
		})
	}
	wg.Wait()
	assert.Empty(t, diffs)
	t.Logf("%d inputs (%d pages, %d texts, %d replies) read by %d goroutines, %d rounds", len(jobs), len(pages), len(texts), replies, workers, rounds)
}
