package parse

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// referenceTextScore is textScore with every rune decoded by utf8.DecodeRune.
func referenceTextScore(s []byte) float64 {
	han, common, bad := 0, 0, 0
loop:
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		i += size
		switch {
		case r == utf8.RuneError:
			bad++
		case isHanRune(r):
			han++
			if han > maxScored {
				break loop
			}
			if commonHan.has(r) {
				common++
			}
		case r >= 0xE000 && r <= 0xF8FF:
			bad++
		}
	}
	score := -float64(bad) / float64(max(han+bad, 1))
	if han > 0 {
		score += float64(common) / float64(han+bad)
	}
	return score
}

func TestTextScore(t *testing.T) {
	samples := []string{"", "abc", "旺苍县人民政府办公室", "\xe4\xb8", "\xed\xa0\x80中", "\xe0\x80\x80", "\xee\x80\x80私", "\xef\xbf\xbd", "中\xff文"}
	for _, s := range samples {
		assert.Equal(t, referenceTextScore([]byte(s)), textScore([]byte(s)), "%q", s)
	}
	assert.Greater(t, textScore([]byte("旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复")), sureScore)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if rng.IntN(3) == 0 {
				b[i] = 0x80 | byte(rng.IntN(64))
			}
		}
		assert.Equal(t, referenceTextScore(b), textScore(b), "%q", b)
	}
}

// FuzzTextScore checks the inline decoding of textScore against
// utf8.DecodeRune, and scoreTally, counting the same runes, against
// textScore.
func FuzzTextScore(f *testing.F) {
	f.Add([]byte("中文\xe4\xb8\xad\xed\xa0\x80"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := textScore(b), referenceTextScore(b); got != want {
			t.Fatalf("textScore(%q) = %v, want %v", b, got, want)
		}
		if got, want := tallyScore(b), textScore(b); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("scoreTally of %q scores %v; textScore gives %v", b, got, want)
		}
	})
}

// tallyScore scores s by scoreTally, counting the scoreClass of each rune
// utf8.DecodeRune reads, as a decoder counts what it writes.
func tallyScore(s []byte) float64 {
	var t scoreTally
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		t = t.add(scoreClass(r))
		i += size
	}
	return t.score()
}

// TestScoreClass checks the class of a character of each kind textScore
// tells apart, at the edges of its ranges.
func TestScoreClass(t *testing.T) {
	tests := []struct {
		r    rune
		want uint32
	}{
		{'a', 0},
		{'，', 0},
		{'€', 0},
		{utf8.RuneError, classBad},
		{0xDFFF, 0},
		{0xE000, classBad},
		{0xF8FF, classBad},
		{0xF900, classHan},
		{0xFAFF, classHan},
		{0xFB00, 0},
		{0x33FF, 0},
		{0x3400, classHan},
		{0x4DBF, classHan},
		{0x4DC0, 0},
		{0x4E00, classHan | classCommon}, // 一
		{'中', classHan | classCommon},
		{'們', classHan | classCommon},
		{'丂', classHan},
		{0x9FFF, classHan},
		{0xA000, 0},
		{0x1FFFF, 0},
		{0x20000, classHan},
		{0x2FFFF, classHan},
		{0x30000, 0},
		{0x10FFFF, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, scoreClass(tt.r), "%U", tt.r)
	}
}

// TestScoreTally checks scoreTally against textScore, bit for bit, on
// random text of each class of character, short and past maxScored Han
// characters, and on cases where the stop falls on each class.
func TestScoreTally(t *testing.T) {
	kinds := []string{"a", "中", "们", "丂", "\uFFFD", "\uE000", "\U00020000", "，", "\xff", "\xe4\xb8"}
	var cases [][]byte
	for _, k := range kinds {
		cases = append(cases, []byte(strings.Repeat("中", maxScored)+k+"中\uFFFD"))
		cases = append(cases, []byte(strings.Repeat("丂", maxScored-1)+k+"中\uFFFD"))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		var b []byte
		for range rng.IntN([]int{20, 200, 3 * maxScored}[rng.IntN(3)]) {
			b = append(b, kinds[rng.IntN(len(kinds))]...)
		}
		cases = append(cases, b)
	}
	for _, b := range cases {
		want := textScore(b)
		require.Equal(t, math.Float64bits(want), math.Float64bits(tallyScore(b)), "%v: %.40q", want, b)
	}
	var full scoreTally
	for range maxScored + 5 {
		full = full.add(classHan | classCommon)
	}
	full = full.add(classBad)
	assert.Equal(t, scoreTally{han: maxScored + 1, common: maxScored}, full, "stopped past maxScored")
	assert.Equal(t, float64(maxScored)/(maxScored+1), full.score())
}

// FuzzValidCJK checks validCJK against utf8.Valid.
func FuzzValidCJK(f *testing.F) {
	for _, s := range []string{"", "中文，abc。", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xe0\xa0\x80中", "中\xef\xbf\xbd\xf0\x9f\x98\x80", "abcdefgh中文中文"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validCJK(b), utf8.Valid(b); got != want {
			t.Fatalf("validCJK(%q) = %v, want %v", b, got, want)
		}
	})
}

