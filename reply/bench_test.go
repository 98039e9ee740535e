package reply

import "testing"

func BenchmarkMarshalSeed(b *testing.B) {
	r := seedReply()
	data, err := Marshal(r)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Marshal(r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalSeedStd is the seed written by encoding/json
// (marshalStd), for comparison with BenchmarkMarshalSeed.
func BenchmarkMarshalSeedStd(b *testing.B) {
	r := seedReply()
	data, err := marshalStd(r)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := marshalStd(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshalSeed(b *testing.B) {
	data, err := Marshal(seedReply())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Unmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateSeed(b *testing.B) {
	r := seedReply()
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
