package migrate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
)

// EachPage calls fn with each page's entry, in the report's order, and
// returns fn's first error. The report of Run or Merge holds no entries
// in memory, so that a run of millions of pages keeps a flat heap: they
// are read back one at a time from the report written (Written). A report
// decoded from JSON or built in memory gives those of Pages. The entry fn
// is given is valid only during the call.
func (r *Report) EachPage(fn func(*Entry) error) error {
	if !r.streamed {
		return eachHeld(r.Pages, fn)
	}
	return readList(r.Written, "pages", fn)
}

// EachIgnored calls fn with each ignored file or record, in the report's
// order, and returns fn's first error; as EachPage, it reads the report
// written by Run or Merge.
func (r *Report) EachIgnored(fn func(*Ignored) error) error {
	if !r.streamed {
		return eachHeld(r.Ignored, fn)
	}
	return readList(r.Written, "ignored", fn)
}

func eachHeld[T any](list []T, fn func(*T) error) error {
	for i := range list {
		if err := fn(&list[i]); err != nil {
			return err
		}
	}
	return nil
}

// rawPather is a report item whose Path may have been written with
// U+FFFD for bytes that are not UTF-8, and RawPath beside it.
type rawPather[T any] interface {
	*T
	restorePath()
}

func (e *Entry) restorePath()    { e.Path = pathOf(e.Path, e.RawPath) }
func (ig *Ignored) restorePath() { ig.Path = pathOf(ig.Path, ig.RawPath) }

// pathOf gives back the bytes of a path the report wrote with U+FFFD for
// those that are not UTF-8, from its raw form (see RawPath), so that the
// paths read back are those of the run and sort as they did.
func pathOf(path, raw string) string {
	if raw == "" {
		return path
	}
	if p, err := url.PathUnescape(raw); err == nil {
		return p
	}
	return path
}

// readList reads the list under key of the report in the file name, item
// by item, and gives each to fn.
func readList[T any, PT rawPather[T]](name, key string, fn func(*T) error) error {
	read, closeList, err := openList[T, PT](name, key, false)
	if err != nil {
		return err
	}
	defer closeList()
	for {
		var v T
		ok, err := read(&v)
		if err != nil || !ok {
			return err
		}
		if err := fn(&v); err != nil {
			return err
		}
	}
}

// openList opens the report in the file name at the list under key, and
// gives a function that reads its next item, or says there is none, and
// one that closes the file. strict refuses keys an item should not have.
func openList[T any, PT rawPather[T]](name, key string, strict bool) (read func(*T) (bool, error), closeList func(), err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("migrate: report: %w", err)
	}
	dec := json.NewDecoder(bufio.NewReaderSize(f, 64<<10))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := seekList(dec, key); err != nil {
		_ = f.Close()
		return nil, nil, fmt.Errorf("migrate: report %s: %w", name, err)
	}
	read = func(v *T) (bool, error) {
		if !dec.More() {
			return false, nil
		}
		if err := dec.Decode(v); err != nil {
			return false, fmt.Errorf("migrate: report %s: %q near byte %d: %w", name, key, dec.InputOffset(), err)
		}
		PT(v).restorePath()
		return true, nil
	}
	return read, func() { _ = f.Close() }, nil
}

// errNoList is seekList's error for a report without the list asked for.
var errNoList = errors.New("no such list in the report")

// seekList reads a report's JSON up to the first item of the list under
// key; the values of the keys before it are skipped an item at a time,
// so that no list is held whole.
func seekList(dec *json.Decoder, key string) error {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("not a JSON object: %v", err)
	}
	return seekKey(dec, key)
}

// seekKey is seekList inside the report's object.
func seekKey(dec *json.Decoder, key string) error {
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return err
		}
		if k != key {
			if err := skipValue(dec); err != nil {
				return err
			}
			continue
		}
		if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
			return fmt.Errorf("%q is not a list (near byte %d): %v", key, dec.InputOffset(), err)
		}
		return nil
	}
	return fmt.Errorf("%w: %q", errNoList, key)
}

// skipValue reads past the next value, a list an item at a time.
func skipValue(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil // a scalar, read whole by Token
	}
	for dec.More() {
		if d == '[' {
			var item json.RawMessage
			err = dec.Decode(&item)
		} else if _, err = dec.Token(); err == nil { // the key
			err = skipValue(dec)
		}
		if err != nil {
			return err
		}
	}
	_, err = dec.Token()
	return err
}

