package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExtractBaseHref: a <base href> with a script scheme never becomes the
// base of the page's relative image addresses, while an http base does.
func TestExtractBaseHref(t *testing.T) {
	tests := []struct {
		base, want string
	}{
		{"javascript:alert(1)//", "x.png"},
		{"JavaScript:alert(1)//", "x.png"},
		{"http://www.example.gov.cn/zxta/", "http://www.example.gov.cn/zxta/x.png"},
	}
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			page := `<html><head><base href="` + tt.base + `"></head><body><div id="zoom">` +
				`<p>涂轶委员：</p><p>你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下：</p>` +
				`<p><img src="x.png" alt="示意图"></p><p>感谢你对我们工作的关心和支持。</p></div></body></html>`
			src, err := Extract(strings.NewReader(page))
			require.NoError(t, err)
			var urls []string
			for _, b := range src.Blocks {
				if b.Image != nil {
					urls = append(urls, b.Image.URL)
					assert.Equal(t, "示意图", b.Image.Alt)
				}
			}
			assert.Equal(t, []string{tt.want}, urls)
		})
	}
}

// TestExtractNotNotice checks the marking of pages that are not notices.
func TestExtractNotNotice(t *testing.T) {
	body := `<body><div class="content"><p>本报讯 昨日，市民在广场上参加了金融知识普及活动，现场气氛热烈。</p></div></body>`
	tests := []struct {
		name   string
		head   string
		opts   []Option
		notice bool
	}{
		{"news site by URL", `<title>活动报道</title>`, []Option{WithURL("https://news.example.com/a/1.html")}, false},
		{"government site by URL", `<title>活动报道</title>`, []Option{WithURL("https://www.example.gov.cn/a/1.html")}, true},
		{"government site by SiteDomain", `<meta name="SiteDomain" content="www.example.gov.cn"><title>活动报道</title>`, nil, true},
		{"official document title", `<title>某某局关于开展金融知识普及活动的通知</title>`, nil, true},
		{"no site, no document title", `<title>活动报道</title>`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Extract(strings.NewReader("<html><head>"+tt.head+"</head>"+body+"</html>"), tt.opts...)
			require.NoError(t, err)
			assert.Equal(t, tt.notice, src.IsNotice(), "%v", src.Warnings)
			assert.NotEmpty(t, src.Blocks)
		})
	}
}
