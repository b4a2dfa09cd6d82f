package finder

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"
)

// TestPairMasksHoldSubstrings checks the pair masks' promise: every
// substring of an item's folded title (and joined fields) passes its pair
// test, so the test never rules out a real substring; and that the masks
// do rule out some words, or the bounds gain nothing.
func TestPairMasksHoldSubstrings(t *testing.T) {
	items := append(libItems(500), seeds...)
	items = append(items, Item{Title: "Genève «quoted» — \xb0", Author: "Ünïcode"})
	f := New(items)
	for i := range items {
		title, all := f.fields(i)
		sp := &f.spans[i]
		for _, c := range []struct {
			s     string
			pairs uint64
		}{{title.s, sp.tpairs}, {all.s, sp.apairs}} {
			for a := 0; a < len(c.s); a++ {
				for b := a + 1; b <= min(a+8, len(c.s)); b++ {
					if wordPairs(c.s[a:b])&^c.pairs != 0 {
						t.Fatalf("item %d: substring %q of %q fails its pair test", i, c.s[a:b], c.s)
					}
				}
			}
		}
	}
	q := parse("hum lafof tamerus")
	tightened := 0
	for i := range items {
		for k := range q.words {
			if f.pairBound(i, q, k) < f.maskBound(i, q, k) {
				tightened++
			}
		}
	}
	if tightened == 0 {
		t.Fatal("pairBound never tightened maskBound: the pair masks rule nothing out")
	}
}

func TestSortItems(t *testing.T) {
	for _, n := range []int{10, 5000} {
		var s []int32
		for i := n - 1; i >= 0; i -= 3 {
			s = append(s, int32(i))
		}
		want := slices.Clone(s)
		slices.Sort(want)
		if got := sortItems(s, n); !slices.Equal(got, want) {
			t.Fatalf("n %d: sortItems gave %v…, want %v…", n, got[:5], want[:5])
		}
	}
}

func TestSpanFirst(t *testing.T) {
	f := New([]Item{{Title: "Économie"}, {Title: "", Author: "x"}, {Title: "b"}})
	for i, want := range []byte{'e', 0, 'b'} {
		if f.spans[i].first != want {
			t.Errorf("item %d: first %q, want %q", i, f.spans[i].first, want)
		}
	}
}

// TestPairsFilledOnSearch checks that a Finder whose spans were built
// without pair masks (as a builder other than New may) fills them on its
// first search and ranks as New's does.
func TestPairsFilledOnSearch(t *testing.T) {
	items := append(libItems(300), seeds...)
	want := New(items).Search(context.Background(), "biden tame", 10)
	f := New(items)
	for i := range f.spans {
		f.spans[i].tpairs, f.spans[i].apairs, f.spans[i].first = 0, 0, 0
	}
	f.pairsOnce = sync.Once{}
	if got := f.Search(context.Background(), "biden tame", 10); !reflect.DeepEqual(got, want) || len(got) == 0 {
		t.Fatalf("without pair masks: %v, want %v", ids(got), ids(want))
	}
}
