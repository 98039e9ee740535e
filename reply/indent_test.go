package reply

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// stdIndent is json.Indent's form of compact JSON.
func stdIndent(t testing.TB, compact []byte) []byte {
	var out bytes.Buffer
	require.NoError(t, json.Indent(&out, compact, "", "  "))
	return out.Bytes()
}

func TestIndentJSON(t *testing.T) {
	samples := []string{
		`{}`, `[]`, `{"a":[]}`, `{"a":{},"b":[1,2,{"c":null}]}`, `"x"`, `"a\"b\\\\"`, `[true,false,null,-1.5e3]`,
		`{"k:{":"v,}","e":"\u2028\\"}`, `[[[]],[{}]]`,
	}
	golden, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	for _, f := range golden {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var c bytes.Buffer
		require.NoError(t, json.Compact(&c, data))
		samples = append(samples, c.String())
	}
	for _, s := range samples {
		require.Equal(t, string(stdIndent(t, []byte(s))), string(indentJSON(nil, []byte(s))), "%s", s)
	}
	require.Equal(t, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}", string(indentJSON(nil, []byte(`{"a":[1,2],"b":{}}`))))
}

// FuzzIndentJSON checks indentJSON against json.Indent on the compact form
// of any valid JSON.
func FuzzIndentJSON(f *testing.F) {
	f.Add([]byte(`{"a":[1,{"b":"c\"d"}],"e":{}}`))
	f.Add([]byte(`[ "\u2028", [ ], { } ]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		var c bytes.Buffer
		if err := json.Compact(&c, data); err != nil {
			t.Fatal(err)
		}
		if got, want := indentJSON(nil, c.Bytes()), stdIndent(t, c.Bytes()); !bytes.Equal(got, want) {
			t.Fatalf("indentJSON(%s) =\n%s\nwant\n%s", c.Bytes(), got, want)
		}
	})
}
