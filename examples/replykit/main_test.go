package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedPage is the sample's copy of the seed notice, a county government
// page in GBK.
const seedPage = "sample/wangcang/zxta/t20201021_73.html"

// result is what one run of the command gave.
type result struct {
	code           int
	stdout, stderr string
}

// runCmd runs the command with args and stdin.
func runCmd(stdin string, args ...string) result {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// needParse skips a test while parse cannot yet read the seed page.
func needParse(t *testing.T) {
	t.Helper()
	data, err := os.ReadFile(seedPage)
	require.NoError(t, err)
	if _, err := parse.HTML(bytes.NewReader(data)); err != nil && strings.Contains(err.Error(), "not written yet") {
		t.Skipf("parse.HTML is not written yet: %v", err)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string // in stdout or stderr
	}{
		{"help", []string{"-h"}, exitOK, "commands:"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{"parse -h", []string{"parse", "-h"}, exitOK, "usage: replykit parse"},
		{"render -h", []string{"render", "-h"}, exitOK, "usage: replykit render"},
		{"validate -h", []string{"validate", "-h"}, exitOK, "usage: replykit validate"},
		{"migrate -h", []string{"migrate", "-h"}, exitOK, "usage: replykit migrate"},
		{"bad flag", []string{"parse", "--no-such-flag"}, exitUsage, "flag provided but not defined"},
		{"parse bad format", []string{"parse", "--format", "pdf", "x.html"}, exitUsage, `unknown format "pdf"`},
		{"parse bad charset", []string{"parse", "--charset", "klingon", "x.html"}, exitUsage, `unknown charset "klingon"`},
		{"render two files", []string{"render", "a.json", "b.json"}, exitUsage, "one FILE.json at a time"},
		{"validate no file", []string{"validate"}, exitUsage, "no FILE.json given"},
		{"migrate no input", []string{"migrate"}, exitUsage, "no INPUT given"},
		{"migrate bad -j", []string{"migrate", "-j", "-1", "x"}, exitUsage, "-j must be 0 or more"},
		{"parse --text --html", []string{"parse", "--text", "--html", "x"}, exitUsage, "--text and --html exclude each other"},
		{"version with an argument", []string{"version", "x"}, exitUsage, "takes no arguments"},
		{"migrate -j not a number", []string{"migrate", "-j", "many", "x"}, exitUsage, "invalid value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd("", tt.args...)
			assert.Equal(t, tt.code, r.code, r.stderr)
			assert.Contains(t, r.stdout+r.stderr, tt.want)
		})
	}
}

func TestParseArgsTakesFlagsAnywhere(t *testing.T) {
	tests := []struct {
		args []string
		pos  []string
		fmt  string
	}{
		{[]string{"a", "--format", "md", "b"}, []string{"a", "b"}, "md"},
		{[]string{"--format=text", "-"}, []string{"-"}, "text"},
		{[]string{"a", "--", "--format", "b"}, []string{"a", "--format", "b"}, "json"},
		{nil, nil, "json"},
	}
	for _, tt := range tests {
		fs := newFlags("t", "", "", &bytes.Buffer{}, &bytes.Buffer{})
		format := fs.String("format", "json", "")
		pos, err := parseArgs(fs.FlagSet, tt.args)
		require.NoError(t, err)
		assert.Equal(t, tt.pos, pos, tt.args)
		assert.Equal(t, tt.fmt, *format, tt.args)
	}
}

func TestParseThenRender(t *testing.T) {
	needParse(t)
	page, err := os.ReadFile(seedPage)
	require.NoError(t, err)
	parsed := runCmd(string(page), "parse", "--url", "http://www.scwc.gov.cn/zxta/t20201021_73.html", "-")
	require.Equal(t, exitOK, parsed.code, parsed.stderr)
	r, err := reply.Unmarshal([]byte(parsed.stdout))
	require.NoError(t, err)
	assert.Equal(t, "旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复", r.Title)
	require.NotZero(t, r.Page)
	assert.Equal(t, "http://www.scwc.gov.cn/zxta/t20201021_73.html", r.Page.URL)

	tests := []struct {
		format string
		want   []string
	}{
		{"text", []string{r.Title, "涂轶、李勇委员", "旺苍县人民政府办公室", "2017年3月16日"}},
		{"md", []string{"# " + r.Title, "我县社区建设基本情况"}},
		{"html", []string{"<!DOCTYPE html>", "<h1", "我县社区建设基本情况", `charset="utf-8"`}},
		{"json", []string{`"format": "replykit/v2"`, `"provenance": {`}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			out := runCmd(parsed.stdout, "render", "--format", tt.format)
			require.Equal(t, exitOK, out.code, out.stderr)
			for _, w := range tt.want {
				assert.Contains(t, strings.ToLower(out.stdout), strings.ToLower(w))
			}
		})
	}
	// Rendered HTML, parsed again, is the same reply.
	html := runCmd(parsed.stdout, "render")
	require.Equal(t, exitOK, html.code, html.stderr)
	// It keeps the provenance it carries, that of the page first read.
	again := runCmd(html.stdout, "parse", "--url", r.Page.URL)
	require.Equal(t, exitOK, again.code, again.stderr)
	assert.Equal(t, parsed.stdout, again.stdout)
	sum := sha256.Sum256(page)
	assert.Equal(t, reply.Provenance{SHA256: hex.EncodeToString(sum[:])}, r.Provenance)
}

