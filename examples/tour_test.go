package examples_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// tour is the README's API tour, step for step: read a saved page, print
// what the reply says, keep it in the reference format and write it back
// out. Every part of a reply is a value, so the same lines serve a notice
// that answers no proposal or is not signed: such a part is its zero value
// (IsZero), whose fields read as "" and 0.
func tour(path, url string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()

	// A saved page, in any encoding and any of the common government CMS layouts.
	r, err := parse.HTML(f, parse.WithURL(url))
	switch {
	case errors.Is(err, parse.ErrNoContent): // a list page, an error page
		return fmt.Errorf("no notice on the page: %w", err)
	case errors.Is(err, parse.ErrTooLarge): // over a limit (16 MiB by default)
		return fmt.Errorf("page too large: %w", err)
	case err != nil:
		return err
	}
	fmt.Println(r.Kind, r.Title)
	fmt.Printf("proposal %q, absent: %v\n", r.Proposal.Number, r.Proposal.IsZero())
	for _, a := range r.Addressees {
		fmt.Println(a.Name, a.Role)
	}
	for _, s := range r.Sections {
		fmt.Println(s.Marker + s.Heading)
	}
	fmt.Printf("signed %q %q, absent: %v\n", r.Signature.Office, r.Signature.Date, r.Signature.IsZero())

	// The reference format: versioned JSON with a JSON Schema (reply.JSONSchema()).
	data, err := reply.Marshal(r)
	if err != nil {
		return err
	}
	r2, err := reply.Unmarshal(data) // refuses other versions, unknown and repeated keys, with line numbers
	if err != nil {
		return err
	}
	if err := r2.Validate(); err != nil { // every inconsistency, each with its path
		return err
	}

	// Back out: HTML (print layout after GB/T 9704), text, Markdown, JSON.
	var page bytes.Buffer
	if err := render.HTML(&page, r); err != nil {
		return err
	}
	back, err := parse.HTML(&page) // reads the page back to the same reply, warnings aside
	if err != nil {
		return err
	}
	r.Warnings = nil
	fmt.Println("HTML reads back the same reply:", reflect.DeepEqual(back, r))
	for _, write := range []func(io.Writer, *reply.Reply, ...render.Option) error{render.Text, render.Markdown} {
		if err := write(io.Discard, r); err != nil {
			return err
		}
	}
	return render.JSON(io.Discard, r)
}

// The README's API tour on a reply to a proposal, signed and dated.
func Example_tour() {
	if err := tour("replykit/sample/wangcang/zxta/t20201021_73.html", "http://www.scwc.gov.cn/zxta/t20201021_73.html"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// proposal-reply 旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复
	// proposal "73", absent: false
	// 涂轶 委员
	// 李勇 委员
	// 一、我县社区建设基本情况
	// 二、加强基层群众自治,创新社区治理
	// 三、存在的主要问题
	// 四、建设新型农村社区的对策和建议
	// signed "旺苍县人民政府办公室" "2017-03-16", absent: false
	// HTML reads back the same reply: true
}

// The same tour on a notice that answers no proposal: r.Proposal is the
// zero Proposal, and reading its number gives "".
func Example_tourWithoutProposal() {
	if err := tour("replykit/sample/xian-zf/tzgg/t20240126.html", "http://www.example.gov.cn/tzgg/t20240126.html"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// other 某某县人民政府办公室关于做好2024年春节期间安全生产工作的通知
	// proposal "", absent: true
	// 各乡镇人民政府 单位
	// 县政府各部门 单位
	// 一、压实安全责任。
	// 二、加强隐患排查。
	// 三、严格值班值守。
	// signed "某某县人民政府办公室" "2024-01-25", absent: false
	// HTML reads back the same reply: true
}

// The same tour on an old layout-table page: the title is the bold
// heading in a row of its own (its <TITLE> adds the site's name), and the
// office and date stand in a right-aligned row below the body.
func Example_tourOldLayout() {
	if err := tour("replykit/sample/nongye/ta/show.asp", "http://www.example.gov.cn/nongye/ta/show.asp?id=15"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// proposal-reply 关于县政协八届五次会议第15号提案的答复
	// proposal "15", absent: false
	// 孙立军 委员
	// 一、加大资金扶持。
	// 二、强化技术服务。
	// 三、培育知名品牌。
	// signed "某某县农业农村局" "2016-05-18", absent: false
	// HTML reads back the same reply: true
}

// Plain text, one paragraph a line, reads the same way; page furniture
// lines above the notice become r.Page.
func Example_tourText() {
	text, err := os.ReadFile("replykit/sample/texts/reply-2021-21.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := parse.Text(string(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Kind, r.Proposal.Body, r.Proposal.Term, r.Proposal.Session, r.Proposal.Number)
	fmt.Println(r.Signature.Office, r.Signature.Date)
	// Output:
	// proposal-reply 县政协 11 2 21
	// 某某县住房和城乡建设局 2021-07-15
}
