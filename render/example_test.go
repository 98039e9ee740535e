package render_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// exampleReply is a short reply built in code.
func exampleReply() *reply.Reply {
	return &reply.Reply{
		Kind:       reply.KindSuggestionReply,
		Title:      "关于加强乡村道路养护的建议的答复",
		Addressees: []reply.Addressee{{Name: "王中伟", Role: reply.RoleDeputy}},
		Salutation: "王中伟代表：",
		Opening:    []reply.Block{{Text: "您提出的建议收悉，现答复如下："}},
		Sections: []reply.Section{{
			Marker: "一、", Number: 1, Heading: "加大投入",
			Blocks: []reply.Block{{Points: []reply.Point{
				{Marker: "一是", Lead: "落实资金", Text: "落实资金。每年安排养护资金。"},
				{Marker: "二是", Text: "明确责任。"},
			}}},
		}},
		Closing:   []reply.Block{{Text: "感谢您对交通工作的关心和支持。"}},
		Signature: reply.Signature{Office: "某某县交通运输局", Date: reply.NewDate(2021, 5, 6)},
	}
}

func ExampleHTML() {
	// A fragment: the <article> alone, to place in a site's own page.
	if err := render.HTML(os.Stdout, exampleReply(), render.WithFragment()); err != nil {
		panic(err)
	}
	// Output:
	// <article class="rk-reply" data-rk="reply" data-format="replykit/v1" data-kind="suggestion-reply" data-addressees="[{&#34;name&#34;:&#34;王中伟&#34;,&#34;role&#34;:&#34;代表&#34;}]" data-signature="{&#34;office&#34;:&#34;某某县交通运输局&#34;,&#34;date&#34;:&#34;2021-05-06&#34;,&#34;dateText&#34;:&#34;2021年5月6日&#34;}">
	// <h1 class="rk-title" data-rk="title">关于加强乡村道路养护的建议的答复</h1>
	// <p class="rk-salutation" data-rk="salutation">王中伟代表：</p>
	// <div class="rk-opening" data-rk="opening">
	// <p class="rk-p" data-rk="p">您提出的建议收悉，现答复如下：</p>
	// </div>
	// <section class="rk-section rk-l1" data-rk="section" data-marker="一、" data-number="1">
	// <h2 class="rk-heading" data-rk="heading"><span class="rk-marker" data-rk="marker">一、</span>加大投入</h2>
	// <p class="rk-p" data-rk="p"><span class="rk-point" data-rk="point"><span class="rk-pm" data-rk="marker">一是</span><span class="rk-lead" data-rk="lead">落实资金</span>。每年安排养护资金。</span><span class="rk-point" data-rk="point"><span class="rk-pm" data-rk="marker">二是</span>明确责任。</span></p>
	// </section>
	// <div class="rk-closing" data-rk="closing">
	// <p class="rk-p" data-rk="p">感谢您对交通工作的关心和支持。</p>
	// </div>
	// <div class="rk-trailer" data-rk="trailer">
	// <footer class="rk-signature" data-rk="signature">
	// <p class="rk-line rk-f-office" data-rk="line" data-field="office">某某县交通运输局</p>
	// <p class="rk-line rk-f-date" data-rk="line" data-field="date"><time datetime="2021-05-06">2021年5月6日</time></p>
	// </footer>
	// </div>
	// </article>
}

func ExampleText() {
	var b strings.Builder
	if err := render.Text(&b, exampleReply()); err != nil {
		panic(err)
	}
	// Each line after a bar, to show the blank lines and the indents.
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		fmt.Println("|" + line)
	}
	// Output:
	// |关于加强乡村道路养护的建议的答复
	// |
	// |王中伟代表：
	// |
	// |　　您提出的建议收悉，现答复如下：
	// |
	// |　　一、加大投入
	// |
	// |　　一是落实资金。每年安排养护资金。二是明确责任。
	// |
	// |　　感谢您对交通工作的关心和支持。
	// |
	// |
	// |某某县交通运输局
	// |2021年5月6日
}

func ExampleMarkdown() {
	if err := render.Markdown(os.Stdout, exampleReply()); err != nil {
		panic(err)
	}
	// Output:
	// # 关于加强乡村道路养护的建议的答复
	//
	// 王中伟代表：
	//
	// 您提出的建议收悉，现答复如下：
	//
	// ## 一、加大投入
	//
	// - **一是落实资金**。每年安排养护资金。
	// - **二是**明确责任。
	//
	// 感谢您对交通工作的关心和支持。
	//
	// 某某县交通运输局\
	// 2021年5月6日
}

func ExampleJSON() {
	r := &reply.Reply{Kind: reply.KindOther, Title: "关于某事的通知",
		Signature: reply.Signature{Office: "某某县人民政府办公室", Date: reply.NewDate(2017, 3, 16)}}
	if err := render.JSON(os.Stdout, r); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "format": "replykit/v1",
	//   "kind": "other",
	//   "title": "关于某事的通知",
	//   "signature": {
	//     "office": "某某县人民政府办公室",
	//     "date": "2017-03-16",
	//     "dateText": "2017年3月16日"
	//   }
	// }
}
