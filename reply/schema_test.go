package reply

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// compileSchema compiles the embedded schema of replykit/v1 with a real
// validator.
func compileSchema(t testing.TB) *jsonschema.Schema { return compileSchemaOf(t, FormatV1) }

// compileSchemaOf compiles the embedded schema of the version format.
func compileSchemaOf(t testing.TB, format string) *jsonschema.Schema {
	t.Helper()
	schema, ok := SchemaFor(format)
	require.True(t, ok, format)
	var head struct {
		ID string `json:"$id"`
	}
	require.NoError(t, json.Unmarshal(schema, &head))
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	require.NoError(t, c.AddResource(head.ID, doc))
	sch, err := c.Compile(head.ID)
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
// replykit/v1 or replykit/v2, by path, fuzz corpora aside: golden files
// (the seed, the replies the parse package reads from its text fixtures)
// and deliberately broken inputs.
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
		if KnownFormat(formatIn(data)) {
			found[filepath.ToSlash(path)] = data
		}
		return nil
	})
	require.NoError(t, err)
	return found
}

// TestSchemaAcceptsGoldenFiles checks every replykit/v1 and replykit/v2
// file of the package's testdata against the schema of its version. A
// golden file is one that Unmarshal reads: the schema must accept each. A
// file that Unmarshal refuses is a deliberately broken input: the schema
// must refuse it too, unless what is wrong is a calendar date (2017-02-30),
// which a pattern cannot see.
func TestSchemaAcceptsGoldenFiles(t *testing.T) {
	schemas := map[string]*jsonschema.Schema{FormatV1: compileSchema(t), FormatV2: compileSchemaOf(t, FormatV2)}
	files := replyFiles(t)
	require.Contains(t, files, "testdata/seed.json")
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	golden := map[string]int{}
	for _, name := range names {
		data := files[name]
		format := formatIn(data)
		sch := schemas[format]
		_, err := Unmarshal(data)
		if err == nil {
			golden[format]++
			assert.NoError(t, validateJSON(t, sch, data), name)
			continue
		}
		t.Logf("%s: a broken input: %v", name, err)
		if errors.Is(err, ErrImpossibleDate) || !json.Valid(data) {
			continue
		}
		assert.Error(t, validateJSON(t, sch, data), "%s is refused by Unmarshal (%v) but accepted by the schema", name, err)
	}
	assert.NotZero(t, golden[FormatV1])
	assert.NotZero(t, golden[FormatV2])
	t.Logf("%d v1 and %d v2 golden files valid, %d broken inputs", golden[FormatV1], golden[FormatV2], len(names)-golden[FormatV1]-golden[FormatV2])
}

// TestSchemaV2 checks that schema-v2.json is what buildSchemaV2 makes of
// schema.json; -update writes it.
func TestSchemaV2(t *testing.T) {
	got, err := buildSchemaV2(JSONSchema())
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile("schema-v2.json", got, 0o644))
	}
	assert.Equal(t, string(JSONSchemaV2()), string(got), "schema-v2.json is stale: go test ./reply -run TestSchemaV2 -update")
	// v2 is v1 with the tag and the provenance: remove them and the two
	// documents say the same.
	var v1, v2 map[string]any
	require.NoError(t, json.Unmarshal(JSONSchema(), &v1))
	require.NoError(t, json.Unmarshal(got, &v2))
	assert.Equal(t, FormatV2, v2["properties"].(map[string]any)["format"].(map[string]any)["const"])
	for _, doc := range []map[string]any{v1, v2} {
		for _, k := range []string{"$id", "title", "description"} {
			delete(doc, k)
		}
		delete(doc["properties"].(map[string]any), "format")
	}
	delete(v2["properties"].(map[string]any), "provenance")
	delete(v2["$defs"].(map[string]any), "provenance")
	delete(v2["$defs"].(map[string]any), "capture")
	assert.Equal(t, v1, v2)
	_, ok := SchemaFor("replykit/v3")
	assert.False(t, ok)
}

