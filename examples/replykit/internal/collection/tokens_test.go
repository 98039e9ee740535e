package collection

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tokenCase is a text and its tokens, in order; index.js is held to the
// same cases in the browser test.
type tokenCase struct {
	Name   string   `json:"name"`
	Text   string   `json:"text"`
	Tokens []string `json:"tokens"`
}

func loadTokenCases(t testing.TB) []tokenCase {
	data, err := os.ReadFile("testdata/tokens.json")
	require.NoError(t, err)
	var cases []tokenCase
	require.NoError(t, json.Unmarshal(data, &cases))
	require.NotEmpty(t, cases)
	return cases
}

// tokensOf returns the tokens of s, in order.
func tokensOf(s string) []string {
	out := []string{}
	var tk tokenizer
	tk.tokens(s, func(tok []byte) { out = append(out, string(tok)) })
	return out
}

func TestTokens(t *testing.T) {
	for _, tc := range loadTokenCases(t) {
		assert.Equal(t, tc.Tokens, tokensOf(tc.Text), tc.Name)
	}
}

// TestTokensCoverEveryCJKCharacter: each CJK character of a text begins
// a token, so that a one-character query finds every text holding it.
func TestTokensCoverEveryCJKCharacter(t *testing.T) {
	texts := []string{"关于县政协十届一次会议第73号提案的答复", "一、加大资金扶持。二是", "A级景区，县", "第７３号"}
	for _, s := range texts {
		toks := tokensOf(s)
		for _, r := range s {
			if classOf(fold(r)) != classCJK {
				continue
			}
			found := false
			for _, tok := range toks {
				found = found || strings.HasPrefix(tok, string(r))
			}
			assert.True(t, found, "%q in %q", string(r), s)
		}
	}
}

func TestShardOfKeepsAFirstCharacterTogether(t *testing.T) {
	for _, n := range []int{1, 7, 64, 4096} {
		assert.Equal(t, shardOf("县", n), shardOf("县政", n))
		assert.Equal(t, shardOf("县", n), shardOf("县2017", n))
		assert.Equal(t, shardOf("73", n), shardOf("73号", n))
		assert.Less(t, shardOf("提案", n), n)
	}
	// FNV-1a of the code points: index.js computes the same numbers.
	h := uint32(2166136261) ^ 0x53bf // 县 is U+53BF
	h *= 16777619
	assert.Equal(t, int(h%64), shardOf("县", 64))
}

// decodeVarints reads postings as index.js does.
func decodeVarints(s string) []int {
	var out []int
	v, prev := 0, -1
	for _, c := range []byte(s) {
		if i := strings.IndexByte(contDigits, c); i >= 0 {
			v = v*32 + i
			continue
		}
		v = v*32 + strings.IndexByte(lastDigits, c)
		if prev < 0 {
			prev = v
		} else {
			prev += v
		}
		out = append(out, prev)
		v = 0
	}
	return out
}

func TestPostingsRoundTrip(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		p := newPostings()
		var rows []int
		row := -1
		for range rnd.IntN(50) + 1 {
			row += 1 + rnd.IntN([]int{1, 40, 2000, 1 << 22}[rnd.IntN(4)])
			rows = append(rows, row)
			var tk tokenizer
			p.add(tk.distinctTokens("提案 第73号 提案"), int32(row)) // each token once a row
		}
		for _, tok := range []string{"提案", "案", "第73", "73", "73号", "号"} {
			l := p.lookup(tok)
			require.NotNil(t, l, tok)
			assert.Equal(t, rows, decodeVarints(string(p.appendText(nil, l))), tok)
		}
		assert.Nil(t, p.lookup("提"))
	}
	assert.Equal(t, "0", string(appendVarint(nil, 0)))
	assert.Equal(t, "v", string(appendVarint(nil, 31)))
	assert.Equal(t, "B0", string(appendVarint(nil, 32)))
}

func TestDistinctTokens(t *testing.T) {
	var tk tokenizer
	d := tk.distinctTokens("提案，提案答复 第73号 73")
	var got []string
	for _, k := range d.cjk {
		got = append(got, keyToken(k))
	}
	assert.Equal(t, []string{"号", "复", "提案", "案", "案答", "答复"}, got) // by code point
	assert.Equal(t, []string{"73", "73号", "第73"}, d.words)
	for _, tok := range []string{"案", "提案", "𠀀字"} {
		k, ok := cjkKey([]byte(tok))
		require.True(t, ok, tok)
		assert.Equal(t, tok, keyToken(k))
	}
	for _, tok := range []string{"第73", "73", "a级", "提案答"} {
		_, ok := cjkKey([]byte(tok))
		assert.False(t, ok, tok)
	}
}

func TestShardCount(t *testing.T) {
	assert.Equal(t, 1, shardCount(0, 100))
	assert.Equal(t, 1, shardCount(100, 100))
	assert.Equal(t, 2, shardCount(101, 100))
	assert.Equal(t, 16, shardCount(1600, 100))
	assert.Equal(t, 4096, shardCount(1<<40, 100))
}

// TestTokensNeedNoEscaping: termsObject writes tokens into JSON as they
// are, so no token may hold a character JSON or a script escapes.
func TestTokensNeedNoEscaping(t *testing.T) {
	text := "a\"b\\c<d>e&f\u2028g\u2029h\x00i\tj'k`l提案\ufeff答复"
	for _, tok := range tokensOf(text) {
		js, err := json.Marshal(tok)
		require.NoError(t, err)
		assert.Equal(t, `"`+tok+`"`, string(js), "%q", tok)
	}
}

// TestClassOfFastPath: the shortcut for the unified ideographs agrees
// with the scripts' tables.
func TestClassOfFastPath(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		want := classWord
		if unicode.In(r, cjkScripts...) {
			want = classCJK
		} else if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			want = classBreak
		}
		require.Equal(t, want, classOf(r), "%U", r)
	}
	for _, k := range []uint64{0x53bf << 32, 0x53bf<<32 | 0x653f, 0x20000<<32 | 0x5b57} {
		assert.Equal(t, len(keyToken(k)), keyLen(k))
	}
}

// FuzzTokens: on any text, every token is letters and digits that JSON
// writes as they are, each CJK character begins a token, and a token of
// CJK characters alone has a key that gives it back.
func FuzzTokens(f *testing.F) {
	for _, tc := range loadTokenCases(f) {
		f.Add(tc.Text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokensOf(s)
		starts := map[rune]bool{}
		for _, tok := range toks {
			require.NotEmpty(t, tok)
			js, err := json.Marshal(tok)
			require.NoError(t, err)
			require.Equal(t, `"`+tok+`"`, string(js))
			r, _ := utf8.DecodeRuneInString(tok)
			starts[r] = true
			if k, ok := cjkKey([]byte(tok)); ok {
				require.Equal(t, tok, keyToken(k))
			}
		}
		for _, r := range s {
			if r = fold(r); classOf(r) == classCJK {
				require.True(t, starts[r], "%q begins no token of %q", r, s)
			}
		}
	})
}
