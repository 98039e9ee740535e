package reply

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedTitle is the seed notice's title.
const seedTitle = "旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复"

// seedReply returns the reply of the seed notice (testdata/seed.json), built
// by hand from the notice's text: the contract the parser is held to.
func seedReply() *Reply {
	return &Reply{
		Kind:  KindProposalReply,
		Title: seedTitle,
		Proposal: Proposal{
			Body:      "县政协",
			Term:      10,
			Session:   1,
			Number:    "73",
			Title:     "关于加强新型农村社区建设工作的建议",
			Proposers: []string{"涂轶", "李勇"},
		},
		Addressees: []Addressee{{Name: "涂轶", Role: RoleMember}, {Name: "李勇", Role: RoleMember}},
		Salutation: "涂轶、李勇委员:",
		Opening: []Block{
			{Text: "你们在县政协十届一次会议上提出的“关于加强新型农村社区建设工作的建议”提案收悉,县人民政府进行了认真办理。现将有关情况答复如下:"},
		},
		Sections: []Section{
			{
				Marker: "一、", Number: 1, Heading: "我县社区建设基本情况",
				Blocks: []Block{
					{Text: "目前,我县已建成城乡社区40个,新建了卢家坝、石龙、白龙、龙凤四个新型农村社区,纳入城乡社区管理的居民总数达40727户、105890人,充分发挥了城乡社区在维护社会政治稳定和服务城市居民中的重要作用。"},
				},
			},
			{
				Marker: "二、", Number: 2, Heading: "加强基层群众自治,创新社区治理",
				Blocks: []Block{
					{
						Text: "今年以来,我县认真贯彻落实中央、省、市关于全面深化改革的决策部署,坚持以人为本,创新工作举措,将基层群众自治制度建设作为民主政治的基础工程来抓,不断提升基层民主管理水平。",
						Points: []Point{
							{Marker: "一是", Lead: "坚持民事民议,广拓渠道听意见", Text: "坚持民事民议,广拓渠道听意见。出台了《旺苍县村(居)民议事办法》,健全了民主议事制度,率先在白水镇卢家坝村创新推行村民议事会试点工作,目前该村通过议事会讨论的事项已达12件;制定了《旺苍县村(居)务决策论证听证办法》,将土地流转、农村低保发放、集体资产处置等关系村民切身利益的事项作为论证听证的重点,真正将村务管理的权利归还给基层群众。"},
							{Marker: "二是", Lead: "坚持民事民管,群众自治促和谐", Text: "坚持民事民管,群众自治促和谐。坚持把村规民约(市民公约)作为基层依法治理的重要内容,先后在嘉川镇庆寨村、东河镇治城社区等10个村(社区)开展了试点,及时召开了全县推进会,目前全县所有村(社区)已制定完善了村规民约(市民公约),对社会治安、公共环境卫生、家庭美德、公益事业办理等重要事务和热点问题进行了规定,把推进移风易俗变成群众自觉行动,让群众真正达到自我管理、自我服务、自我约束的一种常态。"},
							{Marker: "三是", Lead: "建立“一核多元”管理格局", Text: "建立“一核多元”管理格局。充分发挥党组织在社区治理中的领导核心作用,按照地域相邻、行业相近、自愿互利、优势互补的原则,根据区域和人口灵活设置党组织,梯次建立以社区为中心、辐射周边的网格化党委(总支),以居民居住密集区、产业发展集中区为单元的区域化党支部,夯实社区治理组织基础;推进政社分开,厘清乡镇与基层群众自治组织的职责,精简村(社区)承担的行政性事务,切实减轻村(社区)负担,以东河镇治城社区为例,通过对108个服务职责的合并梳理,将公共服务事项减少到了50项;推行社区工作准入制度,制定社区工作权责清单,建立了社会治理、社会服务等35项社区公共服务事项目录,让社区的“党、政、居、经、社、服”等基层组织和服务平台各司其职、各尽其责,构建了“一核多元、协商共治”的社区治理体系。"},
							{Marker: "四是", Lead: "建立“三社一工”服务体系", Text: "建立“三社一工”服务体系。积极发挥社区服务站、社会组织、社会工作者、义工“三社一工”的联动作用,在全县40个城乡社区建立了便民服务代办站,建立村(社区)养老院20个、老年人日间照料中心19个、农村幸福院34个、扶贫互助社87个,积极发展壮大社区社会工作队伍,力争尽快在每个社区配备一支专业的社会工作者队伍;以党员干部、“五老”人员为主体,成立社区志愿者协会30个。"},
						},
					},
				},
			},
			{
				Marker: "三、", Number: 3, Heading: "存在的主要问题",
				Sections: []Section{
					{
						Marker: "(一)", Number: 1, Heading: "认识不足,创新不到位。", RunIn: true,
						Blocks: []Block{
							{
								Points: []Point{
									{Marker: "一是", Text: "社区管理忙于事务的多,谋发展的少,缺乏创新思维和理念。"},
									{Marker: "二是", Text: "自治组织行政化倾向突出,缺乏服务意识。"},
									{Marker: "三是", Text: "重视程度不够,认识不足,对社区建设的困难和问题不能及时解决,对怎样建设社区、如何创新管理缺乏理论性、系统性的认识。"},
								},
							},
						},
					},
					{
						Marker: "(二)", Number: 2, Heading: "工作关系不顺、职能不清。", RunIn: true,
						Blocks: []Block{
							{
								Text: "随着改革的不断深入,政府职能转变、管理重心下移、把大量本属于各部门自身的工作职能转移给社区,没有按照权随责走,费随事转的要求,导致各机关事业单位与社区居委会之间权责界定不明。同时,还要应对名目繁多的检查、评比、考核、统计、会议等,从而弱化了社区自我管理、自我教育和自我服务的作用。",
							},
						},
					},
					{
						Marker: "(三)", Number: 3, Heading: "经费不足,待遇偏低。", RunIn: true,
						Blocks: []Block{
							{
								Points: []Point{
									{Marker: "一是", Lead: "经费来源单一", Text: "经费来源单一。社区经费不足导致社区发展滞后。社区经费来源主要依靠政府投入,县级财政预算年均每个社区办公经费为30000元(有些乡镇还没足额拨付社区),与往年比预算虽有增加,但仍不能保证水、电、气、通讯、打印、复印、报刊杂志征订、制度上墙、展板制作、会议召开等各项基本开支,加之近年来的安全维稳、城乡环境综合治理等任务加重,社区经费不足的矛盾更加突出。"},
									{Marker: "二是", Lead: "干部待遇偏低", Text: "干部待遇偏低。近几年我县社区干部工资待遇虽然有所增加,但仍相对较低,其工资报酬与工作付出不成比例,与现行机关事业单位的工作人员差别较大。部分社区的干部未享受城镇职工“五险一金”待遇,待遇偏低将直接影响社区工作人员的积极性和工作质量。"},
									{Marker: "三是", Lead: "基础建设投入不足", Text: "基础建设投入不足。2008年前,我县社区基本是“三无”(无场所、无人员、无资金)。2008年后,抓住灾后重建机遇,基本建起了阵地,但也还有社区没有解决好办公场所,东河镇凤凰梁、马家渡社区还是租房办公。还有一些社区还缺乏办公用品。"},
								},
							},
						},
					},
					{
						Marker: "(四)", Number: 4, Heading: "人才匮乏,结构单一。", RunIn: true,
						Blocks: []Block{
							{
								Points: []Point{
									{Marker: "一是", Lead: "用人受限制", Text: "用人受限制。按照现行的相关规定,社区工作人员原则上只能在本社区内选举产生,选人用人的局限性较大。"},
									{Marker: "二是", Lead: "政治上没奔头", Text: "政治上没奔头。由于受现行政策体制的限制,社区干部的身份难以改变,干到老还是一个村民、居民,政治上发展空间小,“没奔头”。"},
									{Marker: "三是", Lead: "队伍素质不齐", Text: "队伍素质不齐。社区干部面对的是居民和具体的事务,工作难、任务重,导致社区干部队伍呈现出文化水平偏低、知识结构单一、年龄偏大的特点,难以适应新形势下社区管理服务工作的需要。"},
								},
							},
						},
					},
				},
			},
			{
				Marker: "四、", Number: 4, Heading: "建设新型农村社区的对策和建议",
				Blocks: []Block{
					{
						Points: []Point{
							{Marker: "一是", Lead: "提升认识", Text: "提升认识。新型农村社区是以城镇化的理念改造农村,以公共服务均等化覆盖农村,以现代化的产业体系支撑农村,进而实现城乡统筹,让农民实现生活方式和生产方式的改变。建设新型农村社区,是中国特色城镇化道路的要求,是城乡统筹,以城带乡、以工哺农的最佳切入点,是目前农村破解“钱从哪里来、人往哪里去、民生怎么办、粮食怎么保”问题的重要切入点。从未来发展看,新型农村社区建设既能在未来扩大投资、激活消费、拉动经济发展,又能改善民生、赢得民心,还能为推动城乡二元体制的变革带来动力;从时代责任来看,建设新型农村社区是解决农村人口小康问题,到2020年实现全面小康的需要。"},
						},
					},
					{
						Points: []Point{
							{Marker: "二是", Lead: "政策先行", Text: "政策先行。新型农村社区建设必须有政策的先行、支撑,必须靠政策调动广大基层干部群众参与新型城镇化和新型农村社区建设的积极性、能动性和创造性。各级干部要学明白,吃透政策,用足用好用活政策。要落实政策。一方面要宣传好政策,让干部群众理解、明白,积极参与新型农村社区建设;另一方面相关部门要按照“服务中心有作为”的要求,不等不靠,积极主动,认真落实政策,发挥好政策的示范引领作用。要认真学习外地经验,结合自身实际,创新制定并出台政策,破解制约新型农村社区建设重点环节、关键领域的瓶颈问题。政策的制定要坚持合情、合理、合规、合体,让群众受益、群众满意。"},
						},
					},
					{
						Points: []Point{
							{Marker: "三是", Lead: "考虑群众利益问题", Text: "考虑群众利益问题。能否做到让群众受益、群众满意是新型农村社区建设成败的关键所在。要引导群众参与,关键是要维护群众“四权”,在整个建设过程中要尊重群众,维护群众的知情权、参与权、选择权和监督权。要实现住房“有证”。要完善社会保险,在医保、低保、社保等方面强化保障,使群众“进得来、留得住、过得好”。要做到“三金一补”,让入住社区的群众通过务工获得薪金,通过土地流转获得租金,通过以土地入股参与开发建设或企业发展获得股金,享有的国家各种涉农政策补贴一概不变。"},
						},
					},
					{
						Points: []Point{
							{Marker: "四是", Lead: "科学规划", Text: "科学规划。在新型农村社区建设过程中,规划是龙头、是引领、是先导。按照覆盖半径2至3公里,规模以8000至1万人为宜,进行规划布局。要突出地方特色。坚持因地制宜、严格标准、突出特色、彰显优势,使新型农村社区体现本地的历史传承、文化习俗、风土人情等,新型农村社区自身建筑错落有致,面积大小适宜,外形美观大方,内部经济适用,基本功能完善,风格富有特色。要严格执行规划。经政府审批、专家把关、群众认可的规划不得轻易更改。"},
						},
					},
					{
						Points: []Point{
							{Marker: "五是", Lead: "加大资金投入", Text: "加大资金投入。一要加大公共财政投入力度,舍得拿出资金倾斜、支持社区建设;二要整合涉农资金,按照“职能不变、渠道不乱,打捆使用、各尽其功”的原则,支持新型农村社区建设;三要广开融资渠道,能够市场运作的通过社会资金参与、金融支持、以地生财、群众自筹、社会捐建等方式,多方筹集建设资金;四要鼓励企业参与社区建设,统筹解决企业可持续发展用地需求和社区建设、群众就业问题,实现互利共赢。"},
						},
					},
					{
						Points: []Point{
							{Marker: "六是", Lead: "要妥善解决好土地问题", Text: "要妥善解决好土地问题。建设新型农村社区的一个重要目的,就是要破解发展中的土地要素瓶颈,要加快土地流转,实现规模化种植和经营,要集约节约用地,科学安排新型农村社区的容积率和周边产业园区的用地率,提高节地率。"},
						},
					},
					{
						Points: []Point{
							{Marker: "七是", Lead: "要配套建设好公共设施", Text: "要配套建设好公共设施。教育、卫生、文化、体育、科技、法律、计生、就业、社保、社会治安、社会福利等政府各项服务全面覆盖,实现群众办事不出村,让群众切实享有与城市居民同质化的公共服务,真正实现生产方式、生活方式的转变。"},
						},
					},
					{
						Points: []Point{
							{Marker: "八是", Lead: "要坚持村民自治", Text: "要坚持村民自治。新型农村社区在管理体制上可以在社区设立党总支,由乡镇派人任总支书记,原各村支书任委员。选举成立社区村民委员会。在管理上,搞好“两个公开”。公共事务公开、财务公开,实行“三自”(自我管理,自我教育,自我监督),落实“四民主”(民主选举、民主决策、民主管理、民主监督)。"},
						},
					},
				},
			},
		},
		Closing: []Block{
			{Text: "总之,我们将加快新型农村社区建设步伐,强化农村社区功能,以完善农村社区党组织和居民自治组织建设为重点,以提高农村社区居民生活质量和加强农村社区精神文明建设为宗旨,逐步建立起强有力的农村社区工作运行体系,努力建设管理有序、服务完善、环境优美、治安良好、生活便利、人际关系和谐的新型农村社区。"},
			{Text: "感谢你们对县政府工作的关心和支持。"},
		},
		Signature: Signature{
			Office: "旺苍县人民政府办公室",
			Date:   Date{Text: "2017年3月16日", Year: 2017, Month: 3, Day: 16},
		},
		Page: Page{
			Breadcrumb: []string{"首页", "政协提案", seedTitle},
			Published:  Date{Text: "2020-10-21", Year: 2020, Month: 10, Day: 21},
			Source:     "县民政局",
			Views:      2045,
		},
	}
}

