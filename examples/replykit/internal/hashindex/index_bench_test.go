package hashindex

import (
	"flag"
	"runtime"
	"testing"
)

var benchKeys = flag.Int("hashindex.keys", 1<<20, "keys BenchmarkIndex looks up and puts")

// heapInUse is the heap in use after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// BenchmarkIndex looks up each of -hashindex.keys new keys, then puts it
// with an 8-byte value, as a walk remembers the records it meets; a
// hundredth are put again. It reports the time a key and the heap kept a
// key, beside a Go map doing the same.
func BenchmarkIndex(b *testing.B) {
	n := *benchKeys
	keys := make([]Key, n)
	for i := range keys {
		keys[i] = keyOf(i % (n - n/100))
	}
	value := make([]byte, 8)
	b.Run("index", func(b *testing.B) {
		var kept float64
		for b.Loop() {
			before := heapInUse()
			x, err := New(Options{Dir: b.TempDir(), ValueSize: 8})
			if err != nil {
				b.Fatal(err)
			}
			for _, k := range keys {
				if ok, err := x.Get(k, value); err != nil {
					b.Fatal(err)
				} else if !ok {
					if err := x.Put(k, value); err != nil {
						b.Fatal(err)
					}
				}
			}
			kept = float64(heapInUse()-before) / float64(n)
			if err := x.Close(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/key")
		b.ReportMetric(kept, "heap-B/key")
	})
	b.Run("map", func(b *testing.B) {
		var kept float64
		for b.Loop() {
			before := heapInUse()
			m := map[Key][8]byte{}
			for _, k := range keys {
				if _, ok := m[k]; !ok {
					m[k] = [8]byte(value)
				}
			}
			kept = float64(heapInUse()-before) / float64(n)
			runtime.KeepAlive(m)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/key")
		b.ReportMetric(kept, "heap-B/key")
	})
}