func TestSchemaRejectsBrokenDocuments(t *testing.T) {
	sch := compileSchema(t)
	seed, err := os.ReadFile(seedGolden)
	require.NoError(t, err)
	tests := []struct {
		name   string
		mutate func(doc map[string]any)
	}{
		{"unknown version", func(d map[string]any) { d["format"] = "replykit/v3" }},
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

// TestSchemaV2RejectsBrokenProvenance breaks the provenance of a v2
// document in each way the schema can see, and puts it in a v1 document.
func TestSchemaV2RejectsBrokenProvenance(t *testing.T) {
	sch := compileSchemaOf(t, FormatV2)
	good := func() map[string]any {
		return map[string]any{"format": FormatV2, "kind": "other", "title": "t", "provenance": map[string]any{
			"path": "crawl.warc.gz", "sha256": strings.Repeat("0a", 32), "capture": map[string]any{
				"uri": "http://x.gov.cn/a.html", "date": "2021-05-06T07:08:09Z", "recordID": "<urn:uuid:1>", "offset": 0}}}
	}
	capture := func(d map[string]any) map[string]any {
		return d["provenance"].(map[string]any)["capture"].(map[string]any)
	}
	tests := []struct {
		name   string
		mutate func(doc map[string]any)
	}{
		{"tagged v1", func(d map[string]any) { d["format"] = FormatV1 }},
		{"sha256 in capitals", func(d map[string]any) { d["provenance"].(map[string]any)["sha256"] = strings.Repeat("0A", 32) }},
		{"sha256 short", func(d map[string]any) { d["provenance"].(map[string]any)["sha256"] = "0a" }},
		{"unknown provenance key", func(d map[string]any) { d["provenance"].(map[string]any)["url"] = "x" }},
		{"capture without uri", func(d map[string]any) { delete(capture(d), "uri") }},
		{"capture without offset", func(d map[string]any) { delete(capture(d), "offset") }},
		{"capture date not RFC 3339", func(d map[string]any) { capture(d)["date"] = "2021-05-06" }},
		{"negative offset", func(d map[string]any) { capture(d)["offset"] = -1 }},
		{"unknown capture key", func(d map[string]any) { capture(d)["status"] = 200 }},
	}
	require.NoError(t, validateJSON(t, sch, mustJSON(t, good())))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := good()
			tt.mutate(doc)
			assert.Error(t, validateJSON(t, sch, mustJSON(t, doc)))
		})
	}
	// The schema of v1 refuses provenance under either tag.
	for _, format := range []string{FormatV1, FormatV2} {
		doc := good()
		doc["format"] = format
		assert.Error(t, validateJSON(t, compileSchema(t), mustJSON(t, doc)), format)
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
	defs := map[string]any{
		"proposal": Proposal{}, "addressee": Addressee{}, "block": Block{}, "point": Point{},
		"table": Table{}, "image": Image{}, "section": Section{}, "contact": Contact{},
		"signature": wireSignature{}, "page": wirePage{}, "line": Line{}, "warning": Warning{},
	}
	require.NoError(t, json.Unmarshal(JSONSchema(), &schema))
	replyKeys := goKeys(Reply{}, "format")
	assert.Equal(t, slices.DeleteFunc(slices.Clone(replyKeys), func(k string) bool { return k == "provenance" }),
		keysOf(schema.Properties), "v1 reply: every key but provenance")
	for def, v := range defs {
		assert.Equal(t, goKeys(v), keysOf(schema.Defs[def].Properties), def)
	}
	schema.Properties, schema.Defs = nil, nil
	require.NoError(t, json.Unmarshal(JSONSchemaV2(), &schema))
	assert.Equal(t, replyKeys, keysOf(schema.Properties), "v2 reply")
	defs["provenance"], defs["capture"] = Provenance{}, Capture{}
	for def, v := range defs {
		assert.Equal(t, goKeys(v), keysOf(schema.Defs[def].Properties), "v2 "+def)
	}
	assert.Len(t, schema.Defs, len(defs)+3, "v2: the defs above, and date, blocks and sections")
}

func TestJSONSchemaIsACopy(t *testing.T) {
	a := JSONSchema()
	require.True(t, json.Valid(a))
	a[0] = 'x'
	assert.Equal(t, byte('{'), JSONSchema()[0])
}
