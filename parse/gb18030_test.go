package parse

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// xtextGB18030 decodes b with x/text's GB18030 decoder and counts the
// U+FFFD in its output: what decodeGB18030 must give.
func xtextGB18030(t testing.TB, b []byte) ([]byte, int) {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	require.NoError(t, err)
	return out, bytes.Count(out, []byte("\uFFFD"))
}

// requireSameAsXText checks decodeGB18030 against x/text on b, and its
// score against textScore on x/text's output: the same float64, bit for
// bit.
func requireSameAsXText(t testing.TB, b []byte) {
	t.Helper()
	want, wantBad := xtextGB18030(t, b)
	got, gotBad, score := decodeGB18030(b)
	require.Equal(t, string(want), string(got), "%q", b)
	require.Equal(t, wantBad, gotBad, "%q", b)
	requireSameFloat(t, textScore(want), score, b)
}

// requireSameFloat checks that the score got of in is want bit for bit,
// telling 0 from -0, which require.Equal takes as equal.
func requireSameFloat(t testing.TB, want, got float64, in []byte) {
	t.Helper()
	require.Equal(t, math.Float64bits(want), math.Float64bits(got), "score %v, want %v: %q", got, want, in)
}

// gbCases are edge cases of GB18030 decoding, with the UTF-8 and the
// count of U+FFFD x/text gives for each; FuzzGB18030 starts from them.
var gbCases = []struct {
	name, in, want string
	replaced       int
}{
	{"empty", "", "", 0},
	{"ascii", "<p>abc 123</p>", "<p>abc 123</p>", 0},
	{"ascii long", strings.Repeat("abcdefg", 9), strings.Repeat("abcdefg", 9), 0},
	{"two-byte", "\xd6\xd0\xce\xc4", "中文", 0},
	{"mixed", "a\xd6\xd0b\xce\xc4abcdefghij\xa3\xac", "a中b文abcdefghij，", 0},
	{"GBK extension", "\x81\x40\xfe\x4f", "丂\uFA29", 0},
	{"two-byte to two UTF-8 bytes", "\xa1\xe8\xa6\xc1", "¤α", 0},
	{"user-defined area", "\xaa\xa1\xf8\xfe", "\uFFFD\uFFFD", 2},
	{"euro 0x80", "\x80", "€", 0},
	{"0xFF", "\xff", "\uFFFD", 1},
	{"0xFF before ascii", "\xffa", "\uFFFDa", 1},
	{"lead at end", "a\xd6", "a\uFFFD", 1},
	{"lead then 0x7F", "\xd6\x7f", "\uFFFD\x7f", 1},
	{"lead then 0xFF", "\xd6\xff", "\uFFFD\uFFFD", 2},
	{"lead then space", "\xd6 \xd0", "\uFFFD \uFFFD", 2},
	{"lead then lead", "\xd6\xd6\xd0", "种\uFFFD", 1},
	{"four-byte first", "\x81\x30\x81\x30", "\u0080", 0},
	{"four-byte BMP", "\x81\x30\x84\x35", "\u00a3", 0},
	{"four-byte last BMP", "\x84\x31\xa4\x39", "\uffff", 0},
	{"four-byte gap", "\x84\x31\xa5\x30", "\uFFFD1\uFFFD0", 2},
	{"four-byte first supplementary", "\x90\x30\x81\x30", "\U00010000", 0},
	{"four-byte last supplementary", "\xe3\x32\x9a\x35", "\U0010FFFF", 0},
	{"four-byte past last plane", "\xe3\x32\x9a\x36", "\uFFFD2\uFFFD6", 2},
	{"four-byte 0x3A second byte", "\x81\x3a\x81\x30", "\u34a3", 0},
	{"four-byte truncated 2", "\x81\x30", "\uFFFD0", 1},
	{"four-byte truncated 3", "\x81\x30\x81", "\uFFFD0\uFFFD", 2},
	{"four-byte bad third", "\x81\x30\x30\x30", "\uFFFD000", 1},
	{"four-byte bad fourth", "\x81\x30\x81\x41", "\uFFFD0丄", 1},
	{"four-byte third 0xFF", "\x81\x30\xff\x30", "\uFFFD0\uFFFD0", 2},
	{"lone 0x80 in text", "\xd6\xd0\x80\xce\xc4", "中€文", 0},
}

