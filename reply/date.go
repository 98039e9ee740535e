package reply

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Errors that ParseDate wraps in a *DateError.
var (
	// ErrNotDate means the text is not a date in any form the reader knows.
	ErrNotDate = errors.New("not a date")
	// ErrImpossibleDate means the text is a date that does not exist, such
	// as 2017年2月30日.
	ErrImpossibleDate = errors.New("impossible date")
	// ErrAmbiguousDate means the text can be read as more than one date,
	// such as 「2021112」: 1月12日 or 11月2日.
	ErrAmbiguousDate = errors.New("ambiguous date")
)

// DateError reports a date that could not be read.
type DateError struct {
	Text string // the text as written
	Err  error  // ErrNotDate, ErrImpossibleDate or ErrAmbiguousDate
}

func (e *DateError) Error() string { return fmt.Sprintf("reply: date %q: %v", e.Text, e.Err) }

// Unwrap returns the kind of failure, for errors.Is.
func (e *DateError) Unwrap() error { return e.Err }

// Date is a calendar date, possibly with a time of day, kept as written
// beside its value. The zero Date is no date.
type Date struct {
	// Text is the date as written, such as 「二〇一七年三月十六日」.
	Text string
	// Year, Month and Day are the date's value; zero when it has none.
	Year, Month, Day int
	// Hour, Minute and Second are the time of day when HasTime is true.
	Hour, Minute, Second int
	// HasTime says whether the text carried a time of day.
	HasTime bool
}

// IsZero reports whether d is no date at all: no text and no value.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d holds a real calendar date.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
		return false
	}
	if d.HasTime && (d.Hour < 0 || d.Hour > 23 || d.Minute < 0 || d.Minute > 59 || d.Second < 0 || d.Second > 59) {
		return false
	}
	return true
}

// String returns the normalised value: 「2017-03-16」, or with a time
// 「2020-10-21T09:30:00」. It returns "" when d holds no valid date.
func (d Date) String() string {
	if !d.Valid() {
		return ""
	}
	return string(d.AppendTo(make([]byte, 0, len("2006-01-02T15:04:05"))))
}

// AppendTo appends what String returns for d to b and returns the
// extended buffer: 「2017-03-16」, or with a time 「2020-10-21T09:30:00」;
// nothing when d holds no valid date.
func (d Date) AppendTo(b []byte) []byte {
	if !d.Valid() {
		return b
	}
	b = appendDigits(b, d.Year, 4)
	b = append(b, '-')
	b = appendDigits(b, d.Month, 2)
	b = append(b, '-')
	b = appendDigits(b, d.Day, 2)
	if d.HasTime {
		b = append(b, 'T')
		b = appendDigits(b, d.Hour, 2)
		b = append(b, ':')
		b = appendDigits(b, d.Minute, 2)
		b = append(b, ':')
		b = appendDigits(b, d.Second, 2)
	}
	return b
}

// appendDigits appends n ≥ 0 in width decimal digits with leading zeros,
// as %0*d does for the fields of a valid date, which have no more.
func appendDigits(b []byte, n, width int) []byte {
	start := len(b)
	b = append(b, "0000"[:width]...)
	for i := len(b) - 1; i >= start; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return b
}

// NewDate returns the date y-m-d written as official documents write it
// in Arabic numerals: 「2017年3月16日」.
func NewDate(y, m, d int) Date {
	return Date{Text: fmt.Sprintf("%d年%d月%d日", y, m, d), Year: y, Month: m, Day: d}
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ParseDate reads a date in the forms Chinese notices use:
// 「2017年3月16日」, 「二〇一七年三月十六日」, 「2017-03-16」, 「2017.3.16」,
// 「2017/3/16」, 「20170316」, each with or without a time (「2020-10-21 09:30」,
// 「2020年10月21日 9:30:15」, 「2020-10-21T09:30:00」), with full-width digits,
// Chinese numerals with 〇, ○ or 零, a dropped 日 (「2021年5月6」), and seven
// digits where only one reading exists (「2020715」 is 2020-07-15; 「2021112」
// is ambiguous). The year has four digits. Surrounding spaces are ignored.
// The result keeps s as written in Text. A failure is a *DateError wrapping
// ErrNotDate, ErrImpossibleDate or ErrAmbiguousDate.
func ParseDate(s string) (Date, error) {
	text := strings.TrimSpace(strings.Trim(s, "　\u00a0"))
	d := Date{Text: s}
	fail := func(err error) (Date, error) { return Date{}, &DateError{Text: s, Err: err} }
	if text == "" {
		return fail(ErrNotDate)
	}
	datePart, timePart := splitTime(text)
	var err error
	if strings.ContainsRune(datePart, '年') {
		d.Year, d.Month, d.Day, err = parseCJKDate(datePart)
	} else {
		d.Year, d.Month, d.Day, err = parseNumericDate(datePart)
	}
	if err != nil {
		return fail(err)
	}
	if timePart != "" {
		if d.Hour, d.Minute, d.Second, err = parseTime(timePart); err != nil {
			return fail(err)
		}
		d.HasTime = true
	}
	if !d.Valid() {
		return fail(ErrImpossibleDate)
	}
	return d, nil
}

// splitTime separates a trailing time of day from the date. In the
// 「年月日」 form everything after 日 (or 号) is the time, so that spaces
// inside the date (「2017年 3月 16日」) and a time with no space before it
// (「2017年3月16日09:30」) are both read.
func splitTime(s string) (date, clock string) {
	if strings.ContainsRune(s, '年') {
		if i := strings.IndexAny(s, "日号"); i >= 0 {
			end := i + len("日")
			return s[:end], strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s[end:]), "T"))
		}
	}
	if i := strings.IndexAny(s, " \tT　"); i > 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(strings.TrimLeft(s[i:], " \tT　"))
	}
	return s, ""
}