func TestParseFormatsAndText(t *testing.T) {
	needParse(t)
	out := runCmd("", "parse", "--text", "sample/texts/reply-2021-21.txt")
	require.Equal(t, exitOK, out.code, out.stderr)
	r, err := reply.Unmarshal([]byte(out.stdout))
	require.NoError(t, err)
	assert.Equal(t, reply.KindProposalReply, r.Kind)
	require.Len(t, r.Addressees, 1)
	assert.Equal(t, "赵红", r.Addressees[0].Name)

	// The same text in GB18030, read without and with --charset.
	gb, err := os.ReadFile("testdata/reply-gb18030.txt")
	require.NoError(t, err)
	for _, args := range [][]string{{"parse", "--text"}, {"parse", "--text", "--charset", "gb18030"}} {
		got := runCmd(string(gb), args...)
		require.Equal(t, exitOK, got.code, got.stderr)
		gotReply, err := reply.Unmarshal([]byte(got.stdout))
		require.NoError(t, err)
		// Read from stdin, the reply records the SHA-256 of the bytes
		// read, the GB18030 ones, and no path.
		sum := sha256.Sum256(gb)
		assert.Equal(t, reply.Provenance{SHA256: hex.EncodeToString(sum[:])}, gotReply.Provenance, args)
		want := *r
		want.Provenance = gotReply.Provenance
		assert.Equal(t, &want, gotReply, args)
	}

	md := runCmd("", "parse", "--format", "md", "sample/qu-jiaoyu/col/art_0487.htm")
	require.Equal(t, exitOK, md.code, md.stderr)
	assert.Contains(t, md.stdout, "某某区教育局关于区政协九届二次会议第0487号提案的答复")
}

func TestParseFailures(t *testing.T) {
	needParse(t)
	out := runCmd("", "parse", "testdata/does-not-exist.html", "sample/wangcang/zxta/index.html", seedPage)
	assert.Equal(t, exitFailed, out.code)
	assert.Contains(t, out.stderr, "testdata/does-not-exist.html: ")
	assert.Contains(t, out.stderr, "sample/wangcang/zxta/index.html: ")
	// The good page is still written.
	assert.Contains(t, out.stdout, "旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复")
	empty := runCmd("  \n", "parse")
	assert.Equal(t, exitFailed, empty.code)
	assert.Contains(t, empty.stderr, "stdin: ")
}

func TestRenderRejectsBrokenJSONWithItsLine(t *testing.T) {
	out := runCmd("", "render", "testdata/broken-syntax.json")
	assert.Equal(t, exitFailed, out.code)
	assert.Equal(t, "testdata/broken-syntax.json:5: invalid character '\"' after object key:value pair\n", out.stderr)
	assert.Empty(t, out.stdout)
}

