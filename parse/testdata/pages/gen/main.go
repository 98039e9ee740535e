// Command gen writes the page fixtures of the parse tests from
// pages/seed-body.txt (the seed notice: its title, then one paragraph a
// line, the signature office and date last): the pages that read as a
// reply as the page.html of a case under testdata/cases, the others
// (empty, not HTML, no notice) under testdata/pages. Run it from the parse
// directory with `go generate`.
package main

import (
	"bytes"
	"fmt"
	"html"
	"log"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const dir = "testdata"

func main() {
	raw, err := os.ReadFile(filepath.Join(dir, "pages", "seed-body.txt"))
	if err != nil {
		log.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	title, body := lines[0], lines[1:]
	paras, office, date := body[:len(body)-2], body[len(body)-2], body[len(body)-1]

	write("cases/seed-trs-utf8/page.html", trsPage(title, paras, office, date, "utf-8"), false)
	write("cases/seed-trs-gbk/page.html", trsPage(title, paras, office, date, "gbk"), true)
	write("cases/seed-hanweb/page.html", hanwebPage(title, paras, office, date), false)
	write("cases/seed-table-gb2312/page.html", tablePage(title, paras, office, date), true)
	write("cases/seed-article/page.html", articlePage(title, paras, office, date), false)

	// Broken pages.
	write("pages/broken-empty.html", "", false)
	write("pages/broken-blank.html", " \n\t\r\n  ", false)
	write("pages/broken-plain.txt", strings.Join(lines, "\n")+"\n", false)
	write("pages/broken-list.html", listPage(title), false)
	write("pages/broken-error.html", errorPage(), false)
	write("cases/broken-malformed/page.html", malformedPage(title, paras, office, date), false)
	// GBK bytes under a UTF-8 declaration.
	write("cases/broken-gbk-declared-utf8/page.html", strings.Replace(trsPage(title, paras, office, date, "utf-8"), "<!-- encoding: utf-8 -->", "<!-- GBK bytes -->", 1), true)
	// A page cut in the middle of its last character.
	page := articlePage(title, paras, office, date)
	cut := strings.Index(page, "感谢你们") + len("感谢你们") + 1
	write("cases/broken-truncated/page.html", page[:cut], false)
}

// write writes a fixture, in GBK when gbk is set.
func write(name, s string, gbk bool) {
	b := []byte(s)
	if gbk {
		var err error
		b, err = simplifiedchinese.GBK.NewEncoder().Bytes(b)
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
	}
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

var e = html.EscapeString

// header is the county site's page top: the IPv6 line and the navigation.
func header(b *bytes.Buffer) {
	b.WriteString(`<div class="top"><div class="w1200"><span class="ipv6">网站支持IPv6</span>
<a href="http://www.cnwangcang.gov.cn/">首页</a> | <a href="#">无障碍浏览</a> | <a href="#">繁体版</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="旺苍县人民政府"></div>
<div class="search"><form action="/search"><input name="q" value="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul>
<li><a href="http://www.cnwangcang.gov.cn/">首页</a></li>
<li><a href="http://www.cnwangcang.gov.cn/zwgk/">政务公开</a></li>
<li><a href="http://www.cnwangcang.gov.cn/zwfw/">政务服务</a></li>
<li><a href="http://www.cnwangcang.gov.cn/hdjl/">互动交流</a></li>
<li><a href="http://www.cnwangcang.gov.cn/zjwc/">走进旺苍</a></li>
</ul></div>
`)
}

// footer is the site's page bottom.
func footer(b *bytes.Buffer) {
	b.WriteString(`<div class="footer">
<p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">网站声明</a></p>
<p>主办单位：旺苍县人民政府办公室　版权所有：旺苍县人民政府</p>
<p>网站标识码：5108210001　<a href="https://beian.miit.gov.cn/">蜀ICP备05000000号</a></p>
</div>
`)
}

// trsPage is the seed page as the county site's TRS CMS printed it.
func trsPage(title string, paras []string, office, date, enc string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<!-- encoding: utf-8 -->
<meta http-equiv="Content-Type" content="text/html; charset=%s" />
<title>%s - 旺苍县人民政府</title>
<meta name="SiteName" content="旺苍县人民政府">
<meta name="SiteDomain" content="www.cnwangcang.gov.cn">
<meta name="ColumnName" content="政协提案">
<meta name="ArticleTitle" content="%s">
<meta name="PubDate" content="2020-10-21 09:30">
<meta name="ContentSource" content="县民政局">
<meta name="Keywords" content="政协提案,答复">
<link rel="stylesheet" href="/css/style.css">
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>统计</div>");</script>
<style>.TRS_Editor p { line-height: 2; }</style>
</head>
<body>
`, enc, e(title), e(title))
	header(&b)
	fmt.Fprintf(&b, `<div class="main w1200">
<div class="position">当前位置：<a href="http://www.cnwangcang.gov.cn/">首页</a> <a href="http://www.cnwangcang.gov.cn/zxta/">政协提案</a> &gt; %s</div>
<div class="article">
<div class="title"><h1>%s</h1></div>
<div class="info">发布时间:2020-10-21 来源:县民政局 点击量:<span id="clicks">2045</span> <span class="fontsize">[ 字体: <a href="javascript:doZoom(16)"></a><a href="javascript:doZoom(14)"></a> ]</span> <a href="javascript:window.print()">打印</a> <span class="bdsharebuttonbox">分享:<a class="bds_weixin"></a></span></div>
<div class="content" id="zoom">
<div class="TRS_Editor">
`, e(title), e(title))
	for _, p := range paras {
		fmt.Fprintf(&b, "<p style=\"text-indent: 2em;\">%s</p>\n", e(p))
	}
	fmt.Fprintf(&b, "<p>&nbsp;</p>\n<p align=\"right\">%s</p>\n<p align=\"right\">%s</p>\n", e(office), e(date))
	b.WriteString(`</div>
</div>
<div class="share-print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
</div>
`)
	footer(&b)
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// hanwebPage is the seed page in a Hanweb (大汉) CMS layout with its
// ZJEG_RSS content markers and a furniture table.
func hanwebPage(title string, paras []string, office, date string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>%s_旺苍县人民政府</title>
<meta name="SiteName" content="旺苍县人民政府">
<meta name="ColumnName" content="政协提案">
<meta name="articletitle" content="%s">
<meta name="pubdate" content="2020-10-21">
<meta name="contentSource" content="县民政局">
<meta name="url" content="http://www.cnwangcang.gov.cn/art/2020/10/21/art_1_1.html">
</head>
<body>
`, e(title), e(title))
	header(&b)
	fmt.Fprintf(&b, `<table width="1000" align="center"><tr><td class="bt_link">当前位置：<a href="/">首页</a> &gt; <a href="/col/zxta/">政协提案</a> &gt; %s</td></tr></table>
<table width="1000" align="center" cellpadding="0" cellspacing="0">
<tr><td align="center" class="title" style="font-size:22px;font-weight:bold">%s</td></tr>
<tr><td align="center"><table><tr><td>发布日期：2020-10-21</td><td>信息来源：县民政局</td><td>浏览次数：2045</td><td>[ 字体：<a>大</a> <a>中</a> <a>小</a> ]</td></tr></table></td></tr>
<tr><td class="bt_content" id="zoom">
<!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name="ContentStart">`, e(title), e(title))
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>　　%s</p>", e(p))
	}
	fmt.Fprintf(&b, "<p style=\"text-align: right;\">%s</p><p style=\"text-align: right;\">%s</p>", e(office), e(date))
	b.WriteString(`<meta name="ContentEnd"><!--ZJEG_RSS.content.end--><!--<$[信息内容]>end-->
</td></tr>
<tr><td align="right"><a href="javascript:window.print()">[打印]</a> <a href="javascript:window.close()">[关闭]</a></td></tr>
</table>
`)
	footer(&b)
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// tablePage is the seed page on an old site: layout tables, <font>, lines
// separated by <br>, gb2312 declared.
func tablePage(title string, paras []string, office, date string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<HTML>
<HEAD>
<META http-equiv=Content-Type content="text/html; charset=gb2312">
<TITLE>%s</TITLE>
</HEAD>
<BODY bgColor=#ffffff leftMargin=0 topMargin=0>
<TABLE width=778 border=0 align=center cellPadding=0 cellSpacing=0>
<TR><TD><IMG src="../images/banner.jpg" width=778 height=120></TD></TR>
<TR><TD bgColor=#c00000 height=28><A href="http://www.cnwangcang.gov.cn/">首页</A> | <A href="http://www.cnwangcang.gov.cn/zwgk/">政务公开</A> | <A href="http://www.cnwangcang.gov.cn/zxta/">政协提案</A> | <A href="http://www.cnwangcang.gov.cn/bsfw/">办事服务</A></TD></TR>
</TABLE>
<TABLE width=778 border=0 align=center cellPadding=0 cellSpacing=0>
<TR>
<TD width=180 vAlign=top><TABLE width="100%%"><TR><TD><A href="/zxta/">政协提案</A></TD></TR><TR><TD><A href="/rdjy/">人大建议</A></TD></TR><TR><TD><A href="/tzgg/">通知公告</A></TD></TR></TABLE></TD>
<TD width=598 vAlign=top>
<TABLE width="100%%" border=0>
<TR><TD height=25>当前位置：<A href="/">首页</A> &gt; <A href="/zxta/">政协提案</A> &gt; %s</TD></TR>
<TR><TD align=center height=50><FONT color=#c00000 size=4><B>%s</B></FONT></TD></TR>
<TR><TD align=center>发布时间：2020-10-21　来源：县民政局　点击量：2045</TD></TR>
<TR><TD class=content style="FONT-SIZE: 14px; LINE-HEIGHT: 200%%">
`, e(title), e(title), e(title))
	for _, p := range paras {
		fmt.Fprintf(&b, "&nbsp;&nbsp;&nbsp;&nbsp;%s<BR>\n", e(p))
	}
	fmt.Fprintf(&b, "<BR><DIV align=right>%s<BR>%s</DIV>\n", e(office), e(date))
	b.WriteString(`</TD></TR>
<TR><TD align=right><A href="javascript:window.close()">【关闭窗口】</A></TD></TR>
</TABLE>
</TD></TR></TABLE>
<TABLE width=778 align=center><TR><TD align=center>版权所有：旺苍县人民政府　主办单位：旺苍县人民政府办公室<BR>蜀ICP备05000000号</TD></TR></TABLE>
</BODY>
</HTML>
`)
	return b.String()
}

// articlePage is the seed page on a modern site: <article>, <header>,
// <time>, <meta charset>.
func articlePage(title string, paras []string, office, date string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s - 旺苍县人民政府</title>
<link rel="canonical" href="https://www.cnwangcang.gov.cn/zxta/2020/10/21/73.html">
</head>
<body>
<header class="site-header"><a href="https://www.cnwangcang.gov.cn/">旺苍县人民政府</a>
<nav><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zxta/">政协提案</a></nav></header>
<main>
<nav class="breadcrumb" aria-label="当前位置"><a href="/">首页</a> &gt; <a href="/zxta/">政协提案</a> &gt; <span>%s</span></nav>
<article>
<header>
<h1>%s</h1>
<p class="meta">发布时间：<time datetime="2020-10-21">2020-10-21</time>　来源：县民政局　阅读次数：2045</p>
</header>
<div class="article-body">
`, e(title), e(title), e(title))
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", e(p))
	}
	fmt.Fprintf(&b, "<p class=\"signature\" style=\"text-align:right\">%s<br>\n%s</p>\n", e(office), e(date))
	b.WriteString(`</div>
<div class="share" hidden>分享到：微信 微博</div>
</article>
</main>
<footer><p>版权所有：旺苍县人民政府　主办单位：旺苍县人民政府办公室</p><p>蜀ICP备05000000号</p></footer>
</body>
</html>
`)
	return b.String()
}

