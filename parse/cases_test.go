package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// caseOptions is a case's options.json: what a caller would pass besides
// the page.
type caseOptions struct {
	URL         string `json:"url"`
	ContentType string `json:"contentType"`
}

// TestCases reads every folder under testdata/cases through the public API
// and compares the reply with the folder's want.json (rewritten with
// -update). A folder holds one input, page.html (the page's bytes as a
// site served them, in any encoding) or text.txt (UTF-8 text, one
// paragraph a line), and optionally options.json ({"url", "contentType"})
// and notice.txt (the notice's text as a reader sees it, which
// TestCasesNothingLost checks). Every reply must also validate.
func TestCases(t *testing.T) {
	for _, dir := range caseDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			rep := readCase(t, dir)
			got, err := reply.Marshal(rep)
			require.NoError(t, err)
			wantPath := filepath.Join(dir, "want.json")
			if *update {
				require.NoError(t, os.WriteFile(wantPath, got, 0o644))
				return
			}
			want, err := os.ReadFile(wantPath)
			require.NoError(t, err, "want.json missing: run go test ./parse -run TestCases -update")
			assert.Equal(t, string(want), string(got))
			assert.NoError(t, rep.Validate())
		})
	}
}

// TestCasesLoseNothing holds every case to what want.json cannot pin, as
// it is rewritten with -update: a text's every character but white space
// and its page furniture lines is in the reply's plain text, in order and
// nothing else; a page's reply has text, and that text is its notice's
// blocks as Extract finds them (checkNothingLost).
func TestCasesLoseNothing(t *testing.T) {
	for _, dir := range caseDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			rep := readCase(t, dir)
			input, isText := caseInput(t, dir)
			if isText {
				assertNothingLost(t, string(input), rep)
				return
			}
			assert.NotEmpty(t, strings.TrimSpace(rep.PlainText()))
			assert.NoError(t, rep.Validate())
			checkNothingLost(t, input, rep)
		})
	}
}

// TestCasesSeedLayouts reads the seed notice's page in each layout and
// encoding (the cases seed-*) and checks that it gives the reply its text
// (the case seed) gives, but for the page's metadata.
func TestCasesSeedLayouts(t *testing.T) {
	want := readCase(t, filepath.Join("testdata", "cases", "seed"))
	dirs, err := filepath.Glob(filepath.Join("testdata", "cases", "seed-*"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := readCase(t, dir)
			body := func(r *reply.Reply) reply.Reply {
				c := *r
				c.Page, c.Warnings = reply.Page{}, nil
				return c
			}
			assert.Equal(t, body(want), body(got))
			require.False(t, got.Page.IsZero())
			assert.Equal(t, want.Page.Breadcrumb, got.Page.Breadcrumb)
			assert.Equal(t, "县民政局", got.Page.Source)
			assert.Regexp(t, `^2020-10-21`, got.Page.Published.String())
		})
	}
}

// caseDirs returns the folders of testdata/cases.
func caseDirs(t testing.TB) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	return dirs
}

// readCase parses the input of the case folder dir.
func readCase(t *testing.T, dir string) *reply.Reply {
	t.Helper()
	var opt caseOptions
	if data, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
		require.NoError(t, json.Unmarshal(data, &opt), "options.json")
	} else {
		require.True(t, errors.Is(err, os.ErrNotExist), "options.json: %v", err)
	}
	input, isText := caseInput(t, dir)
	if isText {
		rep, err := Text(string(input))
		require.NoError(t, err)
		return rep
	}
	var opts []Option
	if opt.URL != "" {
		opts = append(opts, WithURL(opt.URL))
	}
	if opt.ContentType != "" {
		opts = append(opts, WithContentType(opt.ContentType))
	}
	rep, err := HTML(bytes.NewReader(input), opts...)
	require.NoError(t, err)
	return rep
}

// caseInput returns the input of the case folder dir, its text.txt or its
// page.html, and whether it is a text.
func caseInput(t testing.TB, dir string) (input []byte, isText bool) {
	t.Helper()
	if text, err := os.ReadFile(filepath.Join(dir, "text.txt")); err == nil {
		return text, true
	}
	page, err := os.ReadFile(filepath.Join(dir, "page.html"))
	require.NoError(t, err, "a case holds page.html or text.txt")
	return page, false
}

// fixture returns a page or text of testdata by name: the page.html or
// text.txt of the case name, or, for a name with an extension, the file of
// testdata/pages, which holds the pages that read as no reply.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	if filepath.Ext(name) == "" {
		data, _ := caseInput(t, filepath.Join("testdata", "cases", name))
		return data
	}
	data, err := os.ReadFile(filepath.Join("testdata", "pages", name))
	require.NoError(t, err)
	return data
}

