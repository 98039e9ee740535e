package parse

import (
	"errors"
	"io"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/reply"
)

// loadDocument reads and decodes a page and builds its goquery document.
func loadDocument(r io.Reader, cfg *config) (*goquery.Document, []reply.Warning, error) {
	return nil, nil, errors.New("parse: loadDocument: not written yet")
}

// extractDocument finds the notice in a page.
func extractDocument(doc *goquery.Document, cfg *config) (*Source, error) {
	return nil, errors.New("parse: extractDocument: not written yet")
}
