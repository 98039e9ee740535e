package migrate

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// arcItem is an entry of a generated archive: a file with its bytes, or
// a link (symbolic, or hard in a tar) to a target, or a FIFO.
type arcItem struct {
	name, data string
	symlink    string // the target of a symbolic link
	hardlink   string // the target of a tar hard link
	fifo       bool
}

// pagesOf is n archive items p00.html, p01.html… each holding data.
func pagesOf(n int, data string) []arcItem {
	items := make([]arcItem, n)
	for i := range items {
		items[i] = arcItem{name: fmt.Sprintf("p%02d.html", i), data: data}
	}
	return items
}

// writeTarGz writes a .tar.gz archive of the items in order.
func writeTarGz(t testing.TB, name string, items []arcItem) {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, it := range items {
		hdr := &tar.Header{Name: it.name, Mode: 0o644, Size: int64(len(it.data)), Typeflag: tar.TypeReg}
		switch {
		case it.symlink != "":
			hdr.Typeflag, hdr.Linkname, hdr.Size = tar.TypeSymlink, it.symlink, 0
		case it.hardlink != "":
			hdr.Typeflag, hdr.Linkname, hdr.Size = tar.TypeLink, it.hardlink, 0
		case it.fifo:
			hdr.Typeflag, hdr.Size = tar.TypeFifo, 0
		}
		require.NoError(t, tw.WriteHeader(hdr))
		if hdr.Size > 0 {
			_, err := tw.Write([]byte(it.data))
			require.NoError(t, err)
		}
	}
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	require.NoError(t, os.WriteFile(name, buf.Bytes(), 0o644))
}

// writeZip writes a .zip archive of the items in order; a symbolic link
// is marked so in the entry's external attributes, as Info-ZIP does.
func writeZip(t testing.TB, name string, items []arcItem) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, it := range items {
		hdr := &zip.FileHeader{Name: it.name, Method: zip.Deflate}
		data := it.data
		switch {
		case it.symlink != "":
			hdr.SetMode(fs.ModeSymlink | 0o777)
			data = it.symlink
		case it.fifo:
			hdr.SetMode(fs.ModeNamedPipe | 0o644)
		default:
			hdr.SetMode(0o644)
		}
		w, err := zw.CreateHeader(hdr)
		require.NoError(t, err)
		_, err = w.Write([]byte(data))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(name, buf.Bytes(), 0o644))
}

// writeZipBomb writes a zip archive whose central directory lists n
// entries (p0000.html, p0001.html…), all pointing at the one member
// holding data: the archive is about the size of data compressed, and
// inflates n times data.
func writeZipBomb(t testing.TB, name string, n int, data []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "p0000.html", Method: zip.Deflate})
	require.NoError(t, err)
	_, err = w.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	b := buf.Bytes()

	// The end of central directory record is the last 22 bytes (no
	// comment); the central directory holds the one record.
	const eocdLen, nameAt = 22, 46
	eocd := b[len(b)-eocdLen:]
	require.Equal(t, uint32(0x06054b50), binary.LittleEndian.Uint32(eocd))
	cdSize := binary.LittleEndian.Uint32(eocd[12:])
	cdOff := binary.LittleEndian.Uint32(eocd[16:])
	rec := b[cdOff : cdOff+cdSize]
	require.Equal(t, uint16(len("p0000.html")), binary.LittleEndian.Uint16(rec[28:]))

	out := append([]byte{}, b[:cdOff]...)
	for i := range n {
		r := append([]byte{}, rec...)
		copy(r[nameAt:], fmt.Sprintf("p%04d.html", i))
		out = append(out, r...)
	}
	end := append([]byte{}, eocd...)
	binary.LittleEndian.PutUint16(end[8:], uint16(n))
	binary.LittleEndian.PutUint16(end[10:], uint16(n))
	binary.LittleEndian.PutUint32(end[12:], uint32(n*len(rec)))
	out = append(out, end...)
	require.NoError(t, os.WriteFile(name, out, 0o644))
}

// symlink makes a symbolic link, skipping the test where there are none.
func symlink(t testing.TB, target, name string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// linkDAG makes a directory DAG of depth levels under dir: d00 to dNN,
// each holding two links, a and b, to the next, and the last a page. A
// walk that follows every link finds 2^levels copies of the page.
func linkDAG(t testing.TB, dir string, levels int) {
	t.Helper()
	for i := range levels {
		d := filepath.Join(dir, fmt.Sprintf("d%02d", i))
		next := fmt.Sprintf("../d%02d", i+1)
		symlink(t, next, filepath.Join(d, "a"))
		symlink(t, next, filepath.Join(d, "b"))
	}
	p := filepath.Join(dir, fmt.Sprintf("d%02d", levels), "page.html")
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte("<p>the one page</p>"), 0o644))
}