var update = flag.Bool("update", false, "rewrite golden files")

const seedGolden = "testdata/seed.json"

// seedNoticeBody returns the seed notice's text from the title line to the
// date line without the page furniture line (发布时间…) that stands between
// them, or skips the test when the shared seed is absent.
func seedNoticeBody(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "seed", "000_d1fdc54a8d13c6d9.txt"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("the shared seed notice is absent")
	}
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	start, end := -1, -1
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if start < 0 && l == seedTitle {
			start = i
		}
		if l == "2017年3月16日" {
			end = i
		}
	}
	require.True(t, start >= 0 && end > start, "title and date lines in the seed")
	var body []string
	for _, l := range lines[start : end+1] {
		if strings.HasPrefix(strings.TrimSpace(l), "发布时间") {
			continue
		}
		body = append(body, l)
	}
	return strings.Join(body, "\n")
}

func TestSeedGolden(t *testing.T) {
	got, err := Marshal(seedReply())
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile(seedGolden, got, 0o644))
	}
	want, err := os.ReadFile(seedGolden)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	assert.True(t, bytes.HasPrefix(got, []byte("{\n  \"format\": \"replykit/v1\",\n  \"kind\": \"proposal-reply\",\n")), "format first, then kind")
}

func TestSeedValidates(t *testing.T) {
	assert.NoError(t, seedReply().Validate())
}