// TestDecodeGB18030 checks the edge cases against their UTF-8 and against
// x/text.
func TestDecodeGB18030(t *testing.T) {
	for _, tt := range gbCases {
		t.Run(tt.name, func(t *testing.T) {
			requireSameAsXText(t, []byte(tt.in))
			got, replaced, _ := decodeGB18030([]byte(tt.in))
			assert.Equal(t, tt.want, string(got))
			assert.Equal(t, tt.replaced, replaced)
		})
	}
}

// TestDecodeGB18030Score checks the score decodeGB18030 gives on the
// edges of textScore's counting, bit for bit against the score it must
// be and against textScore's on the text: characters of each class from
// the table and from the slow paths, and the maxScored-th Han character
// and the one past it, after which textScore stops, reached in a run of
// two-byte codes, at its start or end, or on a slow path.
func TestDecodeGB18030Score(t *testing.T) {
	const (
		common = "\xd6\xd0"         // 中
		rare   = "\x81\x40"         // 丂, Han not in commonHan
		fffd   = "\xaa\xa1"         // user-defined: U+FFFD
		extA   = "\x81\x39\xee\x39" // U+3400, Han by a four-byte code
		extB   = "\x95\x32\x82\x36" // U+20000, Han in a supplementary plane
		pua    = "\x83\x36\xc8\x30" // U+E7C8, private use by a four-byte code
	)
	many := func(s string, k int) string { return strings.Repeat(s, k) }
	minus0 := math.Copysign(0, -1)
	tests := []struct {
		name, in string
		want     float64
	}{
		{"empty", "", minus0},
		{"ascii", "<p>abc</p>", minus0},
		{"common", common + common, 1},
		{"rare", rare, 0},
		{"common and rare", common + "a" + rare, 0.5},
		{"compatibility ideograph", "\xfe\x4f", 0},
		{"replaced", fffd, -1},
		{"replaced among Han", common + fffd + common + rare, -1.0/4 + 2.0/4},
		{"lone bytes", "\xff\xd6 " + common, -2.0/3 + 1.0/3},
		{"euro", "\x80" + common, 1},
		{"not Han", "\xa1\xe8\xa3\xac", minus0},
		{"four-byte Han", extA + extB + common, 1.0 / 3},
		{"four-byte private use", pua + common, -1.0/2 + 1.0/2},
		{"at the limit", many(common, maxScored), 1},
		{"one past the limit", many(common, maxScored+1), float64(maxScored) / (maxScored + 1)},
		{"past the limit, rare", many(common, maxScored) + rare, float64(maxScored) / (maxScored + 1)},
		{"past the limit, bad after", many(common, maxScored+1) + fffd + "\xff" + pua, float64(maxScored) / (maxScored + 1)},
		{"bad just before the limit", many(common, maxScored) + fffd + common + fffd, -1.0/(maxScored+2) + maxScored/(maxScored+2.0)},
		{"limit in a later run", many(common, maxScored-1) + "a" + common + common + fffd, float64(maxScored) / (maxScored + 1)},
		{"limit at a run's start", many(common, maxScored) + "a" + common + fffd, float64(maxScored) / (maxScored + 1)},
		{"limit on a slow path", many(common, maxScored) + extB + fffd, float64(maxScored) / (maxScored + 1)},
		{"limit just after a slow path", many(common, maxScored-1) + extB + common + fffd, float64(maxScored-1) / (maxScored + 1)},
		{"runs over 16-bit counts", many(common, 70000), float64(maxScored) / (maxScored + 1)},
		{"replaced over 16-bit counts", many(fffd, 70000) + common, -70000.0/70001 + 1.0/70001},
		{"rare over 16-bit counts", many(rare, 70000) + common, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			requireSameAsXText(t, in)
			_, _, score := decodeGB18030(in)
			requireSameFloat(t, tt.want, score, in)
		})
	}
}

