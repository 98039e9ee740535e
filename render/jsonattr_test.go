package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

// nastyJSON holds every kind of character that JSON or HTML escapes, or
// that the writers treat apart: markup, quotes, control bytes, U+2028 and
// U+2029, invalid UTF-8 of each kind, and valid sequences of each length.
const nastyJSON = "<a href='x'>&amp;\"\\\r\n\t\b\f\x00\x1f\x7f\u2028\u2029\u2027\xff\xe4\xb8\xed\xa0\x80" +
	"\xe0\xa4\x85\xed\x9f\xbf涂轶，“😀”é"

// refAttr returns what the reference writer writes for the JSON
// attribute name with value v.
func refAttr(name attrName, v any) string {
	var b bytes.Buffer
	r := &refWriter{buf: bufio.NewWriter(&b)}
	r.attrJSON(name, v)
	if err := r.buf.Flush(); err != nil {
		return err.Error()
	}
	return b.String()
}

// refEscaped returns s as the reference writer escapes it.
func refEscaped(s string) string {
	var b bytes.Buffer
	r := &refWriter{buf: bufio.NewWriter(&b)}
	r.escape(s)
	if err := r.buf.Flush(); err != nil {
		return err.Error()
	}
	return b.String()
}

// written returns what write writes with an htmlWriter.
func written(write func(h *htmlWriter)) string {
	var b bytes.Buffer
	h := newHTMLWriter(&b)
	write(&h)
	h.flush()
	if h.err != nil {
		return h.err.Error()
	}
	return b.String()
}

