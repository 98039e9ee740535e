package fill_test

import (
	"reflect"
	"testing"

	"github.com/replykit/replykit/internal/fill"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type date struct {
	Text                 string
	Year, Month, Day     int
	Hour, Minute, Second int
	HasTime              bool
	unexported           int
}

type node struct {
	Name  string
	N     int
	Off   int64
	On    bool
	When  date
	Tags  []string
	Next  *node
	Nodes []node
}

func bytesOf(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*131 + 7)
	}
	return b
}

func TestFillFull(t *testing.T) {
	f := fill.New(bytesOf(4096), true)
	f.Use(reflect.TypeFor[date](), fill.CalendarDate)
	var n node
	require.NoError(t, f.Fill(&n))
	assert.NotEmpty(t, n.Name)
	assert.NotZero(t, n.N)
	assert.NotZero(t, n.Off)
	assert.True(t, n.On)
	assert.NotEmpty(t, n.Tags)
	require.NotNil(t, n.Next)
	assert.NotEmpty(t, n.Nodes)
	d := n.When
	assert.True(t, d.Year >= 1 && d.Year <= 9999 && d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= 31, "%+v", d)
	assert.True(t, d.HasTime)
	assert.Zero(t, d.unexported)
}

func TestFillDeterministic(t *testing.T) {
	var a, b node
	require.NoError(t, fill.New(bytesOf(300), false).Fill(&a))
	require.NoError(t, fill.New(bytesOf(300), false).Fill(&b))
	assert.Equal(t, a, b)
	var empty node
	require.NoError(t, fill.New(nil, false).Fill(&empty))
	assert.Equal(t, node{}, empty, "no input, no choices: the zero value")
}

func TestFillRefusesUnknownKinds(t *testing.T) {
	var v struct{ F float64 }
	err := fill.New(bytesOf(10), true).Fill(&v)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "F: fill: no values for kind float64")
	assert.Error(t, fill.New(nil, false).Fill(v), "not a pointer")
}
