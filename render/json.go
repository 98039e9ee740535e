package render

import (
	"fmt"
	"io"

	"github.com/replykit/replykit/reply"
)

// JSON writes r in the reference format (replykit/v1, or replykit/v2 when
// r has provenance), as reply.Marshal
// does: indented by two spaces, keys in the documented order, a newline at
// the end. The same reply always gives the same bytes. Like every writer
// of this package it writes any reply, valid or not (see the package
// documentation).
func JSON(w io.Writer, r *reply.Reply) error {
	if r == nil {
		return ErrNilReply
	}
	b, err := reply.Marshal(r)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("render: write JSON: %w", err)
	}
	return nil
}
