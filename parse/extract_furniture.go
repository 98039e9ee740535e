package parse

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
)

// furnitureLabels are the labels of the metadata lines that pages print
// around a notice, and the page field each fills.
var furnitureLabels = []struct {
	label string
	field string
}{
	{"发布时间", "published"}, {"发布日期", "published"}, {"发文日期", "published"},
	{"更新时间", "published"}, {"编稿时间", "published"}, {"时间", "published"}, {"日期", "published"},
	{"信息来源", "source"}, {"文章来源", "source"}, {"来源", "source"}, {"来自", "source"},
	{"点击量", "views"}, {"点击数", "views"}, {"点击率", "views"}, {"点击", "views"}, {"浏览次数", "views"}, {"浏览量", "views"},
	{"浏览", "views"}, {"阅读次数", "views"}, {"阅读量", "views"}, {"访问量", "views"}, {"访问次数", "views"},
	{"作者", "author"}, {"责任编辑", "author"}, {"编辑", "author"}, {"发布者", "author"}, {"发布人", "author"},
	{"字体", "widget"}, {"字号", "widget"}, {"文字大小", "widget"}, {"分享到", "widget"}, {"分享", "widget"},
}

// furnitureLabelStarts holds the first characters of furnitureLabels.
var furnitureLabelStarts = func() runeFilter {
	var words []string
	for _, fl := range furnitureLabels {
		words = append(words, fl.label)
	}
	return firstRunes(words...)
}()

// furnitureWidgets are the words of print, share and font-size widgets.
var furnitureWidgets = []string{
	"【打印本页】", "【关闭窗口】", "[打印]", "[关闭]", "打印本页", "关闭窗口", "打印此页", "关闭本页",
	"【打印】", "【关闭】", "【大】", "【中】", "【小】", "[大]", "[中]", "[小]", "[ 字体: ]", "[字体:]",
	"【字体：大 中 小】", "【字号：大 中 小】", "大 中 小", "打印", "关闭", "分享:", "分享：", "收藏", "默认",
	"[", "]", "【", "】", "|", "丨",
}

// furnitureWidgetStarts holds the first characters of furnitureWidgets.
var furnitureWidgetStarts = firstRunes(furnitureWidgets...)

// furnitureLines are whole lines that sites print above or below a notice.
var furnitureLines = []string{
	"网站支持IPv6", "网站支持ipv6", "本网站支持IPv6", "欢迎访问", "无障碍浏览", "无障碍", "繁体版", "简体版",
	"扫一扫", "扫一扫在手机打开当前页", "上一篇", "下一篇", "上一条", "下一条", "返回顶部", "关闭窗口", "打印本页",
	"【打印本页】", "【关闭窗口】", "相关附件", "附件下载", "分享到", "分享到：", "分享到:",
}

// breadcrumbPrefixes start the location line (当前位置).
var breadcrumbPrefixes = []string{"您当前所在位置", "您所在的位置", "您所在位置", "当前所在位置", "当前位置", "您现在的位置", "您当前的位置", "当前的位置", "您的位置", "所在位置", "位置"}

// isFurniture reports whether line is page furniture rather than notice
// text, and records in page whatever it states: breadcrumb, publish time,
// source, views, author. Lines are as SourceBlock.Text holds them: spaces
// folded.
func isFurniture(line string, page *reply.Page) bool {
	line = strings.TrimSpace(line)
	if line == "" {
		return false
	}
	for _, w := range furnitureLines {
		if line == w {
			return true
		}
	}
	if rest, ok := cutLabel(line, breadcrumbPrefixes); ok && !longer(line, 199) {
		page.Breadcrumb = splitBreadcrumb(rest)
		return true
	}
	return readMetaLine(line, page)
}

// cutLabel cuts one of labels and the colon after it from the start of s.
func cutLabel(s string, labels []string) (string, bool) {
	for _, l := range labels {
		rest, ok := strings.CutPrefix(s, l)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " ")
		if r, ok := cutColon(rest); ok {
			return strings.TrimSpace(r), true
		}
	}
	return "", false
}

// cutColon cuts a colon, half- or full-width or ratio (∶), from the start of s.
func cutColon(s string) (string, bool) {
	for _, c := range []string{":", "：", "∶"} {
		if r, ok := strings.CutPrefix(s, c); ok {
			return r, true
		}
	}
	return s, false
}

// splitBreadcrumb splits 「首页 > 政协提案 > 某某答复」 into its levels.
func splitBreadcrumb(s string) []string {
	var out []string
	// Each level is added once the next is seen: a level with spaces in
	// it is split at them unless it is the last (a page's own title).
	prev, have := "", false
	for p := range strings.FieldsFuncSeq(s, func(r rune) bool {
		return r == '>' || r == '＞' || r == '»' || r == '›' || r == '→' || r == '/' || r == '|'
	}) {
		if have {
			out = addCrumb(out, prev, false)
		}
		prev, have = p, true
	}
	if have {
		out = addCrumb(out, prev, true)
	}
	return out
}