// streamReport reads a report's JSON object from dec in one pass, up to its
// closing brace: the items of its "pages" and "ignored" lists are decoded
// one at a time and given to page and ignored (a nil one skips its list
// an item at a time), and the other keys are returned as the JSON of an
// object whose lists are empty, so that no list is held whole.
func streamReport(dec *json.Decoder, page func(*Entry) error, ignored func(*Ignored) error) ([]byte, error) {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object: %v", err)
	}
	head := map[string]json.RawMessage{}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := k.(string)
		switch key {
		case "pages":
			err = eachItem(dec, key, page)
		case "ignored":
			err = eachItem(dec, key, ignored)
		default:
			var v json.RawMessage
			err = dec.Decode(&v)
			head[key] = v
		}
		if err != nil {
			return nil, err
		}
		if key == "pages" || key == "ignored" {
			head[key] = json.RawMessage("[]")
		}
	}
	return json.Marshal(head)
}

// eachItem reads the list that is the next value of dec, the value of
// key, an item at a time, and gives each to fn; a nil fn skips it, and
// null is taken for an empty list.
func eachItem[T any](dec *json.Decoder, key string, fn func(*T) error) error {
	if fn == nil {
		return skipValue(dec)
	}
	tok, err := dec.Token()
	if err != nil || tok == nil {
		return err
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("%q is not a list (near byte %d)", key, dec.InputOffset())
	}
	for i := 0; dec.More(); i++ {
		var v T
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("%s[%d]: %w", key, i, err)
		}
		if err := fn(&v); err != nil {
			return err
		}
	}
	_, err = dec.Token()
	return err
}

// writeReport writes rep to name, with the pages and ignored files that
// pages and ignored give in order, as Marshal would write the report
// holding them all, without holding them: to a temporary file, synced
// unless noSync, then renamed into place.
func writeReport(fsys FS, name string, rep *Report, pages func(func(*Entry) error) error, ignored func(func(*Ignored) error) error, noSync bool) error {
	head := *rep
	head.Pages, head.Ignored = []Entry{}, []Ignored{}
	data, err := head.Marshal()
	if err != nil {
		return err
	}
	const tail = "  \"pages\": [],\n  \"ignored\": []\n}\n"
	if !bytes.HasSuffix(data, []byte(tail)) {
		return fmt.Errorf("migrate: report: the pages are not the report's last keys")
	}
	f, err := fsys.CreateTemp(filepath.Dir(name), tempPattern)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 256<<10)
	_, err = w.Write(data[:len(data)-len(tail)])
	if err == nil {
		_, err = w.WriteString("  \"pages\": ")
	}
	if err == nil {
		err = writeList(w, pages)
	}
	if err == nil {
		_, err = w.WriteString(",\n  \"ignored\": ")
	}
	if err == nil {
		err = writeList(w, ignored)
	}
	if err == nil {
		_, err = w.WriteString("\n}\n")
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil && !noSync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = fsys.Rename(f.Name(), name)
	}
	if err != nil {
		_ = fsys.Remove(f.Name())
	}
	return err
}

// writeList writes the items each gives as a JSON list at the depth of a
// report's top-level key, as the report's encoder would indent it.
func writeList[T any](w *bufio.Writer, each func(func(*T) error) error) error {
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	n := 0
	err := each(func(v *T) error {
		item.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		sep := ",\n    "
		if n == 0 {
			sep = "[\n    "
		}
		n++
		if _, err := w.WriteString(sep); err != nil {
			return err
		}
		_, err := w.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = w.WriteString("[]")
	} else {
		_, err = w.WriteString("\n  ]")
	}
	return err
}

// Load reads the entries of the report of Run or Merge back into Pages
// and Ignored, for a caller that wants a small run's report whole in
// memory. A report that holds its entries already is left as it is.
func (r *Report) Load() error {
	if !r.streamed {
		return nil
	}
	pages, ignored := []Entry{}, []Ignored{}
	err := r.EachPage(func(e *Entry) error { pages = append(pages, *e); return nil })
	if err == nil {
		err = r.EachIgnored(func(ig *Ignored) error { ignored = append(ignored, *ig); return nil })
	}
	if err != nil {
		return err
	}
	r.Pages, r.Ignored, r.streamed = pages, ignored, false
	return nil
}
