package charset

import "unicode/utf8"

// commonHan holds the most frequent Chinese characters, simplified and
// traditional, as a bit set over the runes from the lowest to the highest
// of them. Legacy text decoded with the wrong encoding still gives Han
// characters, but rare ones; the share of common ones tells the right
// decoding from the wrong.
var commonHan = func() runeSet {
	const simplified = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵滑玛纷赤遍"
	const traditional = "們這個來為國說時會對過現當從動還進與實關點開問題經後發學種樣長業義機見話軍間頭體應總東產電聽數變氣讓親覺認識報導場統務黨處設議論選該員區計畫條並將歲錢灣臺灣於無萬門頁車書內們讀寫說歡樂買賣師師資質傳達運連號辦證據規劃設計際黃觀視語調說課貨價廣嚴聯緊環隨險護響顯鐵順類須風飛驗實難轉輕辦農層"
	var all []rune
	for _, s := range []string{simplified, traditional} {
		all = append(all, []rune(s)...)
	}
	return newRuneSet(all)
}()

// runeSet is a set of runes as a bit set over [lo, lo+64*len(bits)).
type runeSet struct {
	lo   rune
	bits []uint64
}

// newRuneSet returns the set of runes.
func newRuneSet(runes []rune) runeSet {
	if len(runes) == 0 {
		return runeSet{}
	}
	lo, hi := runes[0], runes[0]
	for _, r := range runes {
		lo, hi = min(lo, r), max(hi, r)
	}
	set := runeSet{lo: lo, bits: make([]uint64, (hi-lo)/64+1)}
	for _, r := range runes {
		set.bits[(r-lo)/64] |= 1 << ((r - lo) % 64)
	}
	return set
}

// has reports whether r is in the set.
func (s runeSet) has(r rune) bool {
	i := r - s.lo
	return i >= 0 && int(i/64) < len(s.bits) && s.bits[i/64]&(1<<(i%64)) != 0
}

// maxScored is how many Han characters textScore reads: enough to tell
// an encoding, and no more work on a long page.
const maxScored = 4000

// isHanRune reports whether r is a CJK unified ideograph.
func isHanRune(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) ||
		(r >= 0x20000 && r <= 0x2FFFF) || (r >= 0xF900 && r <= 0xFAFF)
}

// textScore scores decoded text: the share of common characters among its
// Han characters, less the share of replaced and private use characters.
// Text with no Han characters at all scores by its replacements alone. It
// reads up to the Han character past maxScored, counted as Han but not as
// common.
func textScore(s []byte) float64 {
	han, common, bad := 0, 0, 0
	for _, r := range string(s) {
		switch {
		case r < utf8.RuneSelf:
		case r == utf8.RuneError || r >= 0xE000 && r <= 0xF8FF:
			bad++
		case isHanRune(r):
			han++
			if han > maxScored {
				return scoreOf(han, common, bad)
			}
			if commonHan.has(r) {
				common++
			}
		}
	}
	return scoreOf(han, common, bad)
}

// scoreOf is the score of a text of han Han characters, common of them
// common, and bad replaced or private use characters.
func scoreOf(han, common, bad int) float64 {
	score := -float64(bad) / float64(max(han+bad, 1))
	if han > 0 {
		score += float64(common) / float64(han+bad)
	}
	return score
}
