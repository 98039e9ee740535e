package collection

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// The material generated replies are made of: the phrases of replies to
// proposals, and places, offices and names drawn from common characters,
// so that the search index meets both the collection's common words and
// rare ones.
var (
	genPhrases = strings.Fields(`您提出的 关于 加强 新型农村社区 建设 工作 的建议 收悉 现答复如下 感谢您对 我县 教育事业 的关心和支持
		一是 二是 三是 加大 资金 扶持 力度 完善 基础设施 提升 服务 水平 推进 乡村振兴 战略 实施 积极 争取 上级 项目 支持
		认真 研究 落实 责任 强化 督促 检查 交通 运输 公交 线路 优化 校车 安全 管理 医疗 卫生 养老 服务 体系 健全 机制
		农业 农村 茶叶 产业 发展 特色 产品 品牌 市场 营销 生态 环境 保护 污染 防治 河道 整治 城乡 规划 住房 保障
		下一步 我们将 继续 努力 争取 早日 解决 群众 反映 的问题 特此答复 联系人 联系电话 抄送 县政协 提案委员会
		财政 预算 安排 专项 资金 用于 道路 硬化 饮水 工程 电力 通信 网络 覆盖 文化 旅游 融合 景区 建设 招商 引资`)
	genBureaus = strings.Fields(`人民政府办公室 教育局 交通运输局 农业农村局 住房和城乡建设局 卫生健康局 民政局 财政局 自然资源局
		生态环境局 水利局 文化广电旅游局 市场监督管理局 发展和改革局 人力资源和社会保障局 应急管理局`)
	genWarnings = []string{"numbering-gap", "ambiguous-date", "not-notice", "unclosed-quote"}
)

// genName is n characters drawn from the 3,000 first CJK ideographs.
func genName(rnd *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteRune(rune(0x4E00 + rnd.IntN(3000)))
	}
	return b.String()
}

// genReply makes the i-th generated reply: about 1,500 characters of
// text, one of some 400 offices, dated 2010–2025.
func genReply(i int) *reply.Reply {
	rnd := rand.New(rand.NewPCG(uint64(i), 19))
	place := genName(rand.New(rand.NewPCG(uint64(rnd.IntN(25)), 7)), 2)
	office := place + "县" + genBureaus[rnd.IntN(len(genBureaus))]
	term, session, number := 8+rnd.IntN(4), 1+rnd.IntN(5), fmt.Sprint(1+rnd.IntN(300))
	kind, what := reply.KindProposalReply, "提案"
	if rnd.IntN(4) == 0 {
		kind, what = reply.KindSuggestionReply, "建议"
	}
	sentence := func() string {
		var b strings.Builder
		for range 6 + rnd.IntN(10) {
			if rnd.IntN(8) == 0 {
				b.WriteString(genName(rnd, 2+rnd.IntN(3)))
			} else {
				b.WriteString(genPhrases[rnd.IntN(len(genPhrases))])
			}
		}
		b.WriteString("。")
		return b.String()
	}
	para := func(n int) []reply.Block {
		var b strings.Builder
		for range n {
			b.WriteString(sentence())
		}
		return []reply.Block{{Text: b.String()}}
	}
	proposer := genName(rnd, 2+rnd.IntN(2))
	r := &reply.Reply{
		Kind:       kind,
		Title:      fmt.Sprintf("%s关于%s政协%d届%d次会议第%s号%s的答复", office, place+"县", term, session, number, what),
		Proposal:   reply.Proposal{Body: "县政协", Term: term, Session: session, Number: number, Proposers: []string{proposer}},
		Addressees: []reply.Addressee{{Name: proposer, Role: reply.RoleMember}},
		Salutation: proposer + "委员：",
		Opening:    para(3),
		Closing:    para(1),
		Signature:  reply.Signature{Office: office, Date: reply.NewDate(2010+rnd.IntN(16), 1+rnd.IntN(12), 1+rnd.IntN(28))},
	}
	for s := range 4 {
		r.Sections = append(r.Sections, reply.Section{Marker: []string{"一、", "二、", "三、", "四、"}[s], Number: s + 1, Heading: sentence(),
			Blocks: append(para(7), para(6)...)})
	}
	if rnd.IntN(10) == 0 {
		w := genWarnings[rnd.IntN(len(genWarnings))]
		r.Warnings = []reply.Warning{{Code: w, Message: "generated"}}
	}
	return r
}

// genRun writes the JSON outputs of n generated replies into out, in 100
// folders, and returns their run's report.
func genRun(tb testing.TB, out string, n int) *migrate.Report {
	tb.Helper()
	rep := &migrate.Report{Format: migrate.ReportFormat, Pages: make([]migrate.Entry, n)}
	for d := range 100 {
		require.NoError(tb, os.MkdirAll(filepath.Join(out, fmt.Sprintf("d%02d", d)), 0o755))
	}
	var wg sync.WaitGroup
	errs := make([]error, runtime.NumCPU())
	for w := range errs {
		wg.Go(func() {
			for i := w; i < n; i += len(errs) {
				r := genReply(i)
				rel := fmt.Sprintf("d%02d/p%06d.html", i%100, i)
				e := migrate.Entry{Path: "site/" + rel, Output: rel, Status: migrate.StatusOK, Kind: r.Kind}
				for _, w := range r.Warnings {
					e.Warnings = append(e.Warnings, migrate.Warning{Code: w.Code, Message: w.Message})
				}
				rep.Pages[i] = e
				data, err := reply.Marshal(r)
				if err == nil {
					err = os.WriteFile(filepath.Join(out, rel+".json"), data, 0o644)
				}
				if err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(tb, err)
	}
	rep.Totals.Pages, rep.Totals.Replies = n, n
	return rep
}

// TestGenReply: generated replies are valid and as large as real ones.
func TestGenReply(t *testing.T) {
	for i := range 20 {
		r := genReply(i)
		require.NoError(t, r.Validate(), i)
		n := len([]rune(r.PlainText()))
		require.True(t, n > 700 && n < 4000, "reply %d has %d characters", i, n)
	}
	require.Equal(t, genReply(3), genReply(3))
}
