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
)

// ErrUnknownKey is wrapped by the *SyntaxError that Unmarshal returns for a
// key the reference format does not define at that place.
var ErrUnknownKey = errors.New("unknown key")

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
func checkShape(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	w := shapeWalker{dec: dec, data: data}
	return w.value(typeReply, "", false)
}

type shapeWalker struct {
	dec  *json.Decoder
	data []byte
}

func (w *shapeWalker) fail(path string, err error) error {
	off := w.dec.InputOffset()
	if path != "" {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return &SyntaxError{Offset: off, Line: lineAt(w.data, off), Err: err}
}

// value reads one JSON value that decodes into t. date says the value is a
// normalised date string.
func (w *shapeWalker) value(t reflect.Type, path string, date bool) error {
	tok, err := w.dec.Token()
	if err != nil {
		return w.fail(path, err)
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
	switch v := tok.(type) {
	case nil:
		return nil
	case json.Delim:
		switch {
		case v == '{' && t.Kind() == reflect.Struct:
			return w.object(t, path)
		case v == '[' && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
			for i := 0; w.dec.More(); i++ {
				if err := w.value(t.Elem(), index(path, i), false); err != nil {
					return err
				}
			}
			_, err := w.dec.Token()
			return err
		}
		return w.fail(path, fmt.Errorf("%s where %s belongs", jsonKind(v), goKind(t)))
	case string:
		if t.Kind() != reflect.String {
			return w.fail(path, fmt.Errorf("a string where %s belongs", goKind(t)))
		}
		if date && v != "" {
			if _, err := dateFromWire(v, ""); err != nil {
				return w.fail(path, &dateValueError{value: v})
			}
		}
	case json.Number:
		if t.Kind() != reflect.Int {
			return w.fail(path, fmt.Errorf("a number where %s belongs", goKind(t)))
		}
		if _, err := strconv.ParseInt(v.String(), 10, 64); err != nil {
			return w.fail(path, fmt.Errorf("%s is not a whole number", v))
		}
	case bool:
		if t.Kind() != reflect.Bool {
			return w.fail(path, fmt.Errorf("a boolean where %s belongs", goKind(t)))
		}
	}
	return nil
}

// object reads the members of a JSON object that decodes into struct t.
func (w *shapeWalker) object(t reflect.Type, path string) error {
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return w.fail(path, err)
		}
		key, _ := tok.(string)
		ft, ok := fieldType(t, key)
		p := key
		if path != "" {
			p = path + "." + key
		}
		if !ok {
			return w.fail(p, ErrUnknownKey)
		}
		date := t == typeWireSig && key == "date" || t == typeWirePage && key == "published"
		if err := w.value(ft, p, date); err != nil {
			return err
		}
	}
	_, err := w.dec.Token()
	return err
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

func jsonKind(d json.Delim) string {
	if d == '[' {
		return "an array"
	}
	return "an object"
}

func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int:
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
