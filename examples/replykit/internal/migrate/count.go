package migrate

import (
	"archive/zip"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/webarchive"
)

// estimatePages counts, roughly and quickly, the pages the walk will find,
// for the progress bar: page names in directories (extensionless files
// counted without being sniffed, links to directories not followed) and
// entries of .zip archives. It reports false when it cannot tell, as for
// a .tar.gz archive, which can only be counted by reading it whole.
func estimatePages(ctx context.Context, inputs []Input) (int64, bool) {
	var n int64
	for _, in := range inputs {
		if ctx.Err() != nil {
			return 0, false
		}
		if in.FS != nil {
			_ = fs.WalkDir(in.FS, ".", func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && typeOf(d.Name()) != notPage {
					n++
				}
				return nil
			})
			continue
		}
		info, err := os.Stat(in.Path)
		switch {
		case err != nil:
			n++ // reported as a failure
		case info.IsDir():
			_ = filepath.WalkDir(in.Path, func(p string, d fs.DirEntry, err error) error {
				if err != nil || ctx.Err() != nil {
					return fs.SkipDir
				}
				if strings.HasPrefix(d.Name(), ".") && p != in.Path {
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if !d.IsDir() && typeOf(d.Name()) != notPage {
					n++
				}
				return nil
			})
		case archiveType(in.Path) == "zip":
			zr, err := zip.OpenReader(in.Path)
			if err != nil {
				n++
				continue
			}
			for _, f := range zr.File {
				if !f.FileInfo().IsDir() && typeOf(filepath.Base(f.Name)) != notPage {
					n++
				}
			}
			zr.Close()
		case archiveType(in.Path) == "tgz", webarchive.KindOf(in.Path, nil) != webarchive.KindNone:
			return 0, false
		default:
			n++
		}
	}
	return n, true
}
