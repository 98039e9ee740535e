package hashindex

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keyOf is the key of the number i.
func keyOf(i int) Key {
	sum := sha256.Sum256(binary.LittleEndian.AppendUint64(nil, uint64(i)))
	return Key(sum[:16])
}

// valueOf is a value of 12 bytes made of i and a version.
func valueOf(i, version int) []byte {
	return fmt.Appendf(nil, "%06d:%05d", i%1000000, version%100000)
}

// TestIndexIsAMap: whatever part of it is on disk, an index answers as a
// map does: a key put has its last value, a key never put is not found;
// runs of one size are merged, so few stay on disk; Close removes them.
func TestIndexIsAMap(t *testing.T) {
	for _, c := range []struct{ mem, fanIn, keys int }{
		{mem: 1, fanIn: 2, keys: 300},
		{mem: 7, fanIn: 3, keys: 2000},
		{mem: 64, fanIn: 8, keys: 20000},
		{mem: 1 << 20, fanIn: 8, keys: 5000}, // never written
	} {
		t.Run(fmt.Sprintf("mem%d-fan%d", c.mem, c.fanIn), func(t *testing.T) {
			dir := t.TempDir()
			x, err := New(Options{Dir: dir, ValueSize: 12, MemEntries: c.mem, FanIn: c.fanIn})
			require.NoError(t, err)
			want := map[Key][]byte{}
			rng := rand.New(rand.NewPCG(uint64(c.mem), 7))
			for n := range c.keys {
				i := rng.IntN(c.keys / 2) // many keys are put again
				v := valueOf(i, n)
				require.NoError(t, x.Put(keyOf(i), v))
				want[keyOf(i)] = v
			}
			got := make([]byte, 12)
			for i := range c.keys {
				ok, err := x.Get(keyOf(i), got)
				require.NoError(t, err)
				if w, in := want[keyOf(i)]; in {
					require.True(t, ok, "key %d", i)
					require.Equal(t, string(w), string(got), "key %d", i)
				} else {
					require.False(t, ok, "key %d was never put", i)
				}
			}
			files, _ := os.ReadDir(dir)
			assert.LessOrEqual(t, len(files), levels(c.keys/c.mem+1, c.fanIn)*(c.fanIn-1), "runs of one size are merged")
			require.NoError(t, x.Close())
			files, _ = os.ReadDir(dir)
			assert.Empty(t, files)
			_, err = x.Get(keyOf(1), got)
			assert.ErrorIs(t, err, ErrClosed)
			assert.ErrorIs(t, x.Put(keyOf(1), got), ErrClosed)
		})
	}
}

// levels is how many sizes of run n runs of the first size make.
func levels(n, fanIn int) int {
	l := 1
	for ; n >= fanIn; n /= fanIn {
		l++
	}
	return l
}

// TestIndexSet: with values of no bytes an index is a set.
func TestIndexSet(t *testing.T) {
	x, err := New(Options{Dir: t.TempDir(), MemEntries: 3, FanIn: 2})
	require.NoError(t, err)
	defer x.Close()
	for i := 0; i < 100; i += 2 {
		require.NoError(t, x.Put(keyOf(i), nil))
	}
	for i := range 100 {
		ok, err := x.Has(keyOf(i))
		require.NoError(t, err)
		assert.Equal(t, i%2 == 0, ok, "key %d", i)
	}
}

// TestIndexRefusesWrongValues: a value of another size is an error, not
// a panic or a value cut short.
func TestIndexRefusesWrongValues(t *testing.T) {
	x, err := New(Options{Dir: t.TempDir(), ValueSize: 4})
	require.NoError(t, err)
	defer x.Close()
	assert.Error(t, x.Put(keyOf(1), []byte("12345")))
	_, err = x.Get(keyOf(1), make([]byte, 3))
	assert.Error(t, err)
	_, err = New(Options{ValueSize: -1})
	assert.Error(t, err)
}

// TestIndexSaysWhenItCannotWrite: a directory that cannot take a run is
// an error naming it.
func TestIndexSaysWhenItCannotWrite(t *testing.T) {
	x, err := New(Options{Dir: t.TempDir() + "/missing", MemEntries: 2})
	require.NoError(t, err)
	defer x.Close()
	require.NoError(t, x.Put(keyOf(1), nil))
	err = x.Put(keyOf(2), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing")
}

// TestFilterHasNoFalseNegatives and lets few others through.
func TestFilterHasNoFalseNegatives(t *testing.T) {
	f := newFilter(10000)
	for i := range 10000 {
		f.add(keyOf(i))
	}
	for i := range 10000 {
		require.True(t, f.mayHave(keyOf(i)))
	}
	through := 0
	for i := 10000; i < 110000; i++ {
		if f.mayHave(keyOf(i)) {
			through++
		}
	}
	assert.Less(t, through, 2000, "about 1%% of keys not added get through: %d of 100,000", through)
}

// FuzzIndexIsAMap: any sequence of puts and gets, over few keys so that
// they meet again across runs and merges, answers as a Go map does.
func FuzzIndexIsAMap(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 0, 1, 200, 201, 5, 5, 5})
	f.Add([]byte("put get put get, over and over"))
	f.Fuzz(func(t *testing.T, ops []byte) {
		x, err := New(Options{Dir: t.TempDir(), ValueSize: 1, MemEntries: 2, FanIn: 2})
		require.NoError(t, err)
		defer x.Close()
		want := map[Key]byte{}
		got := make([]byte, 1)
		for i, op := range ops {
			k := keyOf(int(op & 15))
			if op&0x80 != 0 {
				require.NoError(t, x.Put(k, []byte{byte(i)}))
				want[k] = byte(i)
				continue
			}
			ok, err := x.Get(k, got)
			require.NoError(t, err)
			v, in := want[k]
			require.Equal(t, in, ok, "op %d", i)
			if in {
				require.Equal(t, v, got[0], "op %d", i)
			}
		}
	})
}