func TestSeedRoundTrip(t *testing.T) {
	r := seedReply()
	data, err := Marshal(r)
	require.NoError(t, err)
	got, err := Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, r, got)

	// The golden file reads to the same reply.
	golden, err := os.ReadFile(seedGolden)
	require.NoError(t, err)
	fromGolden, err := Unmarshal(golden)
	require.NoError(t, err)
	assert.Equal(t, r, fromGolden)

	// encoding/json gives the same through the methods.
	var viaStd Reply
	require.NoError(t, json.Unmarshal(data, &viaStd))
	assert.Equal(t, r, &viaStd)
}

func TestSeedPlainText(t *testing.T) {
	r := seedReply()
	lines := r.Lines()
	require.NotEmpty(t, lines)
	assert.Equal(t, seedTitle, lines[0])
	assert.Equal(t, "涂轶、李勇委员:", lines[1])
	assert.Equal(t, "2017年3月16日", lines[len(lines)-1])
	assert.Equal(t, "旺苍县人民政府办公室", lines[len(lines)-2])
	assert.Contains(t, lines, "(一)认识不足,创新不到位。一是社区管理忙于事务的多,谋发展的少,缺乏创新思维和理念。二是自治组织行政化倾向突出,缺乏服务意识。三是重视程度不够,认识不足,对社区建设的困难和问题不能及时解决,对怎样建设社区、如何创新管理缺乏理论性、系统性的认识。")
	assert.Len(t, lines, 25, "title, salutation, opening, 4 headings and their paragraphs, closing, office, date")

	body := seedNoticeBody(t)
	assert.Equal(t, NormalizeWhitespace(body), NormalizeWhitespace(r.PlainText()))
}

