package reply

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/replykit/replykit/internal/fill"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// marshalStd is Marshal as encoding/json defines it: the wire form (the
// struct tags of Reply and the MarshalJSON methods of Signature and Page)
// with HTML escaping off, indented by two spaces.
func marshalStd(r *Reply) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(wireReply{Format: r.Format(), replyFields: (*replyFields)(r)}); err != nil {
		return nil, fmt.Errorf("reply: marshal: %w", err)
	}
	return b.Bytes(), nil
}

// requireSameMarshal requires Marshal to give r the bytes and the error
// that marshalStd gives it, and returns the bytes.
func requireSameMarshal(t testing.TB, r *Reply) []byte {
	t.Helper()
	want, wantErr := marshalStd(r)
	got, err := Marshal(r)
	if wantErr != nil {
		require.Error(t, err)
		require.Equal(t, wantErr.Error(), err.Error())
		var wantU, gotU *json.UnsupportedValueError
		require.Equal(t, errors.As(wantErr, &wantU), errors.As(err, &gotU), "the same error type")
		require.Nil(t, got)
		return nil
	}
	require.NoError(t, err)
	if !bytes.Equal(want, got) {
		require.Equal(t, string(want), string(got)) // shows the difference
	}
	return got
}

// fillReply returns a reply filled from data, every field set when full.
func fillReply(data []byte, full bool) (*Reply, error) {
	f := fill.New(data, full)
	f.Use(reflect.TypeFor[Date](), fill.CalendarDate)
	r := new(Reply)
	return r, f.Fill(r)
}

// corpusInput returns the bytes of a one-value fuzz corpus file.
func corpusInput(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	require.Len(t, lines, 2, path)
	lit, ok := strings.CutPrefix(lines[1], "[]byte(")
	require.True(t, ok, path)
	s, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
	require.NoError(t, err, path)
	return []byte(s)
}

// TestMarshalMatchesStd holds Marshal to encoding/json's bytes for the
// seed, every reply in testdata and the fuzz inputs that read as one.
func TestMarshalMatchesStd(t *testing.T) {
	got := requireSameMarshal(t, seedReply())
	golden, err := os.ReadFile(seedGolden)
	require.NoError(t, err)
	assert.Equal(t, string(golden), string(got))
	hint := sizeHint(seedReply())
	assert.True(t, hint >= len(got) && hint < len(got)*3/2, "the seed's size hint %d fits its %d bytes", hint, len(got))

	// Every reply in testdata, and the fuzz inputs that read as one.
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	replies, err := filepath.Glob(filepath.Join("testdata", "replies", "*.json"))
	require.NoError(t, err)
	inputs = append(inputs, replies...)
	require.NotEmpty(t, inputs)
	for _, path := range inputs {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		r, err := Unmarshal(data)
		require.NoError(t, err, path)
		requireSameMarshal(t, r)
	}
	corpus, err := filepath.Glob(filepath.Join("testdata", "fuzz", "Fuzz*Marshal", "*"))
	require.NoError(t, err)
	for _, path := range corpus {
		if r, err := Unmarshal(corpusInput(t, path)); err == nil {
			requireSameMarshal(t, r)
		}
	}
}

