package reply

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(r *Reply)
		paths  []string
	}{
		{"empty title", func(r *Reply) { r.Title = "" }, []string{"title"}},
		{"no kind", func(r *Reply) { r.Kind = "" }, []string{"kind"}},
		{"unknown kind", func(r *Reply) { r.Kind = "reply" }, []string{"kind"}},
		{"impossible signature date", func(r *Reply) { r.Signature.Date = Date{Text: "2017年2月30日", Year: 2017, Month: 2, Day: 30} }, []string{"signature.date"}},
		{"date value without text, invalid", func(r *Reply) { r.Signature.Date = Date{Year: 2017, Month: 13, Day: 1} }, []string{"signature.date"}},
		{"date text only", func(r *Reply) { r.Signature.Date = Date{Text: "2017年3月16日"} }, []string{"signature.date"}},
		{"date text of another day", func(r *Reply) { r.Signature.Date.Text = "2017年3月6日" }, []string{"signature.date"}},
		{"date with a time the text lacks", func(r *Reply) { r.Signature.Date.HasTime = true }, []string{"signature.date"}},
		{"ambiguous date text", func(r *Reply) { r.Signature.Date.Text = "2021112" }, []string{"signature.date"}},
		{"published not a date", func(r *Reply) { r.Page.Published.Text = "昨天" }, []string{"page.published"}},
		{"negative views", func(r *Reply) { r.Page.Views = -1 }, []string{"page.views"}},
		{"section number differs from marker", func(r *Reply) { r.Sections[2].Sections[0].Number = 5 }, []string{
			"sections[2].sections[0].number", "sections[2].sections[1].number"}},
		{"repeated section number", func(r *Reply) { r.Sections[1].Marker, r.Sections[1].Number = "一、", 1 }, []string{"sections[1].number"}},
		{"restarted numbering", func(r *Reply) { r.Sections[3].Marker, r.Sections[3].Number = "二、", 2 }, []string{"sections[3].number"}},
		{"gap allowed", func(r *Reply) { r.Sections[3].Marker, r.Sections[3].Number = "五、", 5 }, nil},
		{"mixed levels", func(r *Reply) { r.Sections[2].Sections[1].Marker = "2." }, []string{"sections[2].sections[1].marker"}},
		{"mixed widths are one level", func(r *Reply) { r.Sections[2].Sections[1].Marker = "（二）" }, nil},
		{"not a marker", func(r *Reply) { r.Sections[0].Marker = "一是" }, []string{"sections[0].marker"}},
		{"empty marker", func(r *Reply) { r.Sections[0].Marker = "" }, []string{"sections[0].marker"}},
		{"empty addressee", func(r *Reply) { r.Addressees[1].Name = " " }, []string{"addressees[1].name"}},
		{"empty block", func(r *Reply) { r.Closing[1] = Block{} }, []string{"closing[1]"}},
		{"text and table", func(r *Reply) { r.Opening[0].Table = &Table{Rows: [][]string{{"a"}}} }, []string{"opening[0]"}},
		{"table and image", func(r *Reply) {
			r.Sections[0].Blocks[0] = Block{Table: &Table{Rows: [][]string{{"a"}}}, Image: &Image{URL: "a.png"}}
		}, []string{"sections[0].blocks[0]"}},
		{"table without rows", func(r *Reply) { r.Sections[0].Blocks[0] = Block{Table: &Table{Caption: "表"}} }, []string{"sections[0].blocks[0].table.rows"}},
		{"image without URL", func(r *Reply) { r.Closing[0] = Block{Image: &Image{Alt: "图"}} }, []string{"closing[0].image.url"}},
		{"javascript image", func(r *Reply) { r.Closing[0] = Block{Image: &Image{URL: "javascript:alert(1)"}} }, []string{"closing[0].image.url"}},
		{"data image", func(r *Reply) { r.Closing[0] = Block{Image: &Image{URL: "DATA:image/png;base64,AAAA"}} }, []string{"closing[0].image.url"}},
		{"relative and https images", func(r *Reply) {
			r.Closing = append(r.Closing, Block{Image: &Image{URL: "/img/a.png"}}, Block{Image: &Image{URL: "HTTPS://example.org/a.png"}}, Block{Image: &Image{URL: "//example.org/a.png"}})
		}, nil},
		{"point without marker", func(r *Reply) { r.Sections[1].Blocks[0].Points[2].Marker = "" }, []string{"sections[1].blocks[0].points[2].marker"}},
		{"lead not a prefix", func(r *Reply) { r.Sections[3].Blocks[7].Points[0].Lead = "坚持村民自治" }, []string{"sections[3].blocks[7].points[0].lead"}},
		{"unknown category", func(r *Reply) { r.Category = "D" }, []string{"category"}},
		{"known category", func(r *Reply) { r.Category = CategoryB }, nil},
		{"header without title", func(r *Reply) { r.Header = []Line{{Text: "旺苍县人民政府办公室", Field: FieldOffice}} }, []string{"header"}},
		{"header with title", func(r *Reply) {
			r.Header = []Line{{Text: "旺苍县人民政府办公室", Field: FieldOffice}, {Text: seedTitle, Field: FieldTitle}}
		}, nil},
		{"inferred title", func(r *Reply) { r.TitleInferred = true }, nil},
		{"inferred title, header without title", func(r *Reply) {
			r.TitleInferred = true
			r.Header = []Line{{Text: "旺苍县人民政府办公室", Field: FieldOffice}}
		}, nil},
		{"inferred title, header states a title", func(r *Reply) {
			r.TitleInferred = true
			r.Header = []Line{{Text: "旺苍县人民政府办公室", Field: FieldOffice}, {Text: seedTitle, Field: FieldTitle}}
		}, []string{"titleInferred"}},
		{"inferred title, empty", func(r *Reply) { r.TitleInferred, r.Title = true, "" }, []string{"title"}},
		{"empty header line", func(r *Reply) { r.Header = []Line{{Text: seedTitle, Field: FieldTitle}, {Text: ""}} }, []string{"header[1].text"}},
		{"empty trailer line", func(r *Reply) { r.Trailer = []Line{{Text: "　"}} }, []string{"trailer[0].text"}},
		{"negative term and session", func(r *Reply) { r.Proposal.Term, r.Proposal.Session = -1, -2 }, []string{"proposal.term", "proposal.session"}},
		{"file provenance", func(r *Reply) { r.Provenance = Provenance{Path: "a.zip!b.html", SHA256: strings.Repeat("0f", 32)} }, nil},
		{"capture", func(r *Reply) { r.Provenance = testCapture() }, nil},
		{"capture, fractional seconds and an offset", func(r *Reply) {
			r.Provenance = testCapture()
			r.Provenance.Capture.Date = "2021-05-06T07:08:09.25+08:00"
		}, nil},
		{"sha256 in capitals", func(r *Reply) { r.Provenance.SHA256 = strings.Repeat("0F", 32) }, []string{"provenance.sha256"}},
		{"sha256 of SHA-1 length", func(r *Reply) { r.Provenance.SHA256 = strings.Repeat("0f", 20) }, []string{"provenance.sha256"}},
		{"capture without its record", func(r *Reply) { r.Provenance.Capture = Capture{Offset: 7} }, []string{
			"provenance.capture.uri", "provenance.capture.date", "provenance.capture.recordID"}},
		{"capture date as WARC-Date is not", func(r *Reply) {
			r.Provenance = testCapture()
			r.Provenance.Capture.Date = "2021-05-06 07:08:09"
		}, []string{"provenance.capture.date"}},
		{"negative offset", func(r *Reply) {
			r.Provenance = testCapture()
			r.Provenance.Capture.Offset = -1
		}, []string{"provenance.capture.offset"}},
		{"many at once", func(r *Reply) {
			r.Title = ""
			r.Signature.Date.Day = 32
			r.Sections[1].Number = 7
			r.Closing[0].Text = ""
		}, []string{"title", "sections[1].number", "sections[2].number", "closing[0]", "signature.date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := seedReply()
			tt.mutate(r)
			err := r.Validate()
			if tt.paths == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalid))
			var ve *ValidationError
			require.True(t, errors.As(err, &ve))
			var paths []string
			for _, p := range ve.Problems {
				paths = append(paths, p.Path)
				assert.NotEmpty(t, p.Message)
			}
			assert.Equal(t, tt.paths, paths, err.Error())
			lines := strings.Split(err.Error(), "\n")
			require.Len(t, lines, len(tt.paths)+1, "a count, then one line a problem")
			for i, p := range ve.Problems {
				assert.Equal(t, p.Path+": "+p.Message, lines[i+1])
			}
		})
	}
}

