package collection

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// record is what the index keeps of one reply: the cells of its row, the
// keys it is filtered and sorted by, and its links.
type record struct {
	title      string // as shown: a supplied title in 〔〕 with its note
	office     string // the issuing office, several joined by 「、」
	date       string // YYYY-MM-DD, or ""
	published  bool   // date is the page's publication date: the notice is unsigned
	year       int    // date's year, 0 when unknown
	kind       reply.Kind
	number     string // the proposal as shown: body, term, session, number
	numberKey  [3]int // term, session and number's value, to sort by
	addressees string
	warnings   []string // warning codes from the report, in order
	output     string   // the output name, without .json and .html
	source     string   // the page on disk, relative to the output directory, or ""
	url        string   // the page's http(s) address, or ""
}

// newRecord makes the record of r, whose report entry is e.
func newRecord(r *reply.Reply, e *migrate.Entry, src string) record {
	rec := record{
		title:  r.Title,
		office: joinLines(r.Signature.Office),
		kind:   r.Kind,
		output: e.Output,
		source: src,
		url:    pageURL(r.Page.URL),
	}
	if r.TitleInferred {
		rec.title = reply.SuppliedTitle(r.Title)
	}
	d := r.Signature.Date
	if !d.Valid() && r.Page.Published.Valid() {
		d, rec.published = r.Page.Published, true
	}
	if d.Valid() {
		rec.date = d.String()[:len("2006-01-02")]
		rec.year = d.Year
	}
	rec.number, rec.numberKey = proposalCell(r.Proposal)
	names := make([]string, len(r.Addressees))
	for i, a := range r.Addressees {
		names[i] = a.Name + string(a.Role)
	}
	rec.addressees = strings.Join(names, "、")
	for _, w := range e.Warnings {
		rec.warnings = append(rec.warnings, w.Code)
	}
	return rec
}

// joinLines joins the lines of a joint reply's offices with 「、」.
func joinLines(s string) string {
	var parts []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "、")
}

// proposalCell gives the proposal answered as the table shows it, such as
// 「县政协10届1次第73号」, and its key to sort by.
func proposalCell(p reply.Proposal) (string, [3]int) {
	if p.IsZero() {
		return "", [3]int{}
	}
	var b strings.Builder
	b.WriteString(p.Body)
	if p.Term > 0 {
		b.WriteString(strconv.Itoa(p.Term) + "届")
	}
	if p.Session > 0 {
		b.WriteString(strconv.Itoa(p.Session) + "次")
	}
	n, _ := strconv.Atoi(p.Number) // a number such as 「A12」 sorts as 0
	if p.Number != "" {
		b.WriteString("第" + p.Number + "号")
	}
	return b.String(), [3]int{p.Term, p.Session, n}
}

// pageURL returns u when it is an http or https address, else "": only
// such addresses become links.
func pageURL(u string) string {
	lower := strings.ToLower(u)
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		return u
	}
	return ""
}

// searchText is the text of r that the search index holds: the title, the
// whole text, and the parts that are not in the text as written.
func searchText(r *reply.Reply) string {
	parts := []string{r.Title, r.PlainText(), r.Signature.Office, r.DocNumber, r.Proposal.Body, r.Proposal.Title}
	parts = append(parts, r.Proposal.Proposers...)
	for _, a := range r.Addressees {
		parts = append(parts, a.Name)
	}
	return strings.Join(parts, "\n")
}

// sourceLink returns the path of a page's source relative to the output
// directory (absolute, cleaned), with slashes, when it is a file on disk:
// the page itself, or the archive that holds it ("site.zip!a/b.html").
// Pages read from elsewhere (an embedded file system) have none: "".
func sourceLink(absOut, display string) string {
	candidates := []string{display}
	for i := 0; i < len(display); i++ {
		if display[i] == '!' {
			candidates = append(candidates, display[:i])
		}
	}
	for _, c := range candidates {
		abs, err := filepath.Abs(c)
		if err != nil {
			continue
		}
		info, err := os.Stat(abs)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		rel, err := filepath.Rel(absOut, abs)
		if err != nil {
			return ""
		}
		return filepath.ToSlash(rel)
	}
	return ""
}
