package bag

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

// testNow is the date the test bags are made.
var testNow = time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)

// convert reads a page as the command does for these pages: .txt as text,
// anything else as HTML; a page with no notice is not a failure.
func convert(src migrate.PageSource, data []byte) (*reply.Reply, error) {
	var r *reply.Reply
	var err error
	if strings.HasSuffix(src.Rel, ".txt") {
		r, err = parse.Text(string(data))
	} else {
		r, err = parse.HTML(bytes.NewReader(data))
	}
	if errors.Is(err, parse.ErrNoContent) {
		return nil, migrate.NoNotice(err)
	}
	return r, err
}

func renderHTML(w io.Writer, r *reply.Reply) error { return render.HTML(w, r) }

// makeBag migrates the inputs into a new output directory with a bag
// written beside it, and gives the bag's folder and the report.
func makeBag(t testing.TB, inputs ...migrate.Input) (string, *migrate.Report) {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "bag")
	w, err := Create(dir, Options{Organization: "Test Archive", Agent: "replykit test", Now: testNow})
	require.NoError(t, err)
	var res *Result
	rep, err := migrate.Run(context.Background(), inputs, migrate.Options{
		OutDir:  filepath.Join(root, "out"),
		Workers: 2,
		Convert: convert,
		Render:  renderHTML,
		Source:  w.Source,
		Finish: func(rep *migrate.Report) (err error) {
			res, err = w.Finish(rep)
			return err
		},
	})
	require.NoError(t, err)
	require.NotNil(t, res)
	require.Equal(t, dir, res.Dir)
	require.NoError(t, rep.Load())
	return dir, rep
}

// readBag reads every file of a bag: slash path → bytes.
func readBag(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	}))
	return out
}
