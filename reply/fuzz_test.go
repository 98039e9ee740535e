package reply

import (
	"errors"
	"fmt"
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzParseNumeral checks that a number read writes back to a numeral that
// reads the same, and that failures are ErrNumeral.
func FuzzParseNumeral(f *testing.F) {
	for _, tt := range numeralTests {
		f.Add(tt.in)
	}
	for _, s := range badNumerals {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumeral(s)
		if err != nil {
			if !errors.Is(err, ErrNumeral) || n != 0 {
				t.Fatalf("ParseNumeral(%q) = %d, %v: want 0 and ErrNumeral", s, n, err)
			}
			return
		}
		if n < 0 || n >= 100000000 {
			t.Fatalf("ParseNumeral(%q) = %d: out of range", s, n)
		}
		// What was read writes back to a numeral that reads the same.
		w := FormatNumeral(n)
		back, err := ParseNumeral(w)
		if err != nil || back != n {
			t.Fatalf("ParseNumeral(%q) = %d, written %q, read back %d, %v", s, n, w, back, err)
		}
		if again := FormatNumeral(back); again != w {
			t.Fatalf("FormatNumeral not stable: %q then %q", w, again)
		}
	})
}

// FuzzParseDate checks that a date read is valid, keeps its text, and that
// its normalised form and its 年月日 form read back to the same value.
func FuzzParseDate(f *testing.F) {
	for _, tt := range dateTests {
		f.Add(tt.in)
	}
	for _, tt := range badDates {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) failed but returned %+v", s, d)
			}
			if !errors.Is(err, ErrNotDate) && !errors.Is(err, ErrImpossibleDate) && !errors.Is(err, ErrAmbiguousDate) {
				t.Fatalf("ParseDate(%q): untyped error %v", s, err)
			}
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = %+v: not valid", s, d)
		}
		if d.Text != s {
			t.Fatalf("ParseDate(%q) kept text %q", s, d.Text)
		}
		norm := d.String()
		back, err := ParseDate(norm)
		if err != nil {
			t.Fatalf("ParseDate(%q) = %s, which does not read back: %v", s, norm, err)
		}
		back.Text, d.Text = "", ""
		if back != d {
			t.Fatalf("ParseDate(%q) = %+v, its String %q reads %+v", s, d, norm, back)
		}
		// The date written in the 年月日 form reads the same.
		if !d.HasTime {
			cjk := NewDate(d.Year, d.Month, d.Day)
			again, err := ParseDate(cjk.Text)
			again.Text = ""
			if err != nil || again != d {
				t.Fatalf("%q reads %+v, %v; want %+v", cjk.Text, again, err, d)
			}
		}
	})
}

// FuzzUnmarshal checks that whatever Unmarshal accepts writes out and reads
// back to the same bytes. The seed is large, so run it with a short
// minimisation time, or the first new input takes the whole run:
//
//	go test ./reply -run '^$' -fuzz FuzzUnmarshal -fuzztime 60s -fuzzminimizetime 5s
func FuzzUnmarshal(f *testing.F) {
	seed, err := os.ReadFile(seedGolden)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"format":"replykit/v1","kind":"other","title":"t"}`))
	f.Add([]byte(`{"format":"replykit/v1","kind":"other","title":"t","signature":{"date":"2020-02-29T10:00:00","dateText":"x"},"page":{"published":"2020-01-01"}}`))
	f.Add([]byte(`{"format":"replykit/v1","sections":[{"marker":"一、","number":1,"blocks":[{"table":{"rows":[["a","b"]]}}]}]}`))
	f.Add([]byte(`{"format":"replykit/v2"}`))
	f.Add([]byte(`{"format":"replykit/v2","kind":"other","title":"t","provenance":{"path":"a.zip!b.html","sha256":"x","capture":{"uri":"u","date":"2020-01-01T00:00:00Z","recordID":"r","offset":9}}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Unmarshal(data)
		if err != nil {
			if r != nil {
				t.Fatalf("Unmarshal failed (%v) but returned a reply", err)
			}
			return
		}
		out, err := Marshal(r)
		if err != nil {
			t.Fatalf("Marshal of an unmarshalled reply: %v", err)
		}
		if !utf8.Valid(out) {
			t.Fatalf("Marshal wrote invalid UTF-8")
		}
		back, err := Unmarshal(out)
		if err != nil {
			t.Fatalf("Unmarshal of Marshal: %v\n%s", err, out)
		}
		again, err := Marshal(back)
		if err != nil || string(again) != string(out) {
			t.Fatalf("re-marshal differs: %v\n%s\n%s", err, out, again)
		}
		// What was read is what is written: the same verdict of
		// Validate, the same text.
		if a, b := fmt.Sprint(r.Validate()), fmt.Sprint(back.Validate()); a != b {
			t.Fatalf("Validate differs after a round trip: %s / %s", a, b)
		}
		if r.PlainText() != back.PlainText() {
			t.Fatalf("PlainText differs after a round trip")
		}
		// The title is a line of the text unless it is inferred or the
		// header stands in its place.
		shown, hidden := *r, *r
		shown.TitleInferred, hidden.TitleInferred = false, true
		diff := len(shown.Lines()) - len(hidden.Lines())
		if want := 0; len(r.Header) == 0 && r.Title != "" {
			want = 1
			if diff != want || shown.Lines()[0] != r.Title {
				t.Fatalf("an inferred title changes the lines by %d, want %d", diff, want)
			}
		} else if diff != want {
			t.Fatalf("an inferred title changes the lines by %d, want %d", diff, want)
		}
	})
}
