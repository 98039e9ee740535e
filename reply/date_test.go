package reply

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dateTests are the date forms ParseDate reads, with their values.
var dateTests = []struct {
	in   string
	want string // Date.String of the result
}{
	{"2017年3月16日", "2017-03-16"},
	{"2017年03月06日", "2017-03-06"},
	{"二〇一七年三月十六日", "2017-03-16"},
	{"二○一七年三月十六日", "2017-03-16"},
	{"二零一七年三月十六日", "2017-03-16"},
	{"二0一七年十二月三十一日", "2017-12-31"},
	{"二〇二〇年十月廿一日", "2020-10-21"},
	{"２０１７年３月１６日", "2017-03-16"},
	{"2017年 3月 16日", "2017-03-16"},
	{"2017年3月16号", "2017-03-16"},
	{"2021年5月6", "2021-05-06"},
	{"2017-03-16", "2017-03-16"},
	{"2017-3-16", "2017-03-16"},
	{"2017.3.16", "2017-03-16"},
	{"2017/3/16", "2017-03-16"},
	{"2017．3．16", "2017-03-16"},
	{"２０１７－０３－１６", "2017-03-16"},
	{"20210506", "2021-05-06"},
	{"2020715", "2020-07-15"},
	{"2020930", "2020-09-30"},
	{"  2017年3月16日　", "2017-03-16"},
	{"2020-02-29", "2020-02-29"},
	{"2020-10-21 09:30", "2020-10-21T09:30:00"},
	{"2020-10-21 9:30:15", "2020-10-21T09:30:15"},
	{"2020-10-21T09:30:00", "2020-10-21T09:30:00"},
	{"2020/10/21 09：30", "2020-10-21T09:30:00"},
	{"2020年10月21日 09:30", "2020-10-21T09:30:00"},
	{"2020年10月21日09时30分", "2020-10-21T09:30:00"},
	{"2021年5月6 10:00", "2021-05-06T10:00:00"},
}

// badDates are not dates, or not possible ones, with the reason.
var badDates = []struct {
	in   string
	want error
}{
	{"2017年2月30日", ErrImpossibleDate},
	{"二〇一七年二月三十日", ErrImpossibleDate},
	{"2019-02-29", ErrImpossibleDate},
	{"2017/4/31", ErrImpossibleDate},
	{"20170230", ErrImpossibleDate},
	{"2020-10-21 25:00", ErrImpossibleDate},
	{"2017年13月1日", ErrImpossibleDate},
	{"2021112", ErrAmbiguousDate},
	{"2021111", ErrAmbiguousDate},
	{"2020123", ErrAmbiguousDate},
	{"", ErrNotDate},
	{"   ", ErrNotDate},
	{"旺苍县人民政府办公室", ErrNotDate},
	{"发布时间", ErrNotDate},
	{"2017年", ErrNotDate},
	{"2017年3月", ErrNotDate},
	{"17年3月16日", ErrNotDate},
	{"2017年3月16日发布", ErrNotDate},
	{"2017-03", ErrNotDate},
	{"17-03-16", ErrNotDate},
	{"2017-003-16", ErrNotDate},
	{"2017-03-16-01", ErrNotDate},
	{"201703", ErrNotDate},
	{"12345678", ErrNotDate},
	{"0839-1234567", ErrNotDate},
	{"2021999", ErrNotDate},
	{"1.5万", ErrNotDate},
	{"2020-10-21 上午", ErrNotDate},
	{"2020-10-21 9", ErrNotDate},
}

func TestParseDate(t *testing.T) {
	for _, tt := range dateTests {
		d, err := ParseDate(tt.in)
		if !assert.NoError(t, err, tt.in) {
			continue
		}
		assert.Equal(t, tt.want, d.String(), tt.in)
		assert.Equal(t, tt.in, d.Text, "the text is kept as written")
		assert.True(t, d.Valid(), tt.in)
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, tt := range badDates {
		d, err := ParseDate(tt.in)
		require.Error(t, err, "%q read as %v", tt.in, d)
		assert.ErrorIs(t, err, tt.want, tt.in)
		var de *DateError
		if assert.True(t, errors.As(err, &de), tt.in) {
			assert.Equal(t, tt.in, de.Text)
		}
		assert.Equal(t, Date{}, d, tt.in)
	}
}

func TestDateString(t *testing.T) {
	assert.Equal(t, "2017-03-16", NewDate(2017, 3, 16).String())
	assert.Equal(t, "2017年3月16日", NewDate(2017, 3, 16).Text)
	assert.Equal(t, "", Date{Year: 2017, Month: 2, Day: 30}.String())
	assert.Equal(t, "", Date{}.String())
	assert.True(t, Date{}.IsZero())
	assert.False(t, Date{Text: "x"}.IsZero())
	assert.False(t, Date{Year: 2020, Month: 1, Day: 1, HasTime: true, Hour: 24}.Valid())
	assert.Equal(t, "2020-01-02T03:04:05", Date{Year: 2020, Month: 1, Day: 2, HasTime: true, Hour: 3, Minute: 4, Second: 5}.String())
}

// TestDateAppendTo holds AppendTo, and String through it, to the
// fmt-written value over every day of four years around the edges, each
// with and without a time, and invalid dates, after a prefix.
func TestDateAppendTo(t *testing.T) {
	ref := func(d Date) string {
		if !d.Valid() {
			return ""
		}
		s := fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
		if d.HasTime {
			s += fmt.Sprintf("T%02d:%02d:%02d", d.Hour, d.Minute, d.Second)
		}
		return s
	}
	var dates []Date
	for _, y := range []int{1, 9, 999, 1900, 2000, 2024, 9999, 0, 10000} {
		for m := 0; m <= 13; m++ {
			for day := 0; day <= 32; day++ {
				dates = append(dates, Date{Year: y, Month: m, Day: day},
					Date{Year: y, Month: m, Day: day, HasTime: true, Hour: day % 25, Minute: 59 - day, Second: day * 2})
			}
		}
	}
	valid := 0
	for _, d := range dates {
		want := ref(d)
		assert.Equal(t, "x"+want, string(d.AppendTo([]byte("x"))), "%+v", d)
		assert.Equal(t, want, d.String(), "%+v", d)
		if want != "" {
			valid++
		}
	}
	assert.Greater(t, valid, 1000)
}
