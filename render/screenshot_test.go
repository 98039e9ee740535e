package render_test

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/replykit/replykit/render"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// screenshotDir, when set, is where TestScreenshot keeps its pictures:
// seed.png (the first A4 page) and seed-full.png (the whole document).
var screenshotDir = os.Getenv("REPLYKIT_SCREENSHOT_DIR")

// screenshot loads page in headless Chromium in a window of the given
// size and returns the picture.
func screenshot(t *testing.T, browser, page, out string, width, height int) image.Image {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append(chromiumArgs(t), fmt.Sprintf("--window-size=%d,%d", width, height), "--screenshot="+out, "file://"+page)
	cmd := exec.CommandContext(ctx, browser, args...)
	cmd.Dir = filepath.Dir(out)
	text, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", text)
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	require.Equal(t, image.Rect(0, 0, width, height), img.Bounds())
	return img
}

func isInk(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r < 0x6000 && g < 0x6000 && b < 0x6000
}

// inkSpan returns the leftmost and rightmost ink in row y, or -1, -1.
func inkSpan(img image.Image, y int) (left, right int) {
	left, right = -1, -1
	for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
		if isInk(img.At(x, y)) {
			if left < 0 {
				left = x
			}
			right = x
		}
	}
	return left, right
}

// TestScreenshot renders the seed reply's page in headless Chromium and
// checks the pictures. The first A4 page at 150 dpi (1240 x 1754) has ink
// on a good share of its rows; the whole document ends with the signature,
// whose lines stand right of the sheet's centre. The README gives the
// command:
//
//	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
//	  --window-size=1240,1754 --screenshot=seed.png file://$PWD/seed.html
func TestScreenshot(t *testing.T) {
	browser := chromium(t)
	dir := screenshotDir
	if dir == "" {
		dir = t.TempDir()
	}
	page := filepath.Join(dir, "seed.html")
	require.NoError(t, os.WriteFile(page, renderHTML(t, loadSeed(t), render.WithPageHeader()), 0o644))

	img := screenshot(t, browser, page, filepath.Join(dir, "seed.png"), 1240, 1754)
	dark, rows := 0, 0
	for y := 0; y < 1754; y += 4 {
		rows++
		if l, _ := inkSpan(img, y); l >= 0 {
			dark++
		}
	}
	t.Logf("first page: %d of %d sampled rows hold ink", dark, rows)
	assert.Greater(t, dark, rows/4, "the page looks empty")
	assert.Less(t, dark, rows, "the page looks solid")

	// The whole document: the last lines of ink are the office and the
	// date, right of the centre; the body's lines above span the type area.
	full := screenshot(t, browser, page, filepath.Join(dir, "seed-full.png"), 1240, 7000)
	last := -1
	for y := 6999; y >= 0 && last < 0; y-- {
		if l, _ := inkSpan(full, y); l >= 0 {
			last = y
		}
	}
	require.Greater(t, last, 1754, "the document is longer than one page")
	require.Less(t, last, 6900, "the document does not end within the window")
	dateLeft, dateRight := 9999, -1
	for y := last - 20; y <= last; y++ {
		if l, r := inkSpan(full, y); l >= 0 {
			dateLeft, dateRight = min(dateLeft, l), max(dateRight, r)
		}
	}
	bodyLeft, bodyRight := 9999, -1
	for y := 1800; y < 2600; y++ {
		if l, r := inkSpan(full, y); l >= 0 {
			bodyLeft, bodyRight = min(bodyLeft, l), max(bodyRight, r)
		}
	}
	t.Logf("body text spans x %d–%d; the date line x %d–%d, ending at y %d", bodyLeft, bodyRight, dateLeft, dateRight, last)
	assert.Greater(t, dateLeft, 620, "the date starts right of the centre")
	// GB/T 9704: the date ends four characters (4 × 16pt ≈ 85 px) short
	// of the right margin; the office is centred on the date.
	assert.InDelta(t, bodyRight-85, dateRight, 25, "the date stands four characters from the right margin")
	officeLeft, officeRight := 9999, -1
	for y := last - 60; y < last-30; y++ {
		if l, r := inkSpan(full, y); l >= 0 {
			officeLeft, officeRight = min(officeLeft, l), max(officeRight, r)
		}
	}
	t.Logf("the office line x %d–%d", officeLeft, officeRight)
	assert.InDelta(t, (dateLeft+dateRight)/2, (officeLeft+officeRight)/2, 12, "the office is centred on the date")
	assert.Greater(t, bodyRight-bodyLeft, 550, "the body spans the type area")
}
