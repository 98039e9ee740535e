package reply_test

import (
	"errors"
	"fmt"

	"github.com/replykit/replykit/reply"
)

func ExampleParseNumeral() {
	for _, s := range []string{"十", "二十三", "一百零五", "两千", "廿一", "二〇一七", "１６"} {
		n, err := reply.ParseNumeral(s)
		fmt.Println(s, n, err)
	}
	_, err := reply.ParseNumeral("十O")
	fmt.Println(errors.Is(err, reply.ErrNumeral))
	// Output:
	// 十 10 <nil>
	// 二十三 23 <nil>
	// 一百零五 105 <nil>
	// 两千 2000 <nil>
	// 廿一 21 <nil>
	// 二〇一七 2017 <nil>
	// １６ 16 <nil>
	// true
}

func ExampleFormatNumeral() {
	fmt.Println(reply.FormatNumeral(10), reply.FormatNumeral(23), reply.FormatNumeral(105))
	// Output: 十 二十三 一百零五
}

func ExampleParseDate() {
	for _, s := range []string{"2017年3月16日", "二〇一七年三月十六日", "2017.3.16", "2020-10-21 09:30", "2020715"} {
		d, err := reply.ParseDate(s)
		fmt.Printf("%s → %s %v\n", d.Text, d, err)
	}
	_, err := reply.ParseDate("2017年2月30日")
	fmt.Println(errors.Is(err, reply.ErrImpossibleDate), err)
	_, err = reply.ParseDate("2021112")
	fmt.Println(errors.Is(err, reply.ErrAmbiguousDate), err)
	// Output:
	// 2017年3月16日 → 2017-03-16 <nil>
	// 二〇一七年三月十六日 → 2017-03-16 <nil>
	// 2017.3.16 → 2017-03-16 <nil>
	// 2020-10-21 09:30 → 2020-10-21T09:30:00 <nil>
	// 2020715 → 2020-07-15 <nil>
	// true reply: date "2017年2月30日": impossible date
	// true reply: date "2021112": ambiguous date
}

// exampleReply is a short reply built by hand.
func exampleReply() *reply.Reply {
	return &reply.Reply{
		Kind:       reply.KindProposalReply,
		Title:      "某县交通运输局关于县政协十届一次会议第12号提案的答复",
		Proposal:   reply.Proposal{Body: "县政协", Term: 10, Session: 1, Number: "12"},
		Addressees: []reply.Addressee{{Name: "王中伟", Role: reply.RoleMember}},
		Salutation: "王中伟委员：",
		Opening:    []reply.Block{{Text: "您提出的提案收悉。现答复如下："}},
		Sections: []reply.Section{{
			Marker: "一、", Number: 1, Heading: "基本情况",
			Blocks: []reply.Block{{Points: []reply.Point{
				{Marker: "一是", Lead: "修路", Text: "修路。已完工。"},
				{Marker: "二是", Text: "建桥。"},
			}}},
		}},
		Closing:   []reply.Block{{Text: "感谢您对交通工作的关心和支持。"}},
		Signature: reply.Signature{Office: "某县交通运输局", Date: reply.NewDate(2022, 6, 1)},
	}
}

func ExampleMarshal() {
	r := &reply.Reply{
		Kind:      reply.KindOther,
		Title:     "关于某事的通知",
		Signature: reply.Signature{Office: "某县人民政府办公室", Date: reply.NewDate(2017, 3, 16)},
	}
	data, err := reply.Marshal(r)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(data))
	back, err := reply.Unmarshal(data)
	fmt.Println(back.Signature.Date, err)
	// Output:
	// {
	//   "format": "replykit/v1",
	//   "kind": "other",
	//   "title": "关于某事的通知",
	//   "signature": {
	//     "office": "某县人民政府办公室",
	//     "date": "2017-03-16",
	//     "dateText": "2017年3月16日"
	//   }
	// }
	// 2017-03-16 <nil>
}

// A migration writes reply after reply: AppendMarshal lets it reuse one
// buffer for all of them.
func ExampleAppendMarshal() {
	var buf []byte
	for _, title := range []string{"关于甲事的答复", "关于乙事的答复"} {
		var err error
		buf, err = reply.AppendMarshal(buf[:0], &reply.Reply{Kind: reply.KindOther, Title: title})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Print(string(buf))
	}
	// Output:
	// {
	//   "format": "replykit/v1",
	//   "kind": "other",
	//   "title": "关于甲事的答复"
	// }
	// {
	//   "format": "replykit/v1",
	//   "kind": "other",
	//   "title": "关于乙事的答复"
	// }
}

func ExampleReply_Validate() {
	r := exampleReply()
	fmt.Println(r.Validate())

	r.Title = ""
	r.Sections[0].Number = 2
	r.Signature.Date = reply.Date{Text: "2022年2月30日", Year: 2022, Month: 2, Day: 30}
	err := r.Validate()
	fmt.Println(errors.Is(err, reply.ErrInvalid))
	fmt.Println(err)
	// Output:
	// <nil>
	// true
	// reply: invalid reply: 3 problems
	// title: empty
	// sections[0].number: 2, but the marker "一、" is 1
	// signature.date: not a valid date: 2022-02-30 (written "2022年2月30日")
}

func ExampleReply_PlainText() {
	fmt.Print(exampleReply().PlainText())
	// Output:
	// 某县交通运输局关于县政协十届一次会议第12号提案的答复
	// 王中伟委员：
	// 您提出的提案收悉。现答复如下：
	// 一、基本情况
	// 一是修路。已完工。二是建桥。
	// 感谢您对交通工作的关心和支持。
	// 某县交通运输局
	// 2022年6月1日
}
