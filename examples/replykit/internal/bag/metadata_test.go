package bag

import (
	"encoding/csv"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const wangcang = "wangcang/zxta/t20201021_73.html"

// TestMetadataRecords names every element of one reply's records and its
// value (no Dublin Core or PREMIS schema is packaged to validate against).
func TestMetadataRecords(t *testing.T) {
	dir, _ := makeBag(t, migrate.Input{Path: pagesDir})
	files := readBag(t, dir)
	for _, c := range []struct {
		file string
		want []string
	}{
		{DCDir + "/" + wangcang + ".xml", []string{
			`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">`,
			"<dc:title>旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复</dc:title>",
			"<dc:creator>旺苍县人民政府办公室</dc:creator>",
			"<dcterms:created>2017-03-16</dcterms:created>",
			"<dcterms:issued>2020-10-21</dcterms:issued>",
			"<dc:type>复函</dc:type>",
			"<dcterms:audience>涂轶</dcterms:audience>",
			"<dcterms:audience>李勇</dcterms:audience>",
			"<dc:language>zh</dc:language>", "<dc:format>text/html</dc:format>",
			"<dc:publisher>旺苍县人民政府</dc:publisher>",
		}},
		{GBTDir + "/" + wangcang + ".xml", []string{
			`<公文元数据 标准="GB/T 33480-2016">`,
			"<标题>旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复</标题>",
			"<主送机关>涂轶</主送机关>", "<发文机关署名>旺苍县人民政府办公室</发文机关署名>",
			"<成文日期>2017-03-16</成文日期>", "<文种>复函</文种>",
			"<届次>10</届次>", "<会次>1</会次>", "<提案建议编号>73</提案建议编号>",
			"<提案人领衔代表>涂轶</提案人领衔代表>",
		}},
		{PREMISDir + "/" + wangcang + ".xml", []string{
			`<premis:premis xmlns:premis="http://www.loc.gov/premis/v3" version="3.0">`,
			"<premis:objectIdentifierValue>data/source/" + wangcang + "</premis:objectIdentifierValue>",
			"<premis:objectIdentifierValue>data/reply/" + wangcang + ".json</premis:objectIdentifierValue>",
			"<premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm>",
			"<premis:messageDigest>8876c27576bdb3f1e9ef4a8392b5b85c6e66f3fa1e3cdf3a69695b6b99397e85</premis:messageDigest>",
			"<premis:size>10087</premis:size>",
			"<premis:eventType>migration</premis:eventType>",
			"<premis:eventDateTime>2025-03-04T05:06:07Z</premis:eventDateTime>",
			"<premis:eventDetail>read and rendered by replykit test</premis:eventDetail>",
			"<premis:eventOutcome>success</premis:eventOutcome>",
			"<premis:agentType>software</premis:agentType>",
			"<premis:agentVersion>replykit test</premis:agentVersion>",
		}},
	} {
		require.Contains(t, files, c.file)
		for _, w := range c.want {
			assert.Contains(t, files[c.file], w, c.file)
		}
	}
	assert.NotContains(t, files[PREMISDir+"/"+wangcang+".xml"], "<premis:eventOutcomeDetail>", "no warnings, no detail")

	rows, err := csv.NewReader(strings.NewReader(files[MetadataCSV])).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 7, "a header and a row a page in the bag")
	assert.Equal(t, csvHeader, rows[0])
	var row []string
	for _, r := range rows[1:] {
		if r[0] == "objects/source/"+wangcang {
			row = r
		}
	}
	assert.Equal(t, []string{"objects/source/" + wangcang, "旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复",
		"旺苍县人民政府办公室", "2017-03-16", "", "复函", "", "涂轶; 李勇", "2017-03-16", "2020-10-21"}, row)
}

// TestMetadataWellFormed runs Debian's xmllint over every XML record.
func TestMetadataWellFormed(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not found (apt-get install libxml2-utils): the XML records are not checked by it")
	}
	dir, _ := makeBag(t, migrate.Input{Path: pagesDir})
	var xmls []string
	for name := range readBag(t, dir) {
		if strings.HasSuffix(name, ".xml") {
			xmls = append(xmls, filepath.Join(dir, name))
		}
	}
	assert.Len(t, xmls, 18, "three records a page")
	out, err := exec.Command("xmllint", append([]string{"--noout"}, xmls...)...).CombinedOutput()
	assert.NoError(t, err, string(out))
	assert.Empty(t, string(out))
}
