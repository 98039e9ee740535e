package reply

import (
	"fmt"
	"reflect"
)

// fillMaxDepth is the struct nesting below which a filler leaves lists
// and pointers nil, so that sections in sections end. Every struct type
// reachable from Reply lies above it.
const fillMaxDepth = 6

// fillPieces are what a byte of 0x80 or more stands for in a filled
// string: text as notices write it, the characters JSON escapes
// specially, and UTF-8 that is invalid in each way the decoder knows.
var fillPieces = []string{
	"中", "〔2017〕", "“一核多元”", "\u00e9", "𝄞", "\u2028", "\u2029", "\ufffd", "\u3000", "\u00a0",
	"<", ">", "&", "\"", "\\", "/", "\x00", "\x1f", "\x7f", "\b\f\n\r\t",
	"\xff", "\xc3", "\xe2\x80", "\u2028\xe2", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\x80",
}

// filler fills any value reachable from Reply through reflection, each
// choice taken from the next byte of data (zero once it runs out), so that
// the same bytes give the same reply. A field of a kind it does not know
// is an error, so that such a field added later is not silently skipped.
type filler struct {
	data  []byte
	full  bool // nothing is left zero, nil or empty above fillMaxDepth
	depth int  // structs being filled
}

// next returns the next byte of data, or zero.
func (f *filler) next() byte {
	if len(f.data) == 0 {
		return 0
	}
	b := f.data[0]
	f.data = f.data[1:]
	return b
}

// fill sets v, which is settable, from the data.
func (f *filler) fill(v reflect.Value) error {
	if v.Type() == reflect.TypeFor[Date]() {
		v.Set(reflect.ValueOf(f.date()))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(f.string())
	case reflect.Int:
		v.SetInt(int64(f.int()))
	case reflect.Bool:
		v.SetBool(f.full || f.next()&1 == 1)
	case reflect.Pointer:
		if f.depth >= fillMaxDepth || !f.full && f.next()%4 == 0 {
			return nil
		}
		v.Set(reflect.New(v.Type().Elem()))
		return f.fill(v.Elem())
	case reflect.Slice:
		return f.slice(v)
	case reflect.Struct:
		f.depth++
		defer func() { f.depth-- }()
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			if err := f.fill(v.Field(i)); err != nil {
				return fmt.Errorf("%s.%s: %w", v.Type().Name(), v.Type().Field(i).Name, err)
			}
		}
	default:
		return fmt.Errorf("filler: no values for kind %s (%s)", v.Kind(), v.Type())
	}
	return nil
}

// slice sets v to nil, to an empty list or to a few filled elements.
func (f *filler) slice(v reflect.Value) error {
	if f.depth >= fillMaxDepth {
		return nil
	}
	n := 1 + int(f.next()%3)
	if !f.full {
		switch b := f.next() % 6; b {
		case 0:
			return nil
		case 1:
			n = 0 // empty, not nil
		}
	}
	s := reflect.MakeSlice(v.Type(), n, n)
	for i := range n {
		if err := f.fill(s.Index(i)); err != nil {
			return err
		}
	}
	v.Set(s)
	return nil
}

// string returns a short string: a byte below 0x80 is itself, one below
// 0xC0 one of fillPieces, and a greater one, the lead byte of a multi-byte
// character, is itself and the next byte, valid UTF-8 or not.
func (f *filler) string() string {
	n := int(f.next() % 12)
	if f.full {
		n++
	}
	var s []byte
	for range n {
		switch b := f.next(); {
		case b < 0x80:
			s = append(s, b)
		case b < 0xC0:
			s = append(s, fillPieces[int(b)%len(fillPieces)]...)
		default:
			s = append(s, b, f.next())
		}
	}
	if f.full && len(s) == 0 {
		return "x"
	}
	return string(s)
}

// int returns zero, a small number of either sign or a large one.
func (f *filler) int() int {
	var n int
	switch f.next() % 4 {
	case 0:
		n = int(int8(f.next()))
	case 1:
		n = int(f.next())
	case 2:
		for range 8 {
			n = n<<8 | int(f.next())
		}
	}
	if f.full && n == 0 {
		return 1
	}
	return n
}

// date returns a valid date, with or without a time, or when not full, a
// date of arbitrary fields, most often invalid.
func (f *filler) date() Date {
	if !f.full && f.next()%3 == 0 {
		return Date{Text: f.string(), Year: f.int(), Month: f.int(), Day: f.int(),
			Hour: f.int(), Minute: f.int(), Second: f.int(), HasTime: f.next()&1 == 1}
	}
	d := Date{Text: f.string(), Year: 1 + (int(f.next())<<8|int(f.next()))%9999, Month: 1 + int(f.next()%12)}
	d.Day = 1 + int(f.next())%daysIn(d.Year, d.Month)
	if f.full || f.next()&1 == 1 {
		d.HasTime = true
		d.Hour, d.Minute, d.Second = int(f.next()%24), int(f.next()%60), int(f.next()%60)
	}
	return d
}

// fillReply returns a reply filled from data.
func fillReply(data []byte, full bool) (*Reply, error) {
	f := filler{data: data, full: full}
	r := new(Reply)
	if err := f.fill(reflect.ValueOf(r).Elem()); err != nil {
		return nil, err
	}
	return r, nil
}