func TestMarshalCases(t *testing.T) {
	date := Date{Text: "2020年10月21日 9:30", Year: 2020, Month: 10, Day: 21, Hour: 9, Minute: 30, HasTime: true}
	tests := []struct {
		name string
		r    *Reply
		want []string // in the output
	}{
		{"nil", nil, []string{"{\n  \"format\": \"replykit/v1\"\n}\n"}},
		{"zero", &Reply{}, []string{"{\n  \"format\": \"replykit/v1\",\n  \"kind\": \"\",\n  \"title\": \"\"\n}\n"}},
		{"escapes", &Reply{Title: "<a>&\"\\/\x00\x1f\x7f\b\f\n\r\t\u2028\u2029\xff\xe2\x80中\ufffd"},
			[]string{`"title": "<a>&\"\\/\u0000\u001f` + "\x7f" + `\b\f\n\r\t\u2028\u2029\ufffd\ufffd\ufffd中` + "\ufffd" + `"`}},
		{"empty lists are left out", &Reply{Header: []Line{}, Addressees: []Addressee{}, Opening: []Block{}, Sections: []Section{},
			CC: []string{}, Trailer: []Line{}, Warnings: []Warning{}}, []string{"  \"title\": \"\"\n}"}},
		{"zero parts are left out", &Reply{Proposal: Proposal{Proposers: []string{}}, Page: Page{Breadcrumb: []string{}, Keywords: []string{}}},
			[]string{"{\n  \"format\": \"replykit/v1\",\n  \"kind\": \"\",\n  \"title\": \"\"\n}\n"}},
		{"tables", &Reply{Opening: []Block{{Table: &Table{}}, {Table: &Table{Rows: [][]string{}}},
			{Table: &Table{Caption: "表", Rows: [][]string{nil, {}, {"a", ""}}}}, {Image: &Image{}}}},
			[]string{`"rows": null`, `"rows": []`, "\"rows\": [\n          null,\n          [],\n          [\n            \"a\",\n            \"\"\n          ]\n        ]", `"url": ""`}},
		{"numbers", &Reply{Proposal: Proposal{Term: -3, Session: 1 << 62}, Sections: []Section{{}}, Page: Page{Views: -1}},
			[]string{`"term": -3,`, `"session": 4611686018427387904`, `"number": 0`, `"views": -1`}},
		{"dates", &Reply{Signature: Signature{Date: date}, Page: Page{Published: Date{Year: 33, Month: 2, Day: 28}}},
			[]string{`"date": "2020-10-21T09:30:00",`, `"dateText": "2020年10月21日 9:30"`, `"published": "0033-02-28"`}},
		{"invalid dates keep their text", &Reply{Signature: Signature{Date: Date{Text: "2月30日", Year: 2017, Month: 2, Day: 30}},
			Page: Page{Published: Date{Year: 2020, Month: 1, Day: 1, Hour: 24, HasTime: true}}},
			[]string{"\"signature\": {\n    \"dateText\": \"2月30日\"\n  }", "\"page\": {}"}},
		{"provenance", &Reply{Provenance: Provenance{SHA256: "x"}}, []string{"{\n  \"format\": \"replykit/v2\",", "  \"provenance\": {\n    \"sha256\": \"x\"\n  }\n}\n"}},
		{"capture offset 0 and required keys", &Reply{Warnings: []Warning{{}}, Provenance: Provenance{Capture: Capture{PayloadDigest: "sha1:A"}}},
			[]string{"  ],\n  \"provenance\": {\n    \"capture\": {\n      \"uri\": \"\",\n      \"date\": \"\",\n      \"recordID\": \"\",\n      \"payloadDigest\": \"sha1:A\",\n      \"offset\": 0\n    }\n  }\n}\n"}},
		{"large offset", &Reply{Provenance: Provenance{Capture: Capture{Offset: 1 << 40}}}, []string{`"offset": 1099511627776`}},
		{"booleans", &Reply{TitleInferred: true, Sections: []Section{{RunIn: true}}}, []string{`"titleInferred": true,`, `"runIn": true`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(requireSameMarshal(t, tt.r))
			for _, w := range tt.want {
				assert.Contains(t, got, w)
			}
		})
	}
}

// nestedSections returns depth sections, each the only subsection of the
// one before, and the innermost.
func nestedSections(depth int) ([]Section, *Section) {
	top := []Section{{Marker: "1.", Number: 1}}
	s := &top[0]
	for range depth - 1 {
		s.Sections = []Section{{Marker: "1.", Number: 1, Blocks: []Block{{Text: "t", Table: &Table{Rows: [][]string{{}}}}}}}
		s = &s.Sections[0]
	}
	return top, s
}

func TestMarshalCycle(t *testing.T) {
	self := make([]Section, 1)
	self[0] = Section{Marker: "一、", Number: 1, Sections: self}

	pair := make([]Section, 2)
	pair[0].Sections = pair[1:]
	pair[1].Sections = pair[:1]

	deep, inner := nestedSections(cycleDepth + 20)
	inner.Sections = deep

	for name, secs := range map[string][]Section{"itself": self, "pair": pair, "deep": deep} {
		t.Run(name, func(t *testing.T) {
			requireSameMarshal(t, &Reply{Sections: secs})
			_, err := Marshal(&Reply{Sections: secs})
			var uv *json.UnsupportedValueError
			require.ErrorAs(t, err, &uv)
			assert.Equal(t, "reply: marshal: json: unsupported value: encountered a cycle via []reply.Section", err.Error())
			assert.Equal(t, reflect.TypeFor[[]Section](), uv.Value.Type())
		})
	}
}

