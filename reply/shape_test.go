package reply

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// referenceCheckShape is checkShape by the standard decoder's tokens.
func referenceCheckShape(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	w := referenceShapeWalker{dec: dec, data: data}
	return w.value(typeReply, "", false)
}

type referenceShapeWalker struct {
	dec  *json.Decoder
	data []byte
}

func (w *referenceShapeWalker) fail(path string, err error) error {
	off := w.dec.InputOffset()
	if path != "" {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return &SyntaxError{Offset: off, Line: lineAt(w.data, off), Err: err}
}

// value reads one JSON value that decodes into t. date says the value is a
// normalised date string.
func (w *referenceShapeWalker) value(t reflect.Type, path string, date bool) error {
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
func (w *referenceShapeWalker) object(t reflect.Type, path string) error {
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

// shapeSamples are well-formed JSON values, replies and not, right and
// wrong.
var shapeSamples = []string{
	`{"format":"replykit/v1","title":"t"}`, `{"format":"replykit/v1","Title":"t"}`, `{"title":1}`, `[]`, `"x"`, `null`,
	`{"sections":[{"number":1,"blocks":[{"text":"x","points":[{"marker":"一是","bogus":1}]}]}]}`,
	`{"sections":[{"number":1.5}]}`, `{"sections":[{"number":"1"}]}`, `{"signature":{"date":"2020-02-30"}}`,
	`{"page":{"published":"2020-01-01T10:00:00","breadcrumb":["a",2]}}`, `{"":1}`, `{"title":"a\"b","kind":true}`,
	` { "title" : "x" , "addressees" : [ "a" , { } ] } `, `{"warnings":[{"code":"x","where":[]}]}`, `{"titleInferred":"yes"}`,
	`{"signature":{"office":"\u4e2d","date":""}}`, `{"sections":[[]]}`, `{"header":[{"text":"a","field":"title"}],"trailer":null}`,
}

func TestCheckShape(t *testing.T) {
	for _, s := range shapeSamples {
		want, got := referenceCheckShape([]byte(s)), checkShape([]byte(s))
		if want == nil {
			assert.NoError(t, got, s)
			continue
		}
		if assert.Error(t, got, s) {
			assert.Equal(t, want.Error(), got.Error(), s)
		}
	}
	seed, err := Marshal(seedReply())
	assert.NoError(t, err)
	assert.NoError(t, checkShape(seed))
}

// FuzzCheckShape checks the byte walk of checkShape against the standard
// decoder's tokens on any well-formed JSON: the same error, or none.
func FuzzCheckShape(f *testing.F) {
	for _, s := range shapeSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		want, got := referenceCheckShape(data), checkShape(data)
		if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
			t.Fatalf("checkShape(%s) = %v, want %v", data, got, want)
		}
	})
}
