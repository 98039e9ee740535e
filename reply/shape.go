package reply

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrUnknownKey is wrapped by the *SyntaxError that Unmarshal returns for a
// key the reference format does not define at that place.
var ErrUnknownKey = errors.New("unknown key")

// ErrDuplicateKey is wrapped by the *SyntaxError that Unmarshal returns for
// a key that an object holds twice, through a *DuplicateKeyError.
var ErrDuplicateKey = errors.New("duplicate key")

// DuplicateKeyError is a key that an object of the reference format holds
// more than once. The standard decoder keeps the last value; the format
// is strict and refuses the object. Unmarshal returns it inside a
// *SyntaxError that places the second occurrence by line and byte.
type DuplicateKeyError struct {
	// Path is the key's path, such as 「title」 or 「sections[2].heading」.
	Path string
	// Line and FirstLine are the 1-based lines of the key's second and
	// first occurrences.
	Line, FirstLine int
}

// Error says which key is repeated and where it stood first.
func (e *DuplicateKeyError) Error() string {
	return fmt.Sprintf("%s: duplicate key, first at line %d", e.Path, e.FirstLine)
}

// Unwrap returns ErrDuplicateKey, for errors.Is.
func (e *DuplicateKeyError) Unwrap() error { return ErrDuplicateKey }

// The Go types whose reference form is not their own fields.
var (
	typeReply     = reflect.TypeOf(Reply{})
	typeSignature = reflect.TypeOf(Signature{})
	typePage      = reflect.TypeOf(Page{})
	typeWireSig   = reflect.TypeOf(wireSignature{})
	typeWirePage  = reflect.TypeOf(wirePage{})
)

// checkShape walks well-formed JSON beside the Go type it decodes into and
// reports the first key the format does not define there, value of the
// wrong type or malformed date, as a *SyntaxError that places it by line,
// byte offset and path (「sections[0].blocks[1].points」). The standard
// decoder reports neither unknown keys nor errors inside nested decoders by
// position.
//
// The walk reads the bytes directly: data has passed json.Valid, so it
// only needs to tell values apart, and it builds a path only for the error.
// The reply's keys are those of the version format: in a FormatV1
// document "provenance" is an unknown key.
func checkShape(data []byte, format string) error {
	w := shapeWalker{data: data, v1: format == FormatV1}
	return w.value(typeReply, false)
}

// shapeWalker reads JSON values in data from pos, keeping the path of the
// value being read as a list of keys and indices.
type shapeWalker struct {
	data []byte
	pos  int
	path []pathStep
	v1   bool // the document is replykit/v1, which has no "provenance"
}

// pathStep is one step of a path: a key, or an index.
type pathStep struct {
	key     string
	index   int
	isIndex bool
}

// pathString is the path of the current value, 「a.b[2].c」.
func (w *shapeWalker) pathString() string {
	var b strings.Builder
	for _, s := range w.path {
		if s.isIndex {
			b.WriteString(index("", s.index))
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// fail places err at the end of the token just read, as a decoder's
// InputOffset does, under the current path.
func (w *shapeWalker) fail(err error) error {
	off := int64(w.pos)
	if path := w.pathString(); path != "" {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return &SyntaxError{Offset: off, Line: lineAt(w.data, off), Err: err}
}

// skipSpace moves past JSON white space.
func (w *shapeWalker) skipSpace() {
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case ' ', '\t', '\r', '\n':
			w.pos++
		default:
			return
		}
	}
}

// str reads the string at pos and returns its value.
func (w *shapeWalker) str() (string, error) {
	start := w.pos
	end := stringEnd(w.data, start)
	w.pos = end
	raw := w.data[start:end]
	if bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		// No escape and no invalid byte that decoding would replace.
		return string(raw[1 : len(raw)-1]), nil
	}
	var v string
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", w.fail(err)
	}
	return v, nil
}

// value reads one JSON value that decodes into t. date says the value is a
// normalised date string.
func (w *shapeWalker) value(t reflect.Type, date bool) error {
	w.skipSpace()
	if w.pos >= len(w.data) {
		return w.fail(io.ErrUnexpectedEOF)
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case typeSignature:
		t = typeWireSig
	case typePage:
		t = typeWirePage
	}
	switch c := w.data[w.pos]; {
	case c == 'n':
		w.pos += len("null")
		return nil
	case c == '{' || c == '[':
		w.pos++
		switch {
		case c == '{' && t.Kind() == reflect.Struct:
			return w.object(t)
		case c == '[' && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
			return w.array(t.Elem())
		}
		return w.fail(fmt.Errorf("%s where %s belongs", jsonKind(json.Delim(c)), goKind(t)))
	case c == '"':
		v, err := w.str()
		if err != nil {
			return err
		}
		if t.Kind() != reflect.String {
			return w.fail(fmt.Errorf("a string where %s belongs", goKind(t)))
		}
		if date && v != "" {
			if _, err := dateFromWire(v, ""); err != nil {
				return w.fail(&dateValueError{value: v})
			}
		}
	case c == 't' || c == 'f':
		if c == 't' {
			w.pos += len("true")
		} else {
			w.pos += len("false")
		}
		if t.Kind() != reflect.Bool {
			return w.fail(fmt.Errorf("a boolean where %s belongs", goKind(t)))
		}
	default:
		start := w.pos
		for w.pos < len(w.data) && strings.IndexByte("+-.0123456789eE", w.data[w.pos]) >= 0 {
			w.pos++
		}
		v := string(w.data[start:w.pos])
		if t.Kind() != reflect.Int && t.Kind() != reflect.Int64 {
			return w.fail(fmt.Errorf("a number where %s belongs", goKind(t)))
		}
		if _, err := strconv.ParseInt(v, 10, 64); err != nil {
			return w.fail(fmt.Errorf("%s is not a whole number", v))
		}
	}
	return nil
}

