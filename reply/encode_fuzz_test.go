package reply

import (
	"os"
	"testing"

	"github.com/replykit/replykit/internal/fill"
)

// FuzzMarshal requires Marshal to give the bytes and the error of
// encoding/json (marshalStd) for the reply Unmarshal reads from the input,
// when it reads one, and for the reply filled from the input's bytes, with
// strings of any bytes: invalid UTF-8, control characters, <, >, &, U+2028.
// The seed is large; run with a short minimisation time:
//
//	go test ./reply -run '^$' -fuzz '^FuzzMarshal$' -fuzztime 120s -fuzzminimizetime 5s
func FuzzMarshal(f *testing.F) {
	seed, err := os.ReadFile(seedGolden)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"format":"replykit/v1","kind":"other","title":"<&>\u2028\ufffd\"\\\u0001","page":{"published":"2020-01-01T00:00:00","views":-2}}`))
	f.Add([]byte("\xff\x03\x05\x01\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94\x95"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := Unmarshal(data); err == nil {
			requireSameMarshal(t, r)
		}
		r, err := fillReply(data, false)
		if err != nil {
			t.Fatal(err)
		}
		requireSameMarshal(t, r)
	})
}

// FuzzAppendJSONString requires appendJSONString to escape any bytes as
// encoding/json does.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range fill.Pieces() {
		f.Add("a" + s + "中")
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendJSONString(nil, s)), stdJSONString(t, s); got != want {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}