// listPage is a column's list page: links and dates, no notice.
func listPage(title string) string {
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html><head><meta charset="utf-8"><title>政协提案 - 旺苍县人民政府</title></head><body>
`)
	header(&b)
	b.WriteString(`<div class="position">当前位置：<a href="/">首页</a> &gt; 政协提案</div>
<div class="list"><ul>
`)
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, "<li><a href=\"/zxta/%d.html\">%s</a><span>2020-10-%02d</span></li>\n", i, e(strings.Replace(title, "73", fmt.Sprint(60+i), 1)), i+1)
	}
	b.WriteString("</ul></div>\n<div class=\"page\"><a href=\"?p=2\">下一页</a> <a href=\"?p=9\">尾页</a></div>\n")
	footer(&b)
	b.WriteString("</body></html>\n")
	return b.String()
}

// errorPage is a site's "page not found" page.
func errorPage() string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>404 页面不存在</title></head>
<body><div class="error"><h1>404</h1><p>对不起，您访问的页面不存在！</p><p><a href="/">返回首页</a></p></div></body></html>
`
}

// malformedPage is the seed page with unclosed tags, a stray </html> and
// </body> in the middle, and an unquoted attribute.
func malformedPage(title string, paras []string, office, date string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<html><head><meta charset=utf-8><title>%s - 旺苍县人民政府</title>
<body>
<div class=position>当前位置：<a href=/>首页</a> &gt; <a href=/zxta/>政协提案</a> &gt; %s
<div class=TRS_Editor>
`, e(title), e(title))
	for i, p := range paras {
		fmt.Fprintf(&b, "<p>%s\n", e(p))
		if i == len(paras)/2 {
			b.WriteString("</html></body><font>")
		}
	}
	fmt.Fprintf(&b, "<p align=right>%s\n<p align=right>%s\n</div></div>\n<table><tr><td>页脚</td>", e(office), e(date))
	return b.String()
}
