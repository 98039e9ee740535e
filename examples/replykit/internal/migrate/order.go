package migrate

import (
	"cmp"
	"strings"
)

// comparePaths orders the paths of a report (Entry.Path, Ignored.Path) as
// the report lists them: as text, except that the records of one web
// archive, named FILE@OFFSET or FILE@OFFSET+INMEMBER (see the report's
// format), come in record order — the offsets are compared as numbers, so
// that "a.warc.gz@262" comes before "a.warc.gz@10000". It returns -1, 0 or
// +1, 0 only for equal paths. A run, a merge of shards and CheckReport
// all order by it.
func comparePaths(a, b string) int {
	if a == b {
		return 0
	}
	ap, ao, ai, aok := splitRecordPath(a)
	bp, bo, bi, bok := splitRecordPath(b)
	return cmp.Or(strings.Compare(ap, bp), compareBool(aok, bok), compareDigits(ao, bo), compareDigits(ai, bi), strings.Compare(a, b))
}

// splitRecordPath splits a path that ends in "@" and digits, and maybe
// "+" and digits, into what comes before the "@" and the two numbers
// (as digits); ok is false, and prefix the whole path, for any other.
func splitRecordPath(p string) (prefix, offset, inMember string, ok bool) {
	at := strings.LastIndexByte(p, '@')
	if at < 0 {
		return p, "", "", false
	}
	offset, inMember, plus := strings.Cut(p[at+1:], "+")
	if !allDigits(offset) || (plus && !allDigits(inMember)) {
		return p, "", "", false
	}
	return p[:at], offset, inMember, true
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// compareDigits compares two runs of digits (or "") as the numbers they
// write, whatever their length: "" before any number.
func compareDigits(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