func TestValidate(t *testing.T) {
	tests := []struct {
		file string
		code int
		want []string
	}{
		{"testdata/valid.json", exitOK, []string{"testdata/valid.json: ok"}},
		{"testdata/broken-syntax.json", exitFailed, []string{
			`testdata/broken-syntax.json:5: invalid character '"' after object key:value pair`,
		}},
		{"testdata/invalid.json", exitFailed, []string{
			"testdata/invalid.json:3: kind: value must be one of 'proposal-reply', 'suggestion-reply', 'other'",
			`testdata/invalid.json:65: signature.date: "2021-02-30" is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ss`,
		}},
		{"testdata/invalid-model.json", exitFailed, []string{
			`testdata/invalid-model.json:40: sections[1].number: 1, but the marker "二、" is 2`,
			"testdata/invalid-model.json:40: sections[1].number: 1 does not follow 1: numbers must go up",
		}},
		// An unknown key, said as render says it, with its line.
		{"testdata/unknown-key.json", exitFailed, []string{"testdata/unknown-key.json:67: signature.color: unknown key"}},
		{"testdata/wrong-key.json", exitFailed, []string{"testdata/wrong-key.json:15: adressees: unknown key"}},
		// Dates are not shown a regular expression; each is named once.
		{"testdata/bad-dates.json", exitFailed, []string{
			`testdata/bad-dates.json:65: signature.date: "2021-13-45" is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ss`,
			`testdata/bad-dates.json:69: page.published: "21/07/2021" is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ss`,
		}},
		// A format of another version is reported once, and nothing else.
		{"testdata/wrong-format.json", exitFailed, []string{
			`testdata/wrong-format.json:2: format: "replykit/v9" is not a version this replykit reads (it reads "replykit/v1" and "replykit/v2")`,
		}},
		{"testdata/no-format.json", exitFailed, []string{
			`testdata/no-format.json:1: no "format" key: not a replykit file (a reply starts {"format": "replykit/v1"})`,
		}},
		{"testdata/empty.json", exitFailed, []string{"testdata/empty.json:1: empty file: no JSON in it"}},
		{"testdata/missing.json", exitFailed, []string{"testdata/missing.json: no such file or directory"}},
		// A migrate report is checked as one.
		{"testdata/report.json", exitOK, []string{"testdata/report.json: ok (a migrate report)"}},
		{"testdata/report-wrong.json", exitFailed, []string{
			"testdata/report-wrong.json:5: totals.replies: 6, but the report's lists make 4",
			`testdata/report-wrong.json:26: pages[0].status: "done" is not ok, other or failed`,
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			out := runCmd("", "validate", tt.file)
			assert.Equal(t, tt.code, out.code, out.stderr)
			assert.Equal(t, strings.Join(tt.want, "\n")+"\n", out.stdout)
		})
	}
	// Several files: each gets its lines; the status is the worst.
	out := runCmd("", "validate", "-q", "testdata/valid.json", "testdata/invalid-model.json")
	assert.Equal(t, exitFailed, out.code)
	assert.Equal(t, 2, strings.Count(out.stdout, "\n"))
	assert.NotContains(t, out.stdout, "valid.json: ok")
	// From stdin.
	valid, err := os.ReadFile("testdata/valid.json")
	require.NoError(t, err)
	out = runCmd(string(valid), "validate", "-")
	assert.Equal(t, exitOK, out.code)
	assert.Equal(t, "stdin: ok\n", out.stdout)
}

// TestRenderSaysProblemsAsValidateDoes: render and validate write a
// problem of the same file in the same words, with its line.
func TestRenderSaysProblemsAsValidateDoes(t *testing.T) {
	for _, file := range []string{"testdata/wrong-key.json", "testdata/wrong-format.json", "testdata/no-format.json",
		"testdata/empty.json", "testdata/broken-syntax.json", "testdata/unknown-key.json"} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			r := runCmd("", "render", file)
			assert.Equal(t, exitFailed, r.code)
			assert.Empty(t, r.stdout)
			v := runCmd("", "validate", file)
			assert.Equal(t, v.stdout, r.stderr)
			assert.NotContains(t, r.stderr, "EOF")
			assert.NotContains(t, r.stderr, "reply: ")
		})
	}
}

