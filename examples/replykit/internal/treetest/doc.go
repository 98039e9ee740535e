// Package treetest reads and compares folder trees for the tests of the
// replykit command and its engine, which check that runs leave the same
// files with the same bytes (a sharded run and one run, a rerun and the
// run before).
package treetest
