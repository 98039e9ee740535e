package migrate

import (
	"archive/zip"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInflateLimit(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		name        string
		ratio, most int64 // Options; 0 for the defaults
		size        int64 // the archive's size on disk
		want        int64
	}{
		{"ratio of a mid-sized archive", 0, 0, 10 * mib, 1000 * mib},
		{"a small archive may inflate one page", 0, 0, 1000, DefaultMaxBytes},
		{"the absolute limit", 0, 0, 1 << 40, DefaultMaxInflateBytes},
		{"a ratio of one's own", 10, 0, 10 * mib, 100 * mib},
		{"an absolute limit of one's own", 0, 50 * mib, 10 * mib, 50 * mib},
		{"an absolute limit below a page", 0, 1000, 10, 1000},
		{"no overflow", math.MaxInt64 / 2, math.MaxInt64, math.MaxInt64 / 2, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &walker{opts: &Options{MaxBytes: DefaultMaxBytes, MaxInflateRatio: tt.ratio, MaxInflateBytes: tt.most}}
			b := w.newBudget(tt.size)
			assert.Equal(t, tt.want, b.limit)
			assert.True(t, b.take(tt.want))
			assert.False(t, b.take(1))
			assert.ErrorIs(t, b.err, ErrInflateLimit)
		})
	}
}

func TestBudgetReader(t *testing.T) {
	b := &budget{limit: 10}
	r := &budgetReader{r: strings.NewReader(strings.Repeat("x", 100)), b: b}
	buf := make([]byte, 4)
	n := 0
	var err error
	for err == nil {
		var k int
		k, err = r.Read(buf)
		n += k
	}
	assert.ErrorIs(t, err, ErrInflateLimit)
	assert.LessOrEqual(t, n, 10)
}

func TestCheckOverlap(t *testing.T) {
	dir := t.TempDir()
	good, bomb := filepath.Join(dir, "good.zip"), filepath.Join(dir, "bomb.zip")
	writeZip(t, good, []arcItem{{name: "a.html", data: "<p>a</p>"}, {name: "empty.html"}, {name: "b.html", data: "<p>b</p>"}})
	writeZipBomb(t, bomb, 3, []byte("<p>bomb</p>"))
	for name, want := range map[string]error{good: nil, bomb: ErrOverlap} {
		zr, err := zip.OpenReader(name)
		require.NoError(t, err)
		info, err := zr.File[0].DataOffset()
		require.NoError(t, err)
		require.Positive(t, info)
		size := int64(0)
		for _, f := range zr.File {
			off, _ := f.DataOffset()
			size = max(size, off+int64(f.CompressedSize64))
		}
		err = checkOverlap(zr.File, size)
		if want == nil {
			assert.NoError(t, err, name)
		} else {
			assert.ErrorIs(t, err, want, name)
			assert.Contains(t, err.Error(), "p0000.html and p0001.html share bytes")
		}
		// Bytes said to run past the end are refused too.
		assert.ErrorIs(t, checkOverlap(zr.File, size-1), zip.ErrFormat, name)
		zr.Close()
	}
}
