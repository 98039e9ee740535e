// Package peers measures parse.HTML beside other Go readers of web pages
// on the same pages: building a goquery document of the page (the floor
// any goquery-based reader pays), go-readability v2 and go-trafilatura.
//
// It is a module of its own so that the peers stay out of replykit's
// go.mod, and holds only tests and benchmarks. From this folder:
//
//	go test ./...                                   # every tool makes text on every page
//	go test -run '^$' -bench . -benchmem -count 5   # BenchmarkPeers and BenchmarkPeersPaired
//	./run.sh                                        # the same, then the medians and ratios
//
// The figures and what each tool does with a page are in the repository's
// BENCHMARKS.md, section Peers.
package peers
