package parse

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Kinds, short, for the table.
const (
	kp = reply.KindProposalReply
	ks = reply.KindSuggestionReply
	ko = reply.KindOther
)

// textFacts are the facts a careful reader sees in one corpus text. An
// empty string means the text has none (no title line, no office line…).
// miss names the facts the reader is known to get wrong, with the reason.
type textFacts struct {
	file       string
	title      string
	kind       reply.Kind
	number     string
	addressees []string // 「name/role」
	office     string
	date       string // YYYY-MM-DD
	headings   []string
	miss       map[string]string
}

// corpusFacts was written by reading each text of the corpus.
var corpusFacts = []textFacts{
	{file: "001.txt", kind: kp, addressees: []string{"郭胜利/委员", "陈爱珍/委员"}, date: "2022-09-23"},
	{file: "002.txt", kind: ks, addressees: []string{"莽永橋/代表"}, office: "鎮(zhèn)康縣交通運(yùn)輸局", date: "2018-06-10"},
	{file: "003.txt", title: "关于对政协子洲县第十届委员会第二次会议第14号提案的复函", kind: kp, number: "14", addressees: []string{"崔银雷/委员"}, office: "子洲县交通运输局", date: "2023-10-16"},
	{file: "004.txt", title: "砚山县交通运输局关于砚山县第十六届人民代表大会第二次会议第4号代表建议的答复", kind: ks, number: "4", addressees: []string{"杨树荣/代表"}, office: "砚山县交通运输局", date: "2018-06-04"},
	{file: "005.txt", title: "關(guān)于“金山大道復(fù)蘇(土名張簡(jiǎn))段留路口”的建議", kind: ks, number: "134", addressees: []string{"郭桂添/代表"},
		headings: []string{"一、金山大道為紅線(xiàn)寬度", "二、根據(jù)道路現(xiàn)狀及村民的實(shí)際需求,為方便村民出入耕作區(qū)並兼顧金山大道主車(chē)道的交通順暢,確保交通安全,我辦已在金山大道主路南北兩側(cè)設(shè)置", "三、"},
		miss: map[string]string{
			"addressees": "the salutation is inside a table cell",
			"headings":   "the sections are run together on one line"}},
	{file: "006.txt", kind: ks, addressees: []string{"王小康/代表"}},
	{file: "007.txt", kind: ks, addressees: []string{"曹国霞/代表"}, date: "2017-07-24"},
	{file: "008.txt", title: "关于对县政协第十五届五次会议第64号提案的答复", kind: kp, number: "64", addressees: []string{"李班马才/委员"}, office: "舟曲县教育局", date: "2021-04-06"},
	{file: "009.txt", kind: ks, number: "75", addressees: []string{"谭紫昕/代表"}},
	{file: "010.txt", title: "对区八届人大二次会议第33号建议的答复", kind: ks, number: "33", addressees: []string{"柳转阳/代表"}, office: "盘锦市自然资源局兴隆台分局", date: "2019-07-05"},
	{file: "011.txt", title: "关于增加怀远县主城区泊车位,解决“停车难”建议的答复", kind: ks, addressees: []string{"陶玉新/代表"}, headings: []string{"一、", "二、"}},
	{file: "012.txt", kind: ks, addressees: []string{"王建平/代表", "李晓艳/代表", "代德忠/代表", "刘姣艳/代表", "陈忠丽/代表", "孟德云/代表", "普翠珍/代表", "希琼芬/代表", "晋波/代表", "杨鑫/代表"}},
	{file: "013.txt", title: "關(guān)于對(duì)縣十九屆人大二次會(huì)議第37號(hào)代表建議的答復(fù)", kind: ks, number: "37", addressees: []string{"韓忠國/代表"}},
	{file: "014.txt", title: "关于加大对农村安全饮水资金扶持力度的建议", kind: ks, addressees: []string{"陈潜/代表"}},
	{file: "015.txt", kind: ks, addressees: []string{"龚程/代表"}, office: "神山镇人民政府", date: "2023-09-15"},
	{file: "016.txt", title: "关于“田庄镇政府前往东,经小寨,李寨,旬北村东至东岳氟硅工业园西外环拓宽”的建议的答复", kind: ks, number: "16", addressees: []string{"庞益平/代表"}, office: "桓台县交通运输局", date: "2018-05-19"},
	{file: "017.txt", title: "关于对县政协十二届一次会议第24号提案的复函", kind: kp, number: "24", addressees: []string{"张朝琴/委员"}, office: "紫阳县文广旅游局", date: "2017-08-25", headings: []string{"一、", "二、", "三、", "四、"}},
	{file: "018.txt", title: "石林彝族自治县卫生健康局关于县第十八届人大第一次会议第122号建议答复的函", kind: ks, number: "122", addressees: []string{"王红兰/代表"}, office: "石林彝族自治县卫生健康局", date: "2022-06-28", headings: []string{"一、基本情况", "二、意见建议办理情况", "三、下步工作方向"}},
	{file: "019.txt", title: "石林县卫生健康局关于县第十七届人大第四次会议第37号建议答复的函", kind: ks, number: "37", addressees: []string{"陈云会/代表"}, headings: []string{"一、基本情况", "二、意见建议办理情况"}},
	{file: "020.txt", title: "人力资源社会保障部对十三届全国人大二次会议第2321号建议的答复", kind: ks, number: "2321", headings: []string{"一、关于研究建立就业质量评价体系"}},
	{file: "021.txt", title: "姚安县水务局对姚安县第十八届人民代表大会第四次会议第42号建议案的答复", kind: ks, number: "42", addressees: []string{"自会平/代表"}, office: "姚安县水务局", date: "2025-08-18"},
	{file: "022.txt", title: "关于“ 疏通党庄南路南桑园沟”的建议答复", kind: ks, number: "144", addressees: []string{"席守力/代表"}},
	{file: "023.txt", title: "泗县第十八届人民代表大会第三次会议第63号建议的答复", kind: ks, number: "63", addressees: []string{"邓娟/代表"}, office: "泗县水利局", date: "2024-04-28"},
	{file: "024.txt", title: "重庆市渝北区城市管理局关于区政协十六届第一次会议第201号提案协办意见的函", kind: kp, number: "201", addressees: []string{"双龙湖街道/单位"}, office: "重庆市渝北区城市管理局", date: "2022-04-29"},
	{file: "025.txt", title: "对自治区政协十三届二次会议第0479号提案的答复", kind: kp, number: "0479", addressees: []string{"农工党内蒙古区委/单位"}, headings: []string{"一、积极参与国家预制菜相关标准制定工作"}},
	{file: "026.txt", title: "2024年度政协委员建议清单式办理答复表(第125号)", kind: kp, number: "125", addressees: []string{"释觉道/委员"}},
	{file: "027.txt", kind: kp, addressees: []string{"陳立樓/委员"}},
	{file: "028.txt", title: "對十四屆全國人大二次會議第1037號建議的答復", kind: ks, number: "1037", addressees: []string{"郭淑琴/代表"}, headings: []string{"一、關于統籌考慮秦嶺區域開展美麗中國地方實踐"}},
	{file: "029.txt", kind: ko, office: "盐城市人大常委会办公室", date: "2023-09-19"},
	{file: "030.txt", kind: ko, addressees: []string{"各镇人民政府/单位", "各街道办事处/单位", "县政府有关部门/单位", "有关直属机构/单位"}, headings: []string{"一、加强组织领导。", "二、规范答复办理。"}},
	{file: "031.txt", title: "盐城市盐都区第十四届人民代表大会第二次会议代表建议", kind: ko},
	{file: "032.txt", title: "市政府办公室关于印发宿迁市政府信息公开审查等制度配套图表及文书的通知", kind: ko,
		addressees: []string{"各县、区人民政府/单位", "市各开发区、新区、园区管委会/单位", "市各有关部门和单位/单位"}, office: "宿迁市人民政府办公室", date: "2021-08-18",
		headings: []string{"一、《宿迁市政府信息公开审查制度》", "二、《宿迁市主动公开政府信息移送制度》", "三、《宿迁市政府信息依申请公开制度》"},
		miss:     map[string]string{"office": "the signature stands above a long attached list", "date": "the signature stands above a long attached list"}},
	{file: "033.txt", title: "对县政协十届三次会议来信号提案的答复", kind: kp, addressees: []string{"戴治/委员"}, office: "湘阴县教育局", date: "2019-04-20"},
	{file: "034.txt", title: "对县十六届人大会一次会议第41号议事原案的答复(教育局)", kind: ks, number: "41",
		addressees: []string{"陈留根/代表", "李立存/代表", "郭昌爱/代表", "花敬玲/代表", "陈传慧/代表", "吴本松/代表", "周宗凤/代表", "韩芳/代表", "韦九青/代表", "邓立高/代表", "杨龙和/代表", "余友明/代表", "梅家宏/代表", "王家传/代表", "王玉书/代表"}},
	{file: "035.txt", title: "盐池县教育体育局关于对政协盐池县第十届委员会五次会议49号提案的答复函", kind: kp, number: "49", addressees: []string{"贺文国/委员", "佟金菊/委员"}, office: "盐池县教育体育局", date: "2021-10-22", headings: []string{"一、办理过程", "二、办理情况"}},
	{file: "036.txt", title: "宜良县交通运输局2024年人大建议和政协提案办理情况", kind: ko, office: "宜良县交通运输局", date: "2024-09-09"},
	{file: "037.txt", title: "牟定县人民政府办公室关于印发牟定县突发环境事件应急预案(试行)的通知", kind: ko, addressees: []string{"各乡镇人民政府/单位", "县级有关部门/单位"}, office: "牟定县人民政府办公室", date: "2017-06-23",
		miss: map[string]string{"office": "the signature stands above the attached plan", "date": "the date is served broken as 「{ 2017 6 23」"}},
	{file: "038.txt", kind: ks, addressees: []string{"马新强/代表"}, office: "镇康县林业局", date: "2018-05-22", headings: []string{"一、", "二、"}},
	{file: "039.txt", title: "砚山县林业和草原局对中国人民政治协商会议砚山县九届委员会第三次会议第124号提案的答复", kind: kp, number: "124", addressees: []string{"李忠文/委员"}, date: "2019-06-17"},
	{file: "040.txt", title: "关于王风科代表建议的回复", kind: ks, addressees: []string{"王风科/代表"}, office: "平顺县林业局", date: "2025-08-18"},
	{file: "041.txt", title: "马关县林业局关于对马关县第十六届人民代表大会第四次会议第218号代表建议的答复函", kind: ks, number: "218", addressees: []string{"伏正洪/代表"}, office: "马关县林业局", date: "2015-04-16", headings: []string{"一、关于林木被砍伐问题。", "二、关于水源森林保护问题:"}},
	{file: "042.txt", title: "关于县政协十一届三次会议第215号提案的答复函", kind: kp, number: "215", addressees: []string{"陈伯乐/委员"}, office: "永嘉县农业农村局", date: "2024-09-30",
		headings: []string{"一、关于对出台“红美人”技术规程建议的回复:", "二、关于对帮扶散小橘农建议的回复:", "三、关于对拓宽销售渠道,做高品质、高附加值产业建议的回复:"}},
	{file: "043.txt", title: "台儿庄区自然资源局关于对区政协十届三次会议第033号提案的答复(关于疏通秀水河东岸台儿庄公路局西侧至御景华庭桥道路的建议)", kind: kp, number: "033",
		addressees: []string{"刘俊华/委员", "徐航吉/委员", "魏娜/委员", "魏爱军/委员", "朱纯/委员", "赵玉芳/委员"}, office: "台儿庄区自然资源局", date: "2024-10-18"},
	{file: "044.txt", title: "对市政协五届五次会议第0224号提案的答复", kind: kp, number: "0224", addressees: []string{"吕莉平/委员"}, office: "永州市自然资源和规划局", date: "2021-09-16"},
	{file: "045.txt", title: "对个旧市十八届人大一次会议第123号建议的答复", kind: ks, number: "123", addressees: []string{"刘萍/代表"}, office: "个旧市自然资源局", date: "2022-08-11"},
	{file: "046.txt", title: "关于答复市政协九届三次会议委员意见的函", kind: kp, addressees: []string{"闵玉霞/委员"}, office: "汨罗市规划局", date: "2015-06-12"},
	{file: "047.txt", title: "关于对市政协五届四次会议第117号提案答复的函", kind: kp, number: "117", addressees: []string{"李建岭/委员", "弯建军/委员"}, office: "新郑市住房和城乡建设局", date: "2020-09-30"},
	{file: "048.txt", kind: ks, number: "2020072", addressees: []string{"市交通運(yùn)輸局/单位"}, office: "清遠(yuǎn)市自然資源局", date: "2020-07-30"},
	{file: "049.txt", title: "关于兴庆区人大四届三次会议第16号“关于将解放西街健康社区纳入2019年老旧小区改造项目的建议”的答复", kind: ks, number: "16", addressees: []string{"袁大金/代表"}, office: "兴庆区住房和城乡建设局", date: "2019-07-26"},
	{file: "050.txt", title: "2023年清原满族自治县八届人大二次会议《关于加强县城小区基础设施建设的建议》(72号)的答复", kind: ks, number: "72", addressees: []string{"高松/代表"}},
	{file: "051.txt", title: "关于区十八届人大四次会议第20250118040077号建议的答复函", kind: ks, number: "20250118040077", addressees: []string{"平原/代表"}, date: "2025-07-28"},
	{file: "052.txt", title: "关于君山区人大五届五次会议1号建议的回复", kind: ks, number: "1", addressees: []string{"蔡中文/代表"}, date: "2021-05-06"},
	{file: "053.txt", title: "村村通客车,滑县交通局回应了", kind: ko},
	{file: "054.txt", title: "安岳县交通运输局 对县政协第十四届委员会五次会议 第62号提案答复的函", kind: kp, number: "62", addressees: []string{"龚剑锋/委员", "邓杰中/委员"}, office: "安岳县交通运输局", date: "2021-06-09"},
	{file: "055.txt", kind: ks, addressees: []string{"李曉何/代表"}, office: "蟠貓鄉(xiāng)人民政府", date: "2022-06-20"},
	// 056–085, read the same way; headings are a reader's: numbered
	// answers with no heading of their own give their markers alone.
	{file: "056.txt", title: "关于对市政协八届一次会议第016号提案的答复", kind: kp, number: "016", addressees: []string{"周博/委员"}, office: "白银市自然资源局", date: "2022-09-05"},
	{file: "057.txt", title: "关于区十届人大三次会议第1号代表建议办理情况的复函", kind: ks, number: "1", office: "杨凌示范区公安局交巡警支队新区大队", date: "2024-07-23",
		headings: []string{"1、", "2、"},
		miss:     map[string]string{"headings": "a numbered answer's first sentence, short and of clauses, is read as a run-in heading"}},
	{file: "058.txt", kind: kp, addressees: []string{"丁铭春/委员"}, headings: []string{"一、开展县城区路口排查。", "二、深入交通安全宣传。", "三、开展集中整治行动。"}},
	{file: "059.txt", title: "关于对常州市十五届人大四次会议代表建议第0043号的答复", kind: ks, number: "0043", addressees: []string{"徐亚红/代表"}, office: "常州市交通运输局", date: "2015-06-02"},
	{file: "060.txt", kind: ko},
	{file: "061.txt", kind: kp},
	{file: "062.txt", title: "关于加强公共停车场建设建议的答复", kind: kp, addressees: []string{"王趾强/委员"}, office: "同江市住房和城乡建设局", date: "2020-08-07",
		headings: []string{"1.针对市区人员密集场所停车难问题。", "2.针对大型货车停车问题。"}},
	{file: "063.txt", title: "旺县人民政府办公室 关于对县政协十届三次会议第57号提案答复的函", kind: kp, number: "57", addressees: []string{"苟晓琼/委员"}, office: "旺苍县人民政府办公室"},
	{file: "064.txt", kind: kp, addressees: []string{"xx/委员"}, office: "峨山镇人民政府", date: "2025-12-11"},
	{file: "065.txt", title: "佛坪县人民政府办公室关于认真做好2024年度市人大代表建议和政协提案办理工作的通知", kind: ko, addressees: []string{"各涉关单位/单位"},
		headings: []string{"一、严格办理程序", "二、加强沟通协调"}},
	{file: "066.txt", title: "澧县交通运输局对县十八届人大三次会议第 23 号建议的回复", kind: ks, number: "23", addressees: []string{"余习界/代表"}, office: "澧县交通运输局", date: "2023-06-30"},
	{file: "067.txt", title: "鹿阜街道办事处 对县第十七届人大第三次会议第25号建议的答复", kind: ks, number: "25", addressees: []string{"陈保华/代表"}, office: "鹿阜街道办事处", date: "2019-07-21",
		headings: []string{"一、基本情况", "二、意见建议办理情况", "三、下步工作方向"}},
	{file: "068.txt", title: "关于对宣州区第十三届政治协商会议第四次会议第67号提案的答复", kind: kp, number: "67", addressees: []string{"赵荣芳/委员"}},
	{file: "069.txt", title: "阿左旗第十六届人民代表大会第二次会议第23号建议办理单", kind: ks, number: "23", addressees: []string{"色尔道/代表"}, office: "阿拉善左旗交通运输局", date: "2023-12-08",
		headings: []string{"1.", "2.", "3.", "4."},
		miss:     map[string]string{"headings": "numbered answers of one sentence each are read as headings"}},
	{file: "070.txt", title: "关于2021年人大建议政协提案办理情况的报告", kind: ko},
	{file: "071.txt", kind: ks, addressees: []string{"张建能/代表"}},
	{file: "072.txt", kind: ks, number: "154", addressees: []string{"张群/代表", "刘定海/代表", "赵锦洪/代表", "陈娥/代表", "罗文明/代表", "尹久发/代表", "李文莉/代表", "陈昕/代表", "李鸿/代表", "周承明/代表"},
		date: "2018-09-26", headings: []string{"一、", "二、", "三、"},
		miss: map[string]string{"headings": "a numbered answer of one sentence is read as a heading"}},
	{file: "073.txt", kind: ks, addressees: []string{"沈刚/代表"}, office: "戌街乡人民政府", date: "2023-07-10"},
	{file: "074.txt", kind: ks, addressees: []string{"张明魁/代表"}, office: "市自然资源和规划局 市市场监督管理局 市房地产服务中心", date: "2020-10-12"},
	{file: "075.txt", title: "福州市政协征集提案线索公告", kind: ko, headings: []string{"(一)", "(二)", "(三)", "(四)"},
		miss: map[string]string{"headings": "a numbered item of one clause is read as a heading"}},
	{file: "076.txt", title: "对汨罗市政协十届一次会议第26号提案的答复", kind: kp, number: "26", addressees: []string{"任湘成/委员"}, date: "2017-07-03"},
	{file: "077.txt", title: "区人大八届四次会议代表建议(第24号)答复意见", kind: ks, number: "24", addressees: []string{"李言璐/代表"}, date: "2016-10-18"},
	{file: "078.txt", title: "舒城县交通运输局关于对县政协十一届四次会议第53号提案的答复函", kind: kp, number: "53", addressees: []string{"陈保存/委员", "高传文/委员"}, date: "2025-06-10"},
	{file: "079.txt", title: "对县十七届人大三次会议第63号建议的答复", kind: ks, number: "63", addressees: []string{"刘冬辉/代表"}, office: "湘阴县交通运输局", date: "2019-05-05"},
	{file: "080.txt", title: "关于解决偏远少数民族乡镇卫生院医疗设施设备和医务人员短缺问题的建议", kind: ko},
	{file: "081.txt", title: "遂宁市安居区交通运输局关于区人大四届二次会议第48号建议的复函", kind: ks, number: "48",
		addressees: []string{"吴章平/代表", "闫冰/代表", "唐治禄/代表", "叶晓华/代表", "邱兴军/代表", "简道富/代表", "罗岚/代表", "刘燕梅/代表", "吕丽/代表", "唐斌/代表", "王军/代表"}},
	{file: "082.txt", title: "重庆市綦江区教育委员会关于区政协三届三次会议第207号提案的复函", kind: kp, number: "207", addressees: []string{"吕春林/委员"},
		headings: []string{"一、“公安交警部门要加大校园周边交通秩序治理力度”建议可行。", "二、“卫健、城管、市场监管等部门要深入协同配合,整治校园周边无证无序摆摊设点问题”建议可行。"}},
	{file: "083.txt", title: "关于师人大交办【001】号文的情况汇报", kind: ko},
	{file: "084.txt", title: "关于加强网吧(游戏场所)管理的建议", kind: ks, addressees: []string{"徐玲/代表"},
		headings: []string{"一、关于“政府有关部门通过报纸、广播、网站等媒介向社会公布网吧布点、负责人、联系电话”等问题。", "二、关于“相关部门应采取定期或不定期检查和抽查”的问题。", "三、关于“对违规接纳未成年人的网吧,实行一次性死亡”的问题。"}},
	{file: "085.txt", title: "关于对建设公益性墓地的提案答复的函(编号:B〔2017〕062号)", kind: kp, number: "062", addressees: []string{"赵舒琪/委员", "陈弘毅/委员"}, office: "新郑市民政局", date: "2017-06-29",
		miss: map[string]string{"number": "the number follows a bracketed year (编号:B〔2017〕062号) and is taken for a document number's"}},
}

