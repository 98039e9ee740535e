package reply

import (
	"bytes"
	_ "embed" // for the schema
)

//go:embed schema.json
var schemaJSON []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the reference format
// replykit/v1. Each call returns a new copy, which the caller may change.
func JSONSchema() []byte { return bytes.Clone(schemaJSON) }
