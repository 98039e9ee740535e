// Package browsertest starts headless Chromium for the tests and
// benchmarks of the collection's index page, driven over the DevTools
// protocol with chromedp, and skips them where no Chromium is installed.
package browsertest