func TestSeedFacts(t *testing.T) {
	r := seedReply()
	require.Len(t, r.Sections, 4)
	assert.Len(t, r.Sections[1].Blocks[0].Points, 4)
	require.Len(t, r.Sections[2].Sections, 4)
	for i, s := range r.Sections[2].Sections {
		assert.Equal(t, LevelParenCN, MarkerLevel(s.Marker))
		assert.Equal(t, i+1, s.Number)
		assert.True(t, s.RunIn)
	}
	require.Len(t, r.Sections[3].Blocks, 8)
	five := r.Sections[3].Blocks[4].Points[0]
	assert.Equal(t, "五是", five.Marker)
	assert.Contains(t, five.Text, "一要加大公共财政投入力度", "the 一要 series stays inside the 五是 point")
	assert.Nil(t, r.Header)
	assert.Nil(t, r.Trailer)
	assert.Equal(t, []Line{{Text: "旺苍县人民政府办公室", Field: FieldOffice}, {Text: "2017年3月16日", Field: FieldDate}}, r.CanonicalTrailer())
	for _, b := range r.Sections[3].Blocks {
		for _, p := range b.Points {
			assert.True(t, strings.HasPrefix(p.Text, p.Lead+"。"), p.Marker)
		}
	}
}

func TestSeedBrokenRejected(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(r *Reply)
		path   string
	}{
		{"impossible date", func(r *Reply) { r.Signature.Date.Month, r.Signature.Date.Day = 2, 30 }, "signature.date"},
		{"date text and value differ", func(r *Reply) { r.Signature.Date.Text = "2017年3月17日" }, "signature.date"},
		{"date text not a date", func(r *Reply) { r.Signature.Date.Text = "三月中旬" }, "signature.date"},
		{"empty title", func(r *Reply) { r.Title = "" }, "title"},
		{"blank title", func(r *Reply) { r.Title = " 　" }, "title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := seedReply()
			tt.mutate(r)
			err := r.Validate()
			require.ErrorIs(t, err, ErrInvalid)
			assert.Contains(t, err.Error(), "\n"+tt.path+": ")
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			require.Len(t, ve.Problems, 1)
			assert.Equal(t, tt.path, ve.Problems[0].Path)
		})
	}
}