// parseCJKDate reads 「2017年3月16日」 and 「二〇一七年三月十六日」. The year
// has four digits, Arabic or Chinese (「二〇一七」「二0一七」); the month and
// day are numerals of any form ParseNumeral reads.
func parseCJKDate(s string) (y, m, d int, err error) {
	yi := strings.IndexRune(s, '年')
	if yi <= 0 {
		return 0, 0, 0, ErrNotDate
	}
	rest := s[yi+len("年"):]
	mi := strings.IndexRune(rest, '月')
	if mi <= 0 {
		return 0, 0, 0, ErrNotDate
	}
	dayText := strings.TrimSuffix(strings.TrimSuffix(rest[mi+len("月"):], "日"), "号")
	vals := [3]int{}
	for i, part := range []string{s[:yi], rest[:mi], dayText} {
		part = strings.TrimSpace(part)
		n, perr := ParseNumeral(part)
		if perr != nil {
			return 0, 0, 0, ErrNotDate
		}
		vals[i] = n
	}
	if utf8.RuneCountInString(strings.TrimSpace(s[:yi])) != 4 || vals[0] < 1000 {
		return 0, 0, 0, ErrNotDate
	}
	return vals[0], vals[1], vals[2], nil
}

// parseNumericDate reads 「2017-03-16」「2017.3.16」「2017/3/16」「20170316」.
func parseNumericDate(s string) (y, m, d int, err error) {
	var fields []string
	var digits []rune
	for _, r := range s {
		if v, ok := digitValue(r); ok {
			digits = append(digits, rune('0'+v))
			continue
		}
		switch r {
		case '-', '.', '/', '－', '．', '／', '。':
			fields = append(fields, string(digits))
			digits = digits[:0]
		default:
			return 0, 0, 0, ErrNotDate
		}
	}
	fields = append(fields, string(digits))
	if len(fields) == 1 {
		return splitRun(fields[0])
	}
	if len(fields) != 3 || len(fields[0]) != 4 || fields[0][0] == '0' {
		return 0, 0, 0, ErrNotDate
	}
	var v [3]int
	for i, f := range fields {
		if f == "" || i > 0 && len(f) > 2 {
			return 0, 0, 0, ErrNotDate
		}
		v[i], _ = parseDigits([]rune(f))
	}
	return v[0], v[1], v[2], nil
}

// splitRun reads a date written without separators: eight digits, or seven
// when only one split gives a real date. The month must be 1–12 and the day
// 1–31 for the digits to be a date at all; a day the month does not have
// (「20170230」) is an impossible date.
func splitRun(s string) (y, m, d int, err error) {
	if len(s) < 7 || len(s) > 8 || s[0] == '0' {
		return 0, 0, 0, ErrNotDate
	}
	atoi := func(t string) int { n, _ := parseDigits([]rune(t)); return n }
	y = atoi(s[:4])
	shaped := func(mm, dd int) bool { return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31 }
	if len(s) == 8 {
		m, d = atoi(s[4:6]), atoi(s[6:])
		if !shaped(m, d) {
			return 0, 0, 0, ErrNotDate
		}
		return y, m, d, nil
	}
	var found [][2]int
	impossible := false
	for _, mlen := range []int{1, 2} {
		ms, ds := s[4:4+mlen], s[4+mlen:]
		if ms[0] == '0' && mlen == 1 || ds[0] == '0' && len(ds) == 1 {
			continue
		}
		mm, dd := atoi(ms), atoi(ds)
		switch {
		case !shaped(mm, dd):
		case (Date{Year: y, Month: mm, Day: dd}).Valid():
			found = append(found, [2]int{mm, dd})
		default:
			impossible = true
		}
	}
	switch {
	case len(found) == 1:
		return y, found[0][0], found[0][1], nil
	case len(found) > 1:
		return 0, 0, 0, ErrAmbiguousDate
	case impossible:
		return 0, 0, 0, ErrImpossibleDate
	}
	return 0, 0, 0, ErrNotDate
}

// timeSeparators turns the separators of a time of day into colons.
var timeSeparators = strings.NewReplacer("：", ":", "时", ":", "分", ":", "秒", "")

// parseTime reads 「09:30」, 「9:30:15」, 「09时30分」.
func parseTime(s string) (h, m, sec int, err error) {
	s = timeSeparators.Replace(s)
	s = strings.TrimSuffix(s, ":")
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, 0, ErrNotDate
	}
	var v [3]int
	for i, p := range parts {
		n, ok := parseDigits([]rune(p))
		if !ok || p == "" || len(p) > 2 {
			return 0, 0, 0, ErrNotDate
		}
		v[i] = n
	}
	return v[0], v[1], v[2], nil
}
