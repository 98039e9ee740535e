package reply

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// numeralTests are the forms ParseNumeral reads, with their values.
var numeralTests = []struct {
	in   string
	want int
}{
	{"十", 10},
	{"一十", 10},
	{"十一", 11},
	{"二十", 20},
	{"二十三", 23},
	{"九十九", 99},
	{"一百", 100},
	{"一百零五", 105},
	{"一百一十", 110},
	{"一百五", 150},
	{"三百二十一", 321},
	{"两千", 2000},
	{"两百", 200},
	{"一千零一", 1001},
	{"一千零一十", 1010},
	{"一万", 10000},
	{"一万二", 12000},
	{"一万零五", 10005},
	{"十万", 100000},
	{"九千九百九十九万九千九百九十九", 99999999},
	{"廿", 20},
	{"廿一", 21},
	{"卅", 30},
	{"卅一", 31},
	{"壹佰零伍", 105},
	{"二〇一七", 2017},
	{"二○一七", 2017},
	{"二零一七", 2017},
	{"二0一七", 2017},
	{"二O一七", 2017},
	{"二〇〇八", 2008},
	{"一二", 12},
	{"〇", 0},
	{"○", 0},
	{"零", 0},
	{"0", 0},
	{"73", 73},
	{"0487", 487},
	{"２０１７", 2017},
	{"１６", 16},
}

// badNumerals are not numbers.
var badNumerals = []string{
	"", " 十", "十 ", "o", "O", "OO", "0O", "十O", "百", "十十", "一百十", "二三十",
	"零十", "二百零", "两两", "三二百", "一百千", "万", "万一", "一万万",
	"廿廿", "一廿", "abc", "十a", "1二", "1234567890", "100000000", "一二三四五六七八九", "一一一一一一一一一一",
	"一千零万", "−5", "-5", "1.5",
}

func TestParseNumeral(t *testing.T) {
	for _, tt := range numeralTests {
		got, err := ParseNumeral(tt.in)
		if assert.NoError(t, err, tt.in) {
			assert.Equal(t, tt.want, got, tt.in)
		}
	}
}

func TestParseNumeralErrors(t *testing.T) {
	for _, in := range badNumerals {
		n, err := ParseNumeral(in)
		assert.ErrorIs(t, err, ErrNumeral, "%q read as %d", in, n)
	}
}

func TestFormatNumeral(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "〇"},
		{1, "一"},
		{10, "十"},
		{11, "十一"},
		{20, "二十"},
		{23, "二十三"},
		{100, "一百"},
		{105, "一百零五"},
		{110, "一百一十"},
		{1001, "一千零一"},
		{1010, "一千零一十"},
		{2000, "二千"},
		{10000, "一万"},
		{10010, "一万零一十"},
		{100000, "十万"},
		{120305, "十二万零三百零五"},
		{99999999, "九千九百九十九万九千九百九十九"},
		{-1, ""},
		{100000000, ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FormatNumeral(tt.n), tt.n)
	}
}

// TestNumeralRoundTrip writes and reads back every number below 100,000
// and a spread of larger ones.
func TestNumeralRoundTrip(t *testing.T) {
	check := func(n int) {
		s := FormatNumeral(n)
		got, err := ParseNumeral(s)
		require.NoError(t, err, "%d written %q", n, s)
		require.Equal(t, n, got, "%d written %q", n, s)
	}
	for n := 0; n < 100000; n++ {
		check(n)
	}
	for n := 100000; n < 100000000; n += 7919 {
		check(n)
	}
	check(99999999)
}
