package hashindex_test

import (
	"crypto/sha256"
	"fmt"
	"os"

	"github.com/replykit/replykit/examples/replykit/internal/hashindex"
)

// An Index remembers which record first had each payload, holding two
// entries in memory and the others on disk.
func Example() {
	dir, err := os.MkdirTemp("", "example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	x, err := hashindex.New(hashindex.Options{Dir: dir, ValueSize: 1, MemEntries: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer x.Close()
	key := func(payload string) hashindex.Key {
		sum := sha256.Sum256([]byte(payload))
		return hashindex.Key(sum[:16])
	}
	first := make([]byte, 1)
	for record, payload := range []string{"a", "b", "c", "a", "d", "b"} {
		seen, err := x.Get(key(payload), first)
		if err != nil {
			fmt.Println(err)
			return
		}
		if seen {
			fmt.Printf("record %d repeats record %d\n", record, first[0])
			continue
		}
		if err := x.Put(key(payload), []byte{byte(record)}); err != nil {
			fmt.Println(err)
			return
		}
	}
	// Output:
	// record 3 repeats record 0
	// record 5 repeats record 1
}
