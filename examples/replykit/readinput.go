package main

import (
	"fmt"
	"io"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/parse"
)

// maxInput is the most bytes parse, render and validate read from one
// file or from stdin: a page's limit in parse.
const maxInput = parse.DefaultMaxBytes

// readInput reads a named file, or stdin for "-", refusing more than
// maxInput bytes after reading at most one byte more. A named file must
// be a regular file: a FIFO or a device (/dev/zero) is refused without
// waiting on it or reading it.
func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name != "-" {
		return migrate.ReadRegular(name, maxInput)
	}
	data, err := io.ReadAll(io.LimitReader(stdin, maxInput+1))
	if err == nil && len(data) > maxInput {
		err = fmt.Errorf("more than %d bytes: %w", maxInput, migrate.ErrTooLarge)
	}
	return data, err
}
