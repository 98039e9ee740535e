package bag

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// The metadata tag files: the transfer's Dublin Core as Archivematica
// reads it, and per page its Dublin Core, GB/T 33480-2016 and PREMIS
// records (see METADATA.md).
const (
	MetadataCSV = "metadata/metadata.csv"
	DCDir       = "metadata/dc"
	GBTDir      = "metadata/gbt33480"
	PREMISDir   = "metadata/premis"
)

// dcRecord is a page's Dublin Core record, DC elements and DC terms.
type dcRecord struct {
	XMLName   xml.Name `xml:"metadata"`
	DC        string   `xml:"xmlns:dc,attr"`
	DCTerms   string   `xml:"xmlns:dcterms,attr"`
	Title     string   `xml:"dc:title"`
	Creator   []string `xml:"dc:creator"`
	Created   string   `xml:"dcterms:created,omitempty"`
	Issued    string   `xml:"dcterms:issued,omitempty"`
	Ident     string   `xml:"dc:identifier,omitempty"`
	Type      string   `xml:"dc:type"`
	Source    string   `xml:"dc:source,omitempty"`
	Audience  []string `xml:"dcterms:audience"`
	Language  string   `xml:"dc:language"`
	Format    string   `xml:"dc:format"`
	Publisher string   `xml:"dc:publisher,omitempty"`
}

// gbtRecord is a page's record of the GB/T 33480-2016 elements, with an
// extension block (§5) for what the standard has no element for.
type gbtRecord struct {
	XMLName   xml.Name `xml:"公文元数据"`
	Standard  string   `xml:"标准,attr"`
	Title     string   `xml:"标题"`
	DocNumber string   `xml:"发文字号,omitempty"`
	MainTo    []string `xml:"主送机关"`
	Signature []string `xml:"发文机关署名"`
	Written   string   `xml:"成文日期,omitempty"`
	Attach    []string `xml:"附件说明"`
	CC        []string `xml:"抄送机关"`
	Note      string   `xml:"附注,omitempty"`
	Genre     string   `xml:"文种"`
	Ext       gbtExt   `xml:"扩展"`
}

// gbtExt is the extension block: the proposal or suggestion answered.
type gbtExt struct {
	Term      string   `xml:"届次,omitempty"`
	Session   string   `xml:"会次,omitempty"`
	Number    string   `xml:"提案建议编号,omitempty"`
	Proposers []string `xml:"提案人领衔代表"`
	Category  string   `xml:"办理类别,omitempty"`
}

// meta is what the metadata of one page is made from.
type meta struct {
	e       migrate.Entry
	r       *reply.Reply
	objects []fileSum // source, JSON, HTML
}

// dcOf maps a reply to Dublin Core.
func dcOf(r *reply.Reply) dcRecord {
	d := dcRecord{DC: "http://purl.org/dc/elements/1.1/", DCTerms: "http://purl.org/dc/terms/",
		Title: r.Title, Created: r.Signature.Date.String(), Issued: r.Page.Published.String(),
		Ident: r.DocNumber, Type: genre(r.Kind), Source: r.Page.URL, Language: "zh",
		Format: "text/html", Publisher: r.Page.Site}
	d.Creator = lines(r.Signature.Office)
	for _, a := range r.Addressees {
		d.Audience = append(d.Audience, a.Name)
	}
	return d
}

// genre is a kind of notice as 文种.
func genre(k reply.Kind) string {
	switch k {
	case reply.KindProposalReply, reply.KindSuggestionReply:
		return "复函"
	}
	return "公文"
}

// lines splits a field that joins several values by line breaks.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// gbtOf maps a reply to the GB/T 33480-2016 elements.
func gbtOf(r *reply.Reply) gbtRecord {
	g := gbtRecord{Standard: "GB/T 33480-2016", Title: r.Title, DocNumber: r.DocNumber,
		Signature: lines(r.Signature.Office), Written: r.Signature.Date.String(),
		Attach: r.Attachments, CC: r.CC, Genre: genre(r.Kind)}
	for _, a := range r.Addressees {
		g.MainTo = append(g.MainTo, a.Name)
	}
	if r.Contact.Unit != "" || r.Contact.Person != "" || r.Contact.Phone != "" {
		g.Note = strings.Join(strings.Fields(fmt.Sprintf("联系单位：%s 联系人：%s 联系电话：%s", r.Contact.Unit, r.Contact.Person, r.Contact.Phone)), " ")
	}
	p := r.Proposal
	if p.Term > 0 {
		g.Ext.Term = strconv.Itoa(p.Term)
	}
	if p.Session > 0 {
		g.Ext.Session = strconv.Itoa(p.Session)
	}
	g.Ext.Number, g.Ext.Proposers, g.Ext.Category = p.Number, p.Proposers, string(r.Category)
	return g
}

// csvHeader is metadata.csv's first row, in Archivematica's form.
var csvHeader = []string{"filename", "dc.title", "dc.creator", "dc.date", "dc.identifier", "dc.type",
	"dc.source", "dcterms.audience", "dcterms.created", "dcterms.issued"}

// csvRow is a page's row: its source as Archivematica names it once the
// bag's data/ is the transfer's objects/.
func csvRow(m meta) []string {
	d := dcOf(m.r)
	date := d.Created
	if date == "" {
		date = d.Issued
	}
	return []string{"objects/" + strings.TrimPrefix(m.objects[0].rel, "data/"), d.Title,
		strings.Join(d.Creator, "; "), date, d.Ident, d.Type, d.Source,
		strings.Join(d.Audience, "; "), d.Created, d.Issued}
}

// writeMetadata writes metadata.csv and each page's three records.
func (w *Writer) writeMetadata(pages []migrate.Entry, sums map[string]fileSum) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.Write(csvHeader)
	for _, e := range pages {
		m := meta{e: e}
		for _, rel := range []string{path.Join(SourceDir, e.Output), path.Join(ReplyDir, e.Output+".json"), path.Join(ReplyDir, e.Output+".html")} {
			m.objects = append(m.objects, sums[rel])
		}
		data, err := os.ReadFile(filepath.Join(w.tmp, filepath.FromSlash(m.objects[1].rel)))
		if err != nil {
			return fmt.Errorf("bag: %w", err)
		}
		m.r = new(reply.Reply)
		if err := json.Unmarshal(data, m.r); err != nil {
			return fmt.Errorf("bag: %s: %w", m.objects[1].rel, err)
		}
		_ = cw.Write(csvRow(m))
		for _, rec := range []struct {
			dir string
			v   any
		}{{DCDir, dcOf(m.r)}, {GBTDir, gbtOf(m.r)}, {PREMISDir, w.premisOf(m)}} {
			x, err := xml.MarshalIndent(rec.v, "", "  ")
			if err != nil {
				return fmt.Errorf("bag: %s: %w", e.Output, err)
			}
			x = append([]byte(xml.Header), append(x, '\n')...)
			if err := w.write(path.Join(rec.dir, e.Output+".xml"), x); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("bag: %w", err)
	}
	return w.write(MetadataCSV, buf.Bytes())
}