func TestValidateZeroReply(t *testing.T) {
	err := (&Reply{}).Validate()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []Problem{{"kind", "missing"}, {"title", "empty"}}, ve.Problems)
	assert.Equal(t, "reply: invalid reply: 2 problems\nkind: missing\ntitle: empty", err.Error())
	assert.NoError(t, (&Reply{Kind: KindOther, Title: "通知"}).Validate())
}

// TestZeroReplyIsWritten: writing and reading do not validate. The zero
// Reply, which Validate refuses, is written as its format tag, an empty
// kind and an empty title, and reads back as the zero Reply; so does a
// reply with only what a reader found in a notice without a title.
func TestZeroReplyIsWritten(t *testing.T) {
	data, err := Marshal(&Reply{})
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"format\": \"replykit/v1\",\n  \"kind\": \"\",\n  \"title\": \"\"\n}\n", string(data))
	back, err := Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, &Reply{}, back)
	require.ErrorIs(t, back.Validate(), ErrInvalid)

	untitled := &Reply{Kind: KindOther, Opening: []Block{{Text: "正文。"}},
		Warnings: []Warning{{Code: "no-title", Message: "no line above the body reads as the title"}}}
	data, err = Marshal(untitled)
	require.NoError(t, err)
	back, err = Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, untitled, back)
	var ve *ValidationError
	require.ErrorAs(t, back.Validate(), &ve)
	assert.Equal(t, []Problem{{"title", "empty"}}, ve.Problems)
}

