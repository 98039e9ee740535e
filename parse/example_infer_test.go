package parse_test

import (
	"fmt"
	"log"

	"github.com/replykit/replykit/parse"
)

// Read a reply whose text starts with the salutation: the title is made
// from the proposal it answers, and is not a line of the text.
func ExampleText_inferredTitle() {
	notice := `涂轶委员：
　　你在县政协十届一次会议上提出的“关于加强社区建设的建议”提案收悉，现答复如下：
　　目前，我县已建成城乡社区40个。
　　感谢你对县政府工作的关心和支持。
旺苍县人民政府办公室
2017年3月16日`
	rep, err := parse.Text(notice)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep.Title, rep.TitleInferred)
	fmt.Println(rep.Lines()[0])
	fmt.Println(rep.Validate())
	// Output:
	// 关于县政协十届一次会议提案的答复 true
	// 涂轶委员：
	// <nil>
}
