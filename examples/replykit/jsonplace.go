package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// problem is one thing wrong in a JSON file, written as every subcommand
// writes problems: "FILE:LINE: path: what".
type problem struct {
	line int    // 1-based; 0 when unknown
	path string // the place in the model ("signature.date"), or ""
	msg  string
}

// format writes the problem for file.
func (p problem) format(file string) string {
	var b strings.Builder
	b.WriteString(file)
	if p.line > 0 {
		b.WriteString(":" + strconv.Itoa(p.line))
	}
	b.WriteString(": ")
	if p.path != "" {
		b.WriteString(p.path + ": ")
	}
	b.WriteString(p.msg)
	return b.String()
}

// jsonPlaces are the lines of the places in a JSON document, by model path.
type jsonPlaces map[string]int

// placesOf maps each place in a JSON document, named as the model's
// problems name places ("sections[2].heading"; the root is ""), to the
// 1-based line where it stands: a member at its key, an element where it
// starts. Of JSON that does not parse, the places before the error.
func placesOf(data []byte) jsonPlaces {
	places := jsonPlaces{}
	_ = walkPlaces(bytes.NewReader(data), nil, places.note)
	return places
}

// placesFor is placesOf for only the places paths name and those that
// hold them, of a document read from r, which is never held whole: what
// line places the problems of a report of millions of pages.
func placesFor(r io.Reader, paths []string) (jsonPlaces, error) {
	want := map[string]bool{"": true}
	for _, p := range paths {
		for p != "" && !want[p] {
			want[p] = true
			p = p[:max(strings.LastIndexAny(p, ".["), 0)]
		}
	}
	places := jsonPlaces{}
	err := walkPlaces(r, func(p string) bool { return want[p] }, places.note)
	return places, err
}

// note records the line of a place: a member's key sets it, the start of
// a value only when no key did.
func (p jsonPlaces) note(path string, line int, key bool) {
	if _, ok := p[path]; key || !ok {
		p[path] = line
	}
}

// walkPlaces reads the JSON document r reads, token by token, and gives
// note each place it holds that want wants (every place for a nil want),
// with its line: each member at its key (key true), then each value where
// it starts. What want does not want is passed over, an element of a list
// read whole but an object key by key, so that only one element of a list
// is held at a time.
func walkPlaces(r io.Reader, want func(string) bool, note func(path string, line int, key bool)) error {
	lr := &lineReader{r: r, line: 1}
	dec := json.NewDecoder(lr)
	wanted := func(p string) bool { return want == nil || want(p) }
	lineAt := func() int { return lr.lineAt(dec.InputOffset()) } // a token holds no line break: its end's line is its line
	var walk func(path string, keep bool) error
	walk = func(path string, keep bool) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if keep {
			note(path, lineAt(), false)
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				child := fmt.Sprint(key)
				if path != "" {
					child = path + "." + child
				}
				w := keep && wanted(child)
				if w {
					note(child, lineAt(), true)
				}
				if err := walk(child, w); err != nil {
					return err
				}
				lineAt() // counts the lines passed, so that lr holds only those not yet counted
			}
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				child := path + "[" + strconv.Itoa(i) + "]"
				if keep && wanted(child) {
					err = walk(child, true)
				} else {
					var skip json.RawMessage
					err = dec.Decode(&skip)
				}
				if err != nil {
					return err
				}
				lineAt()
			}
		default:
			return nil
		}
		_, err = dec.Token() // the closing delimiter
		return err
	}
	return walk("", true)
}

// lineReader reads from r, keeping the bytes read until lineAt has
// counted the line breaks in them: the lines of a stream read by a
// json.Decoder, which reads ahead of the offsets it gives.
type lineReader struct {
	r    io.Reader
	buf  []byte // the bytes read past base
	base int64  // the offset of buf[0]
	line int    // the line of base, from 1
}

func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.buf = append(l.buf, p[:n]...)
	return n, err
}

// lineAt is the line of byte offset off, which is no less than that of
// the call before and no more than the bytes read.
func (l *lineReader) lineAt(off int64) int {
	k := int(off - l.base)
	l.line += bytes.Count(l.buf[:k], []byte{'\n'})
	l.base, l.buf = off, l.buf[k:] // append moves what is left to a new array when it needs room
	return l.line
}

