package render_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

// sameOptions are the option sets under which HTML is compared with the
// reference.
var sameOptions = []struct {
	name string
	opts []render.Option
}{
	{"document", nil},
	{"page header", []render.Option{render.WithPageHeader()}},
	{"fragment", []render.Option{render.Fragment()}},
	{"fragment header", []render.Option{render.Fragment(), render.WithPageHeader()}},
	{"no stylesheet", []render.Option{render.WithoutStylesheet()}},
	{"stylesheet URL", []render.Option{render.WithStylesheetURL("/css/rk.css?v=1&x=<2>")}},
	{"unsafe URL", []render.Option{render.WithStylesheetURL("javascript:alert(1)")}},
}

// plainWriter hides the methods of the writer it wraps but Write, so that
// HTML writes through a buffer of its own.
type plainWriter struct{ w io.Writer }

func (p plainWriter) Write(b []byte) (int, error) { return p.w.Write(b) }

// sameWriters are the writers HTML is compared through: writers that lend
// their buffer (a bytes.Buffer with room, bufio.Writers, which lend one
// bufferful) and writers that do not. Each writes into b and returns the
// flush it needs, or nil.
var sameWriters = []struct {
	name string
	make func(b *bytes.Buffer) (io.Writer, func() error)
}{
	{"bytes.Buffer", func(b *bytes.Buffer) (io.Writer, func() error) { return b, nil }},
	{"sized bytes.Buffer", func(b *bytes.Buffer) (io.Writer, func() error) {
		b.Grow(64 << 10)
		return b, nil
	}},
	{"plain", func(b *bytes.Buffer) (io.Writer, func() error) { return plainWriter{b}, nil }},
	{"bufio 4096", func(b *bytes.Buffer) (io.Writer, func() error) {
		w := bufio.NewWriterSize(plainWriter{b}, 4096)
		return w, w.Flush
	}},
	{"bufio 5000", func(b *bytes.Buffer) (io.Writer, func() error) {
		w := bufio.NewWriterSize(b, 5000)
		return w, w.Flush
	}},
}

// requireSameHTML requires HTML, with the option set opt and through the
// writer wr (indexes of sameOptions and sameWriters), to write the bytes
// that the reference writes for r, or to fail as it does.
func requireSameHTML(t *testing.T, r *reply.Reply, opt, wr int) {
	t.Helper()
	o, w := sameOptions[opt], sameWriters[wr]
	var want bytes.Buffer
	wantErr := render.RefHTML(&want, r, o.opts...)
	var got bytes.Buffer
	dst, flush := w.make(&got)
	err := render.HTML(dst, r, o.opts...)
	if wantErr != nil {
		require.Error(t, err, "%s, %s", o.name, w.name)
		require.Equal(t, errors.Unwrap(wantErr), errors.Unwrap(err), "%s, %s", o.name, w.name)
		return
	}
	require.NoError(t, err, "%s, %s", o.name, w.name)
	if flush != nil {
		require.NoError(t, flush())
	}
	if !bytes.Equal(want.Bytes(), got.Bytes()) {
		// Cut both at the first difference: a diff of whole pages is slow.
		i := 0
		for i < min(want.Len(), got.Len()) && want.Bytes()[i] == got.Bytes()[i] {
			i++
		}
		from := max(0, i-200)
		require.Equal(t, string(want.Bytes()[from:min(want.Len(), i+200)]), string(got.Bytes()[from:min(got.Len(), i+200)]),
			"%s, %s: pages of %d and %d bytes differ at byte %d", o.name, w.name, want.Len(), got.Len(), i)
	}
}

// requireSameHTMLAll is requireSameHTML under every option set and
// through every writer.
func requireSameHTMLAll(t *testing.T, r *reply.Reply) {
	t.Helper()
	for opt := range sameOptions {
		for wr := range sameWriters {
			requireSameHTML(t, r, opt, wr)
		}
	}
}

