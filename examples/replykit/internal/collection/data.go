package collection

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
)

// registry is the global that index.html defines and every data file
// calls, so that the files load as scripts, from file:// too.
const registry = "replykitIndex"

// The data files, in index-data/: "rows-K.js" holds rows K*chunk to
// (K+1)*chunk, "cols.js" each row's facets, "order-COLUMN.js" the rows
// sorted by a column, "terms-K.js" shard K of the search index.

// writeData writes the index's data files into a new folder and puts it
// in place of index-data/. It returns the number of search shards.
func writeData(w *writer, outDir string, x *indexer, f *facets, opts Options) (int, error) {
	dir, err := w.mkdir(outDir)
	if err != nil {
		return 0, err
	}
	put := func(name string, call string, args ...any) error {
		var b bytes.Buffer
		b.Grow(len(registry) + len(call) + 8 + sizeOf(args))
		b.WriteString(registry + "." + call + "(")
		for i, a := range args {
			if i > 0 {
				b.WriteByte(',')
			}
			if raw, ok := a.([]byte); ok {
				b.Write(raw)
				continue
			}
			// encoding/json escapes <, >, &, U+2028 and U+2029: the
			// text stays inert wherever a script is read.
			js, err := json.Marshal(a)
			if err != nil {
				return err
			}
			b.Write(js)
		}
		b.WriteString(");\n")
		return w.writeIn(dir, name, b.Bytes())
	}
	for k := 0; k*opts.RowsPerChunk < len(x.recs); k++ {
		recs := x.recs[k*opts.RowsPerChunk : min(len(x.recs), (k+1)*opts.RowsPerChunk)]
		rows := make([][]any, len(recs))
		for i, r := range recs {
			rows[i] = []any{r.title, r.office, r.date, btoi(r.published), string(r.kind), r.number,
				r.addressees, strings.Join(r.warnings, ", "), r.output, r.source, r.url}
		}
		if err := put(fmt.Sprintf("rows-%d.js", k), "rows", k, rows); err != nil {
			return 0, err
		}
	}
	kinds := make([]int, len(x.recs))
	for i, r := range x.recs {
		kinds[i] = kindRank(r.kind)
	}
	cols := map[string]any{"kind": kinds, "office": f.office, "year": f.year, "warning": f.warns}
	if err := put("cols.js", "cols", cols); err != nil {
		return 0, err
	}
	for col, order := range x.orders() {
		if err := put("order-"+col+".js", "order", col, order); err != nil {
			return 0, err
		}
	}
	n := shardCount(x.post.bytes, opts.ShardBytes)
	for k, s := range x.post.shards(n) {
		if err := put(fmt.Sprintf("terms-%d.js", k), "terms", k, termsObject(x.post, s)); err != nil {
			return 0, err
		}
	}
	return n, w.replaceDir(dir, filepath.Join(outDir, migrate.IndexDataDir))
}

// termsObject writes a shard as a JSON object from token to postings.
// Tokens are letters and digits only, and postings digits from two
// alphabets of ASCII letters and signs: neither needs escaping in JSON or
// in a script.
func termsObject(p *postings, s shard) []byte {
	n := 2
	for i, tok := range s.tokens {
		n += len(tok) + int(s.lists[i].size) + 6
	}
	b := make([]byte, 0, n)
	b = append(b, '{')
	for i, tok := range s.tokens {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, tok...)
		b = append(b, `":"`...)
		b = p.appendText(b, s.lists[i])
		b = append(b, '"')
	}
	return append(b, '}')
}

// sizeOf is the size of the raw JSON among args: the rest is small.
func sizeOf(args []any) int {
	n := 0
	for _, a := range args {
		if raw, ok := a.([]byte); ok {
			n += len(raw)
		}
	}
	return n
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