// fixtureGlob returns the pages (ext "html") or texts ("txt") of testdata:
// the cases' inputs and, for pages, testdata/pages.
func fixtureGlob(t testing.TB, ext string) []string {
	t.Helper()
	name := map[string]string{"html": "page.html", "txt": "text.txt"}[ext]
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*", name))
	require.NoError(t, err)
	if ext == "html" {
		pages, err := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
		require.NoError(t, err)
		files = append(files, pages...)
	}
	require.NotEmpty(t, files)
	return files
}

// update rewrites the golden files of the package's tests instead of
// comparing with them: go test ./parse -update.
var update = flag.Bool("update", false, "rewrite golden files")

// bodyText returns the input without the lines that the text reader took
// as page furniture, each byte of invalid UTF-8 as U+FFFD: the text that
// must all land in the reply.
func bodyText(t testing.TB, input string) string {
	t.Helper()
	input, _, _ = replaceInvalid(input)
	cfg := newConfig(nil)
	_, furniture, err := splitText(input, &cfg)
	require.NoError(t, err)
	skip := make(map[int]bool, len(furniture))
	for _, n := range furniture {
		skip[n] = true
	}
	var b strings.Builder
	n := 0
	for _, line := range splitLines(input) {
		n++
		if skip[n] {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// splitLines splits s at \n, \r\n and \r, as the text reader does.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// assertNothingLost checks that every character of the body, white space
// aside, is in the reply's plain text, in order.
func assertNothingLost(t testing.TB, input string, rep *reply.Reply) bool {
	t.Helper()
	want := reply.NormalizeWhitespace(bodyText(t, input))
	got := reply.NormalizeWhitespace(rep.PlainText())
	return assert.Equal(t, want, got, "plain text differs from the body text")
}

// assertValid checks the reply with reply.Validate. Only a reply whose
// title could be neither read nor made (Title empty, a warning CodeNoTitle
// says so) may lack its title.
func assertValid(t testing.TB, rep *reply.Reply) bool {
	t.Helper()
	return assert.Empty(t, validationProblems(rep), "validation problems")
}

// validationProblems returns what Validate finds in rep, less the empty
// title of a reply whose title could not be made.
func validationProblems(rep *reply.Reply) []reply.Problem {
	err := rep.Validate()
	if err == nil {
		return nil
	}
	ve, ok := err.(*reply.ValidationError)
	if !ok {
		return []reply.Problem{{Path: "", Message: fmt.Sprintf("Validate returned %T: %v", err, err)}}
	}
	untitled := rep.Title == "" && hasWarning(rep, CodeNoTitle)
	var rest []reply.Problem
	for _, p := range ve.Problems {
		if untitled && (p.Path == "title" || p.Path == "header") {
			continue
		}
		rest = append(rest, p)
	}
	return rest
}

// hasWarning reports whether rep has a warning of the code.
func hasWarning(rep *reply.Reply, code string) bool { return warningOf(rep, code) != nil }

// warningOf returns the first warning of rep of the code, or nil.
func warningOf(rep *reply.Reply, code string) *reply.Warning {
	for i := range rep.Warnings {
		if rep.Warnings[i].Code == code {
			return &rep.Warnings[i]
		}
	}
	return nil
}

// headings returns the markers and headings of sections, one a string.
func headings(ss []reply.Section) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Marker + s.Heading
	}
	return out
}

// names returns the addressees as 「name/role」.
func names(as []reply.Addressee) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name+"/"+string(a.Role))
	}
	return out
}

// pointMarkers returns the markers of a block's points.
func pointMarkers(b reply.Block) []string {
	var out []string
	for _, p := range b.Points {
		out = append(out, p.Marker)
	}
	return out
}

// equalJSON compares two replies by their reference JSON, which is what a
// reply is: nil and empty lists alike.
func equalJSON(t *testing.T, a, b *reply.Reply) bool {
	return bytes.Equal(mustMarshal(t, a), mustMarshal(t, b))
}

func mustMarshal(t *testing.T, r *reply.Reply) []byte {
	t.Helper()
	data, err := reply.Marshal(r)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return data
}

// TestCasesNothingLost checks, for every case folder that holds a
// notice.txt — the notice's text as a reader sees it on the page (title,
// body, signature, contact and CC lines; not the site's navigation, page
// furniture or footer), one line each, written by reading the page, a
// table's merged cell once for each column it spans as reply.Table holds
// it — that the reply's plain text holds exactly those characters, white
// space aside: nothing of the notice is lost, and nothing of the site is
// taken.
func TestCasesNothingLost(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "cases", "*", "notice.txt"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(paths), 12, "the old layout-table pages have their notice.txt")
	for _, path := range paths {
		dir := filepath.Dir(path)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			rep := readCase(t, dir)
			assert.Equal(t, reply.NormalizeWhitespace(string(want)), reply.NormalizeWhitespace(rep.PlainText()))
		})
	}
}
