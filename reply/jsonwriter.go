package reply

import "strconv"

// indentText is a newline and the indentation of the levels it covers,
// two spaces a level; deeper levels are written a level at a time.
const indentText = "\n                                                                "

// jsonWriter writes JSON already indented as json.Indent(dst, src, "", "  ")
// indents compact JSON: each member and element on its own line, an empty
// object or array on the line of its key. Each method stores buf once:
// while the garbage collector runs, every store of it costs a write
// barrier.
type jsonWriter struct {
	buf   []byte
	depth int  // objects and arrays open
	empty bool // the innermost open object or array has no member yet
}

// appendNewline appends a newline and the indentation of the open levels.
func (w *jsonWriter) appendNewline(b []byte) []byte {
	if n := 1 + 2*w.depth; n <= len(indentText) {
		return append(b, indentText[:n]...)
	}
	b = append(b, '\n')
	for range w.depth {
		b = append(b, ' ', ' ')
	}
	return b
}

// appendKey appends the member name, which needs no escaping, its colon
// and a space.
func (w *jsonWriter) appendKey(b []byte, name string) []byte {
	b = append(b, '"')
	b = append(b, name...)
	return append(b, '"', ':', ' ')
}

// open starts an object ('{') or an array ('[').
func (w *jsonWriter) open(c byte) {
	w.buf = append(w.buf, c)
	w.depth++
	w.empty = true
}

// close ends the innermost object ('}') or array (']'), on a line of its
// own unless it is empty.
func (w *jsonWriter) close(c byte) {
	w.depth--
	b := w.buf
	if !w.empty {
		b = w.appendNewline(b)
	}
	w.buf = append(b, c)
	w.empty = false
}

// start returns buf with what comes before a member or element appended:
// a comma after the one before, then a new line. The caller stores it.
func (w *jsonWriter) start() []byte {
	b := w.buf
	if !w.empty {
		b = append(b, ',')
	}
	w.empty = false
	return w.appendNewline(b)
}

// next starts an element.
func (w *jsonWriter) next() { w.buf = w.start() }

// key starts the member name.
func (w *jsonWriter) key(name string) { w.buf = w.appendKey(w.start(), name) }

// stringMember writes the member name: s.
func (w *jsonWriter) stringMember(name, s string) {
	w.buf = appendJSONString(w.appendKey(w.start(), name), s)
}

// optString writes the member name: s unless s is empty (omitempty).
func (w *jsonWriter) optString(name, s string) {
	if s != "" {
		w.stringMember(name, s)
	}
}

// intMember writes the member name: n.
func (w *jsonWriter) intMember(name string, n int64) {
	w.buf = strconv.AppendInt(w.appendKey(w.start(), name), n, 10)
}

// optInt writes the member name: n unless n is zero (omitempty).
func (w *jsonWriter) optInt(name string, n int) {
	if n != 0 {
		w.intMember(name, int64(n))
	}
}

// optTrue writes the member name: true when b is (omitempty).
func (w *jsonWriter) optTrue(name string, b bool) {
	if b {
		w.buf = append(w.appendKey(w.start(), name), "true"...)
	}
}

// stringArray writes ss as an array of strings; nil is null.
func (w *jsonWriter) stringArray(ss []string) {
	if ss == nil {
		w.buf = append(w.buf, "null"...)
		return
	}
	w.open('[')
	for _, s := range ss {
		w.buf = appendJSONString(w.start(), s)
	}
	w.close(']')
}

// optStrings writes the member name: ss unless ss is empty (omitempty).
func (w *jsonWriter) optStrings(name string, ss []string) {
	if len(ss) > 0 {
		w.key(name)
		w.stringArray(ss)
	}
}