// TestDecodeGB18030Grows checks output that outgrows the buffer first
// made: every invalid byte becomes three bytes of U+FFFD, and so does
// every 0x80.
func TestDecodeGB18030Grows(t *testing.T) {
	for name, in := range map[string][]byte{
		"0xFF":                     bytes.Repeat([]byte{0xFF}, 5000),
		"0x80":                     bytes.Repeat([]byte{0x80}, 5000),
		"mixed":                    append(bytes.Repeat([]byte("\xd6\xd0"), 1000), bytes.Repeat([]byte{0xFF, 'a', 0x80}, 3000)...),
		"long ascii":               append(bytes.Repeat([]byte{0xFF}, 100), bytes.Repeat([]byte("abcdefgh"), 1000)...),
		"ascii past the room left": append(bytes.Repeat([]byte{0xFF}, 100), bytes.Repeat([]byte("a"), 100)...),
		"four-byte":                bytes.Repeat([]byte("\x81\x30\x30"), 2000),
	} {
		t.Run(name, func(t *testing.T) { requireSameAsXText(t, in) })
	}
	got, replaced, score := decodeGB18030(bytes.Repeat([]byte{0xFF}, 5000))
	assert.Equal(t, strings.Repeat("\uFFFD", 5000), string(got))
	assert.Equal(t, 5000, replaced)
	assert.Equal(t, -1.0, score)
}

// TestGB18030FourByte decodes every four-byte sequence x/text reads as one
// (a lead byte, 0x30–0x3F, a lead byte, a digit) both ways, a lead byte's
// worth at a time: the Basic Multilingual Plane's, the supplementary
// planes' and the indices between and past them.
func TestGB18030FourByte(t *testing.T) {
	for c0 := 0x81; c0 <= 0xFE; c0++ {
		var in []byte
		for c1 := 0x30; c1 <= 0x3F; c1++ {
			for c2 := 0x81; c2 <= 0xFE; c2++ {
				for c3 := 0x30; c3 <= 0x39; c3++ {
					in = append(in, byte(c0), byte(c1), byte(c2), byte(c3))
				}
			}
		}
		requireSameAsXText(t, in)
	}
}

// TestGBPairs checks every two-byte code, alone and between ASCII, against
// x/text, that each is in the table and no other second byte is, and that
// each entry's class is scoreClass of its character.
func TestGBPairs(t *testing.T) {
	pairs := gbPairs()
	assert.Same(t, pairs, gbPairs(), "built once")
	codes, replaced := 0, 0
	classes := map[uint32]int{}
	for lead := 0x81; lead <= 0xFE; lead++ {
		// Every code of the lead byte, one after another and each between
		// ASCII letters.
		var row, spaced []byte
		for trail := 0; trail <= 0xFF; trail++ {
			e := pairs[(lead-0x81)<<8|trail]
			if trail < 0x40 || trail == 0x7F || trail == 0xFF {
				require.Zero(t, e, "%x %x", lead, trail)
				continue
			}
			require.NotZero(t, e, "%x %x", lead, trail)
			row = append(row, byte(lead), byte(trail))
			spaced = append(spaced, 'a', byte(lead), byte(trail))
			codes++
			replaced += int(e >> 31)
			r, size := utf8.DecodeRune(binary.LittleEndian.AppendUint32(nil, e)[:e>>24&3])
			require.Equal(t, int(e>>24&3), size, "%x %x", lead, trail)
			require.Equal(t, scoreClass(r), e>>gbClassShift&gbClassMask, "%x %x %U", lead, trail, r)
			require.Zero(t, e>>29&3, "%x %x: bits 29–30 unused", lead, trail)
			classes[e>>gbClassShift&gbClassMask]++
		}
		requireSameAsXText(t, row)
		requireSameAsXText(t, spaced)
	}
	assert.Equal(t, 126*190, codes)
	// x/text decodes the user-defined areas, and a few codes more, to
	// U+FFFD, which the table marks.
	assert.Equal(t, 2067, replaced)
	// The rest: other characters, rare Han and common Han; x/text gives
	// no two-byte code a private use character.
	assert.Equal(t, map[uint32]int{0: 898, classBad: 2067, classHan: 19667, classHan | classCommon: 1308}, classes)
	assert.Equal(t, uint32(0x0FADB8E4), pairs[(0xD6-0x81)<<8|0xD0], "中")
}

