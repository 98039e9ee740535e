package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
	dec := json.NewDecoder(bytes.NewReader(data))
	lineAt := func() int { return bytes.Count(data[:dec.InputOffset()], []byte{'\n'}) + 1 }
	var walk func(path string) error
	walk = func(path string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if _, ok := places[path]; !ok {
			places[path] = lineAt() // a token holds no line break: its end's line is its line
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
				places[child] = lineAt()
				if err := walk(child); err != nil {
					return err
				}
			}
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(path + "[" + strconv.Itoa(i) + "]"); err != nil {
					return err
				}
			}
		default:
			return nil
		}
		_, err = dec.Token() // the closing delimiter
		return err
	}
	_ = walk("")
	return places
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
func reportProblems(data []byte) []problem {
	found, err := migrate.CheckReport(data)
	if err != nil {
		return []problem{{line: 1, msg: err.Error()}}
	}
	places := placesOf(data)
	out := make([]problem, len(found))
	for i, f := range found {
		out[i] = problem{line: places.line(f.Path), path: f.Path, msg: f.Message}
	}
	return out
}
