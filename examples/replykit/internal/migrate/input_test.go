package migrate

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTypeOf(t *testing.T) {
	tests := []struct {
		name string
		want pageType
	}{
		{"index.html", htmlPage}, {"A.HTM", htmlPage}, {"x.shtml", htmlPage}, {"x.jsp", htmlPage},
		{"x.asp", htmlPage}, {"x.php", htmlPage}, {"list.php?id=3", htmlPage}, {"t.txt", textPage},
		{"page", sniff}, {"x.css", notPage}, {"x.json", notPage}, {"mirror.zip", notPage},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, typeOf(tt.name), tt.name)
	}
}

func TestArchiveType(t *testing.T) {
	assert.Equal(t, "zip", archiveType("a/Mirror.ZIP"))
	assert.Equal(t, "tgz", archiveType("site.tar.gz"))
	assert.Equal(t, "tgz", archiveType("site.tgz"))
	assert.Equal(t, "", archiveType("site.tar"))
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"<!DOCTYPE html><html>", true},
		{"\ufeff  <HTML><HEAD>", true},
		{"<div class=x>text</div>", true},
		{"<?xml version=\"1.0\"?><rss>", false},
		{"just some notes", false},
		{"\x00\x01\x02", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, looksHTML([]byte(tt.head)), tt.head)
	}
}

func TestSafeRel(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"www/a.html", "www/a.html", true},
		{"./www//b/../a.html", "www/a.html", true},
		{`www\a.html`, "www/a.html", true},
		{"../a.html", "", false},
		{"www/../../a.html", "", false},
		{"/etc/passwd", "", false},
		{`C:\x.html`, "", false},
		{"..", "", false},
	}
	for _, tt := range tests {
		got, err := safeRel(tt.name)
		if !tt.ok {
			assert.ErrorIs(t, err, ErrBadPath, tt.name)
			continue
		}
		assert.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got)
	}
}

func TestReadSized(t *testing.T) {
	body := strings.Repeat("页", 400) // 1,200 bytes
	tests := []struct {
		name        string
		limit, size int64
		wantErr     bool
	}{
		{"size known", 2000, 1200, false},
		{"size unknown", 2000, 0, false},
		{"size understated", 2000, 100, false},
		{"size overstated", 2000, 5000, false},
		{"exactly the limit", 1200, 1200, false},
		{"one byte over", 1199, 1200, true},
		{"far over, size unknown", 10, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readSized(nil, iotest.OneByteReader(strings.NewReader(body)), tt.limit, tt.size)
			if tt.wantErr {
				require.ErrorIs(t, err, ErrTooLarge)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, body, string(got))
		})
	}
	// A buffer with room is read into; one without is left alone.
	room := make([]byte, 5, 1201)
	got, err := readSized(room, strings.NewReader(body), 2000, 1200)
	require.NoError(t, err)
	assert.Equal(t, body, string(got))
	assert.Same(t, &room[:1][0], &got[0])
	small := []byte("12345")
	got, err = readSized(small[:0], strings.NewReader(body), 2000, 1200)
	require.NoError(t, err)
	assert.Equal(t, body, string(got))
	assert.Equal(t, "12345", string(small))

	got, err = readLimited(nil, filepath.Join(t.TempDir(), "none"), 10)
	assert.Nil(t, got)
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "p.html")
	require.NoError(t, os.WriteFile(page, []byte("<p>page</p>"), 0o644))
	got, err := ReadRegular(page, 100)
	require.NoError(t, err)
	assert.Equal(t, "<p>page</p>", string(got))

	_, err = ReadRegular(page, 5)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), page)

	_, err = ReadRegular(dir, 100)
	assert.ErrorIs(t, err, ErrNotRegular)
	assert.Contains(t, err.Error(), "(a directory)")

	if _, serr := os.Stat("/dev/zero"); serr == nil {
		_, err = ReadRegular("/dev/zero", 100)
		assert.ErrorIs(t, err, ErrNotRegular)
		assert.Contains(t, err.Error(), "/dev/zero: not a regular file (a character device)")
	}
	fifo := filepath.Join(dir, "fifo.html")
	mkfifo(t, fifo)
	_, err = ReadRegular(fifo, 100)
	assert.ErrorIs(t, err, ErrNotRegular)
	assert.Contains(t, err.Error(), "(a FIFO)")
}
