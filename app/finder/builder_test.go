package finder

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// hostileItems mixes generated articles with strings that stress folding,
// word starts and the bit sets: NULs, broken UTF-8, combining marks,
// ligatures that fold longer, RTL, emoji, empty fields, long titles.
func hostileItems(n int) []Item {
	items := libItems(n)
	odd := []string{
		"", "\x00", "a\x00hidden", "\xff\xfe broken \xc3", "Ge\u0301ne\u0300ve", "Straße ﬁnal ǅemal",
		"שלום עולם", "مرحبا بالعالم", "😀 emoji 🇫🇷 flags", "İstanbul ıı", "ΣΊΣΥΦΟΣ σοφός",
		strings.Repeat("long-word_", 40), strings.Repeat("ẞ", 70), "camelCaseHTTPServer2Go", "  spaced   out  ",
		"tab\there\nnewline", "x.y/z_w-v", strings.Repeat("\u0301", 100),
	}
	r := rand.New(rand.NewPCG(23, 5))
	for k := 0; k < len(items); k += 1 + r.IntN(40) {
		it := &items[k]
		pick := func() string { return odd[r.IntN(len(odd))] }
		switch r.IntN(4) {
		case 0:
			it.Title = pick()
		case 1:
			it.Title += " " + pick()
			it.Author = pick()
		case 2:
			it.Source, it.Tags = pick(), []string{pick(), "", pick()}
		default:
			it.Title, it.Source, it.Author, it.Tags = pick(), pick(), pick(), nil
		}
	}
	return items
}

func build(items []Item, reserve bool) *Finder {
	b := NewBuilder(len(items))
	if reserve {
		for _, it := range items {
			b.Reserve(it)
		}
	}
	for _, it := range items {
		b.Add(it)
	}
	return b.Done()
}

// TestBuilderIsNew: a Builder's Finder holds the same index as New's
// (which indexes in parallel parts and merges them) and answers every
// query the same: order, scores, emphasis.
func TestBuilderIsNew(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3)) // New splits into 3 uneven parts
	items := hostileItems(4*minChunk + 777)
	want := New(items)
	qs := []string{"a", "geneve", "strasse", "fi", "btc", "team biden", "emoji", "שלום", "σοφ", "istanbul",
		"long word", "http server", "x y", "hidden", "\xff", "ẞẞ", "zzzz", "e", "the of", "review notes"}
	r := rand.New(rand.NewPCG(7, 9))
	for len(qs) < 80 {
		s := items[r.IntN(len(items))].Title
		if len(s) > 3 {
			k := r.IntN(len(s) - 2)
			qs = append(qs, s[k:k+1+r.IntN(min(6, len(s)-k-1))])
		}
	}
	for _, reserve := range []bool{true, false} {
		got := build(items, reserve)
		if !reflect.DeepEqual(got.ids, want.ids) || !reflect.DeepEqual(got.spans, want.spans) ||
			got.titles != want.titles || got.folds != want.folds || !reflect.DeepEqual(got.bits, want.bits) {
			t.Fatalf("reserve=%v: index differs from New's (titles %d/%d bytes, folds %d/%d, bits %d/%d)", reserve,
				len(got.titles), len(want.titles), len(got.folds), len(want.folds), len(got.bits), len(want.bits))
		}
		if got.Len() != len(items) {
			t.Fatalf("Len %d, want %d", got.Len(), len(items))
		}
		for _, q := range qs {
			for _, limit := range []int{0, 20} {
				a := want.Search(context.Background(), q, limit)
				b := got.Search(context.Background(), q, limit)
				if fmt.Sprint(a) != fmt.Sprint(b) {
					t.Fatalf("reserve=%v %q limit %d: builder gives %d matches %v…, New %d %v…", reserve, q, limit, len(b), b[:min(3, len(b))], len(a), a[:min(3, len(a))])
				}
			}
		}
	}
}

// TestBuilderEmpty: no items, and a Reserve after Add, still make a
// working Finder.
func TestBuilderEmpty(t *testing.T) {
	if f := NewBuilder(0).Done(); f.Len() != 0 || len(f.Search(context.Background(), "a", 0)) != 0 {
		t.Fatalf("empty builder: %d items", f.Len())
	}
	b := NewBuilder(-1)
	b.Add(Item{ID: 4, Title: "Genève"})
	b.Reserve(Item{Title: "ignored"})
	b.Add(Item{ID: 9, Title: "Geneva", Tags: []string{"x"}})
	f := b.Done()
	got := f.Search(context.Background(), "geneve", 0)
	if len(got) != 1 || got[0].ID != 4 || got[0].Index != 0 {
		t.Fatalf("geneve: %+v, want item 4 at index 0", got)
	}
}

// BenchmarkBuild: New (parallel parts, then merged) against a Builder
// (one goroutine, final arenas) on the same 100,000 items.
func BenchmarkBuild(b *testing.B) {
	items := libItems(100_000)
	b.Run("New", func(b *testing.B) {
		for b.Loop() {
			New(items)
		}
	})
	b.Run("Builder", func(b *testing.B) {
		for b.Loop() {
			build(items, true)
		}
	})
}