// addCrumb appends the level p of a breadcrumb to out, split at its
// spaces unless it is the last.
func addCrumb(out []string, p string, last bool) []string {
	p = strings.TrimSpace(p)
	switch {
	case p == "":
	case !last && strings.Contains(p, " "):
		for f := range strings.FieldsSeq(p) {
			out = append(out, f)
		}
	default:
		out = append(out, p)
	}
	return out
}

// readMetaLine reads a line made only of furniture labels with their
// values and widgets, such as 「发布时间:2020-10-21 来源:县民政局 点击量:2045
// [ 字体: ] 打印 分享:」, into page. It reports false, and leaves page as it
// was, for any line with other text in it.
func readMetaLine(line string, page *reply.Page) bool {
	if longer(line, 160) {
		return false
	}
	var found reply.Page
	s := line
	labels := 0
	for s != "" {
		s = strings.TrimLeft(s, " \u3000")
		if s == "" {
			break
		}
		if w, ok := cutWidget(s); ok {
			s = w
			continue
		}
		field, value, rest, ok := cutField(s)
		if !ok {
			return false
		}
		labels++
		s = rest
		if !setField(&found, field, value) {
			return false
		}
	}
	if labels == 0 {
		return false
	}
	mergePage(page, &found)
	return true
}

// cutWidget cuts a print, share or font-size widget word from the start of s.
func cutWidget(s string) (string, bool) {
	if r, _ := utf8.DecodeRuneInString(s); !furnitureWidgetStarts.mayHave(r) {
		return s, false
	}
	for _, w := range furnitureWidgets {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest, true
		}
	}
	return s, false
}

// cutField cuts 「label:value」 from the start of s; the value runs to the
// next label, widget or run of spaces.
func cutField(s string) (field, value, rest string, ok bool) {
	if r, _ := utf8.DecodeRuneInString(s); !furnitureLabelStarts.mayHave(r) {
		return "", "", s, false
	}
	for _, fl := range furnitureLabels {
		after, found := strings.CutPrefix(s, fl.label)
		if !found {
			continue
		}
		after = strings.TrimLeft(after, " ")
		after, colon := cutColon(after)
		if !colon && fl.field != "widget" {
			continue
		}
		after = strings.TrimLeft(after, " \u3000")
		end := valueEnd(after, fl.field)
		return fl.field, strings.TrimSpace(after[:end]), after[end:], true
	}
	return "", "", s, false
}

// valueEnd finds where a furniture value ends: at the next label, a widget
// bracket, or a space (a date's time part is kept).
func valueEnd(s, field string) int {
	if field == "widget" {
		return 0
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '[' || r == '【' || r == '|' || r == '丨' {
			return i
		}
		if r == ' ' || r == '\u3000' {
			// A time after a date: 「2020-10-21 09:30:00」.
			if field == "published" && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' && strings.ContainsAny(s[i+1:min(len(s), i+9)], ":：") {
				i += size
				continue
			}
			return i
		}
		// The next label ends the value, even at once (an empty value).
		if furnitureLabelStarts.mayHave(r) && labelAt(s[i:]) {
			return i
		}
		i += size
	}
	return i
}

// labelAt reports whether s starts with a furniture label and its colon.
func labelAt(s string) bool {
	for _, fl := range furnitureLabels {
		if after, ok := strings.CutPrefix(s, fl.label); ok {
			if _, colon := cutColon(strings.TrimLeft(after, " ")); colon {
				return true
			}
		}
	}
	return false
}

// setField stores a furniture value in p; it reports false for a value
// that cannot be what its label says (a publish time that is no date).
func setField(p *reply.Page, field, value string) bool {
	switch field {
	case "published":
		if value == "" {
			return true
		}
		d, err := reply.ParseDate(value)
		if err != nil {
			return false
		}
		p.Published = d
	case "source":
		p.Source = value
	case "views":
		if value == "" {
			return true
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(value, "次"), "人次"))
		if err != nil {
			return false
		}
		p.Views = n
	case "author":
		p.Author = value
	}
	return true
}

// mergePage copies into dst each field that src sets.
func mergePage(dst, src *reply.Page) {
	if !src.Published.IsZero() {
		dst.Published = src.Published
	}
	if src.Source != "" {
		dst.Source = src.Source
	}
	if src.Views != 0 {
		dst.Views = src.Views
	}
	if src.Author != "" {
		dst.Author = src.Author
	}
	if len(src.Breadcrumb) > 0 {
		dst.Breadcrumb = src.Breadcrumb
	}
}
