package fill

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// maxDepth is the struct nesting below which lists and pointers are left
// nil, so that recursive types (sections in sections) end.
const maxDepth = 6

// pieces are what a string is made of beside the input's own bytes: text
// as notices write it, what JSON, HTML and Markdown escape, bidi and
// zero-width controls, UTF-8 that is invalid in each way a decoder knows,
// markers, dates, addresses safe and not, and one run longer than a
// writer's buffer.
var pieces = [...]string{
	"中", "〔2017〕", "“一核多元”", "涂轶", "关于加强新型农村社区建设工作的建议", "，", "　", "\u00a0",
	"一、", "（一）", "1.", "①", "一是", "首先", "二〇一七年三月十六日", "2017-03-16",
	"<", ">", "&", "\"", "'", "\\", "/", "&amp;", "&#60;", "]]>", "</p>", "`", "*", "_", "[", "|", "#",
	"\x00", "\x01", "\x1f", "\x7f", "\b\f\n\r\t", "\r", "\u2028", "\u2029", "\u2027", "\ufffd",
	"\u202a", "\u202e", "\u2066", "\u2069", "\u200b", "\u200d", "\u200f", "\ufeff", "\u061c",
	"\xff", "\xc3", "\x80", "\xe2\x80", "\u2028\xe2", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf",
	"\xe0\x80\x80", "\xe0\xa4\x85", "\xed\x9f\xbf", "\u00e9", "𝄞", "😀",
	"http://example.gov.cn/a?b=1&c=<2>", "javascript:alert(1)", "//cdn.example.cn/x.gif", "a.png",
	strings.Repeat("很长的一行文字，", 800),
}

// Filler hands out the bytes of a fuzz input as the choices of a value;
// past the end of the input every choice is zero.
type Filler struct {
	data []byte
	// full leaves nothing zero, nil or empty above maxDepth.
	full  bool
	depth int
	hooks map[reflect.Type]func(*Filler, reflect.Value)
}

// New returns a Filler of data. A full Filler sets every field, list and
// pointer to something not zero; otherwise the bytes choose.
func New(data []byte, full bool) *Filler {
	return &Filler{data: data, full: full}
}

// Use makes f fill values of type t with fn instead of field by field.
func (f *Filler) Use(t reflect.Type, fn func(*Filler, reflect.Value)) {
	if f.hooks == nil {
		f.hooks = map[reflect.Type]func(*Filler, reflect.Value){}
	}
	f.hooks[t] = fn
}

// Fill sets the value ptr points to.
func (f *Filler) Fill(ptr any) error {
	v := reflect.ValueOf(ptr)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return fmt.Errorf("fill: %T is not a non-nil pointer", ptr)
	}
	return f.fill(v.Elem())
}

// Byte returns the next byte of the input, or zero past its end.
func (f *Filler) Byte() byte {
	if len(f.data) == 0 {
		return 0
	}
	b := f.data[0]
	f.data = f.data[1:]
	return b
}

// fill sets v, which is settable.
func (f *Filler) fill(v reflect.Value) error {
	if hook := f.hooks[v.Type()]; hook != nil {
		hook(f, v)
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(f.String())
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(f.Int()))
	case reflect.Bool:
		v.SetBool(f.full || f.Byte()&1 == 1)
	case reflect.Pointer:
		if f.depth >= maxDepth || !f.full && f.Byte()%4 == 0 {
			return nil
		}
		v.Set(reflect.New(v.Type().Elem()))
		return f.fill(v.Elem())
	case reflect.Slice:
		return f.slice(v)
	case reflect.Struct:
		if f.depth > 0 && !f.full && f.Byte()%5 == 0 {
			return nil // a part left zero: absent
		}
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
		return fmt.Errorf("fill: no values for kind %s (%s)", v.Kind(), v.Type())
	}
	return nil
}

// slice sets v to nil, to an empty list or to a few filled elements.
func (f *Filler) slice(v reflect.Value) error {
	if f.depth >= maxDepth {
		return nil
	}
	n := 1 + int(f.Byte()%3)
	if !f.full {
		switch f.Byte() % 6 {
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

// Pieces returns the pieces that strings are made of, for seeding a fuzz
// target with them.
func Pieces() []string { return slices.Clone(pieces[:]) }

// String returns a short string: a byte below 0x80 is itself, one below
// 0xC0 one of the pieces, and a greater one, the lead byte of a multi-byte
// character, is itself and the next byte, valid UTF-8 or not. A full
// Filler's strings are never empty.
func (f *Filler) String() string {
	n := int(f.Byte() % 12)
	if f.full {
		n++
	}
	var s []byte
	for range n {
		switch b := f.Byte(); {
		case b < 0x80:
			s = append(s, b)
		case b < 0xC0:
			s = append(s, pieces[int(b)%len(pieces)]...)
		default:
			s = append(s, b, f.Byte())
		}
	}
	if f.full && len(s) == 0 {
		return "x"
	}
	return string(s)
}

// Int returns zero, a small number of either sign or a large one; never
// zero when full.
func (f *Filler) Int() int {
	var n int
	switch f.Byte() % 4 {
	case 0:
		n = int(int8(f.Byte()))
	case 1:
		n = int(f.Byte())
	case 2:
		for range 8 {
			n = n<<8 | int(f.Byte())
		}
	}
	if f.full && n == 0 {
		return 1
	}
	return n
}

// CalendarDate fills v, a struct with the int fields Year, Month, Day,
// Hour, Minute and Second, the bool HasTime and the string Text, as a real
// calendar date with or without a time; or, unless full, with any numbers,
// most often no date at all.
func CalendarDate(f *Filler, v reflect.Value) {
	set := func(name string, n int) { v.FieldByName(name).SetInt(int64(n)) }
	v.FieldByName("Text").SetString(f.String())
	if !f.full && f.Byte()%3 == 0 {
		for _, name := range []string{"Year", "Month", "Day", "Hour", "Minute", "Second"} {
			set(name, f.Int())
		}
		v.FieldByName("HasTime").SetBool(f.Byte()&1 == 1)
		return
	}
	y, m := 1+(int(f.Byte())<<8|int(f.Byte()))%9999, 1+int(f.Byte()%12)
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	set("Year", y)
	set("Month", m)
	set("Day", 1+int(f.Byte())%days)
	if f.full || f.Byte()&1 == 1 {
		v.FieldByName("HasTime").SetBool(true)
		set("Hour", int(f.Byte()%24))
		set("Minute", int(f.Byte()%60))
		set("Second", int(f.Byte()%60))
	}
}