func TestModelPath(t *testing.T) {
	assert.Equal(t, "sections[2].sections[0].heading", modelPath([]string{"sections", "2", "sections", "0", "heading"}))
	assert.Equal(t, "", modelPath(nil))
	assert.Equal(t, "page.breadcrumb[1]", modelPath([]string{"page", "breadcrumb", "1"}))
}

func TestMigrateSampleEndToEnd(t *testing.T) {
	needParse(t)
	out := t.TempDir()
	r := runCmd("", "migrate", "-o", out, "-j", "2", "sample")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stderr, "pages read                      7")
	assert.Contains(t, r.stderr, "report: "+filepath.Join(out, "report.json"))

	rep := readReport(t, out)
	assert.Equal(t, migrate.Totals{Pages: 7, Replies: 5, Other: 2, Warnings: rep.Totals.Warnings, WarningCodes: rep.Totals.WarningCodes}, rep.Totals)
	want := map[string]reply.Kind{
		"wangcang/zxta/t20201021_73.html":      reply.KindProposalReply,
		"shi-jiaotong/jyta/2023/0703-128.html": reply.KindSuggestionReply,
		"qu-jiaoyu/col/art_0487.htm":           reply.KindProposalReply,
		"nongye/ta/show.asp":                   reply.KindProposalReply,
		"texts/reply-2021-21.txt":              reply.KindProposalReply,
		"xian-zf/tzgg/t20240126.html":          reply.KindOther,
	}
	for rel, kind := range want {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)+".json"))
		require.NoError(t, err, rel)
		got, err := reply.Unmarshal(data)
		require.NoError(t, err, rel)
		assert.Equal(t, kind, got.Kind, rel)
		assert.NoError(t, got.Validate(), rel)
		page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)+".html"))
		require.NoError(t, err, rel)
		assert.Contains(t, string(page), got.Title, rel)
		// The page rendered reads back as the same reply.
		back, err := parse.HTML(bytes.NewReader(page))
		require.NoError(t, err, rel)
		assert.Equal(t, got.Title, back.Title, rel)
	}
	// The list page holds no notice: reported, nothing written.
	e := findEntry(t, rep, "sample/wangcang/zxta/index.html")
	assert.Equal(t, migrate.StatusOther, e.Status)
	assert.Equal(t, migrate.KindNoNotice, e.Error.Kind)
	assert.NoFileExists(t, filepath.Join(out, "wangcang", "zxta", "index.html.json"))

	// The seed's facts came through the GBK page.
	data, err := os.ReadFile(filepath.Join(out, "wangcang", "zxta", "t20201021_73.html.json"))
	require.NoError(t, err)
	seed, err := reply.Unmarshal(data)
	require.NoError(t, err)
	require.Len(t, seed.Addressees, 2)
	assert.Equal(t, "涂轶", seed.Addressees[0].Name)
	assert.Equal(t, "李勇", seed.Addressees[1].Name)
	require.NotZero(t, seed.Signature)
	assert.Equal(t, "2017-03-16", seed.Signature.Date.String())

	// A second run skips every page written.
	again := runCmd("", "migrate", "-o", out, "sample")
	require.Equal(t, exitOK, again.code, again.stderr)
	assert.Equal(t, 6, readReport(t, out).Totals.Skipped)
}

