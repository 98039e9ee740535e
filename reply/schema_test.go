package reply

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const schemaURL = "https://github.com/replykit/replykit/reply/schema.json"

// compileSchema compiles the embedded schema with a real validator.
func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	require.NoError(t, c.AddResource(schemaURL, doc))
	sch, err := c.Compile(schemaURL)
	require.NoError(t, err)
	return sch
}

func validateJSON(t testing.TB, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	return sch.Validate(inst)
}

// replyFiles returns every JSON file of testdata whose "format" is
// replykit/v1, by path, fuzz corpora aside: golden files (the seed, the
// replies the parse package reads from its text fixtures) and deliberately
// broken inputs.
func replyFiles(t *testing.T) map[string][]byte {
	t.Helper()
	found := map[string][]byte{}
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "fuzz" {
				return filepath.SkipDir
			}
			return nil
		}
		if filepath.Ext(path) != ".json" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(`"`+FormatV1+`"`)) {
			found[filepath.ToSlash(path)] = data
		}
		return nil
	})
	require.NoError(t, err)
	return found
}

// TestSchemaAcceptsGoldenFiles checks every replykit/v1 file of the
// repository's testdata folders. A golden file is one that Unmarshal reads:
// the schema must accept each. A file that Unmarshal refuses is a
// deliberately broken input: the schema must refuse it too, unless what is
// wrong is a calendar date (2017-02-30), which a pattern cannot see.
func TestSchemaAcceptsGoldenFiles(t *testing.T) {
	sch := compileSchema(t)
	files := replyFiles(t)
	require.Contains(t, files, "testdata/seed.json")
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	golden := 0
	for _, name := range names {
		data := files[name]
		_, err := Unmarshal(data)
		if err == nil {
			golden++
			assert.NoError(t, validateJSON(t, sch, data), name)
			continue
		}
		t.Logf("%s: a broken input: %v", name, err)
		if errors.Is(err, ErrImpossibleDate) || !json.Valid(data) {
			continue
		}
		assert.Error(t, validateJSON(t, sch, data), "%s is refused by Unmarshal (%v) but accepted by the schema", name, err)
	}
	t.Logf("%d golden files valid, %d broken inputs", golden, len(names)-golden)
}

func TestSchemaRejectsBrokenDocuments(t *testing.T) {
	sch := compileSchema(t)
	seed, err := os.ReadFile(seedGolden)
	require.NoError(t, err)
	tests := []struct {
		name   string
		mutate func(doc map[string]any)
	}{
		{"unknown version", func(d map[string]any) { d["format"] = "replykit/v2" }},
		{"no format", func(d map[string]any) { delete(d, "format") }},
		{"no title", func(d map[string]any) { delete(d, "title") }},
		{"unknown kind", func(d map[string]any) { d["kind"] = "reply" }},
		{"unknown top-level key", func(d map[string]any) { d["extra"] = true }},
		{"unknown section key", func(d map[string]any) { section(d, 0)["level"] = 1 }},
		{"unknown proposal key", func(d map[string]any) { d["proposal"].(map[string]any)["year"] = 2017 }},
		{"term as text", func(d map[string]any) { d["proposal"].(map[string]any)["term"] = "十" }},
		{"negative session", func(d map[string]any) { d["proposal"].(map[string]any)["session"] = -1 }},
		{"date not normalised", func(d map[string]any) { d["signature"].(map[string]any)["date"] = "2017年3月16日" }},
		{"date without padding", func(d map[string]any) { d["signature"].(map[string]any)["date"] = "2017-3-16" }},
		{"month 13", func(d map[string]any) { d["page"].(map[string]any)["published"] = "2020-13-01" }},
		{"section number zero", func(d map[string]any) { section(d, 0)["number"] = 0 }},
		{"section without marker", func(d map[string]any) { delete(section(d, 0), "marker") }},
		{"block with text and image", func(d map[string]any) {
			section(d, 0)["blocks"].([]any)[0].(map[string]any)["image"] = map[string]any{"url": "a.png"}
		}},
		{"empty block", func(d map[string]any) { d["closing"].([]any)[0] = map[string]any{} }},
		{"table without rows", func(d map[string]any) { d["closing"].([]any)[0] = map[string]any{"table": map[string]any{}} }},
		{"point without marker", func(d map[string]any) {
			delete(section(d, 1)["blocks"].([]any)[0].(map[string]any)["points"].([]any)[0].(map[string]any), "marker")
		}},
		{"category D", func(d map[string]any) { d["category"] = "D" }},
		{"addressee without name", func(d map[string]any) { delete(d["addressees"].([]any)[0].(map[string]any), "name") }},
		{"negative views", func(d map[string]any) { d["page"].(map[string]any)["views"] = -5 }},
		{"unknown line field", func(d map[string]any) { d["trailer"] = []any{map[string]any{"text": "x", "field": "seal"}} }},
		{"empty trailer", func(d map[string]any) { d["trailer"] = []any{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc map[string]any
			require.NoError(t, json.Unmarshal(seed, &doc))
			require.NoError(t, validateJSON(t, sch, mustJSON(t, doc)), "the seed is valid before it is broken")
			tt.mutate(doc)
			assert.Error(t, validateJSON(t, sch, mustJSON(t, doc)))
		})
	}
}

func section(doc map[string]any, i int) map[string]any {
	return doc["sections"].([]any)[i].(map[string]any)
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return data
}

// TestSchemaMatchesModel checks that each object of the schema has exactly
// the keys that the Go type it describes writes.
func TestSchemaMatchesModel(t *testing.T) {
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(JSONSchema(), &schema))
	keysOf := func(props map[string]json.RawMessage) []string {
		var out []string
		for k := range props {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	goKeys := func(v any, extra ...string) []string {
		out := append([]string(nil), extra...)
		rt := reflect.TypeOf(v)
		for i := 0; i < rt.NumField(); i++ {
			name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
			out = append(out, name)
		}
		sort.Strings(out)
		return out
	}
	assert.Equal(t, goKeys(Reply{}, "format"), keysOf(schema.Properties), "reply")
	for def, v := range map[string]any{
		"proposal": Proposal{}, "addressee": Addressee{}, "block": Block{}, "point": Point{},
		"table": Table{}, "image": Image{}, "section": Section{}, "contact": Contact{},
		"signature": wireSignature{}, "page": wirePage{}, "line": Line{}, "warning": Warning{},
	} {
		assert.Equal(t, goKeys(v), keysOf(schema.Defs[def].Properties), def)
	}
}

func TestJSONSchemaIsACopy(t *testing.T) {
	a := JSONSchema()
	require.True(t, json.Valid(a))
	a[0] = 'x'
	assert.Equal(t, byte('{'), JSONSchema()[0])
}
