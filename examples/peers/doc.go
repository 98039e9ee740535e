// Package peers measures parse.HTML beside other Go readers of web pages
// on the same pages: building a goquery document of the page (the floor
// any goquery-based reader pays), go-readability v2 and go-trafilatura.
//
// It is a module of its own so that the peers stay out of replykit's
// go.mod; it holds only tests and benchmarks. From this folder:
//
//	go test ./...                                        # every tool reads every page
//	go test -run '^$' -bench . -benchmem -count 5        # BenchmarkPeers/<set>/<tool>
//	./run.sh                                             # the same, with medians and ratios
package peers