// corpusInferred are the titles made for the corpus texts that have no
// title line, from the proposal each answers (read past the pinyin
// annotations of mirrored pages). The notices that are not replies (029,
// 030) get none.
var corpusInferred = map[string]string{
	"001.txt": "关于“关于配套和完善金博大商业区公共基础设施的提案”的答复",
	"002.txt": "关于康縣人民代表大會十七届二次会议建议的答复",
	"006.txt": "关于“关于实施法召、雨柱2个片区高稳产农田改造项目的建议”的答复",
	"007.txt": "关于“关于完善基层学校设施建设的建议”的答复",
	"009.txt": "关于第75号建议的答复",
	"012.txt": "关于县人大十八届二次会议建议的答复",
	"015.txt": "关于“关于大桥至熊岭农村公路改造刷黑的建议”的答复",
	"027.txt": "关于“關于改善中小學校門口交通擁堵狀況的建議”的答复",
	"038.txt": "关于镇康县人民代表大会十七届二次会议建议的答复",
	"048.txt": "关于第2020072号建议的答复",
	"055.txt": "关于蟠貓鄉人大十三届一次会议建议的答复",
	"058.txt": "关于县政协九届四次会议提案的答复",
	"061.txt": "关于“关于在步行街南段修建机械式立体停车场,缓解停车压力的建议”的答复",
	"064.txt": "关于“关于增设路灯的建议”的答复",
	"071.txt": "关于龙陵县人民代表大会十七届五次会议建议的答复",
	"072.txt": "关于个旧市人大十七届二次会议第154号建议的答复",
	"073.txt": "关于“关于给予解决碗厂下村阿拉匹坝清淤除险加固的建议”的答复",
	"074.txt": "关于“关于新密市老旧小区改造加装电梯的建议”的答复",
}

