package reply

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNumeral is returned, wrapped, by ParseNumeral for text that is not a
// number.
var ErrNumeral = errors.New("not a number")

// maxNumeralRunes bounds the length of a numeral: the largest number
// ParseNumeral reads, 99,999,999, needs at most 15 characters with units
// (九千九百九十九万九千九百九十九), and eight written digit by digit.
const (
	maxNumeralRunes = 15
	maxDigitRunes   = 8
)

// chineseDigits maps the digit characters of Chinese numerals to values,
// including the financial forms (壹贰叁…). 〇, ○ (a white circle often typed
// for 〇) and 零 are zero.
var chineseDigits = map[rune]int{
	'〇': 0, '○': 0, '零': 0,
	'一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3,
	'四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6,
	'七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

// zeroLookalikes are characters typed for 〇 in years written digit by digit
// (「二O一七」「二0一七」): ASCII and full-width zero and the letter O in
// Latin, full-width and Cyrillic. They are read as zero only inside such a
// run beside a real Chinese digit, never alone, so that 「o」 or 「O、」 in
// running text is not a number.
var zeroLookalikes = map[rune]bool{
	'0': true, '０': true, 'O': true, 'o': true, 'Ｏ': true, 'ｏ': true, 'О': true, 'о': true,
}

// chineseUnits maps the unit characters of Chinese numerals to values.
var chineseUnits = map[rune]int{
	'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000,
}

// digitValue returns the value of an ASCII or full-width decimal digit.
func digitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// ParseNumeral reads a whole number written in Chinese numerals
// (「十」 10, 「二十三」 23, 「一百零五」 105, 「两千」 2000, 「廿一」 21, and the
// spoken short forms 「一百五」 150, 「一万二」 12000), digit by digit
// (「二〇一七」 2017, also with a zero typed as 0 or O: 「二0一七」), or in
// ASCII or full-width digits (at most eight). It reads numbers up to
// 99,999,999 (万 is the largest unit) and fails with an error wrapping
// ErrNumeral on anything else, including surrounding spaces.
func ParseNumeral(s string) (int, error) {
	fail := func() (int, error) { return 0, fmt.Errorf("reply: numeral %q: %w", s, ErrNumeral) }
	if s == "" {
		return fail()
	}
	rs := []rune(s)
	if len(rs) > maxNumeralRunes {
		return fail()
	}
	// Arabic digits, ASCII or full width.
	if n, ok := parseDigits(rs); ok {
		return n, nil
	}
	if d, ok := chineseDigits[rs[0]]; ok && d == 0 && len(rs) == 1 {
		return 0, nil // 〇, ○, 零
	}
	if n, ok := parseDigitByDigit(rs); ok {
		return n, nil
	}
	if n, ok := parseUnits(rs); ok {
		return n, nil
	}
	return fail()
}

// parseDigits reads one to eight ASCII or full-width digits.
func parseDigits(rs []rune) (int, bool) {
	if len(rs) == 0 || len(rs) > maxDigitRunes {
		return 0, false
	}
	n := 0
	for _, r := range rs {
		d, ok := digitValue(r)
		if !ok {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// parseDigitByDigit reads a number written one Chinese digit a character,
// as years are (「二〇一七」): at least two characters, at least one of them a
// Chinese digit other than a zero look-alike. 两 is never written so.
func parseDigitByDigit(rs []rune) (int, bool) {
	if len(rs) < 2 || len(rs) > maxDigitRunes {
		return 0, false
	}
	n, chinese := 0, false
	for _, r := range rs {
		d, ok := chineseDigits[r]
		switch {
		case ok && r != '两':
			chinese = true
		case zeroLookalikes[r]:
			d = 0
		default:
			return 0, false
		}
		n = n*10 + d
	}
	return n, chinese
}

// parseUnits reads numerals written with units: 十, 百, 千 and 万, and 廿
// (20) and 卅 (30) at the start. A digit after a unit with no 零 between
// counts in the next lower unit, as speech has it: 一百五 is 150.
func parseUnits(rs []rune) (int, bool) {
	total, section, digit := 0, 0, -1
	lastUnit := 100000 // units must fall within a section: 百 after 十 is wrong
	scale := 1         // the value of a digit that ends the number
	zero := false      // a 零 since the last unit
	for i, r := range rs {
		switch {
		case r == '廿' || r == '卅':
			if i != 0 {
				return 0, false
			}
			section, lastUnit, scale = 20, 10, 1
			if r == '卅' {
				section = 30
			}
		case r == '万':
			if digit >= 0 {
				section += digit * scale
			}
			if section == 0 || total != 0 || zero && digit <= 0 {
				return 0, false
			}
			total, section, digit, lastUnit, scale, zero = section*10000, 0, -1, 100000, 1000, false
		default:
			if d, ok := chineseDigits[r]; ok {
				if digit > 0 || digit == 0 && d == 0 {
					return 0, false // two digits in a row: 二三, 零零
				}
				if d == 0 {
					if i == 0 || i == len(rs)-1 {
						return 0, false // 零 leads or ends: 零十, 二百零
					}
					zero, scale = true, 1
				}
				digit = d
				continue
			}
			u, ok := chineseUnits[r]
			if !ok || u >= lastUnit {
				return 0, false
			}
			switch {
			case digit > 0:
				section += digit * u
			case digit == -1 && u == 10 && (i == 0 || total != 0 && section == 0):
				section += 10 // 十 alone, or 一万十
			default:
				return 0, false // 零百, 百 with no digit
			}
			digit, lastUnit, scale, zero = -1, u, u/10, false
		}
	}
	if digit > 0 {
		section += digit * scale
	}
	n := total + section
	if n == 0 {
		return 0, false
	}
	return n, true
}

// FormatNumeral writes n (0 ≤ n < 100,000,000) in Chinese numerals the way
// official documents number their terms and sections: 10 is 「十」, 23 is
// 「二十三」, 105 is 「一百零五」, 0 is 「〇」. It returns "" for n out of range.
// ParseNumeral reads every result back to n.
func FormatNumeral(n int) string {
	if n < 0 || n >= 100000000 {
		return ""
	}
	if n == 0 {
		return "〇"
	}
	var b strings.Builder
	if n >= 10000 {
		b.WriteString(formatSection(n/10000, true))
		b.WriteRune('万')
		n %= 10000
		if n == 0 {
			return b.String()
		}
		if n < 1000 {
			b.WriteRune('零')
		}
		b.WriteString(formatSection(n, false))
		return b.String()
	}
	return formatSection(n, true)
}

// formatSection writes 1 ≤ n < 10000. lead says whether the section starts
// the number, where 「一十」 is written 「十」.
func formatSection(n int, lead bool) string {
	digit := []rune("〇一二三四五六七八九")
	units := []struct {
		v int
		r rune
	}{{1000, '千'}, {100, '百'}, {10, '十'}}
	var b strings.Builder
	zero := false
	started := false
	for _, u := range units {
		d := n / u.v
		n %= u.v
		switch {
		case d == 0:
			if started {
				zero = true
			}
		default:
			if zero {
				b.WriteRune('零')
				zero = false
			}
			if !(d == 1 && u.v == 10 && !started && lead) {
				b.WriteRune(digit[d])
			}
			b.WriteRune(u.r)
			started = true
		}
	}
	if n > 0 {
		if zero {
			b.WriteRune('零')
		}
		b.WriteRune(digit[n])
	}
	return b.String()
}
