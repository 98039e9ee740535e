package parse_test

import (
	"fmt"
	"log"

	"github.com/replykit/replykit/parse"
)

// Read a reply given as plain text and print its addressees and section
// headings.
func ExampleText() {
	notice := `关于县政协十届一次会议第73号提案的答复
涂轶、李勇委员：
　　你们提出的“关于加强新型农村社区建设工作的建议”提案收悉，现答复如下：
一、我县社区建设基本情况
　　目前，我县已建成城乡社区40个。
二、存在的主要问题
（一）认识不足，创新不到位。一是缺乏创新思维；二是缺乏服务意识。
（二）经费不足，待遇偏低。
　　感谢你们对县政府工作的关心和支持。
旺苍县人民政府办公室
2017年3月16日`
	rep, err := parse.Text(notice)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep.Kind, rep.Proposal.Number)
	for _, a := range rep.Addressees {
		fmt.Println("to:", a.Name, a.Role)
	}
	for _, s := range rep.Sections {
		fmt.Println(s.Marker + s.Heading)
		for _, sub := range s.Sections {
			fmt.Println("  " + sub.Marker + sub.Heading)
		}
	}
	fmt.Println(rep.Signature.Office, rep.Signature.Date)
	// Output:
	// proposal-reply 73
	// to: 涂轶 委员
	// to: 李勇 委员
	// 一、我县社区建设基本情况
	// 二、存在的主要问题
	//   （一）认识不足，创新不到位。
	//   （二）经费不足，待遇偏低。
	// 旺苍县人民政府办公室 2017-03-16
}

// Read the points of a paragraph: the enumerator, the lead sentence and
// the text of each.
func ExampleText_points() {
	rep, err := parse.Text("关于某某建议的答复\n王中伟代表：\n　　我们将做好两项工作。一是提升认识。加强学习。二是政策先行。出台办法。")
	if err != nil {
		log.Fatal(err)
	}
	b := rep.Opening[0]
	fmt.Println(b.Text)
	for _, p := range b.Points {
		fmt.Printf("%s | %s | %s\n", p.Marker, p.Lead, p.Text)
	}
	// Output:
	// 我们将做好两项工作。
	// 一是 | 提升认识 | 提升认识。加强学习。
	// 二是 | 政策先行 | 政策先行。出台办法。
}
