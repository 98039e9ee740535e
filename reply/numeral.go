package reply

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNumeral is returned, wrapped, by ParseNumeral for text that is not a
// number.
var ErrNumeral = errors.New("not a number")

// chineseDigits maps the digit characters of Chinese numerals to values.
// 〇, ○ (a white circle often typed for 〇), О and 零 are zero.
var chineseDigits = map[rune]int{
	'〇': 0, '○': 0, '零': 0, 'О': 0, 'o': 0,
	'一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3,
	'四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6,
	'七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
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
// (「十」 10, 「二十三」 23, 「一百零五」 105, 「两千」 2000, 「廿一」 21), digit by
// digit (「二〇一七」 2017), or in ASCII or full-width digits. It accepts
// numbers up to 99,999,999 (万 as a unit).
func ParseNumeral(s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("reply: numeral %q: %w", s, ErrNumeral)
	}
	rs := []rune(s)
	// Arabic digits, ASCII or full width.
	if n, ok := parseDigits(rs); ok {
		return n, nil
	}
	// Digit by digit (二〇一七): every rune a digit, more than one.
	if len(rs) > 1 {
		n, all := 0, true
		for _, r := range rs {
			d, ok := chineseDigits[r]
			if !ok {
				all = false
				break
			}
			n = n*10 + d
		}
		if all {
			return n, nil
		}
	}
	n, ok := parseUnits(rs)
	if !ok {
		return 0, fmt.Errorf("reply: numeral %q: %w", s, ErrNumeral)
	}
	return n, nil
}

func parseDigits(rs []rune) (int, bool) {
	if len(rs) == 0 || len(rs) > 9 {
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

// parseUnits reads numerals written with units: 十, 百, 千 and 万.
func parseUnits(rs []rune) (int, bool) {
	total, section, digit := 0, 0, -1
	lastUnit := 100000 // units must fall within a section: 百 after 十 is wrong
	for i, r := range rs {
		switch {
		case r == '廿':
			if digit >= 0 || section != 0 || i != 0 {
				return 0, false
			}
			section, lastUnit = 20, 10
		case r == '卅':
			if digit >= 0 || section != 0 || i != 0 {
				return 0, false
			}
			section, lastUnit = 30, 10
		case r == '万':
			if digit >= 0 {
				section += digit
			}
			if section == 0 || total != 0 {
				return 0, false
			}
			total, section, digit, lastUnit = section*10000, 0, -1, 100000
		default:
			if d, ok := chineseDigits[r]; ok {
				if digit > 0 || (digit == 0 && d == 0) {
					return 0, false // two digits in a row: 二三
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
			case digit == -1 && u == 10:
				section += 10 // 十 alone, or 一百十 read as 一百一十
			default:
				return 0, false // 零百, or 百 with no digit
			}
			digit, lastUnit = -1, u
		}
	}
	if digit > 0 {
		section += digit
	}
	n := total + section
	if n == 0 && !(len(rs) == 1 && digit == 0) {
		return 0, false
	}
	return n, true
}

// FormatNumeral writes n (0 ≤ n < 100,000,000) in Chinese numerals the way
// official documents number their terms and sections: 10 is 「十」, 23 is
// 「二十三」, 105 is 「一百零五」, 0 is 「〇」. It returns "" for n out of range.
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
	const digits = "〇一二三四五六七八九"
	digit := []rune(digits)
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