// TestGBRun checks the runs of two-byte codes gbRun decodes, where each
// ends, and its counts.
func TestGBRun(t *testing.T) {
	const common, rare, fffd = "\xd6\xd0", "\x81\x40", "\xaa\xa1"
	tests := []struct {
		name, in                   string
		room                       int
		want                       string
		read                       int
		han, common, bad, replaced int
	}{
		{"empty", "", 16, "", 0, 0, 0, 0, 0},
		{"ascii", "a" + common, 16, "", 0, 0, 0, 0, 0},
		{"classes", common + rare + fffd + "\xa3\xac", 16, "中丂\uFFFD，", 8, 2, 1, 1, 1},
		{"to a lone lead byte", common + "\xd6", 16, "中", 2, 1, 1, 0, 0},
		{"to a four-byte code", common + "\x81\x30\x81\x30", 16, "中", 2, 1, 1, 0, 0},
		{"to ascii", common + "a" + common, 16, "中", 2, 1, 1, 0, 0},
		{"to 0x80", common + "\x80", 16, "中", 2, 1, 1, 0, 0},
		{"no room", common, 3, "", 0, 0, 0, 0, 0},
		{"room for two", common + common + common, 7, "中中", 4, 2, 2, 0, 0},
		{"at most gbRunMax", strings.Repeat(fffd, gbRunMax+3), 4 * (gbRunMax + 3), strings.Repeat("\uFFFD", gbRunMax), 2 * gbRunMax, 0, 0, gbRunMax, gbRunMax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := make([]byte, tt.room)
			written, read, count := gbRun(dst, []byte(tt.in), gbPairs())
			assert.Equal(t, tt.want, string(dst[:written]))
			assert.Equal(t, tt.read, read)
			han, common, bad, replaced := gbCount(count)
			assert.Equal(t, []int{tt.han, tt.common, tt.bad, tt.replaced}, []int{han, common, bad, replaced})
		})
	}
}

// TestGBSpread checks that every value of an entry's bits from
// gbClassShift up lands, multiplied by gbSpread and masked by gbCounts, as
// one in each count its bits say and nothing else: the counts gbCount
// reads.
func TestGBSpread(t *testing.T) {
	for x := range uint64(1 << 6) {
		han, common, bad, replaced := gbCount(x * gbSpread & gbCounts)
		assert.Equal(t, []int{int(x & 1), int(x >> 1 & 1), int(x >> 2 & 1), int(x >> 5 & 1)}, []int{han, common, bad, replaced}, "%06b", x)
	}
	// Counts add without carrying into each other up to gbRunMax.
	var count uint64
	for range gbRunMax {
		count += (1<<5 | classBad | classCommon | classHan) * gbSpread & gbCounts
	}
	han, common, bad, replaced := gbCount(count)
	assert.Equal(t, []int{gbRunMax, gbRunMax, gbRunMax, gbRunMax}, []int{han, common, bad, replaced})
}

// TestGBOther checks the sequences decoded beside the table, each alone,
// including a two-byte code, which the table holds but gbOther must still
// decode right for a table built short.
func TestGBOther(t *testing.T) {
	tests := []struct {
		in, want      string
		size, replace int
	}{
		{"\x80\xd6", "€", 1, 0},
		{"\xff\xd6", "\uFFFD", 1, 1},
		{"\xd6", "\uFFFD", 1, 1},
		{"\xd6\xd0\xce", "中", 2, 0},
		{"\xaa\xa1", "\uFFFD", 2, 1},
		{"\xd6\x20", "\uFFFD", 1, 1},
		{"\x81\x30\x81\x30\xd6", "\u0080", 4, 0},
		{"\x90\x30\x81\x30", "\U00010000", 4, 0},
		{"\x81\x30\x81", "\uFFFD", 1, 1},
	}
	for _, tt := range tests {
		var slow *encoding.Decoder
		dst := make([]byte, utf8.UTFMax)
		size, n, replaced := gbOther(dst, []byte(tt.in), &slow)
		assert.Equal(t, tt.want, string(dst[:n]), "%q", tt.in)
		assert.Equal(t, tt.size, size, "%q", tt.in)
		assert.Equal(t, tt.replace, replaced, "%q", tt.in)
	}
	var slow *encoding.Decoder
	n, replaced := gbSlow(make([]byte, utf8.UTFMax), nil, &slow)
	assert.Equal(t, 3, n, "nothing decoded is one U+FFFD")
	assert.Equal(t, 1, replaced)
	assert.NotNil(t, slow, "made on first use")
}

