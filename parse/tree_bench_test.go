package parse

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"golang.org/x/net/html"
)

// BenchmarkTree compares the fast tree builder with html.Parse, and
// pageTokenizer with x/net's tokenizer, each alone, on the seed page and on the corpus pages that take
// the fast path (all of them in one operation).
func BenchmarkTree(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join("testdata", "pages", "seed-trs.utf8.html"))
	if err != nil {
		b.Fatal(err)
	}
	benchTreePages(b, "seed", [][]byte{seed})
	corpus := treeCorpus(b)
	names := make([]string, 0, len(corpus))
	for name := range corpus {
		names = append(names, name)
	}
	sort.Strings(names)
	var fast [][]byte
	for _, name := range names {
		if _, ok := buildTree(context.Background(), corpus[name]); ok {
			fast = append(fast, corpus[name])
		}
	}
	if len(fast) == 0 {
		return
	}
	b.Logf("%d of %d corpus pages take the fast path", len(fast), len(corpus))
	benchTreePages(b, "corpus", fast)
}

// benchTreePages runs the fast and html.Parse sub-benchmarks of name on
// pages, each of which must take the fast path.
func benchTreePages(b *testing.B, name string, pages [][]byte) {
	size := 0
	for _, p := range pages {
		size += len(p)
		if _, ok := buildTree(context.Background(), p); !ok {
			b.Fatalf("%s: a page declined", name)
		}
	}
	b.Run(name+"/fast", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				buildTree(context.Background(), p)
			}
		}
	})
	b.Run(name+"/pagetokenizer", func(b *testing.B) {
		// The builder's own floor: its tokenizer alone, building nothing.
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				z := newPageTokenizer(p)
				for z.next() != html.ErrorToken {
				}
			}
		}
	})
	b.Run(name+"/tokenizer", func(b *testing.B) {
		// html.Parse's floor: x/net's tokenizer alone, building nothing.
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				z := html.NewTokenizer(bytes.NewReader(p))
				for z.Next() != html.ErrorToken {
				}
			}
		}
	})
	b.Run(name+"/html.Parse", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				if _, err := html.Parse(bytes.NewReader(p)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
