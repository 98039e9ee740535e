// Package examples holds runnable examples of replykit's packages; the
// replykit command, which migrates folders of old notice pages, is in
// examples/replykit.
package examples
