package parse

import (
	"errors"

	"github.com/replykit/replykit/reply"
)

// readSource reads the document's structure from a Source.
func readSource(src *Source, cfg *config) (*reply.Reply, error) {
	return nil, errors.New("parse: readSource: not written yet")
}