// TestGBEntry checks the packing of a decoded code and its refusals.
func TestGBEntry(t *testing.T) {
	tests := []struct {
		out  string
		want uint32
	}{
		{"中", 0x0FADB8E4},
		{"丂", 0x0782B8E4},
		{"¤", 0x0200A4C2},
		{"A", 0x01000041},
		{"\uFFFD", 0x93BDBFEF},
		{"\uE000", 0x138080EE},
		{"", 0},
		{"中a", 0},
		{"\U00010000", 0},
		{"\xff", 0},
		{"\xe4\xb8", 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, gbEntry([]byte(tt.out)), "%q", tt.out)
	}
}

// TestDecodeWithGB checks that the GB family decodes through
// decodeGB18030 as it did through x/text, and Big5 still through x/text.
func TestDecodeWithGB(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "pages", "seed-trs.gbk.html"))
	require.NoError(t, err)
	page = append(page, 0xFF, 0xD6)
	want, wantBad := xtextGB18030(t, page)
	for _, name := range []string{"gbk", "gb2312", "gb18030"} {
		d := decodeWith(page, legacyOrUTF8(simplifiedchinese.GBK, name), name)
		assert.Equal(t, string(want), string(d.text), name)
		assert.Equal(t, wantBad, d.replaced, name)
		assert.Equal(t, 2, d.replaced, name)
		assert.Equal(t, name, d.encoding)
		assert.Equal(t, -1, d.firstBad)
	}
	assert.True(t, utf8.Valid(want))
	assert.Contains(t, string(want), "答复")
}

// TestGB18030Corpus decodes and scores every corpus page both ways,
// whatever its encoding: a UTF-8 page read as GB18030 exercises the
// replacements. A UTF-8 page is also encoded as GB18030 first: real GB
// text, most of it past maxScored Han characters.
func TestGB18030Corpus(t *testing.T) {
	dir := corpusPages(t)
	pages := readCorpusSources(t, dir)
	require.NotEmpty(t, pages)
	past := 0
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join(dir, p.file))
		require.NoError(t, err)
		t.Run(p.file, func(t *testing.T) {
			requireSameAsXText(t, data)
			if !utf8.Valid(data) {
				return
			}
			gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
			require.NoError(t, err)
			requireSameAsXText(t, gb)
			if text, _, _ := decodeGB18030(gb); countHan(text) > maxScored {
				past++
			}
		})
	}
	assert.Positive(t, past, "pages past maxScored Han characters")
}

// countHan counts the Han characters of text.
func countHan(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if isHanRune(r) {
			n++
		}
	}
	return n
}

// BenchmarkGB18030 decodes the GBK seed page as decodePage does a GB
// candidate: with decodeGB18030, which scores as it decodes ("table"); as
// before, the text then read again by textScore ("table,textScore", where
// decodeGB18030 still tallies); and with x/text through transformAll and
// then textScore, as decodeWith and decodePage did before the table.
func BenchmarkGB18030(b *testing.B) {
	page := readBenchPage(b, "seed-trs.gbk.html")
	gbPairs()
	b.Run("table", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			decodeGB18030(page)
		}
	})
	b.Run("table,textScore", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			text, _, _ := decodeGB18030(page)
			textScore(text)
		}
	})
	b.Run("x-text,textScore", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			out, err := transformAll(simplifiedchinese.GB18030.NewDecoder(), page)
			if err != nil {
				b.Fatal(err)
			}
			bytes.Count(out, []byte("\uFFFD"))
			textScore(out)
		}
	})
}

// BenchmarkGBPairsBuild measures the one-time cost of the two-byte table,
// paid by the first GB page a process decodes.
func BenchmarkGBPairsBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		buildGBPairs()
	}
}
