package render

import (
	"io"

	"github.com/replykit/replykit/reply"
)

// RefHTML is HTML as it was before the output buffer, the escaping and the
// JSON attributes were reworked (html_ref_test.go): the reference that the
// tests hold HTML to, byte for byte.
func RefHTML(w io.Writer, r *reply.Reply, opts ...Option) error { return refHTML(w, r, opts...) }
