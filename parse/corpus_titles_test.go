package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusTitles are the titles of the corpus pages as a reader sees them:
// the page's visible heading (an <h1>, a bold centred line, a title set
// over three lines), not a date or note line under it, a video player's
// caption or a link, and not <title> with its site's name. Written by
// reading each page, with the index number (索引号) of the pages whose
// information-disclosure box above the title gives one. The fragments
// 024–026 show no title.
var corpusTitles = []struct{ file, title, index string }{
	{"001-govcn-gongbao-npc-resolution.html", "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议", ""},
	{"002-nfra-penalty-disclosure-2024-36.html", "国家金融监督管理总局行政处罚信息公开表(金罚决字〔2024〕36号)", ""},
	{"003-nfra-zhejiang-penalty-2024-52.html", "国家金融监督管理总局浙江监管局行政处罚信息公开表（浙金罚决字〔2024〕52号）", ""},
	{"004-wanzai-gov-tjgb-2015.html", "万载县2015年国民经济和社会发展统计公报", ""},
	{"005-wanzai-gov-tjgb-2022.html", "万载县2022年国民经济和社会发展统计公报", "014742224A/2023-0043406"},
	{"006-yichun-gov-tjgb-2022.html", "宜春市2022年国民经济和社会发展统计公报", "014717475N/2023-0040295"},
	{"007-yichun-gov-jiangxi-tjgb-2022.html", "江西省2022年国民经济和社会发展统计公报", "014717475N/2023-0032866"},
	{"008-shanxi-gov-trs-article.html", "山西品牌丝路行（南美站）正式启动", ""},
	{"009-zj-fzggw-hanweb-deqing.html", "1-10月德清县固定资产投资结构趋稳趋优", ""},
	{"010-cmse-press-conference.html", "天宫一号与神舟九号载人交会对接任务第二场新闻发布会", ""},
	{"011-sxmu-jijian-jiancha-law.html", "中华人民共和国监察法", ""},
	{"012-zyyfy-hospital-party-news.html", "【不忘初心 牢记使命】我院医技药剂党支部举办2019年中药、药学理论知识与专业技能大赛", ""},
	{"013-chinacomcn-hohhot-measures-reprint.html", "呼和浩特：对生育二孩、三孩的呼市户籍家庭发放一次性育儿津贴5000元", ""},
	{"014-people-scio-press-gb2312decl.html", "在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）", ""},
	{"015-youthcn-trs-gb2312decl.html", "以战时内阁审查重启停火谈判提案", ""},
	{"016-newscn-liqiang-xinjiang.html", "李强在新疆调研时强调 彰显特色优势 提高开放水平 在高质量发展中增进民生福祉促进长治久安", ""},
	{"017-people-culture-gb2312decl.html", "女儿出嫁，郑板桥画了几笔兰花当嫁妆", ""},
	{"018-qq-tech-gb2312decl.html", "棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等", ""},
	{"019-163-wuxi-police-notice-gb2312decl.html", "5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！", ""},
	{"020-xinhuanet-news.html", "法国全国大罢工再次严重影响交通", ""},
	{"021-cjddsb-changde-finance.html", "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动", ""},
	{"022-xinhuanet-drug-supply.html", "短缺药品保供稳价 全力保障临床用药需求", ""},
	{"023-qq-deepmind-gb2312decl.html", "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", ""},
}

// TestCorpusPageTitles reads each corpus page with a visible title and
// checks the reply's title, and the index number of its disclosure box.
func TestCorpusPageTitles(t *testing.T) {
	dir := corpusPages(t)
	for _, tt := range corpusTitles {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tt.file))
			require.NoError(t, err)
			rep, err := HTML(bytes.NewReader(data))
			require.NoError(t, err)
			assert.Equal(t, tt.title, rep.Title)
			assert.False(t, rep.TitleInferred)
			assert.Equal(t, tt.index, rep.IndexNumber)
		})
	}
}
