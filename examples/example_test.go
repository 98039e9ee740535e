package examples_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// Read a saved notice page, whatever its encoding, and print whom the
// reply answers and the headings of its sections.
func Example_parsePage() {
	f, err := os.Open("replykit/sample/wangcang/zxta/t20201021_73.html") // a GBK page
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	r, err := parse.HTML(f, parse.WithURL("http://www.scwc.gov.cn/zxta/t20201021_73.html"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Title)
	fmt.Printf("%s, %s第%d届第%d次会议第%s号\n", r.Kind, r.Proposal.Body, r.Proposal.Term, r.Proposal.Session, r.Proposal.Number)
	for _, a := range r.Addressees {
		fmt.Printf("to %s (%s)\n", a.Name, a.Role)
	}
	for _, s := range r.Sections {
		fmt.Println(s.Marker + s.Heading)
		for _, sub := range s.Sections {
			fmt.Println("  " + sub.Marker + sub.Heading)
		}
	}
	fmt.Println(r.Signature.Office, r.Signature.Date)
	// Output:
	// 旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复
	// proposal-reply, 县政协第10届第1次会议第73号
	// to 涂轶 (委员)
	// to 李勇 (委员)
	// 一、我县社区建设基本情况
	// 二、加强基层群众自治,创新社区治理
	// 三、存在的主要问题
	//   (一)认识不足,创新不到位。
	//   (二)工作关系不顺、职能不清。
	//   (三)经费不足,待遇偏低。
	//   (四)人才匮乏,结构单一。
	// 四、建设新型农村社区的对策和建议
	// 旺苍县人民政府办公室 2017-03-16
}

// Build a reply in code and write it as the plain text of an official
// document.
func Example_buildAndRender() {
	r := &reply.Reply{
		Kind:  reply.KindSuggestionReply,
		Title: "某某市交通运输局关于市十六届人大三次会议第128号建议的答复",
		Proposal: reply.Proposal{
			Body: "市人大", Term: 16, Session: 3, Number: "128",
			Title: "关于优化农村客运班线的建议", Proposers: []string{"王中伟"},
		},
		Addressees: []reply.Addressee{{Name: "王中伟", Role: reply.RoleDeputy}},
		Salutation: "王中伟代表：",
		Opening:    []reply.Block{{Text: "您提出的“关于优化农村客运班线的建议”收悉。现答复如下："}},
		Sections: []reply.Section{
			{Marker: "一、", Number: 1, Heading: "优化线路布局", Blocks: []reply.Block{{Text: "对客流较少的线路实行区域经营、预约响应。"}}},
			{Marker: "二、", Number: 2, Heading: "更新运营车辆", Blocks: []reply.Block{{
				Text: "今年内：",
				Points: []reply.Point{
					{Marker: "一是", Lead: "更新新能源客车", Text: "更新新能源客车。共60辆。"},
					{Marker: "二是", Lead: "优先投放山区线路", Text: "优先投放山区线路。"},
				},
			}}},
		},
		Closing:   []reply.Block{{Text: "感谢您对交通运输工作的关心和支持。"}},
		Signature: reply.Signature{Office: "某某市交通运输局", Date: reply.NewDate(2023, 6, 28)},
	}
	if err := r.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	var text strings.Builder
	if err := render.Text(&text, r); err != nil {
		fmt.Println(err)
		return
	}
	// Each line after a bar, so that the blank lines and the two
	// full-width spaces that indent paragraphs show.
	for _, line := range strings.Split(strings.TrimSuffix(text.String(), "\n"), "\n") {
		fmt.Println("|" + line)
	}
	// Output:
	// |某某市交通运输局关于市十六届人大三次会议第128号建议的答复
	// |
	// |王中伟代表：
	// |
	// |　　您提出的“关于优化农村客运班线的建议”收悉。现答复如下：
	// |
	// |　　一、优化线路布局
	// |
	// |　　对客流较少的线路实行区域经营、预约响应。
	// |
	// |　　二、更新运营车辆
	// |
	// |　　今年内：一是更新新能源客车。共60辆。二是优先投放山区线路。
	// |
	// |　　感谢您对交通运输工作的关心和支持。
	// |
	// |
	// |某某市交通运输局
	// |2023年6月28日
}

// Convert an old GBK page into a clean UTF-8 HTML page: page furniture,
// scripts and the old markup stay behind; the notice's structure comes
// through.
func Example_gbkToHTML() {
	old, err := os.ReadFile("replykit/sample/wangcang/zxta/t20201021_73.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := parse.HTML(bytes.NewReader(old))
	if err != nil {
		fmt.Println(err)
		return
	}
	var page bytes.Buffer
	if err := render.HTML(&page, r); err != nil {
		fmt.Println(err)
		return
	}
	html := page.String()
	fmt.Println("old page is UTF-8:", utf8.Valid(old))
	fmt.Println("new page is UTF-8:", utf8.Valid(page.Bytes()))
	fmt.Println("declares UTF-8:", strings.Contains(strings.ToLower(html), `<meta charset="utf-8">`))
	fmt.Println("scripts:", strings.Count(html, "<script"))
	fmt.Println("navigation left behind:", !strings.Contains(html, "互动交流"))

	// The new page reads back as the same reply.
	back, err := parse.HTML(strings.NewReader(html))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(back.Title)
	fmt.Println("sections:", len(back.Sections), "signed", back.Signature.Office, back.Signature.Date.Text)
	// Output:
	// old page is UTF-8: false
	// new page is UTF-8: true
	// declares UTF-8: true
	// scripts: 0
	// navigation left behind: true
	// 旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复
	// sections: 4 signed 旺苍县人民政府办公室 2017年3月16日
}