// next moves past the white space and comma before a member or element,
// and reports false at the closing delimiter, which it reads.
func (w *shapeWalker) next(first bool) bool {
	w.skipSpace()
	if w.pos < len(w.data) && (w.data[w.pos] == '}' || w.data[w.pos] == ']') {
		w.pos++
		return false
	}
	if !first && w.pos < len(w.data) && w.data[w.pos] == ',' {
		w.pos++
		w.skipSpace()
	}
	return w.pos < len(w.data)
}

// array reads the elements of a JSON array that decodes into a slice of
// elem.
func (w *shapeWalker) array(elem reflect.Type) error {
	w.path = append(w.path, pathStep{isIndex: true})
	for i := 0; w.next(i == 0); i++ {
		w.path[len(w.path)-1].index = i
		if err := w.value(elem, false); err != nil {
			return err
		}
	}
	w.path = w.path[:len(w.path)-1]
	return nil
}

// keyAt is a key of an object and the offset just past it.
type keyAt struct {
	key string
	end int
}

// object reads the members of a JSON object that decodes into struct t.
// A key met twice is an error: the objects of the format have a few dozen
// keys at most, so the keys seen are kept in a list.
func (w *shapeWalker) object(t reflect.Type) error {
	var room [24]keyAt
	seen := room[:0]
	for first := true; w.next(first); first = false {
		key, err := w.str()
		if err != nil {
			return err
		}
		w.path = append(w.path, pathStep{key: key})
		ft, ok := fieldType(t, key)
		if !ok || w.v1 && t == typeReply && key == "provenance" {
			return w.fail(ErrUnknownKey)
		}
		for _, k := range seen {
			if k.key == key {
				return w.duplicate(k.end)
			}
		}
		seen = append(seen, keyAt{key, w.pos})
		w.skipSpace()
		w.pos++ // the colon
		date := t == typeWireSig && key == "date" || t == typeWirePage && key == "published"
		if err := w.value(ft, date); err != nil {
			return err
		}
		w.path = w.path[:len(w.path)-1]
	}
	return nil
}

// duplicate returns the error of the key just read, met before at the
// key that ended at byte firstEnd.
func (w *shapeWalker) duplicate(firstEnd int) error {
	off := int64(w.pos)
	line := lineAt(w.data, off)
	return &SyntaxError{Offset: off, Line: line, Err: &DuplicateKeyError{
		Path: w.pathString(), Line: line, FirstLine: lineAt(w.data, int64(firstEnd)),
	}}
}

// fieldType returns the type of the field of struct t (or of the reply's
// wire form, with its "format" key) that the JSON key names. Keys match
// exactly: the format is case-sensitive even where encoding/json is not.
func fieldType(t reflect.Type, key string) (reflect.Type, bool) {
	if t == typeReply && key == "format" {
		return reflect.TypeOf(""), true
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == key && name != "" && name != "-" {
			return f.Type, true
		}
	}
	return nil, false
}

// dateValueError is a normalised date in the reference format that is not
// a real date or not in the form YYYY-MM-DD[Thh:mm:ss].
type dateValueError struct{ value string }

func (e *dateValueError) Error() string {
	return fmt.Sprintf("%q is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ss", e.value)
}

// Unwrap returns ErrImpossibleDate, for errors.Is.
func (e *dateValueError) Unwrap() error { return ErrImpossibleDate }

// jsonKind names the JSON value that delimiter d opens.
func jsonKind(d json.Delim) string {
	if d == '[' {
		return "an array"
	}
	return "an object"
}

// goKind names the JSON value that Go type t is written as.
func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64:
		return "a number"
	case reflect.Bool:
		return "a boolean"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}

// decodeError places a decoding error in the input.
func decodeError(data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data))
	}
	if off < 0 {
		return fmt.Errorf("reply: decode JSON: %w", err)
	}
	return &SyntaxError{Offset: off, Line: lineAt(data, off), Err: err}
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}