func TestUnmarshalErrors(t *testing.T) {
	golden, err := os.ReadFile(seedGolden)
	require.NoError(t, err)
	seed := string(golden)
	tests := []struct {
		name   string
		in     string
		is     error
		line   int    // of the *SyntaxError, 0 for none
		inText string // in the error's message
	}{
		{"unknown version", strings.Replace(seed, FormatV1, "replykit/v3", 1), ErrFormat, 0, "replykit/v3"},
		{"no version", strings.Replace(seed, `"format": "replykit/v1",`, "", 1), ErrFormat, 0, "format"},
		{"version not a string", strings.Replace(seed, `"replykit/v1"`, "1", 1), ErrFormat, 0, "format"},
		{"not an object", `["replykit/v1"]`, nil, 1, ""},
		{"provenance in v1", strings.Replace(seed, `"kind":`, `"provenance": {}, "kind":`, 1), ErrUnknownKey, 3, "provenance: unknown key"},
		{"unknown top-level key", strings.Replace(seed, `"kind":`, `"kinds": 1, "kind":`, 1), ErrUnknownKey, 3, "kinds"},
		{"unknown nested key", strings.Replace(seed, `"heading": "存在的主要问题",`, `"heading": "存在的主要问题", "level": 1,`, 1), ErrUnknownKey, lineOf(seed, "存在的主要问题"), "sections[2].level"},
		{"unknown signature key", strings.Replace(seed, `"office": "旺苍县人民政府办公室",`, `"office": "旺苍县人民政府办公室", "seal": true,`, 1), ErrUnknownKey, lineOf(seed, `"office"`), "signature.seal"},
		{"key of the wrong case", strings.Replace(seed, `"title": "旺`, `"Title": "旺`, 1), ErrUnknownKey, 4, "Title"},
		{"wrong type", strings.Replace(seed, `"term": 10`, `"term": "十"`, 1), nil, lineOf(seed, `"term"`), "proposal.term"},
		{"fraction", strings.Replace(seed, `"views": 2045`, `"views": 20.45`, 1), nil, lineOf(seed, `"views"`), "page.views"},
		{"bad date", strings.Replace(seed, `"date": "2017-03-16"`, `"date": "2017-02-30"`, 1), nil, lineOf(seed, `"date": "2017`), "signature.date"},
		{"duplicate top-level key", strings.Replace(seed, `"kind":`, `"salutation": "x", "kind":`, 1), ErrDuplicateKey, lineOf(seed, `"salutation"`), "salutation: duplicate key, first at line 3"},
		{"duplicate nested key", strings.Replace(seed, `"term": 10,`, `"term": 10, "term": 11,`, 1), ErrDuplicateKey, lineOf(seed, `"term"`), "proposal.term: duplicate key"},
		{"syntax error", strings.Replace(seed, `"session": 1,`, `"session": 1,,`, 1), nil, lineOf(seed, `"session"`), ""},
		{"truncated", seed[:len(seed)/2], nil, strings.Count(seed[:len(seed)/2], "\n") + 1, "unexpected EOF"},
		{"data after", seed + "{}", nil, strings.Count(seed, "\n") + 1, "after"},
		{"empty", "", nil, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Unmarshal([]byte(tt.in))
			require.Error(t, err)
			assert.Nil(t, r)
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			var se *SyntaxError
			if tt.line > 0 {
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tt.line, se.Line, err.Error())
			} else {
				assert.False(t, errors.As(err, &se), "not a syntax error: %v", err)
			}
			assert.Contains(t, err.Error(), tt.inText)
		})
	}
}

