package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// warningCodes are the codes warnings.go declares.
var warningCodes = []string{
	CodeCharsetMismatch, CodeReplacedBytes, CodeBadDate, CodeAmbiguousDate, CodeMarkerLevel,
	CodeNumberingGap, CodeNumberingRestart, CodeNotNotice, CodeNoTitle, CodeUnsafeURL, CodeTableAsText,
	CodeBidiControl,
}

// TestWarningCodes gives, for each code, an input that draws it, read
// through the public API.
func TestWarningCodes(t *testing.T) {
	const (
		head = "关于加装电梯建议的答复\n张三代表：\n你提出的关于老旧小区加装电梯的建议收悉，现答复如下：\n"
		end  = "感谢你对住房建设工作的关心和支持。\n区住房和城乡建设局\n"
		date = "2021年3月16日"
	)
	notice := `<html><head><title>关于县政协十届一次会议第73号提案的答复</title></head><body><div id="zoom"><p>涂轶委员：</p>` +
		`<p>你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下：</p><p>感谢你对我们工作的关心和支持。</p></div></body></html>`
	tests := []struct {
		code  string
		read  func() (*reply.Reply, error)
		where string
	}{
		{CodeCharsetMismatch, func() (*reply.Reply, error) {
			return HTML(bytes.NewReader(gbk(t, strings.Replace(notice, "<head>", `<head><meta charset="utf-8">`, 1))))
		}, ""},
		{CodeReplacedBytes, func() (*reply.Reply, error) { return Text(head + "正文\xff。\n" + end + date) }, "line 4"},
		{CodeBadDate, func() (*reply.Reply, error) { return Text(head + "正文。\n" + end + "2017年2月30日") }, "line 7"},
		{CodeAmbiguousDate, func() (*reply.Reply, error) { return Text(head + "正文。\n" + end + "2021112") }, "line 7"},
		{CodeMarkerLevel, func() (*reply.Reply, error) {
			return Text(head + "一、第一\n①圈一\n②圈二\n（一）小\n" + end + date)
		}, "line 7"},
		{CodeNumberingGap, func() (*reply.Reply, error) { return Text(head + "一、第一\n三、第三\n" + end + date) }, "line 5"},
		{CodeNumberingRestart, func() (*reply.Reply, error) { return Text(head + "一、第一\n一、又一\n" + end + date) }, "line 5"},
		{CodeNotNotice, func() (*reply.Reply, error) {
			return HTML(strings.NewReader(`<html><head><title>活动报道</title></head><body><div class="content"><p>本报讯 昨日，市民在广场上参加了金融知识普及活动，现场气氛热烈。</p></div></body></html>`))
		}, ""},
		{CodeNoTitle, func() (*reply.Reply, error) { return Text("张三：\n正文。") }, ""},
		{CodeUnsafeURL, func() (*reply.Reply, error) { return HTML(strings.NewReader(notice), WithURL("javascript:alert(1)")) }, ""},
		{CodeTableAsText, func() (*reply.Reply, error) {
			table := `<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>`
			return HTML(strings.NewReader(strings.Replace(notice, "<p>感谢", table+"<p>感谢", 1)), WithMaxTableCells(3))
		}, "byte 108"},
		{CodeBidiControl, func() (*reply.Reply, error) {
			return Text(strings.Replace(head, "加装电梯", "加装\u202e梯电", 1) + "正文。\n" + end + date)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			rep, err := tt.read()
			require.NoError(t, err)
			require.Len(t, rep.Warnings, 1, "%v", rep.Warnings)
			w := rep.Warnings[0]
			assert.Equal(t, tt.code, w.Code)
			assert.NotEmpty(t, w.Message)
			assert.Equal(t, tt.where, w.Where)
		})
	}
	var covered []string
	for _, tt := range tests {
		covered = append(covered, tt.code)
	}
	assert.ElementsMatch(t, warningCodes, covered, "a case for every code")
}

// TestWarningCodesDeclared reads every fixture and corpus page and text:
// every warning it gets has a declared code and a message.
func TestWarningCodesDeclared(t *testing.T) {
	files := append(fixtureGlob(t, "html"), fixtureGlob(t, "txt")...)
	for _, glob := range []string{"../../shared/corpus/pages/*.htm*", "../../shared/corpus/texts/*.txt"} {
		m, err := filepath.Glob(glob)
		require.NoError(t, err)
		files = append(files, m...)
	}
	seen := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var rep *reply.Reply
		if strings.HasSuffix(f, ".txt") {
			rep, err = Text(string(data))
		} else {
			rep, err = HTML(bytes.NewReader(data))
		}
		if err != nil {
			continue // the broken fixtures
		}
		for _, w := range rep.Warnings {
			assert.True(t, slices.Contains(warningCodes, w.Code), "%s: code %q", f, w.Code)
			assert.NotEmpty(t, w.Message, f)
			seen[w.Code]++
		}
	}
	assert.NotEmpty(t, seen, "no input gave a warning")
}