// decodePageTextScore is decodePage as it was before decoders scored their
// output: every candidate is scored by textScore on its text. The test
// reference for the decoded page and its warnings.
func decodePageTextScore(data []byte, cfg *config) decoded {
	if cfg.charset != "" {
		if e, name := charset.Lookup(cfg.charset); e != nil {
			return decodeWith(data, legacyOrUTF8(e, name), name)
		}
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return decodeUTF8(data[3:], 3)
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le")
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be")
	}
	multi, bad := utf8Stats(data)
	if bad == 0 && multi == 0 {
		return decoded{text: data, encoding: "utf-8", firstBad: -1}
	}
	if bad == 0 {
		d := decoded{text: data, encoding: "utf-8", firstBad: -1, checkMeta: true}
		if declared := headerCharset(cfg.contentType); declared != "" {
			d.checkMeta = false
			if declared != "utf-8" {
				d.ignored = declared
			}
		}
		return d
	}
	declared := declaredCharset(data, cfg.contentType)
	if multi > 0 && bad <= 2*multi {
		d := decodeUTF8(data, 0)
		if multi > 0 && declared != "" && declared != "utf-8" {
			d.ignored = declared
		}
		return d
	}
	type cand struct {
		name string
		enc  encoding.Encoding
	}
	var cands []cand
	if declared != "" && declared != "utf-8" {
		if e, name := charset.Lookup(declared); e != nil {
			cands = append(cands, cand{name, legacyOrUTF8(e, name)})
		}
	}
	cands = append(cands, cand{"gb18030", simplifiedchinese.GB18030}, cand{"big5", traditionalchinese.Big5})
	best, bestScore := decoded{}, -1e9
	for i, c := range cands {
		if i > 0 && c.name == cands[0].name {
			continue
		}
		if isGB(c.name) && i > 0 && isGB(cands[0].name) {
			continue
		}
		d := decodeWith(data, c.enc, c.name)
		s := textScore(d.text)
		if s > bestScore+1e-9 {
			best, bestScore = d, s
		}
		if d.replaced == 0 && s >= sureScore {
			break
		}
	}
	if declared != "" && best.encoding != declared && !(isGB(declared) && isGB(best.encoding)) {
		best.ignored = declared
	}
	return best
}

// decodeVariants are a page's bytes as decodePage may meet them: as they
// are, and, for a UTF-8 page, encoded as GB18030, GBK and Big5, and as
// GBK with a byte in 97 replaced by 0xFF, which no candidate decodes
// clean, so that all are scored.
func decodeVariants(t *testing.T, page []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{"as is": page}
	if !utf8.Valid(page) {
		return out
	}
	for name, e := range map[string]encoding.Encoding{
		"gb18030": simplifiedchinese.GB18030,
		"gbk":     simplifiedchinese.GBK,
		"big5":    traditionalchinese.Big5,
	} {
		b, err := encoding.ReplaceUnsupported(e.NewEncoder()).Bytes(page)
		require.NoError(t, err, name)
		out[name] = b
	}
	damaged := bytes.Clone(out["gbk"])
	for i := 50; i < len(damaged); i += 97 {
		damaged[i] = 0xFF
	}
	out["gbk damaged"] = damaged
	return out
}

// TestDecodePageScored checks that decodePage, scoring the GB candidate
// by decodeGB18030's score, decodes every page fixture and corpus page,
// and each one's variants, under each declared charset, to the same
// result and warnings as scoring every candidate with textScore.
func TestDecodePageScored(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "pages", "*.*"))
	require.NoError(t, err)
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "corpus", "pages", "SOURCES.tsv")); err == nil {
		more, err := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "pages", "*.html"))
		require.NoError(t, err)
		files = append(files, more...)
	} else {
		t.Log("page corpus absent: fixtures only")
	}
	require.NotEmpty(t, files)
	contentTypes := []string{"", "text/html; charset=gbk", "text/html; charset=gb18030", "text/html; charset=big5", "text/html; charset=utf-8", "text/html; charset=shift_jis"}
	chosen := map[string]int{}
	for _, file := range files {
		page, err := os.ReadFile(file)
		require.NoError(t, err)
		for variant, data := range decodeVariants(t, page) {
			for _, ct := range contentTypes {
				cfg := newConfig([]Option{WithContentType(ct)})
				want := decodePageTextScore(data, &cfg)
				got := decodePage(data, &cfg)
				where := fmt.Sprintf("%s, %s, %q", filepath.Base(file), variant, ct)
				require.Equal(t, want.encoding, got.encoding, where)
				require.Equal(t, string(want.text), string(got.text), where)
				require.Equal(t, want, got, where)
				require.Equal(t, want.warnings(), got.warnings(), where)
				chosen[got.encoding]++
			}
		}
	}
	// Each candidate wins somewhere.
	for _, name := range []string{"utf-8", "gbk", "gb18030", "big5"} {
		assert.Positive(t, chosen[name], name)
	}
}

// FuzzDecodePageScored checks decodePage against decodePageTextScore on
// any bytes, under one of a few declared charsets.
func FuzzDecodePageScored(f *testing.F) {
	f.Add([]byte("<meta charset=gbk><p>\xd6\xd0\xce\xc4\xff</p>"), uint8(0))
	f.Add([]byte("<p>\xa4\xa4\xa4\xe5\xd6\xd0</p>"), uint8(3))
	f.Add([]byte(strings.Repeat("\xd6\xd0", maxScored)+"\xff\x81\x40"), uint8(1))
	contentTypes := []string{"", "text/html; charset=gbk", "text/html; charset=big5", "text/html; charset=utf-8"}
	f.Fuzz(func(t *testing.T, b []byte, ct uint8) {
		cfg := newConfig([]Option{WithContentType(contentTypes[int(ct)%len(contentTypes)])})
		want, got := decodePageTextScore(b, &cfg), decodePage(b, &cfg)
		if got.encoding != want.encoding || !bytes.Equal(got.text, want.text) || got.replaced != want.replaced ||
			got.firstBad != want.firstBad || got.ignored != want.ignored || got.checkMeta != want.checkMeta {
			t.Fatalf("decodePage(%q) = %s, %q; textScore's choice is %s, %q", b, got.encoding, got.text, want.encoding, want.text)
		}
	})
}
