package reply

import (
	"bytes"
	_ "embed" // for the schemas
	"encoding/json"
	"errors"
	"fmt"
)

//go:embed schema.json
var schemaJSON []byte

//go:embed schema-v2.json
var schemaV2JSON []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the reference format
// replykit/v1. Each call returns a new copy, which the caller may change.
func JSONSchema() []byte { return bytes.Clone(schemaJSON) }

// JSONSchemaV2 returns the JSON Schema (draft 2020-12) of replykit/v2: the
// schema of v1 with its own tag and the key "provenance". Each call returns
// a new copy, which the caller may change.
func JSONSchemaV2() []byte { return bytes.Clone(schemaV2JSON) }

// SchemaFor returns the JSON Schema of the version tag format, and false
// for a tag this package does not read.
func SchemaFor(format string) ([]byte, bool) {
	switch format {
	case FormatV1:
		return JSONSchema(), true
	case FormatV2:
		return JSONSchemaV2(), true
	}
	return nil, false
}

// What replykit/v2 adds to the schema of v1. schema-v2.json is made from
// schema.json and these by buildSchemaV2 (go test ./reply -run
// TestSchemaV2 -update), so that the rules of v1 are kept in one place.
const (
	schemaV2ID          = "https://github.com/replykit/replykit/reply/schema-v2.json"
	schemaV2Description = "The reference format of a Chinese government reply to a proposal or suggestion (政协提案答复, 人大代表建议答复), with where it was read from. See reply/FORMAT.md."
	schemaV2Provenance  = `{"$ref": "#/$defs/provenance"}`
	schemaV2Defs        = `{
  "provenance": {
    "type": "object",
    "additionalProperties": false,
    "description": "Where the notice was read from, and a fixity value of the bytes read.",
    "properties": {
      "path": {"type": "string", "description": "The file as given and the name within it: mirror/a.html, site.zip!a/b.html, crawl.warc.gz."},
      "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "Lowercase hex SHA-256 of the bytes given to the reader; for a capture, the HTTP body, de-chunked and content-decoded."},
      "capture": {"$ref": "#/$defs/capture"}
    }
  },
  "capture": {
    "type": "object",
    "additionalProperties": false,
    "required": ["uri", "date", "recordID", "offset"],
    "description": "The WARC response record the page was read from.",
    "properties": {
      "uri": {"type": "string", "minLength": 1, "description": "WARC-Target-URI, angle brackets stripped."},
      "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$", "description": "WARC-Date as written (RFC 3339)."},
      "recordID": {"type": "string", "minLength": 1, "description": "WARC-Record-ID as written, such as <urn:uuid:…>."},
      "payloadDigest": {"type": "string", "description": "WARC-Payload-Digest as written, such as sha1:…."},
      "offset": {"type": "integer", "minimum": 0, "description": "Byte offset of the record in the WARC file named by path, or, in a .warc.gz, of the gzip member holding it (0 for every record of a file gzipped as a whole)."}
    }
  }
}`
)

// buildSchemaV2 returns the schema of replykit/v2 made from v1, the schema
// of replykit/v1: the same keys in the same order, the tag, $id, title
// and description of v2, the key "provenance" last among the properties
// and its definitions last among $defs; indented by two spaces.
func buildSchemaV2(v1 []byte) ([]byte, error) {
	var doc, props, defs, format, addDefs jsonObject
	if err := json.Unmarshal(v1, &doc); err != nil {
		return nil, fmt.Errorf("reply: schema v1: %w", err)
	}
	if err := json.Unmarshal(doc.get("properties"), &props); err != nil {
		return nil, fmt.Errorf("reply: schema v1 properties: %w", err)
	}
	if err := json.Unmarshal(doc.get("$defs"), &defs); err != nil {
		return nil, fmt.Errorf("reply: schema v1 $defs: %w", err)
	}
	if err := json.Unmarshal(props.get("format"), &format); err != nil {
		return nil, fmt.Errorf("reply: schema v1 format: %w", err)
	}
	if err := json.Unmarshal([]byte(schemaV2Defs), &addDefs); err != nil {
		return nil, fmt.Errorf("reply: schema v2 $defs: %w", err)
	}
	format.set("const", jsonString(FormatV2))
	props.set("format", format.raw())
	props.set("provenance", json.RawMessage(schemaV2Provenance))
	defs = append(defs, addDefs...)
	doc.set("$id", jsonString(schemaV2ID))
	doc.set("title", jsonString(FormatV2))
	doc.set("description", jsonString(schemaV2Description))
	doc.set("properties", props.raw())
	doc.set("$defs", defs.raw())
	var out bytes.Buffer
	if err := json.Indent(&out, doc.raw(), "", "  "); err != nil {
		return nil, fmt.Errorf("reply: schema v2: %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// jsonObject is a JSON object that keeps the order of its keys.
type jsonObject []jsonMember

// jsonMember is one key of a jsonObject and its value.
type jsonMember struct {
	key   string
	value json.RawMessage
}

// get returns the value of key, or nil.
func (o jsonObject) get(key string) json.RawMessage {
	for _, m := range o {
		if m.key == key {
			return m.value
		}
	}
	return nil
}

// set gives key the value raw, in its place when o has it, last otherwise.
func (o *jsonObject) set(key string, raw json.RawMessage) {
	for i := range *o {
		if (*o)[i].key == key {
			(*o)[i].value = raw
			return
		}
	}
	*o = append(*o, jsonMember{key, raw})
}

// UnmarshalJSON reads an object, keeping its keys in order.
func (o *jsonObject) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return errors.New("reply: not a JSON object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string) // a key of a valid object is a string
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		*o = append(*o, jsonMember{key, v})
	}
	return nil
}

// raw returns the object as JSON, its keys in order.
func (o jsonObject) raw() json.RawMessage {
	b := []byte{'{'}
	for i, m := range o {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendJSONString(b, m.key), ':')
		b = append(b, m.value...)
	}
	return append(b, '}')
}

// jsonString returns s as a JSON string.
func jsonString(s string) json.RawMessage { return appendJSONString(nil, s) }
