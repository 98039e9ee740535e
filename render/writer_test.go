package render_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"reflect"
	"testing"

	"github.com/replykit/replykit/internal/fill"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

// plainWriter hides the methods of the writer it wraps but Write, so that
// HTML writes through a buffer of its own.
type plainWriter struct{ w io.Writer }

func (p plainWriter) Write(b []byte) (int, error) { return p.w.Write(b) }

// writers are the writers HTML is written through: writers that lend their
// buffer (a bytes.Buffer with room, bufio.Writers, which lend one bufferful)
// and writers that do not. Each writes into b and returns the flush it
// needs, or nil.
var writers = []struct {
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

// optionSets are the option sets HTML is written under.
var optionSets = [][]render.Option{
	nil,
	{render.WithPageHeader()},
	{render.WithFragment(), render.WithPageHeader()},
	{render.WithoutStylesheet()},
	{render.WithStylesheetURL("/css/rk.css?v=1&x=<2>")},
}

// requireSameThroughWriters requires HTML to write the same bytes for r
// under opts through writer w as into a plain bytes.Buffer.
func requireSameThroughWriters(t testing.TB, r *reply.Reply, opts []render.Option, w int) {
	t.Helper()
	var want, got bytes.Buffer
	require.NoError(t, render.HTML(&want, r, opts...))
	dst, flush := writers[w].make(&got)
	require.NoError(t, render.HTML(dst, r, opts...), writers[w].name)
	if flush != nil {
		require.NoError(t, flush())
	}
	if !bytes.Equal(want.Bytes(), got.Bytes()) {
		i := 0
		for i < min(want.Len(), got.Len()) && want.Bytes()[i] == got.Bytes()[i] {
			i++
		}
		require.Failf(t, "the page depends on the writer", "%s: pages of %d and %d bytes differ at byte %d",
			writers[w].name, want.Len(), got.Len(), i)
	}
}

// fillReply builds a reply from fuzz bytes, each field set or not by the
// bytes, its strings of markup, quotes, control bytes, invalid UTF-8 and
// long runs. The reply need not be valid: HTML writes any reply.
func fillReply(t testing.TB, data []byte) *reply.Reply {
	f := fill.New(data, false)
	f.Use(reflect.TypeFor[reply.Date](), fill.CalendarDate)
	r := new(reply.Reply)
	require.NoError(t, f.Fill(r))
	return r
}

// TestHTMLThroughWriters: the page is the same whichever writer takes it,
// for every case, filled replies and replies made at random, under every
// option set.
func TestHTMLThroughWriters(t *testing.T) {
	replies := goldenReplies(t)
	g := newGen(7)
	for i := range 50 {
		replies[fmt.Sprintf("random %02d", i)] = g.reply()
		data := make([]byte, 600)
		for j := range data {
			data[j] = byte(g.rnd.Uint32())
		}
		replies[fmt.Sprintf("filled %02d", i)] = fillReply(t, data)
	}
	for _, name := range sortedKeys(replies) {
		t.Run(name, func(t *testing.T) {
			for _, opts := range optionSets {
				for w := range writers {
					requireSameThroughWriters(t, replies[name], opts, w)
				}
			}
		})
	}
}

// FuzzHTML writes replies filled from the fuzz input, under an option set
// and through a writer the input chooses: the page is the same through
// every writer, valid UTF-8, holds only the renderer's markup, and Text
// and Markdown take the same reply.
func FuzzHTML(f *testing.F) {
	f.Add([]byte("\xff\x03\x05\x01\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90"))
	g := newGen(1)
	for range 8 {
		data := make([]byte, 300)
		for j := range data {
			data[j] = byte(g.rnd.Uint32())
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pick := 0
		for _, b := range data {
			pick += int(b)
		}
		r := fillReply(t, data)
		set := pick % len(optionSets)
		opts := optionSets[set]
		requireSameThroughWriters(t, r, opts, pick/len(optionSets)%len(writers))
		var page bytes.Buffer
		require.NoError(t, render.HTML(&page, r, opts...))
		checkMarkup(t, page.Bytes(), set == 2) // the fragment
		var buf bytes.Buffer
		require.NoError(t, render.Text(&buf, r, render.WithPageHeader()))
		require.NoError(t, render.Markdown(&buf, r, render.WithPageHeader()))
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
// later, or takes less than it is given, fails HTML with its error,
// wrapped; a page shorter than where the writer fails is written whole.
func TestHTMLWriteFailures(t *testing.T) {
	seed := loadSeed(t)
	big := fillReply(t, bytes.Repeat([]byte{0xfe, 0x75, 0x3c}, 200))
	cases := []struct {
		name  string
		w     func() io.Writer
		after int // bytes taken before the failure
		want  error
	}{
		{"fails at once", func() io.Writer { return failWriter{} }, 0, errWrite},
		{"fails after 100 bytes", func() io.Writer { return &limitWriter{n: 100} }, 100, errWrite},
		{"fails after 20000 bytes", func() io.Writer { return &limitWriter{n: 20000} }, 20000, errWrite},
		{"fails after 40000 bytes", func() io.Writer { return &limitWriter{n: 40000} }, 40000, errWrite},
		{"short writes", func() io.Writer { return shortWriter{} }, 0, io.ErrShortWrite},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, r := range []*reply.Reply{seed, big} {
				size := len(renderHTML(t, r, render.WithPageHeader()))
				err := render.HTML(c.w(), r, render.WithPageHeader())
				if size <= c.after {
					require.NoError(t, err, "a page of %d bytes", size)
					continue
				}
				require.ErrorIs(t, err, c.want, "a page of %d bytes", size)
				require.Equal(t, "render: write HTML: "+c.want.Error(), err.Error())
			}
		})
	}
}