// TestTextCorpus reads every text of the shared corpus: none may fail or
// lose a character, each reply must validate, and the facts of the table
// must be found, except the known misses.
func TestTextCorpus(t *testing.T) {
	dir := corpusDir(t, "texts")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	facts := make(map[string]textFacts, len(corpusFacts))
	for _, f := range corpusFacts {
		facts[f.file] = f
	}
	found, total, missed := 0, 0, 0
	var missList []string
	for _, path := range files {
		name := filepath.Base(path)
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		input := string(b)
		rep, err := Text(input)
		require.NoError(t, err, name)
		assertNothingLost(t, input, rep)
		assertValid(t, rep)
		f, ok := facts[name]
		if !ok {
			continue
		}
		office, date := rep.Signature.Office, rep.Signature.Date.String()
		number := rep.Proposal.Number
		var heads []string
		if len(rep.Sections) > 0 {
			heads = headings(rep.Sections)
		}
		// A title line is read; with none, the title is made.
		title, inferred := rep.Title, ""
		if rep.TitleInferred {
			title, inferred = "", rep.Title
		}
		if f.title == "" {
			assert.Equal(t, corpusInferred[name], inferred, "%s: inferred title", name)
			assert.Equal(t, rep.Title == "", hasWarning(rep, CodeNoTitle), "%s: a warning says the title could not be made", name)
		}
		checks := []struct {
			fact      string
			want, got any
		}{
			{"title", f.title, title},
			{"kind", f.kind, rep.Kind},
			{"number", f.number, number},
			{"addressees", f.addressees, names(rep.Addressees)},
			{"office", f.office, office},
			{"date", f.date, date},
			{"headings", f.headings, heads},
		}
		for _, c := range checks {
			total++
			equal := assert.ObjectsAreEqual(c.want, c.got)
			reason, known := f.miss[c.fact]
			switch {
			case equal && known:
				t.Errorf("%s: %s is found now (%v): drop the known miss %q", name, c.fact, c.got, reason)
			case equal:
				found++
			case known:
				missed++
				missList = append(missList, name+" "+c.fact+": "+reason)
			default:
				t.Errorf("%s: %s = %#v, want %#v", name, c.fact, c.got, c.want)
			}
		}
	}
	require.GreaterOrEqual(t, len(corpusFacts), 30)
	sort.Strings(missList)
	t.Logf("corpus facts found: %d of %d (%.1f%%) in %d texts; %d known misses:\n  %s",
		found, total, 100*float64(found)/float64(total), len(corpusFacts), missed, strings.Join(missList, "\n  "))
}

