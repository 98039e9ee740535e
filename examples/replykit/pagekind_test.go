package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModeOf(t *testing.T) {
	const page = "<!DOCTYPE html><html><body><p>答复</p></body></html>"
	const text = "关于县政协十届一次会议第73号提案的答复\n涂轶委员：\n"
	tests := []struct {
		name, data string
		want       readMode
		err        string // in the error, for binary input
	}{
		{"notice.txt", text, asText, ""},
		{"NOTICE.TXT", page, asText, ""}, // a .txt is text, whatever it holds
		{"page.html", text, asHTML, ""},  // a page named HTML is HTML
		{"show.aspx", page, asHTML, ""},
		{"show.do", page, asHTML, ""}, // another extension: by its bytes
		{"show.do", text, asText, ""},
		{"", page, asHTML, ""}, // stdin: by its bytes
		{"", text, asText, ""},
		{"notice", text, asText, ""},
		{"a.pdf", "%PDF-1.7\n...", 0, "a PDF document, not an HTML page or a text: save its text as a .txt file"},
		{"a.html", "%PDF-1.7\n...", 0, "a PDF document"}, // whatever its name
		{"site.zip", "PK\x03\x04rest", 0, "a zip archive, not an HTML page or a text: run 'replykit migrate' on it"},
		{"reply.docx", "PK\x03\x04rest", 0, "an office document, not an HTML page or a text: save it as a web page (.html) or as text (.txt)"},
		{"reply.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", 0, "a Word, Excel or WPS document"},
		{"site.tar.gz", "\x1f\x8b\x08rest", 0, "a gzip file"},
		{"scan.png", "\x89PNG\r\n", 0, "a PNG image"},
		{"scan", "\xff\xd8\xff\xe0", 0, "a JPEG image"},
		{"", "ab\x00cd", 0, "binary data (a NUL byte at byte 2)"},
		{"x.dat", strings.Repeat("\x01\x02\x03a", 10), 0, "binary data (30 control bytes in the first 40)"},
		{"utf16.txt", "\xff\xfe\x73\x51", 0, "UTF-16 text, which replykit does not guess: name its encoding with --charset utf-16"},
	}
	for _, tt := range tests {
		if tt.err != "" && strings.HasPrefix(tt.err, "UTF-16") {
			// With its encoding named, UTF-16 text is read as text.
			got, err := modeOf(tt.name, []byte(tt.data), "utf-16")
			require.NoError(t, err)
			assert.Equal(t, asText, got)
		}
		got, err := modeOf(tt.name, []byte(tt.data), "")
		if tt.err != "" {
			require.Error(t, err, tt.name)
			assert.ErrorIs(t, err, errBinary, tt.name)
			assert.Contains(t, err.Error(), tt.err, tt.name)
			assert.Equal(t, "binary", classify(err), tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got, "%s %.20q", tt.name, tt.data)
	}
}

// TestParseDecidesAsMigrateDoes: parse reads a .txt file as text, without
// --text, as migrate does; --text and --html force the reading; binary
// input is refused with the likely fix.
func TestParseDecidesAsMigrateDoes(t *testing.T) {
	needParse(t)
	dir := t.TempDir()
	text, err := os.ReadFile("sample/texts/reply-2021-21.txt")
	require.NoError(t, err)
	notice := filepath.Join(dir, "notice.txt")
	require.NoError(t, os.WriteFile(notice, text, 0o644))
	extensionless := filepath.Join(dir, "notice")
	require.NoError(t, os.WriteFile(extensionless, text, 0o644))

	forced := runCmd("", "parse", "--text", notice)
	require.Equal(t, exitOK, forced.code, forced.stderr)
	r, err := reply.Unmarshal([]byte(forced.stdout))
	require.NoError(t, err)
	assert.Equal(t, reply.KindProposalReply, r.Kind)
	// The reply records the file as given and the SHA-256 of its bytes;
	// read from stdin, the SHA-256 alone.
	sum := sha256.Sum256(text)
	assert.Equal(t, reply.Provenance{Path: notice, SHA256: hex.EncodeToString(sum[:])}, r.Provenance)
	for _, args := range [][]string{{"parse", notice}, {"parse", extensionless}, {"parse", "-"}} {
		got := runCmd(string(text), args...)
		require.Equal(t, exitOK, got.code, "%v: %s", args, got.stderr)
		want := *r
		want.Provenance.Path = pageName(args[1])
		gotReply, err := reply.Unmarshal([]byte(got.stdout))
		require.NoError(t, err, args)
		assert.Equal(t, &want, gotReply, args)
	}

	// The same file, and a migration of it, give the same reply.
	out := filepath.Join(dir, "out")
	m := runCmd("", "migrate", "-q", "-o", out, notice)
	require.Equal(t, exitOK, m.code, m.stderr)
	migrated, err := os.ReadFile(filepath.Join(out, "notice.txt.json"))
	require.NoError(t, err)
	assert.Equal(t, forced.stdout, string(migrated))

	// --html reads the text as a page, which it is not.
	html := runCmd("", "parse", "--html", notice)
	assert.Equal(t, exitFailed, html.code)

	pdf := filepath.Join(dir, "notice.pdf")
	require.NoError(t, os.WriteFile(pdf, []byte("%PDF-1.4\n%âãÏÓ\n"), 0o644))
	bin := runCmd("", "parse", pdf)
	assert.Equal(t, exitFailed, bin.code)
	assert.Equal(t, pdf+": a PDF document, not an HTML page or a text: save its text as a .txt file (or the page it came from as .html) and parse that\n", bin.stderr)
}

// TestParseSaysItWaitsForATerminal: with no FILE and stdin a terminal (a
// character device, as /dev/null is too), parse says it is waiting.
func TestParseSaysItWaitsForATerminal(t *testing.T) {
	tty, err := os.Open(os.DevNull)
	if err != nil {
		t.Skipf("no %s: %v", os.DevNull, err)
	}
	defer tty.Close()
	if !migrate.IsTerminal(tty) {
		t.Skipf("%s is not a character device here", os.DevNull)
	}
	var out, errOut strings.Builder
	code := run([]string{"parse"}, tty, &out, &errOut)
	assert.Equal(t, exitFailed, code)
	assert.Equal(t, "replykit parse: waiting for a page on stdin; end it with Ctrl-D, or give a FILE\nstdin: empty input\n", errOut.String())

	// A pipe or a file is not waited for in words.
	assert.False(t, migrate.IsTerminal(strings.NewReader("")))
	f, err := os.Open("testdata/valid.json")
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, migrate.IsTerminal(f))
}

func TestPlainError(t *testing.T) {
	_, err := os.ReadFile("testdata/does-not-exist")
	assert.Equal(t, "no such file or directory", plainError(err).Error())
	other := errors.New("parse: not HTML")
	assert.Equal(t, other, plainError(other))
}
