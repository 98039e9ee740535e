package parse

import (
	"context"
	"errors"
	"io"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/reply"
	"golang.org/x/net/html"
)

// HTML reads a notice page from r, in any encoding, and returns its reply.
// A page that replykit rendered is read back exactly from its markup.
func HTML(r io.Reader, opts ...Option) (*reply.Reply, error) {
	return HTMLContext(context.Background(), r, opts...)
}

// HTMLContext reads a notice page as HTML does, and stops with a
// *CanceledError, which unwraps to ctx.Err(), once ctx is done.
func HTMLContext(ctx context.Context, r io.Reader, opts ...Option) (*reply.Reply, error) {
	cfg, err := contextConfig(ctx, opts)
	if err != nil {
		return nil, err
	}
	doc, warnings, err := loadDocument(r, &cfg)
	if err != nil {
		return nil, canceledWhile("reading the input", &cfg, err)
	}
	rep, err := readDocument(doc, &cfg)
	if err != nil {
		return nil, canceledWhile("reading the page", &cfg, err)
	}
	if len(warnings) > 0 {
		rep.Warnings = append(warnings, rep.Warnings...)
	}
	return rep, nil
}

// contextConfig is the config of a call under ctx (nil is the
// background), or a *CanceledError when ctx is done already.
func contextConfig(ctx context.Context, opts []Option) (config, error) {
	cfg := newConfig(opts)
	if ctx != nil {
		cfg.ctx = ctx
	}
	return cfg, cfg.canceled("starting")
}

// canceledWhile returns err as a *CanceledError when the call's context
// is done and err is not one already: a reader stopped by the context
// reports the context's error, wrapped, from wherever it was.
func canceledWhile(where string, cfg *config, err error) error {
	var ce *CanceledError
	if ctxErr := cfg.ctx.Err(); ctxErr != nil && !errors.As(err, &ce) && errors.Is(err, ctxErr) {
		return &CanceledError{Where: where, Err: ctxErr}
	}
	return err
}

// Document reads a notice from a page already parsed by goquery, as HTML
// does. The document's text is taken as already decoded.
func Document(doc *goquery.Document, opts ...Option) (*reply.Reply, error) {
	cfg := newConfig(opts)
	return readDocument(doc, &cfg)
}

// readDocument reads a replykit-rendered page from its markup and any
// other page by extracting its blocks and reading their structure.
func readDocument(doc *goquery.Document, cfg *config) (*reply.Reply, error) {
	if err := cfg.canceled("reading the page"); err != nil {
		return nil, err
	}
	root, err := pageRoot(doc)
	if err != nil {
		return nil, err
	}
	// One scan of the page finds a rendered article or, on any other
	// page, what the extraction needs. A document of a node below the
	// root has its rendered article looked for below that node.
	cache := &elementCache{}
	var ps *pageScan
	var art *html.Node
	if top := doc.Nodes[0]; top == root {
		ps = scanPage(root, cache, true)
		art = ps.rendered
	} else if art = renderedArticle(top); art == nil {
		ps = scanPage(root, cache, false)
	}
	if art != nil {
		return readRendered(art)
	}
	src, err := extractScanned(root, ps, cache, cfg)
	if err != nil {
		return nil, err
	}
	if err := cfg.canceled("reading the structure"); err != nil {
		return nil, err
	}
	return readSource(src, cfg)
}

// Extract reads an HTML page from r, in any encoding, and finds the notice
// in it: its blocks, title and page metadata.
func Extract(r io.Reader, opts ...Option) (*Source, error) {
	cfg := newConfig(opts)
	doc, warnings, err := loadDocument(r, &cfg)
	if err != nil {
		return nil, err
	}
	src, err := extractDocument(doc, &cfg)
	if err != nil {
		return nil, err
	}
	src.Warnings = append(warnings, src.Warnings...)
	return src, nil
}

// ExtractDocument finds the notice in a page already parsed by goquery.
func ExtractDocument(doc *goquery.Document, opts ...Option) (*Source, error) {
	cfg := newConfig(opts)
	return extractDocument(doc, &cfg)
}

// Text reads a notice given as plain text, one paragraph a line, such as
// the text of a notice's web page copied whole. Page furniture lines
// (「当前位置：…」, 「发布时间：… 来源：… 点击量：…」) become page metadata.
func Text(s string, opts ...Option) (*reply.Reply, error) {
	return TextContext(context.Background(), s, opts...)
}

// TextContext reads a notice given as plain text as Text does, and stops
// with a *CanceledError, which unwraps to ctx.Err(), once ctx is done: it
// looks at ctx between its steps and every few thousand lines.
func TextContext(ctx context.Context, s string, opts ...Option) (*reply.Reply, error) {
	cfg, err := contextConfig(ctx, opts)
	if err != nil {
		return nil, err
	}
	src, err := textSource(s, &cfg)
	if err != nil {
		return nil, err
	}
	return readSource(src, &cfg)
}

// TextSource reads a notice given as plain text into a Source, one block
// a line, page furniture taken out into Page.
func TextSource(s string, opts ...Option) (*Source, error) {
	cfg := newConfig(opts)
	return textSource(s, &cfg)
}

// Read reads the document's structure from a Source: title, kind, the
// proposal answered, addressees, opening, sections, points, closing, end
// matter and signature.
func Read(src *Source, opts ...Option) (*reply.Reply, error) {
	cfg := newConfig(opts)
	return readSource(src, &cfg)
}