// TestLeadBeginsText: a lead begins its point's text when it is a prefix
// that ends where a character of the text starts.
func TestLeadBeginsText(t *testing.T) {
	tests := []struct {
		lead, text string
		want       bool
	}{
		{"", "", true},
		{"", "提升认识。", true},
		{"", "\x82。", true},
		{"提升认识", "提升认识。新型农村社区", true},
		{"提升认识。", "提升认识。", true},
		{"提升", "提升认识", true},
		{"提升认识", "提升", false},
		{"认识", "提升认识", false},
		{"\xe6\x8f", "提升", false}, // ends inside 提
		{"\xe3\x80", "\xe3\x80\x82", false},
		{"\xe3\x80", "\xe3\x80X", true}, // invalid bytes, split where X starts
		{"a", "ab", true},
	}
	for _, tt := range tests {
		p := Point{Marker: "一是", Lead: tt.lead, Text: tt.text}
		assert.Equal(t, tt.want, p.LeadBeginsText(), "%q in %q", tt.lead, tt.text)
		err := (&Reply{Kind: KindOther, Title: "t", Opening: []Block{{Points: []Point{p}}}}).Validate()
		if tt.want {
			assert.NoError(t, err, "%q in %q", tt.lead, tt.text)
		} else {
			assert.ErrorContains(t, err, "does not begin the point's text", "%q in %q", tt.lead, tt.text)
		}
	}
}

// testCapture is the provenance of a valid capture.
func testCapture() Provenance {
	return Provenance{Path: "crawl.warc.gz", SHA256: strings.Repeat("ab", 32), Capture: Capture{
		URI: "http://x.gov.cn/a.html", Date: "2021-05-06T07:08:09Z", RecordID: "<urn:uuid:1>", Offset: 1234}}
}