func TestMarshalDeepSections(t *testing.T) {
	deep, inner := nestedSections(cycleDepth + 50)
	// The same list twice below the depth where cycles are looked for,
	// side by side rather than one inside the other: no cycle.
	shared := []Section{{Marker: "(1)", Number: 1}}
	inner.Sections = []Section{{Sections: shared}, {Sections: shared}}
	got := requireSameMarshal(t, &Reply{Sections: deep})
	assert.Equal(t, cycleDepth+53, bytes.Count(got, []byte(`"sections": [`)))
}

// allKeys returns the JSON key of every field of every struct reachable
// from t.
func allKeys(t reflect.Type, seen map[reflect.Type]bool, keys map[string]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] || t == reflect.TypeFor[Date]() {
		return
	}
	seen[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" {
			keys[name] = true
		}
		allKeys(f.Type, seen, keys)
	}
}

// TestMarshalComplete fills every field of every struct reachable from
// Reply, none left zero, and requires encoding/json's bytes: a field added
// to the model and not to the encoder fails here.
func TestMarshalComplete(t *testing.T) {
	keys := map[string]bool{}
	allKeys(reflect.TypeFor[Reply](), map[reflect.Type]bool{}, keys)
	require.Contains(t, keys, "runIn")
	data := make([]byte, 1<<16)
	for seed := range uint64(8) {
		rng := rand.New(rand.NewPCG(seed, 1))
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		r, err := fillReply(data, true)
		require.NoError(t, err)
		got := string(requireSameMarshal(t, r))
		for k := range keys {
			assert.Contains(t, got, strconv.Quote(k)+": ", "seed %d: every key is written", seed)
		}
	}
	// Random fills leave fields zero, nil or empty too.
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 2))
		for i := range data[:4096] {
			data[i] = byte(rng.Uint32())
		}
		r, err := fillReply(data[:4096], false)
		require.NoError(t, err)
		requireSameMarshal(t, r)
	}
}

// stdJSONString is s as encoding/json writes it with HTML escaping off.
func stdJSONString(t testing.TB, s string) string {
	var std bytes.Buffer
	enc := json.NewEncoder(&std)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(s))
	return strings.TrimSuffix(std.String(), "\n")
}

func TestAppendJSONString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"中文<>&", `"中文<>&"`},
		{"a\"b\\c/", `"a\"b\\c/"`},
		{"\x00\x01\x1f\x7f", `"\u0000\u0001\u001f` + "\x7f\""},
		{"\b\f\n\r\t", `"\b\f\n\r\t"`},
		{"\u2028\u2029\u202a", `"\u2028\u2029` + "\u202a\""},
		{"\xff\xe2\x80", `"\ufffd\ufffd\ufffd"`},
		{"\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`},
		{"a\xc3", `"a\ufffd"`},
		{"中"[:2], `"\ufffd\ufffd"`},
		{"\xe4\xb8a\xe4a\xb8", `"\ufffd\ufffda\ufffda\ufffd"`},
		{"\xe0\x80\x80\xed\xbf\xbf", `"\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd"`},
		{"\xee\x80\x80\xef\xbf\xbf\xe1\x80\x80", "\"\ue000\uffff\u1000\""},
		{"𝄞\ufffd", "\"𝄞\ufffd\""},
	}
	for _, tt := range tests {
		got := string(appendJSONString(nil, tt.in))
		assert.Equal(t, tt.want, got, "%q", tt.in)
		assert.Equal(t, stdJSONString(t, tt.in), got, "%q as encoding/json writes it", tt.in)
	}
}

// TestAppendMarshal requires AppendMarshal to append Marshal's bytes to
// what dst holds, to reuse dst's room, and to fail as Marshal fails.
func TestAppendMarshal(t *testing.T) {
	r := seedReply()
	want, err := Marshal(r)
	require.NoError(t, err)

	got, err := AppendMarshal([]byte("prefix"), r)
	require.NoError(t, err)
	assert.Equal(t, "prefix"+string(want), string(got))

	buf := make([]byte, 0, len(want)+64)
	got, err = AppendMarshal(buf, r)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Same(t, &buf[:1][0], &got[0], "a buffer with room is not reused")

	self := make([]Section, 1)
	self[0] = Section{Marker: "一、", Number: 1, Sections: self}
	got, err = AppendMarshal(buf, &Reply{Sections: self})
	var uv *json.UnsupportedValueError
	require.ErrorAs(t, err, &uv)
	assert.Nil(t, got)
}
