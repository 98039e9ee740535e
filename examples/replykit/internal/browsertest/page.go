package browsertest

import (
	"context"
	"encoding/json"
	"image"
	"image/color"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// js quotes s as a JavaScript string.
func js(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// Eval evaluates a JavaScript expression in the page and returns its
// value, failing tb on an error.
func Eval[T any](tb testing.TB, ctx context.Context, expr string) T {
	tb.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// WaitRows waits until the index page has settled on the query q with n
// rows shown, and every row in sight filled.
func WaitRows(tb testing.TB, ctx context.Context, q string, n int) {
	tb.Helper()
	cond := `document.body.dataset.busy === "0" && document.body.dataset.query === ` + js(q) +
		` && document.body.dataset.shown === "` + itoa(n) + `" && !document.querySelector("#rows tr.loading")`
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		state := Eval[string](tb, ctx, `JSON.stringify(document.body.dataset) + " " + document.getElementById("status").textContent`)
		tb.Fatalf("waiting for %d rows for %q: %v; the page says %s", n, q, err, state)
	}
}

// Cells returns the text of column col of each row in the DOM, in order.
func Cells(tb testing.TB, ctx context.Context, col int) []string {
	tb.Helper()
	return Eval[[]string](tb, ctx, `[...document.querySelectorAll("#rows tr.row")].map(tr => tr.cells[`+itoa(col)+`].textContent)`)
}

// Texts returns the text of each element sel selects.
func Texts(tb testing.TB, ctx context.Context, sel string) []string {
	tb.Helper()
	return Eval[[]string](tb, ctx, `[...document.querySelectorAll(`+js(sel)+`)].map(e => e.textContent)`)
}

// Choose picks, in the select sel, the first option whose text begins
// with label, as a person would, and fails tb when there is none.
func Choose(tb testing.TB, ctx context.Context, sel, label string) {
	tb.Helper()
	ok := Eval[bool](tb, ctx, `(() => { const s = document.querySelector(`+js(sel)+`);
		const o = [...s.options].find(o => o.textContent.startsWith(`+js(label)+`));
		if (!o) return false;
		s.focus(); s.value = o.value; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	if !ok {
		tb.Fatalf("%s has no option %q", sel, label)
	}
}

// Rect is a box on the page, in CSS pixels.
type Rect struct{ X, Y, W, H float64 }

// Box returns where the element sel stands in the viewport.
func Box(tb testing.TB, ctx context.Context, sel string) Rect {
	tb.Helper()
	return Eval[Rect](tb, ctx, `(() => { const b = document.querySelector(`+js(sel)+`).getBoundingClientRect();
		return {X: b.x, Y: b.y, W: b.width, H: b.height}; })()`)
}

// Share returns the share of the pixels of img inside r (a screenshot at
// one device pixel per CSS pixel) for which is holds.
func Share(img image.Image, r Rect, is func(color.Color) bool) float64 {
	box := image.Rect(int(r.X), int(r.Y), int(r.X+r.W), int(r.Y+r.H)).Intersect(img.Bounds())
	if box.Empty() {
		return 0
	}
	n := 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if is(img.At(x, y)) {
				n++
			}
		}
	}
	return float64(n) / float64(box.Dx()*box.Dy())
}

// Near reports whether c is within tol (0–255) of want in each channel.
func Near(c, want color.Color, tol int) bool {
	r1, g1, b1, _ := c.RGBA()
	r2, g2, b2, _ := want.RGBA()
	d := func(a, b uint32) bool { x := int(a>>8) - int(b>>8); return x <= tol && -x <= tol }
	return d(r1, r2) && d(g1, g2) && d(b1, b2)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// WaitNavigation waits until a page for which the JavaScript expression
// cond holds has loaded, through a navigation (which a poll inside the
// page does not survive), and fails tb after 30 seconds.
func WaitNavigation(tb testing.TB, ctx context.Context, cond string) {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.readyState === "complete" && (`+cond+`)`))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("no page where %s: %v", cond, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// WaitQuery waits until the index page has settled on the query q, with
// every row in sight filled, and returns how many rows it shows.
func WaitQuery(tb testing.TB, ctx context.Context, q string) int {
	tb.Helper()
	cond := `document.body.dataset.busy === "0" && document.body.dataset.query === ` + js(q) + ` && !document.querySelector("#rows tr.loading")`
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		tb.Fatalf("waiting for the rows of %q: %v", q, err)
	}
	return Eval[int](tb, ctx, `+document.body.dataset.shown`)
}
