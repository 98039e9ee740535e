package render

import (
	"bytes"
	"encoding/json"
)

// The data-* attributes of the article carry parts of the reply as JSON,
// written by encoding/json (the reference format's own MarshalJSON
// methods for the signature and the page) with HTML escaping off, then
// escaped for the attribute like any other value. parse.HTML decodes them
// with encoding/json.

// attrJSON writes the attribute name with v's JSON as its value. The
// encoder and its buffer are made on first use and reused from attribute
// to attribute.
func (h *htmlWriter) attrJSON(name attrName, v any) {
	if h.jsonEnc == nil {
		h.jsonBuf = new(bytes.Buffer)
		h.jsonEnc = json.NewEncoder(h.jsonBuf)
		h.jsonEnc.SetEscapeHTML(false)
	}
	h.jsonBuf.Reset()
	if err := h.jsonEnc.Encode(v); err != nil {
		// The parts of a reply are strings, numbers and lists of them:
		// encoding/json fails on none of them.
		if h.err == nil {
			h.err = err
		}
		return
	}
	h.attrStart(name)
	h.escapeJSON(bytes.TrimSuffix(h.jsonBuf.Bytes(), []byte{'\n'}))
	h.byte1('"')
}
