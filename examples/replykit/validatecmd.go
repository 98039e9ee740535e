package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/replykit/replykit/examples/replykit/internal/bag"
	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// runValidate checks reference JSON files, and migrate reports, against
// the schema and the model's Validate, one line a problem.
func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "[flags] FILE.json|DIR…",
		"Checks each file (stdin for -; every .json file under a DIR) against the reference\n"+
			"format's JSON Schema and the model's own checks. A migrate report (report.json) is\n"+
			"recognised by its format and checked as a report: its keys, statuses and totals.\n"+
			"A report is read as a stream, whatever its size; of the problems of its pages and\n"+
			"ignored files the first 1000 are listed, and a last line says how many more there are.\n"+
			"Each problem is one line on stdout,\n"+
			"  FILE:LINE: path.in.model: what is wrong\n"+
			"A DIR holding bagit.txt is checked as a BagIt bag (migrate --bag): every file its\n"+
			"manifests list present with that checksum, no payload file unlisted, Payload-Oxum\n"+
			"right; each problem is a line naming the file.\n\n"+
			"Exit status: 0 all valid, 1 some file has a problem, 2 bad usage.", stdout, stderr)
	quiet := fs.Bool("q", false, "print nothing for valid files (by default each gets an 'ok' line)")
	args, status, ok := fs.parse(args)
	if !ok {
		return status
	}
	if len(args) == 0 {
		fmt.Fprintln(stderr, "replykit validate: no FILE.json given")
		fs.usage(stderr)
		return exitUsage
	}
	schemas, err := compileSchemas()
	if err != nil {
		fmt.Fprintf(stderr, "replykit validate: %v\n", err)
		return exitFailed
	}
	for _, arg := range args {
		if isBag(arg) {
			if !validateBag(arg, *quiet, stdout) {
				status = exitFailed
			}
			continue
		}
		files, err := jsonFiles(arg)
		if err == nil && len(files) == 0 {
			err = errors.New("no .json files in the directory")
		}
		if err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", arg, plainError(err))
			status = exitFailed
			continue
		}
		for _, name := range files {
			problems, note := validateFile(name, stdin, schemas)
			for _, p := range problems {
				fmt.Fprintln(stdout, p)
			}
			if len(problems) > 0 {
				status = exitFailed
			} else if !*quiet {
				fmt.Fprintf(stdout, "%s: ok%s\n", displayName(name), note)
			}
		}
	}
	return status
}

// isBag reports whether dir is a directory holding a bag declaration.
func isBag(dir string) bool {
	info, err := os.Stat(filepath.Join(dir, bag.DeclarationName))
	return err == nil && info.Mode().IsRegular()
}

// validateBag checks a bag, one line on w a problem, and reports whether
// it is valid.
func validateBag(dir string, quiet bool, w io.Writer) bool {
	err := bag.Verify(dir)
	if err == nil {
		if !quiet {
			fmt.Fprintf(w, "%s: ok (BagIt bag)\n", dir)
		}
		return true
	}
	var problems []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		problems = j.Unwrap()
	} else {
		problems = []error{err}
	}
	for _, p := range problems {
		fmt.Fprintf(w, "%s: %v\n", filepath.Join(dir, ""), p)
	}
	return false
}

