package storage

import (
	"math/rand/v2"
	"testing"
)

// TestPermute: permute gives what copying into a second array in key
// order gives, for random orders of many sizes.
func TestPermute(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		sums := make([]Summary, n)
		keys := make([]recency, n)
		for i := range sums {
			sums[i].ID = int64(i * 10)
			keys[i].at = int32(i)
		}
		r.Shuffle(n, func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		want := make([]int64, n)
		for i, k := range keys {
			want[i] = sums[k.at].ID
		}
		permute(sums, keys)
		for i := range sums {
			if sums[i].ID != want[i] {
				t.Fatalf("n=%d: place %d holds %d, want %d", n, i, sums[i].ID, want[i])
			}
		}
	}
}
