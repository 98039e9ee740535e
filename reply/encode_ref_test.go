package reply

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// marshalReflect is Marshal as encoding/json writes it, through reflection,
// the wire structs and the MarshalJSON methods, then indented: the
// reference the encoder is held to byte for byte.
func marshalReflect(r *Reply) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// The wire form directly rather than r: a Marshaler's output would be
	// compacted again.
	if err := enc.Encode(wireReply{Format: FormatV1, replyFields: (*replyFields)(r)}); err != nil {
		return nil, fmt.Errorf("reply: marshal: %w", err)
	}
	compact := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	out := indentJSON(make([]byte, 0, len(compact)+len(compact)/2), compact)
	return append(out, '\n'), nil
}

// indentJSON appends to dst the compact JSON src (as encoding/json writes
// it: no white space outside strings) indented by two spaces a level,
// byte for byte as json.Indent(dst, src, "", "  ") would, copying each
// string whole once its closing quote is found.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				// An empty object or array stays on its line.
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
