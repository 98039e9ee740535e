package parse_test

import (
	"fmt"
	"log"
	"os"

	"github.com/replykit/replykit/parse"
)

// Extract finds the notice in a saved page, here a county site's page in
// GBK: its title, its page metadata and its blocks of text, with the
// signature lines right-aligned.
func ExampleExtract() {
	f, err := os.Open("testdata/cases/seed-trs-gbk/page.html")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	src, err := parse.Extract(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(src.Title)
	fmt.Println(src.Page.Breadcrumb[1], src.Page.Published, src.Page.Source, src.Page.Views)
	fmt.Println(src.Blocks[0].Text)
	last := src.Blocks[len(src.Blocks)-1]
	fmt.Println(last.Text, last.Align == parse.AlignRight)
	// Output:
	// 旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复
	// 政协提案 2020-10-21 县民政局 2045
	// 涂轶、李勇委员:
	// 2017年3月16日 true
}

// HTML reads the page's notice into a reply: the same seed page, in
// Hanweb's layout and UTF-8, gives the reply of the seed notice.
func ExampleHTML() {
	f, err := os.Open("testdata/cases/seed-hanweb/page.html")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	rep, err := parse.HTML(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep.Kind)
	fmt.Println(rep.Title)
	fmt.Println(rep.Signature.Office, rep.Signature.Date)
	fmt.Println(rep.Page.Published, rep.Page.Source, rep.Page.Views)
	// Output:
	// proposal-reply
	// 旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复
	// 旺苍县人民政府办公室 2017-03-16
	// 2020-10-21 县民政局 2045
}