// TestUnmarshalDuplicateKey: a key met twice is a *DuplicateKeyError
// inside the *SyntaxError, with both lines; the decoder alone would keep
// the last value.
func TestUnmarshalDuplicateKey(t *testing.T) {
	in := "{\n  \"format\": \"replykit/v1\",\n  \"kind\": \"other\",\n  \"title\": \"a\",\n" +
		"  \"page\": {\n    \"site\": \"x\",\n    \"views\": 1,\n    \"site\": \"y\"\n  }\n}\n"
	_, err := Unmarshal([]byte(in))
	require.ErrorIs(t, err, ErrDuplicateKey)
	var de *DuplicateKeyError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, DuplicateKeyError{Path: "page.site", Line: 8, FirstLine: 6}, *de)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 8, se.Line)
	assert.Equal(t, `reply: decode JSON at line 8 (byte 119): page.site: duplicate key, first at line 6`, err.Error())

	var r Reply
	require.ErrorIs(t, json.Unmarshal([]byte(in), &r), ErrDuplicateKey, "through UnmarshalJSON too")
}

// lineOf returns the 1-based line of the first occurrence of sub in s.
func lineOf(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return strings.Count(s[:i], "\n") + 1
}

func TestMarshalKeepsTextAsWritten(t *testing.T) {
	r := &Reply{Kind: KindOther, Title: "关于<道路>&桥梁的答复", Signature: Signature{Office: "A&B局", Date: NewDate(2020, 1, 2)}}
	data, err := Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"title": "关于<道路>&桥梁的答复"`)
	assert.Contains(t, string(data), `"office": "A&B局"`)
	back, err := Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, r, back)
}