// line is where a place stands, or, when it is not in the document (a
// missing key), where its nearest enclosing place stands.
func (p jsonPlaces) line(path string) int {
	for {
		if n, ok := p[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return p[""]
		}
		path = path[:i]
	}
}

// formatOf is the top-level "format" value of a JSON object, and whether
// there is one that is a string.
func formatOf(data []byte) (string, bool) {
	var head struct {
		Format *string `json:"format"`
	}
	if json.Unmarshal(data, &head) != nil || head.Format == nil {
		return "", false
	}
	return *head.Format, true
}

// isBlank reports whether data holds nothing but white space.
func isBlank(data []byte) bool { return len(bytes.TrimSpace(data)) == 0 }

// emptyProblem is the problem of a file with nothing in it.
var emptyProblem = problem{line: 1, msg: "empty file: no JSON in it"}

// formatProblem says why a JSON document is not a reply in the reference
// format this replykit reads, by its "format" key.
func formatProblem(data []byte) problem {
	p := problem{line: placesOf(data).line("format"), path: "format"}
	switch f, ok := formatOf(data); {
	case !ok:
		p.line, p.path = 1, ""
		p.msg = fmt.Sprintf(`no "format" key: not a replykit file (a reply starts {"format": %q})`, reply.FormatV1)
	case strings.HasPrefix(f, "replykit-migrate/"):
		p.msg = fmt.Sprintf("%q is a migrate report, not a reply", f)
	default:
		p.msg = fmt.Sprintf("%q is not a version this replykit reads (it reads %q and %q)", f, reply.FormatV1, reply.FormatV2)
	}
	return p
}

// decodeProblem is a reply.Unmarshal error as a problem: placed by its
// line, the format named once and plainly, an empty file called so.
func decodeProblem(data []byte, err error) problem {
	if isBlank(data) {
		return emptyProblem
	}
	if errors.Is(err, reply.ErrFormat) {
		return formatProblem(data)
	}
	var se *reply.SyntaxError
	if errors.As(err, &se) {
		p := problem{line: se.Line, msg: se.Err.Error()}
		if path, msg, ok := strings.Cut(p.msg, ": "); ok && isModelPath(path) {
			p.path, p.msg = path, msg
		}
		return p
	}
	return problem{msg: err.Error()}
}

// isModelPath reports whether s names a place in the model
// ("sections[1].number"), not a phrase.
func isModelPath(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \"'")
}

// within reports whether a model path is path or inside it.
func within(p, path string) bool {
	return p == path || path == "" || strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[")
}

// reportProblems checks a migrate report, each problem placed by its line.
// open opens the report: once to check it, and once more, when there are
// problems, to place them, so that it is never held whole. more is how
// many problems of pages and ignored files were found past those listed
// (migrate.DefaultMaxProblems). The error is a *migrate.MalformedError for
// a report that is not well-formed JSON, or one of open's.
func reportProblems(open func() (io.ReadCloser, error)) (problems []problem, more int, err error) {
	r, err := open()
	if err != nil {
		return nil, 0, err
	}
	found, err := migrate.CheckReportFrom(r, migrate.CheckOptions{})
	r.Close()
	if _, malformed := errors.AsType[*migrate.MalformedError](err); malformed {
		return nil, 0, err
	}
	if err != nil {
		return []problem{{line: 1, msg: err.Error()}}, 0, nil
	}
	if len(found.Problems) == 0 {
		return nil, 0, nil
	}
	paths := make([]string, len(found.Problems))
	for i, f := range found.Problems {
		paths[i] = f.Path
	}
	if r, err = open(); err != nil {
		return nil, 0, err
	}
	defer r.Close()
	places, err := placesFor(r, paths)
	if err != nil {
		return nil, 0, err
	}
	problems = make([]problem, len(found.Problems))
	for i, f := range found.Problems {
		problems[i] = problem{line: places.line(f.Path), path: f.Path, msg: f.Message}
	}
	return problems, found.More, nil
}
