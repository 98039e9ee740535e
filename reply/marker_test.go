package reply

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReadMarker(t *testing.T) {
	tests := []struct {
		in     string
		marker string
		level  int
		number int
	}{
		{"一、我县社区建设基本情况", "一、", LevelChinese, 1},
		{"十二、其他", "十二、", LevelChinese, 12},
		{"（一）认识不足", "（一）", LevelParenCN, 1},
		{"(一)认识不足", "(一)", LevelParenCN, 1},
		{"(一）认识不足", "(一）", LevelParenCN, 1},
		{"（十一)认识不足", "（十一)", LevelParenCN, 11},
		{"1.加强领导", "1.", LevelArabic, 1},
		{"1．加强领导", "1．", LevelArabic, 1},
		{"1、加强领导", "1、", LevelArabic, 1},
		{"12.加强领导", "12.", LevelArabic, 12},
		{"１．加强领导", "１．", LevelArabic, 1},
		{"（1）资金", "（1）", LevelParenAr, 1},
		{"(1)资金", "(1)", LevelParenAr, 1},
		{"(2）资金", "(2）", LevelParenAr, 2},
		{"①资金", "①", LevelCircled, 1},
		{"⑳资金", "⑳", LevelCircled, 20},
		{"1.5万元用于", "", LevelNone, 0},
		{"2017.3.16", "", LevelNone, 0},
		{"2017.3", "", LevelNone, 0},
		{"2017年", "", LevelNone, 0},
		{"0.加强", "", LevelNone, 0},
		{"1", "", LevelNone, 0},
		{"〇、", "", LevelNone, 0},
		{"O、", "", LevelNone, 0},
		{"（村）民", "", LevelNone, 0},
		{"(居)民议事办法", "", LevelNone, 0},
		{"()", "", LevelNone, 0},
		{"一是提升认识", "", LevelNone, 0},
		{"目前、我县", "", LevelNone, 0},
		{"", "", LevelNone, 0},
	}
	for _, tt := range tests {
		m, level, n := ReadMarker(tt.in)
		assert.Equal(t, tt.marker, m, tt.in)
		assert.Equal(t, tt.level, level, tt.in)
		assert.Equal(t, tt.number, n, tt.in)
	}
}

func TestMarkerLevel(t *testing.T) {
	tests := []struct {
		marker string
		level  int
	}{
		{"一、", LevelChinese},
		{"（一）", LevelParenCN},
		{"(一）", LevelParenCN},
		{"1.", LevelArabic},
		{"1．", LevelArabic},
		{"1、", LevelArabic},
		{"（1）", LevelParenAr},
		{"①", LevelCircled},
		{"一、标题", LevelNone},
		{"一", LevelNone},
		{"", LevelNone},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.level, MarkerLevel(tt.marker), tt.marker)
		assert.Equal(t, tt.level, MarkerLevel(tt.marker), tt.marker)
	}
}

func TestFormatMarker(t *testing.T) {
	tests := []struct {
		level, n int
		want     string
	}{
		{LevelChinese, 3, "三、"},
		{LevelChinese, 11, "十一、"},
		{LevelParenCN, 3, "（三）"},
		{LevelArabic, 3, "3."},
		{LevelParenAr, 3, "（3）"},
		{LevelCircled, 3, "③"},
		{LevelCircled, 21, ""},
		{LevelChinese, 0, ""},
		{LevelNone, 1, ""},
		{9, 1, ""},
	}
	for _, tt := range tests {
		got := FormatMarker(tt.level, tt.n)
		assert.Equal(t, tt.want, got, "%d %d", tt.level, tt.n)
		if got != "" {
			m, level, n := ReadMarker(got)
			assert.Equal(t, [3]any{got, tt.level, tt.n}, [3]any{m, level, n}, "read back")
		}
	}
}
