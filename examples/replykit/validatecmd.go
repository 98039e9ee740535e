package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/replykit/replykit/reply"
)

// runValidate checks reference JSON files against the schema and the
// model's Validate, one line a problem.
func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "[flags] FILE.json…",
		"Checks each file (stdin for -) against the reference format's JSON Schema and the\n"+
			"model's own checks. Each problem is one line on stdout,\n"+
			"  FILE: path.in.model: what is wrong\n"+
			"or, for JSON that does not parse, FILE:LINE: what is wrong. The status is 1 when a\n"+
			"file has a problem.", stderr)
	quiet := fs.Bool("q", false, "print nothing for valid files (by default each gets an 'ok' line)")
	files, err := parseArgs(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "replykit validate: no FILE.json given")
		fs.Usage()
		return exitUsage
	}
	schema, err := compileSchema()
	if err != nil {
		fmt.Fprintf(stderr, "replykit validate: %v\n", err)
		return exitFailed
	}
	status := exitOK
	for _, name := range files {
		data, err := readInput(name, stdin)
		var problems []string
		if err != nil {
			problems = []string{fmt.Sprintf("%s: %v", displayName(name), err)}
		} else {
			problems = validateJSON(displayName(name), data, schema)
		}
		for _, p := range problems {
			fmt.Fprintln(stdout, p)
		}
		if len(problems) > 0 {
			status = exitFailed
		} else if !*quiet {
			fmt.Fprintf(stdout, "%s: ok\n", displayName(name))
		}
	}
	return status
}

// compileSchema compiles the reference format's embedded schema.
func compileSchema() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(reply.JSONSchema()))
	if err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	const url = "https://github.com/replykit/replykit/reply/schema.json" // the schema's $id
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("loading the schema: %w", err)
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("compiling the schema: %w", err)
	}
	return s, nil
}

// validateJSON returns the problems of one file, each a line: syntax
// errors with their line, then what the schema finds, then what the
// model's Validate finds; the same problem is listed once.
func validateJSON(file string, data []byte, schema *jsonschema.Schema) []string {
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		return []string{fmt.Sprintf("%s:%d: %v", file, lineOf(data, err), err)}
	}
	var problems, schemaPaths []string
	add := func(path, msg string) {
		if path == "" {
			path = "(reply)"
		}
		p := fmt.Sprintf("%s: %s: %s", file, path, msg)
		if !slices.Contains(problems, p) {
			problems = append(problems, p)
		}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", file, err)}
	}
	if err := schema.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			return []string{fmt.Sprintf("%s: %v", file, err)}
		}
		for _, sp := range schemaProblems(ve, message.NewPrinter(language.English)) {
			add(modelPath(sp.path), sp.message)
			schemaPaths = append(schemaPaths, modelPath(sp.path))
		}
	}
	r, err := reply.Unmarshal(data)
	if err != nil {
		// The decoder may refuse, in its words, what the schema refused;
		// but some things, such as a date that does not exist, only the
		// decoder sees.
		if !within(decodePath(err), schemaPaths) {
			problems = append(problems, placeError(file, err))
		}
		return problems
	}
	var ve *reply.ValidationError
	if err := r.Validate(); errors.As(err, &ve) {
		for _, p := range ve.Problems {
			add(p.Path, p.Message)
		}
	} else if err != nil {
		add("", err.Error())
	}
	return problems
}

// schemaProblem is one thing the schema found wrong: where, and what.
type schemaProblem struct {
	path    []string // the instance location, token by token
	message string
}

// schemaProblems are the leaves of a schema validation error: the
// failures that say what is wrong, not only that something below failed.
func schemaProblems(ve *jsonschema.ValidationError, p *message.Printer) []schemaProblem {
	if len(ve.Causes) == 0 {
		return []schemaProblem{{path: ve.InstanceLocation, message: ve.ErrorKind.LocalizedString(p)}}
	}
	var out []schemaProblem
	for _, c := range ve.Causes {
		out = append(out, schemaProblems(c, p)...)
	}
	return out
}

// modelPath writes an instance location (["sections", "2", "heading"])
// the way the model's problems name places: "sections[2].heading".
func modelPath(tokens []string) string {
	var b strings.Builder
	for _, tok := range tokens {
		if _, err := strconv.Atoi(tok); err == nil && b.Len() > 0 {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

// decodePath is the model path that a decoding error names before its
// first colon ("signature.date: …"), or "" when it names none.
func decodePath(err error) string {
	var se *reply.SyntaxError
	if !errors.As(err, &se) || se.Err == nil {
		return "-"
	}
	path, _, ok := strings.Cut(se.Err.Error(), ": ")
	if !ok || strings.ContainsAny(path, " \"'") {
		return "-"
	}
	return path
}

// within reports whether a model path is one of paths or inside one.
func within(path string, paths []string) bool {
	for _, p := range paths {
		if path == p || p == "" || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") {
			return true
		}
	}
	return false
}

// lineOf is the 1-based line where a JSON syntax error stands.
func lineOf(data []byte, err error) int {
	off := int64(len(data))
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}
