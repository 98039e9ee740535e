package collection

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

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
			p.add([]byte("提案"), int32(row))
			p.add([]byte("提案"), int32(row)) // twice in a row: kept once
		}
		l := p.lists["提案"]
		assert.Equal(t, rows, decodeVarints(string(l.text)))
		assert.NotContains(t, string(l.text), `"`)
	}
	assert.Equal(t, "0", string(appendVarint(nil, 0)))
	assert.Equal(t, "v", string(appendVarint(nil, 31)))
	assert.Equal(t, "B0", string(appendVarint(nil, 32)))
}

func TestShardCount(t *testing.T) {
	assert.Equal(t, 1, shardCount(0, 100))
	assert.Equal(t, 1, shardCount(100, 100))
	assert.Equal(t, 2, shardCount(101, 100))
	assert.Equal(t, 16, shardCount(1600, 100))
	assert.Equal(t, 4096, shardCount(1<<40, 100))
}