// jsonFiles are the files an argument names: itself, or, for a
// directory, every .json file under it in name order.
func jsonFiles(arg string) ([]string, error) {
	if arg == "-" {
		return []string{arg}, nil
	}
	info, err := os.Stat(arg)
	if err != nil || !info.IsDir() {
		return []string{arg}, nil // read, and its error said, as a file
	}
	var files []string
	err = filepath.WalkDir(arg, func(p string, d iofs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".json") {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// validateFile returns the problems of one file, as validateJSON does,
// and what its ok line says of it beside "ok". A migrate report on disk
// is read as a stream, however large, so that it is never held whole; a
// file of any other kind is read whole, up to maxInput.
func validateFile(name string, stdin io.Reader, schemas map[string]*jsonschema.Schema) ([]string, string) {
	file := displayName(name)
	if name != "-" && isReportFile(name) {
		problems, more, err := reportProblems(func() (io.ReadCloser, error) { return os.Open(name) })
		if err == nil {
			return problemLines(file, problems, more), reportNote
		}
		// Not well-formed JSON: read whole, a report small enough is told
		// where as a reply would be; a larger one, near which byte.
		if info, serr := os.Stat(name); serr == nil && info.Size() > maxInput {
			return []string{problem{msg: err.Error()}.format(file)}, ""
		}
	}
	data, err := readInput(name, stdin)
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", file, plainError(err))}, ""
	}
	return validateJSON(file, data, schemas), kindNote(data)
}

// isReportFile reports whether the file name is a regular file whose
// JSON starts with the "format" of a migrate report, as Run writes it.
func isReportFile(name string) bool {
	info, err := os.Stat(name)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	dec := json.NewDecoder(io.LimitReader(f, 4<<10))
	for _, want := range []any{json.Delim('{'), "format"} {
		if tok, err := dec.Token(); err != nil || tok != want {
			return false
		}
	}
	tok, err := dec.Token()
	f2, _ := tok.(string)
	return err == nil && strings.HasPrefix(f2, "replykit-migrate/")
}

// reportNote is what the ok line of a migrate report says beside "ok".
const reportNote = " (a migrate report)"

// kindNote is what an ok line says of a file beside "ok": that it is a
// migrate report, when it is one.
func kindNote(data []byte) string {
	if f, _ := formatOf(data); strings.HasPrefix(f, "replykit-migrate/") {
		return reportNote
	}
	return ""
}

// compileSchemas compiles the embedded schema of each version of the
// reference format, by its tag.
func compileSchemas() (map[string]*jsonschema.Schema, error) {
	out := map[string]*jsonschema.Schema{}
	for _, format := range []string{reply.FormatV1, reply.FormatV2} {
		schema, _ := reply.SchemaFor(format)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
		if err != nil {
			return nil, fmt.Errorf("reading the schema of %s: %w", format, err)
		}
		var head struct {
			ID string `json:"$id"`
		}
		if err := json.Unmarshal(schema, &head); err != nil {
			return nil, fmt.Errorf("reading the schema of %s: %w", format, err)
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource(head.ID, doc); err != nil {
			return nil, fmt.Errorf("loading the schema of %s: %w", format, err)
		}
		if out[format], err = c.Compile(head.ID); err != nil {
			return nil, fmt.Errorf("compiling the schema of %s: %w", format, err)
		}
	}
	return out, nil
}

// validateJSON returns the problems of one file, each a line
// "FILE:LINE: path: what", in the order of their lines: what the schema
// finds, what the decoder finds that the schema does not (a date that
// does not exist), then what the model's Validate finds. A file of
// another format is one problem, about its format; a migrate report is
// checked as a report; a reply against the schema of its version.
func validateJSON(file string, data []byte, schemas map[string]*jsonschema.Schema) []string {
	if isBlank(data) {
		return []string{emptyProblem.format(file)}
	}
	if !json.Valid(data) {
		_, err := reply.Unmarshal(data)
		return []string{decodeProblem(data, err).format(file)}
	}
	var problems []problem
	more := 0
	switch f, _ := formatOf(data); {
	case strings.HasPrefix(f, "replykit-migrate/"):
		var err error
		problems, more, err = reportProblems(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil })
		if err != nil {
			problems = []problem{{line: 1, msg: err.Error()}}
		}
	case schemas[f] == nil:
		problems = []problem{formatProblem(data)}
	default:
		problems = replyProblems(data, schemas[f])
	}
	return problemLines(file, problems, more)
}

// problemLines writes the problems of file in the order of their lines,
// each once, and, when more were found than listed, a last line that
// says how many.
func problemLines(file string, problems []problem, more int) []string {
	slices.SortStableFunc(problems, func(a, b problem) int { return a.line - b.line })
	var out []string
	for _, p := range problems {
		if s := p.format(file); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if more > 0 {
		out = append(out, fmt.Sprintf("%s: %d more problems of pages and ignored files, not listed (the first %d are)",
			file, more, migrate.DefaultMaxProblems))
	}
	return out
}

// replyProblems are the problems of a reply in the reference format.
func replyProblems(data []byte, schema *jsonschema.Schema) []problem {
	places := placesOf(data)
	var problems []problem
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return []problem{{line: 1, msg: err.Error()}}
	}
	if err := schema.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			return []problem{{line: 1, msg: err.Error()}}
		}
		for _, sp := range schemaProblems(ve, message.NewPrinter(language.English)) {
			problems = append(problems, problem{line: places.line(sp.path), path: sp.path, msg: sp.message})
		}
	}
	r, err := reply.Unmarshal(data)
	if err != nil {
		// The decoder stops at the first thing it refuses, often what the
		// schema refused already; but some things, such as a date that
		// does not exist, only the decoder sees.
		p := decodeProblem(data, err)
		for _, sp := range problems {
			if within(p.path, sp.path) {
				return problems
			}
		}
		return append(problems, p)
	}
	var ve *reply.ValidationError
	if err := r.Validate(); errors.As(err, &ve) {
		for _, p := range ve.Problems {
			problems = append(problems, problem{line: places.line(p.Path), path: p.Path, msg: p.Message})
		}
	} else if err != nil {
		problems = append(problems, problem{line: 1, msg: err.Error()})
	}
	return problems
}

// schemaProblem is one thing the schema found wrong: where, and what.
type schemaProblem struct {
	path    string // the place in the model, as modelPath writes it
	message string
}

// schemaProblems are the leaves of a schema validation error, the
// failures that say what is wrong, in the words the decoder uses where it
// says the same: an unknown key or a missing one is named with its own
// path, and a date is not shown its regular expression.
func schemaProblems(ve *jsonschema.ValidationError, p *message.Printer) []schemaProblem {
	if len(ve.Causes) > 0 {
		var out []schemaProblem
		for _, c := range ve.Causes {
			out = append(out, schemaProblems(c, p)...)
		}
		return out
	}
	at := modelPath(ve.InstanceLocation)
	join := func(key string) string {
		if at == "" {
			return key
		}
		return at + "." + key
	}
	switch k := ve.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		out := make([]schemaProblem, len(k.Properties))
		for i, key := range k.Properties {
			out[i] = schemaProblem{path: join(key), message: "unknown key"}
		}
		return out
	case *kind.Required:
		out := make([]schemaProblem, len(k.Missing))
		for i, key := range k.Missing {
			out[i] = schemaProblem{path: join(key), message: "missing"}
		}
		return out
	case *kind.Pattern:
		if strings.Contains(k.Want, "[0-9]{4}-") {
			return []schemaProblem{{path: at, message: fmt.Sprintf("%q is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ss", k.Got)}}
		}
		return []schemaProblem{{path: at, message: fmt.Sprintf("%q is not in the form this key takes (see reply/FORMAT.md)", k.Got)}}
	}
	return []schemaProblem{{path: at, message: ve.ErrorKind.LocalizedString(p)}}
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
