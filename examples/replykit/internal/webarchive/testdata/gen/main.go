// Command gen writes the edge-case WARCs of the webarchive tests with
// gowarc's record builder and marshaler, and a WACZ of the wget crawl
// (crawl.warc.gz, made by make-wget.sh). Run from the package folder:
//
//	go run ./testdata/gen
//
// It writes, into testdata:
//   - edge.warc.gz: the edge cases, gzipped record by record;
//   - edge.warc: the same, plain;
//   - edge-whole.warc.gz: the same, the whole file one gzip stream;
//   - cut.warc: edge.warc cut inside the body of its fifth record;
//   - crawl.wacz: archive/crawl.warc.gz, indexes/index.cdxj,
//     pages/pages.jsonl and datapackage.json. The page list names the two
//     reply pages and one URL the crawl never fetched, not the index page.
//
// It copies edge.warc.gz and crawl.wacz into the migrate package's
// testdata/warc, and crawl.warc.gz into the command's testdata/warc, for
// their tests (each package's tests read only its own testdata).
//
// Record IDs and dates are fixed, so the files are the same bytes on
// every run.
package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	dir := "testdata"
	if err := run(dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

const site = "http://www.example.gov.cn"

// reply is a short reply page in the style of a county government's.
func reply(no int, title, body string) string {
	return fmt.Sprintf(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>%[2]s</title></head>
<body><h1>%[2]s</h1>
<p class="info">发布时间:2024-03-0%[1]d 来源:县人民政府办公室</p>
<div class="content">%[3]s
<p>县人民政府办公室</p>
</div></body></html>
`, no%9+1, title, body)
}

var (
	pageA = reply(1, "关于县政协十一届三次会议第5号提案的答复",
		"<p>赵敏委员:</p><p>你提出的“关于改善城区公交线路的建议”提案收悉,现答复如下:今年新开通公交线路2条,优化站点12个。</p>")
	pageA2 = reply(2, "关于县政协十一届三次会议第5号提案的答复",
		"<p>赵敏委员:</p><p>你提出的“关于改善城区公交线路的建议”提案收悉,现答复如下:今年新开通公交线路3条(更正),优化站点12个。</p>")
	pageC = reply(3, "关于县政协十一届三次会议第8号提案的答复",
		"<p>孙丽委员:</p><p>你提出的“关于加强校园周边交通安全的建议”提案收悉,现答复如下:已在城区学校周边增设护学岗14个。</p>")
	pageD = reply(4, "关于县政协十一届三次会议第11号提案的答复",
		"<p>周强委员:</p><p>你提出的“关于推进垃圾分类的建议”提案收悉,现答复如下:全县已设置分类投放点320个。</p>")
	pageGBK = strings.Replace(reply(5, "关于县政协十一届三次会议第9号提案的答复",
		"<p>钱伟委员:</p><p>你提出的“关于发展乡村旅游的建议”提案收悉,现答复如下:已编制乡村旅游发展规划。</p>"),
		`<meta charset="utf-8">`, "", 1)
)

// rec is one record to write.
type rec struct {
	typ     gowarc.RecordType
	uri     string // written as given, angle brackets and all
	date    string
	block   string
	ctype   string            // the WARC Content-Type
	headers map[string]string // more WARC header fields
}

// httpResp is an HTTP response message.
func httpResp(status, ctype string, extra []string, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	if ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", ctype)
	}
	for _, h := range extra {
		b.WriteString(h + "\r\n")
	}
	if !strings.Contains(strings.Join(extra, "\n"), "Transfer-Encoding") && !strings.Contains(strings.Join(extra, "\n"), "Content-Length") {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return b.String()
}

// response is a response record of an HTTP message.
func response(uri, date, msg string) rec {
	return rec{typ: gowarc.Response, uri: uri, date: date, block: msg, ctype: "application/http;msgtype=response"}
}

// sha1Payload is the WARC-Payload-Digest of a body as a writer gives it.
func sha1Payload(body string) string {
	b := gowarc.NewRecordBuilder(gowarc.Resource, gowarc.WithAddMissingDigest(true), gowarc.WithDefaultDigestAlgorithm("sha1"))
	b.WriteString(body)
	b.AddWarcHeader(gowarc.WarcRecordID, "<urn:uuid:00000000-0000-4000-8000-000000000000>")
	b.AddWarcHeader(gowarc.WarcDate, "2024-01-01T00:00:00Z")
	b.AddWarcHeader(gowarc.ContentType, "text/html")
	r, _, err := b.Build()
	if err != nil {
		panic(err)
	}
	defer r.Close()
	return r.WarcHeader().Get(gowarc.WarcBlockDigest)
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// chunked writes a body in HTTP/1.1 chunks of at most n bytes.
func chunked(s string, n int) string {
	var b strings.Builder
	for len(s) > 0 {
		k := min(n, len(s))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", k, s[:k])
		s = s[k:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

// edgeRecords are the edge cases, in the order written.
func edgeRecords() []rec {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(pageGBK)
	if err != nil {
		panic(err)
	}
	html := "text/html; charset=utf-8"
	a := site + "/zxta/2024/reply-05.html"
	return []rec{
		{typ: gowarc.Warcinfo, date: "2024-03-01T08:00:00Z", ctype: "application/warc-fields",
			block: "software: replykit webarchive test generator\r\nformat: WARC File Format 1.1\r\n"},
		// A page, with its request and metadata.
		response(a, "2024-03-01T08:00:01Z", httpResp("200 OK", html, nil, pageA)),
		{typ: gowarc.Request, uri: a, date: "2024-03-01T08:00:01Z", ctype: "application/http;msgtype=request",
			block: "GET /zxta/2024/reply-05.html HTTP/1.1\r\nHost: www.example.gov.cn\r\n\r\n"},
		{typ: gowarc.Metadata, uri: a, date: "2024-03-01T08:00:01Z", ctype: "application/warc-fields",
			block: "outlink: " + site + "/images/banner.gif E =EMBED_MISC\r\n"},
		// The URI in angle brackets, as wget writes it; GBK named only by
		// the HTTP header.
		response("<"+site+"/zxta/2024/reply-09.html>", "2024-03-01T08:00:02Z",
			httpResp("200 OK", "text/html; charset=GBK", nil, gbk)),
		// The same URL captured again later, changed.
		response(a, "2024-03-08T08:00:01Z", httpResp("200 OK", html, nil, pageA2)),
		// The first page's payload again, under another URL.
		response(site+"/mirror/reply-05.html", "2024-03-01T08:00:03Z", httpResp("200 OK", html, nil, pageA)),
		// A revisit of the first capture: identical payload.
		{typ: gowarc.Revisit, uri: a, date: "2024-03-15T08:00:01Z", ctype: "application/http;msgtype=response",
			block: "HTTP/1.1 200 OK\r\nContent-Type: " + html + "\r\n\r\n",
			headers: map[string]string{
				gowarc.WarcProfile:           "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
				gowarc.WarcRefersTo:          "<urn:uuid:00000000-0000-4000-8000-000000000002>",
				gowarc.WarcRefersToTargetURI: a,
				gowarc.WarcRefersToDate:      "2024-03-01T08:00:01Z",
				gowarc.WarcPayloadDigest:     sha1Payload(pageA),
				gowarc.WarcTruncated:         "length",
			}},
		// A revisit of a capture this file does not hold.
		{typ: gowarc.Revisit, uri: site + "/zxta/2023/reply-40.html", date: "2024-03-15T08:00:02Z", ctype: "application/http;msgtype=response",
			block: "HTTP/1.1 200 OK\r\nContent-Type: " + html + "\r\n\r\n",
			headers: map[string]string{
				gowarc.WarcProfile:       "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
				gowarc.WarcPayloadDigest: "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ",
				gowarc.WarcTruncated:     "length",
			}},
		response(site+"/zxta/", "2024-03-01T08:00:04Z",
			httpResp("302 Found", html, []string{"Location: " + site + "/zxta/index.html"}, "")),
		response(site+"/zxta/2024/reply-99.html", "2024-03-01T08:00:05Z",
			httpResp("404 Not Found", html, nil, "<html><body>404</body></html>")),
		response(site+"/css/main.css", "2024-03-01T08:00:06Z", httpResp("200 OK", "text/css", nil, "body{margin:0}")),
		response(site+"/images/banner.gif", "2024-03-01T08:00:07Z", httpResp("200 OK", "image/gif", nil, "GIF89a\x01\x00\x01\x00")),
		// A page served as octet-stream: its bytes say HTML.
		response(site+"/zxta/2024/reply-08.do", "2024-03-01T08:00:08Z",
			httpResp("200 OK", "application/octet-stream", nil, pageC)),
		// A PDF served as octet-stream.
		response(site+"/files/plan.pdf", "2024-03-01T08:00:09Z",
			httpResp("200 OK", "application/octet-stream", nil, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")),
		// A page the crawler cut at its length limit.
		{typ: gowarc.Response, uri: site + "/zxta/2024/reply-12.html", date: "2024-03-01T08:00:10Z",
			ctype: "application/http;msgtype=response", headers: map[string]string{gowarc.WarcTruncated: "length"},
			block: httpResp("200 OK", html, []string{fmt.Sprintf("Content-Length: %d", len(pageA))}, pageA[:200])},
		// A page sent chunked and gzipped.
		response(site+"/zxta/2024/reply-11.html", "2024-03-01T08:00:11Z",
			httpResp("200 OK", html, []string{"Content-Encoding: gzip", "Transfer-Encoding: chunked"}, chunked(gzipped(pageD), 100))),
		// A page in an encoding not read.
		response(site+"/zxta/2024/reply-13.html", "2024-03-01T08:00:12Z",
			httpResp("200 OK", html, []string{"Content-Encoding: br"}, "\x1b\x03\x00\xf8\xa5\x40\x02")),
		// A page whose URL would climb out of a folder and names devices.
		response(site+"/zxta/../../etc/CON/a%2F..%2Fb.html?x=1&y=a:b*c", "2024-03-01T08:00:13Z",
			httpResp("200 OK", html, nil, strings.Replace(pageC, "8号", "18号", 2))),
	}
}

// build makes a record of r with record ID number n.
func build(r rec, n int) (gowarc.WarcRecord, error) {
	b := gowarc.NewRecordBuilder(r.typ, gowarc.WithAddMissingDigest(true), gowarc.WithDefaultDigestAlgorithm("sha1"),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn))
	if _, err := b.WriteString(r.block); err != nil {
		return nil, err
	}
	b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", n))
	b.AddWarcHeader(gowarc.WarcDate, r.date)
	b.AddWarcHeader(gowarc.ContentType, r.ctype)
	uri := strings.Trim(r.uri, "<>")
	if uri != "" {
		b.AddWarcHeader(gowarc.WarcTargetURI, uri)
	}
	for k, v := range r.headers {
		b.AddWarcHeader(k, v)
	}
	wr, _, err := b.Build()
	if err != nil {
		return nil, err
	}
	if r.uri != uri {
		// The builder's check would refuse it: set once built.
		wr.WarcHeader().Set(gowarc.WarcTargetURI, r.uri)
	}
	wr.WarcHeader().Sort()
	return wr, nil
}

// marshal writes the records, each in its own gzip member when gz.
func marshal(recs []rec, gz bool) ([]byte, error) {
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, r := range recs {
		wr, err := build(r, i+1)
		if err != nil {
			return nil, fmt.Errorf("record %d: %w", i+1, err)
		}
		var w io.Writer = &out
		var zw *gzip.Writer
		if gz {
			zw = gzip.NewWriter(&out)
			w = zw
		}
		if _, _, err := m.Marshal(w, wr, 0); err != nil {
			return nil, fmt.Errorf("record %d: %w", i+1, err)
		}
		wr.Close()
		if zw != nil {
			if err := zw.Close(); err != nil {
				return nil, err
			}
		}
	}
	return out.Bytes(), nil
}

func run(dir string) error {
	recs := edgeRecords()
	gz, err := marshal(recs, true)
	if err != nil {
		return err
	}
	plain, err := marshal(recs, false)
	if err != nil {
		return err
	}
	// cut.warc ends inside the body of the fifth record (the GBK page).
	head, err := marshal(recs[:4], false)
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"edge.warc.gz":       gz,
		"edge.warc":          plain,
		"edge-whole.warc.gz": []byte(gzipped(string(plain))),
		"cut.warc":           plain[:len(head)+600],
	}
	crawl, err := os.ReadFile(filepath.Join(dir, "crawl.warc.gz"))
	if err != nil {
		return err
	}
	if files["crawl.wacz"], err = wacz(crawl); err != nil {
		return err
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
			return err
		}
	}
	copies := map[string][]string{
		filepath.Join("..", "migrate", "testdata", "warc"): {"edge.warc.gz", "crawl.wacz"},
		filepath.Join("..", "..", "testdata", "warc"):      {"crawl.warc.gz"},
	}
	for to, names := range copies {
		if err := os.MkdirAll(to, 0o777); err != nil {
			return err
		}
		for _, name := range names {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err == nil {
				err = os.WriteFile(filepath.Join(to, name), data, 0o666)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// capture is a response record of the crawl, for the WACZ's index.
type capture struct {
	uri, date, mime, digest string
	status                  int
	offset, length          int64
}

// captures lists the response records of a WARC gzipped record by
// record, with the offset and length of each gzip member.
func captures(warc []byte) ([]capture, error) {
	r, err := gowarc.NewWarcFileReaderFromStream(bytes.NewReader(warc), 0, gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []capture
	for rec, err := range r.Records() {
		if err != nil {
			return nil, err
		}
		w := rec.WarcRecord
		if w.Type() == gowarc.Response {
			c := capture{uri: strings.Trim(w.WarcHeader().Get(gowarc.WarcTargetURI), "<>"), date: w.WarcHeader().Get(gowarc.WarcDate),
				digest: w.WarcHeader().Get(gowarc.WarcPayloadDigest), offset: rec.Offset, length: rec.Size}
			if b, ok := w.Block().(gowarc.HttpResponseBlock); ok {
				c.status = b.HttpStatusCode()
				if h := b.HttpHeader(); h != nil {
					c.mime, _, _ = strings.Cut(h.Get("Content-Type"), ";")
				}
			}
			out = append(out, c)
		}
		rec.Close()
	}
	return out, nil
}

// wacz packs the crawl into a WACZ 1.1.1.
func wacz(crawl []byte) ([]byte, error) {
	caps, err := captures(crawl)
	if err != nil {
		return nil, err
	}
	var cdx, pages strings.Builder
	pages.WriteString(`{"format":"json-pages-1.0","id":"pages","title":"All Pages"}` + "\n")
	for _, c := range caps {
		t, err := time.Parse(time.RFC3339, c.date)
		if err != nil {
			return nil, err
		}
		line, _ := json.Marshal(map[string]any{"url": c.uri, "mime": c.mime, "status": fmt.Sprint(c.status),
			"digest": c.digest, "length": fmt.Sprint(c.length), "offset": fmt.Sprint(c.offset), "filename": "crawl.warc.gz"})
		fmt.Fprintf(&cdx, "%s %s %s\n", surt(c.uri), t.Format("20060102150405"), line)
		if strings.Contains(c.uri, "/zxta/2023/reply-1") || strings.Contains(c.uri, "/zxta/2023/reply-21") {
			p, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("p%d", c.offset), "url": c.uri, "ts": c.date})
			pages.Write(append(p, '\n'))
		}
	}
	// A page the list names but the crawl never fetched.
	base := caps[0].uri
	p, _ := json.Marshal(map[string]string{"id": "gone", "url": base + "zxta/2023/reply-44.html", "ts": caps[0].date})
	pages.Write(append(p, '\n'))

	entries := []struct {
		name string
		data []byte
	}{
		{"archive/crawl.warc.gz", crawl},
		{"indexes/index.cdxj", []byte(cdx.String())},
		{"pages/pages.jsonl", []byte(pages.String())},
	}
	type resource struct {
		Name  string `json:"name"`
		Path  string `json:"path"`
		Hash  string `json:"hash"`
		Bytes int    `json:"bytes"`
	}
	pkg := struct {
		Profile     string     `json:"profile"`
		WACZVersion string     `json:"wacz_version"`
		Title       string     `json:"title"`
		Created     string     `json:"created"`
		Software    string     `json:"software"`
		Resources   []resource `json:"resources"`
	}{Profile: "data-package", WACZVersion: "1.1.1", Title: "replykit test crawl", Created: caps[0].date,
		Software: "replykit webarchive test generator"}
	for _, e := range entries {
		sum := sha256.Sum256(e.data)
		pkg.Resources = append(pkg.Resources, resource{Name: filepath.Base(e.name), Path: e.name,
			Hash: "sha256:" + hex.EncodeToString(sum[:]), Bytes: len(e.data)})
	}
	dp, err := json.MarshalIndent(pkg, "", "  ")
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range append(entries, struct {
		name string
		data []byte
	}{"datapackage.json", dp}) {
		method := zip.Deflate
		if strings.HasSuffix(e.name, ".gz") {
			method = zip.Store // WACZ stores its WARCs, so that a record can be read at its offset
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: method, Modified: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// surt is a URL's key in a CDXJ index: host reversed, comma-separated,
// then ")" and the path, lower-cased.
func surt(u string) string {
	rest := strings.TrimPrefix(strings.TrimPrefix(u, "http://"), "https://")
	host, path, _ := strings.Cut(rest, "/")
	host, _, _ = strings.Cut(host, ":")
	parts := strings.Split(host, ".")
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.ToLower(strings.Join(parts, ",") + ")/" + path)
}
