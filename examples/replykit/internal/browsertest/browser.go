package browsertest

import (
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Binaries are the names Chromium is looked for under, in order.
var Binaries = []string{"chromium", "chromium-browser", "google-chrome"}

// Find returns the path of Chromium, or skips tb, saying how to install
// it, when there is none.
func Find(tb testing.TB) string {
	tb.Helper()
	for _, name := range Binaries {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	tb.Skip("no Chromium installed (apt-get install chromium): the index page is not tested in a browser")
	return ""
}

// New starts a headless Chromium with a fresh profile and no network of
// its own (no updates, sync or background requests), and returns a
// context for chromedp's actions in its first tab, with a deadline of
// timeout. The browser is closed when tb's test ends.
func New(tb testing.TB, timeout time.Duration) context.Context {
	tb.Helper()
	path := Find(tb)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelTab := chromedp.NewContext(alloc)
	// The browser starts on the first action, and lives as long as the
	// context of that action: that one has no deadline.
	if err := chromedp.Do(browser); err != nil {
		cancelTab()
		cancelAlloc()
		tb.Fatalf("starting %s: %v", path, err)
	}
	ctx, cancelTime := context.WithTimeout(browser, timeout)
	tb.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
	})
	return ctx
}