func TestMigrateFailedPagesExitOne(t *testing.T) {
	needParse(t)
	in, out := t.TempDir(), t.TempDir()
	page, err := os.ReadFile(seedPage)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(in, "good.html"), page, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, "empty.html"), nil, 0o644))
	r := runCmd("", "migrate", "-q", "-o", out, in)
	assert.Equal(t, exitFailed, r.code)
	assert.Regexp(t, `\n    empty\s+1\n`, r.stderr)
	rep := readReport(t, out)
	assert.Equal(t, 1, rep.Totals.Replies)
	assert.Equal(t, "empty", findEntry(t, rep, "empty.html").Error.Kind)
	assert.FileExists(t, filepath.Join(out, "good.html.json"))
}

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		kind string
	}{
		{"", "empty"},
		{"\x00\x01\x02\x03 binary", "not-html"},
	}
	for _, tt := range tests {
		_, err := convertPage(context.Background(), migrate.PageSource{Rel: "x.html"}, []byte(tt.in))
		require.Error(t, err)
		if strings.Contains(err.Error(), "not written yet") {
			t.Skip("parse is not written yet")
		}
		assert.Equal(t, tt.kind, classify(err), tt.in)
	}
	assert.Equal(t, migrate.KindTooLarge, classify(&parse.LimitError{Limit: "bytes", Max: 1}))
	assert.Equal(t, "parse", classify(os.ErrInvalid))
}

// TestConvertPageUnderContext checks that the engine's conversion runs
// under the run's context: once it is done, a page in progress stops, and
// is reported as interrupted.
func TestConvertPageUnderContext(t *testing.T) {
	needParse(t)
	page, err := os.ReadFile(seedPage)
	require.NoError(t, err)
	text := []byte("涂轶委员：\n你提出的提案收悉。现答复如下：\n感谢你对我们工作的关心和支持。\n")
	done, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tt := range []struct {
		name string
		data []byte
	}{{"a.html", page}, {"a.txt", text}} {
		for _, conv := range []migrate.Converter{
			func(src migrate.PageSource, data []byte) (*reply.Reply, error) { return convertPage(done, src, data) },
			migrateOptions(done, t.TempDir(), 1, true).Convert,
		} {
			_, err := conv(migrate.PageSource{Rel: tt.name}, tt.data)
			var ce *parse.CanceledError
			require.ErrorAs(t, err, &ce, tt.name)
			assert.ErrorIs(t, err, context.Canceled)
			assert.Equal(t, "interrupted", classify(err))
		}
		r, err := migrateOptions(context.Background(), t.TempDir(), 1, true).Convert(migrate.PageSource{Rel: tt.name}, tt.data)
		require.NoError(t, err, tt.name)
		assert.NotEmpty(t, r.Salutation, tt.name)
	}
}

func readReport(t *testing.T, out string) migrate.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, migrate.ReportName))
	require.NoError(t, err)
	var r migrate.Report
	require.NoError(t, json.Unmarshal(data, &r))
	return r
}

func findEntry(t *testing.T, r migrate.Report, suffix string) migrate.Entry {
	t.Helper()
	for _, e := range r.Pages {
		if strings.HasSuffix(e.Path, suffix) {
			return e
		}
	}
	t.Fatalf("no report entry for %s", suffix)
	return migrate.Entry{}
}

// TestValidateAMigration: what migrate writes validates, report.json too,
// whether the files are named one by one (as the shell expands
// out/**/*.json) or by their directory.
func TestValidateAMigration(t *testing.T) {
	needParse(t)
	out := filepath.Join(t.TempDir(), "out")
	m := runCmd("", "migrate", "-q", "-o", out, "sample")
	require.Equal(t, exitOK, m.code, m.stderr)
	var files []string
	require.NoError(t, filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return err
	}))
	require.Len(t, files, 7) // six replies and the report
	byName := runCmd("", append([]string{"validate"}, files...)...)
	assert.Equal(t, exitOK, byName.code, byName.stdout)
	assert.Contains(t, byName.stdout, filepath.Join(out, migrate.ReportName)+": ok (a migrate report)\n")
	assert.Equal(t, 7, strings.Count(byName.stdout, ": ok"))
	byDir := runCmd("", "validate", out)
	assert.Equal(t, exitOK, byDir.code, byDir.stdout)
	assert.Equal(t, byName.stdout, byDir.stdout)
	// A directory with no JSON in it is said so, not passed over.
	none := runCmd("", "validate", t.TempDir())
	assert.Equal(t, exitFailed, none.code)
	assert.Contains(t, none.stdout, ": no .json files in the directory\n")
}