// TestHTMLSameAsReference: HTML writes the bytes of the reference writer
// for every golden reply, the replies of the hostile and fuzz tests,
// random replies, and the replies read from the corpus pages.
func TestHTMLSameAsReference(t *testing.T) {
	replies := goldenReplies(t)
	for i, p := range xssPayloads {
		replies["hostile "+p] = hostileReply(p, []string{"javascript:alert(1)", "http://a.cn/?a=1&b=<2>"}[i%2])
	}
	replies["fuzz"] = fuzzReply("<t>&", "\r\x00\xff", "一是<b>。&", "'\u2028\u2029", "http://x.cn/?a&b", true)
	g := newGen(7)
	for i := range 300 {
		replies[fmt.Sprintf("random %03d", i)] = g.reply()
	}
	for i := range 300 {
		replies[fmt.Sprintf("filled %03d", i)] = fillReply(newGen(uint64(i)).seedBytes(400))
	}
	corpus, _ := filepath.Glob("../../shared/corpus/pages/*.html")
	for _, path := range corpus {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		if r, err := parse.HTML(bytes.NewReader(data)); err == nil {
			replies["corpus "+filepath.Base(path)] = r
		}
	}
	for _, name := range sortedKeys(replies) {
		t.Run(name, func(t *testing.T) { requireSameHTMLAll(t, replies[name]) })
	}
}

// seedBytes returns n random bytes, the input of a filled reply.
func (g *gen) seedBytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.rnd.Uint32())
	}
	return b
}

// FuzzHTMLSame requires HTML to write the bytes of the reference writer for
// replies built from the fuzz input: the reply the input reads as in the
// reference format, when it does, and the reply that fillReply builds
// from its bytes, with strings of invalid UTF-8, control bytes, markup
// characters, quotes and U+2028. The option set and the writer are chosen
// by the input too, so that one run writes each reply twice only.
func FuzzHTMLSame(f *testing.F) {
	if seed, err := os.ReadFile(seedPath); err == nil {
		f.Add(seed)
	}
	f.Add([]byte(`{"format":"replykit/v1","kind":"other","title":"<&>\u2028","cc":["\u0000'\""],` +
		`"proposal":{"title":"a<b"},"page":{"url":"http://a.cn/?a&b","published":"2020-10-21T09:30:00"}}`))
	g := newGen(1)
	for range 8 {
		f.Add(g.seedBytes(300))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pick := 0
		for _, b := range data {
			pick += int(b)
		}
		opt, wr := pick%len(sameOptions), pick/len(sameOptions)%len(sameWriters)
		if r, err := reply.Unmarshal(data); err == nil {
			requireSameHTML(t, r, opt, wr)
		}
		requireSameHTML(t, fillReply(data), opt, wr)
	})
}

// shortWriter takes a write in part, without an error.
type shortWriter struct{}

func (shortWriter) Write(b []byte) (int, error) { return len(b) / 2, nil }

// limitWriter fails once it has taken n bytes.
type limitWriter struct{ n int }

func (l *limitWriter) Write(b []byte) (int, error) {
	if len(b) > l.n {
		k := l.n
		l.n = 0
		return k, errWrite
	}
	l.n -= len(b)
	return len(b), nil
}

// TestHTMLWriteFailures: a writer that fails, at the first write or
// later, or takes less than it is given, fails HTML with the error the
// reference returns.
func TestHTMLWriteFailures(t *testing.T) {
	seed := loadSeed(t)
	big := fillReply(bytes.Repeat([]byte{0xfe, 0x75, 0x3c}, 200))
	cases := []struct {
		name string
		w    func() io.Writer
		want error
	}{
		{"fails at once", func() io.Writer { return failWriter{} }, errWrite},
		{"fails after 100 bytes", func() io.Writer { return &limitWriter{n: 100} }, errWrite},
		{"fails after 20000 bytes", func() io.Writer { return &limitWriter{n: 20000} }, errWrite},
		{"fails after 40000 bytes", func() io.Writer { return &limitWriter{n: 40000} }, errWrite},
		{"short writes", func() io.Writer { return shortWriter{} }, io.ErrShortWrite},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, r := range []*reply.Reply{seed, big} {
				ref := render.RefHTML(c.w(), r, render.WithPageHeader())
				err := render.HTML(c.w(), r, render.WithPageHeader())
				if ref == nil {
					// The page is shorter than where the writer fails.
					require.NoError(t, err)
					continue
				}
				require.ErrorIs(t, ref, c.want)
				require.ErrorIs(t, err, c.want)
				require.Equal(t, ref.Error(), err.Error())
			}
		})
	}
}
