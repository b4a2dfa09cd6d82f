package finder

import (
	"slices"
	"testing"
)

// TestAlignBoundBoundsAlign: the cheap bound is never below what align
// returns (the bounded scan skips items by it), and is -1 exactly when
// align finds no match; appendStarts lists the same word starts as
// testing every byte.
func TestAlignBoundBoundsAlign(t *testing.T) {
	items := append(libItems(3000), seeds...)
	f := New(items)
	words := []string{"tme", "bdn", "rsa", "hu", "human", "laf", "lafofonois", "clch", "e", "zq", "gnva", "mtng", "abc", "tensmay", "btc", "mnhtn", "al", "all"}
	var sc scratch
	tight := 0
	for i := range items {
		title, all := f.fields(i)
		for _, fl := range []field{title, all} {
			var want []int32
			for j := 0; j < len(fl.s); j++ {
				if fl.start(j) {
					want = append(want, int32(j))
				}
			}
			if got := fl.appendStarts(nil); !slices.Equal(got, want) {
				t.Fatalf("item %d %q: appendStarts %v, want %v", i, fl.s, got, want)
			}
			for _, w := range words {
				a, b := fl.align(w, nil, &sc), fl.alignBound(w)
				if (a < 0) != (b < 0) || a > b {
					t.Fatalf("item %d %q word %q: align %d, alignBound %d", i, fl.s, w, a, b)
				}
				if a >= 0 && a < classPieces && b < classPieces {
					tight++
				}
			}
		}
	}
	if tight == 0 {
		t.Fatal("the bound never ruled out the pieces class: the test checks nothing new")
	}
}