// TestReadSource reads blocks as the HTML reader gives them: the title
// from the page, the signature right-aligned.
func TestReadSource(t *testing.T) {
	src := &Source{
		Title: "关于县政协十届一次会议第73号提案的答复",
		Blocks: []SourceBlock{
			{Text: "涂轶委员："},
			{Text: "您提出的“关于加强社区建设的建议”提案收悉，现答复如下：", Indent: true},
			{Text: "感谢您的关心和支持。", Indent: true},
			{Text: "旺苍县人民政府办公室", Align: AlignRight},
			{Text: "2017年3月16日", Align: AlignRight},
		},
		Page: reply.Page{Source: "县民政局"},
	}
	rep, err := Read(src)
	require.NoError(t, err)
	assert.Equal(t, src.Title, rep.Title)
	assert.Nil(t, rep.Header)
	assert.Equal(t, reply.KindProposalReply, rep.Kind)
	assert.Equal(t, "73", rep.Proposal.Number)
	assert.Equal(t, "旺苍县人民政府办公室", rep.Signature.Office)
	assert.Equal(t, "2017-03-16", rep.Signature.Date.String())
	assert.Equal(t, "县民政局", rep.Page.Source)
	assertValid(t, rep)
}

// TestIsHeaderLine tells the lines that may stand above the salutation.
func TestIsHeaderLine(t *testing.T) {
	for text, want := range map[string]bool{
		"关于某某的答复":                true,
		"旺府办函〔2021〕12号":          true,
		"abc":                    true,
		"一、基本情况":                 false, // a marker
		"你好。":                    false,
		"收悉；":                    false,
		"标题！":                    false,
		strings.Repeat("字", 101): false,
	} {
		assert.Equal(t, want, isHeaderLine(para{text: text}), "%q", text)
	}
	assert.True(t, isHeaderLine(para{table: &reply.Table{}}))
	assert.False(t, isHeaderLine(para{image: &reply.Image{}}))
}

// TestBlocksShareArrays checks that the lists handed out from one array,
// each section's blocks and each block's points, are capped at their own
// length: appending to one never writes into the next.
func TestBlocksShareArrays(t *testing.T) {
	rep, err := Text(string(fixture(t, "seed")))
	require.NoError(t, err)
	var lists int
	check := func(blocks []reply.Block) {
		require.Equal(t, len(blocks), cap(blocks))
		for _, b := range blocks {
			require.Equal(t, len(b.Points), cap(b.Points))
			if len(b.Points) > 0 {
				lists++
			}
		}
	}
	var walk func([]reply.Section)
	walk = func(secs []reply.Section) {
		for _, s := range secs {
			check(s.Blocks)
			walk(s.Sections)
		}
	}
	check(rep.Opening)
	check(rep.Closing)
	walk(rep.Sections)
	assert.Greater(t, lists, 2)
	first := rep.Sections[0].Blocks
	next := rep.Sections[1].Blocks[0].Text
	grown := append(first, reply.Block{Text: "added"})
	assert.Equal(t, "added", grown[len(grown)-1].Text)
	assert.Equal(t, next, rep.Sections[1].Blocks[0].Text)
}
