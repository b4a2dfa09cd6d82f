package finder

import (
	"slices"
	"testing"
)

// TestAlignBoundBoundsAlign: the cheap bound is never below what align
// returns (the bounded scan skips items by it), and is -1 exactly when
// align finds no match, and exact for scattered letters; appendStarts lists the same word starts as
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
				if (a < 0) != (b < 0) || a > b || b < classAbbrev && a != b {
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

// TestBoundsBoundRate: the mask bound the bounded scan groups by and the
// substring bound it aligns by are never below rate's score, an exact
// bound is rate's score, and boundAbove skips only items rating below its
// floor (else it is bound).
func TestBoundsBoundRate(t *testing.T) {
	items := append(libItems(3000), seeds...)
	items = append(items, Item{Title: "C is a language"}, Item{Title: "climate c change"}, Item{Title: "-nato .com"},
		Item{Title: "«Guillemets» — an odd \xb0 title", Author: "0"})
	f := New(items)
	var sc scratch
	raised, skipped := 0, 0
	for _, qs := range []string{"c", "a", "climate c", "all hu", "all human", "laf", "tame", "biden tame", "-nato", "oc tr vu", "price in s", "e",
		"hum", "all hum", "lafof", "tamerus", "btc", "« —", ". \xdf", "\xb0"} {
		q := parse(qs)
		for i := range items {
			r, ok := f.rate(i, q, nil, &sc)
			if !ok {
				continue
			}
			qb, qok := f.quickBound(i, q)
			b, exact, bok := f.bound(i, q)
			if !qok || !bok || qb < r || b < r || exact && b != r {
				t.Fatalf("%q item %d %q: rate %d, quickBound %d %v, bound %d %v %v", qs, i, items[i].Title, r, qb, qok, b, exact, bok)
			}
			for _, floor := range []int{r - 1, r, r + 1, r + 150, qb} {
				s, ex, ok, skip := f.boundAbove(i, q, floor)
				if skip && r >= floor || !skip && (s != b || ex != exact || ok != bok) {
					t.Fatalf("%q item %d floor %d: rate %d, boundAbove %d %v %v skip %v, bound %d", qs, i, floor, r, s, ex, ok, skip, b)
				}
				if skip {
					skipped++
				}
			}
			if qb < 10000*len(q.words)+classWhole+10+40*len(q.words) {
				raised++
			}
		}
	}
	if raised == 0 || skipped == 0 {
		t.Fatalf("%d quickBounds below the loosest, %d skips: the test checks nothing", raised, skipped)
	}
}