// fillAll sets every field of v, down through pointers, slices and
// structs, to a value that is not zero: strings to s, integers to n,
// booleans to true, slices to two elements. A reply.Date is a valid date
// with a time. It reports the first kind it cannot fill.
func fillAll(v reflect.Value, s string, n int) string {
	if v.Type() == reflect.TypeFor[reply.Date]() {
		v.Set(reflect.ValueOf(reply.Date{Text: s, Year: 2020, Month: 10, Day: 21, Hour: 9, Minute: 30, Second: 5, HasTime: true}))
		return ""
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		return fillAll(v.Elem(), s, n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			if bad := fillAll(v.Index(i), s+string(rune('0'+i)), n+i); bad != "" {
				return bad
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if bad := fillAll(v.Field(i), s, n); bad != "" {
				return bad
			}
		}
	default:
		return v.Type().String()
	}
	return ""
}

// unset returns the path of the first field under v that is zero, or "".
func unset(v reflect.Value, path string) string {
	if v.IsZero() {
		return path
	}
	switch v.Kind() {
	case reflect.Pointer:
		return unset(v.Elem(), path)
	case reflect.Slice:
		for i := range v.Len() {
			if p := unset(v.Index(i), path+"[]"); p != "" {
				return p
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if p := unset(v.Field(i), path+"."+v.Type().Field(i).Name); p != "" {
				return p
			}
		}
	}
	return ""
}

// variants returns values of T to write: the zero value, every field
// filled, and each field filled alone, with strings s and integers n.
// With s not empty, every field of the filled value is required not zero.
func variants[T any](t *testing.T, s string, n int) []T {
	t.Helper()
	var all T
	require.Empty(t, fillAll(reflect.ValueOf(&all).Elem(), s, n), "fillAll cannot fill a field of %T", all)
	if s != "" {
		require.Empty(t, unset(reflect.ValueOf(all), reflect.TypeOf(all).String()), "a field is left zero")
	}
	out := []T{*new(T), all}
	if rt := reflect.TypeFor[T](); rt.Kind() == reflect.Struct {
		for i := range rt.NumField() {
			var one T
			fillAll(reflect.ValueOf(&one).Elem().Field(i), s, n)
			out = append(out, one)
		}
	}
	return out
}

// TestJSONAttrsComplete holds the JSON attributes to encoding/json, as the
// reference writer calls it: each encoded type with the zero value, every
// field filled (a field added to the model and not to the encoder fails
// here) and each field alone, with plain and hostile strings and
// integers of both signs; dates valid, invalid and text alone.
func TestJSONAttrsComplete(t *testing.T) {
	dates := []reply.Date{{}, {Text: nastyJSON}, {Year: 2017, Month: 2, Day: 30, Text: "x"},
		{Year: 7, Month: 3, Day: 16}, {Year: 2020, Month: 10, Day: 21, HasTime: true, Hour: 24},
		{Year: 2020, Month: 10, Day: 21, HasTime: true}}
	for _, s := range []string{"", "涂轶", nastyJSON, strings.Repeat("<很长&", 5000)} {
		for _, n := range []int{1, -7, 1 << 40} {
			for _, p := range variants[reply.Proposal](t, s, n) {
				require.Equal(t, refAttr(atProposal, &p), written(func(h *htmlWriter) { h.attrProposal(&p) }))
			}
			for _, as := range variants[[]reply.Addressee](t, s, n) {
				for _, a := range variants[reply.Addressee](t, s, n) {
					as := append(as, a)
					require.Equal(t, refAttr(atAddressees, as), written(func(h *htmlWriter) { h.attrAddressees(as) }))
				}
			}
			for _, c := range variants[reply.Contact](t, s, n) {
				require.Equal(t, refAttr(atContact, &c), written(func(h *htmlWriter) { h.attrContact(&c) }))
			}
			for _, ss := range variants[[]string](t, s, n) {
				ss := append(ss, s)
				require.Equal(t, refAttr(atCC, ss), written(func(h *htmlWriter) { h.attrStrings(atCC, ss) }))
			}
			sigs := variants[reply.Signature](t, s, n)
			pages := variants[reply.Page](t, s, n)
			for _, d := range dates {
				sigs = append(sigs, reply.Signature{Office: s, Date: d})
				pages = append(pages, reply.Page{URL: s, Published: d})
			}
			for _, sig := range sigs {
				require.Equal(t, refAttr(atSignature, &sig), written(func(h *htmlWriter) { h.attrSignature(&sig) }))
			}
			for _, p := range pages {
				require.Equal(t, refAttr(atPage, &p), written(func(h *htmlWriter) { h.attrPage(&p) }))
			}
		}
	}
}

// jsonText returns s as encoding/json writes it, with or without its HTML
// escaping.
func jsonText(t testing.TB, s string, htmlSafe bool) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(htmlSafe)
	require.NoError(t, enc.Encode(s))
	return strings.TrimSuffix(b.String(), "\n")
}

// requireSameStrings requires escape, and escapeJSON of s as reply writes
// it in JSON, to write s as the reference writer escapes s and
// encoding/json's JSON of s.
func requireSameStrings(t testing.TB, s string) {
	require.Equal(t, refEscaped(s), written(func(h *htmlWriter) { h.escape(s) }), "escape %q", s)
	js := reply.AppendJSONString(nil, s)
	require.Equal(t, refEscaped(jsonText(t, s, true)), written(func(h *htmlWriter) { h.escapeJSON(js, &jsonSafeEscapes) }),
		"escapeJSON %q, as json.Marshal writes it", s)
	require.Equal(t, refEscaped(jsonText(t, s, false)), written(func(h *htmlWriter) { h.escapeJSON(js, &escapes) }),
		"escapeJSON %q, without HTML escaping", s)
}

// TestStringsSame: escape and escapeJSON write every byte alone and
// around CJK text, every two-byte string that starts past ASCII, every
// three-byte lead with each second byte and the edges of the third, in
// every place of a run of CJK text, and every character below U+3000, as
// the reference does.
func TestStringsSame(t *testing.T) {
	const cjk = "涂轶李勇委员"
	for c := range 256 {
		b := string([]byte{byte(c)})
		for _, s := range []string{b, b + "a", cjk + b, b + cjk, cjk[:3] + b + cjk[3:], cjk[:6] + b + cjk[6:]} {
			requireSameStrings(t, s)
		}
		for d := 0x40; c >= 0x80 && d < 256; d++ {
			requireSameStrings(t, string([]byte{byte(c), byte(d)}))
		}
	}
	for _, lead := range []byte{0xE0, 0xE1, 0xE2, 0xEC, 0xED, 0xEE, 0xEF, 0xF0} {
		for c1 := range 256 {
			for _, c2 := range []byte{0x7F, 0x80, 0xA8, 0xA9, 0xBF, 0xC0} {
				seq := string([]byte{lead, byte(c1), c2})
				for i := 0; i <= len(cjk); i += 3 {
					requireSameStrings(t, cjk[:i]+seq+cjk[i:])
				}
			}
		}
	}
	for r := range rune(0x3000) {
		requireSameStrings(t, string(r)+cjk+string(r))
	}
	requireSameStrings(t, nastyJSON)
	require.True(t, utf8.ValidString(cjk))
}

// FuzzStringsSame requires escape and escapeJSON to write any string as
// the reference writer and encoding/json do.
func FuzzStringsSame(f *testing.F) {
	f.Add(nastyJSON)
	f.Add("涂轶，“\u2028”\xe2\x80")
	f.Fuzz(func(t *testing.T, s string) { requireSameStrings(t, s) })
}
