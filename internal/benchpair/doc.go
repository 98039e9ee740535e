// Package benchpair times two pieces of work in turns within one
// benchmark, so that the ratio of their times is measured under the same
// conditions (load, frequency, the collector's state) rather than across
// two benchmarks run minutes apart. The benchmarks of parse, of the
// replykit command and of the peer comparison use it.
package benchpair
