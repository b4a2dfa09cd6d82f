package finder

import (
	"context"
	"reflect"
	"testing"
)

// findQueries are queries of every shape the labelled set has, plus ones
// that need folding ("jose", "o'brien"), NULs and none.
var findQueries = []string{"tame", "garden", "jose", "o'brien", "geneve", "russia biden", "btc", "zzq", "e", "the before its", "a\x00b", "东京", "  "}

// TestFindIsSearch: Find gives exactly New(items).Search's matches, scores,
// order and emphasis, for the labelled set's queries and more.
func TestFindIsSearch(t *testing.T) {
	items := append(libItems(3000), seeds...)
	items = append(items, Item{ID: -1, Title: "Zürich Ünïcode 東京 José", Author: "Nul\x00cut", Tags: []string{"Genève", "ok"}})
	qs := append([]string{}, findQueries...)
	for _, p := range handSet(t).pairs {
		qs = append(qs, p.query)
	}
	f := New(items)
	for _, q := range qs {
		for _, limit := range []int{1, 20, 0} {
			f.forget()
			want := f.Search(context.Background(), q, limit)
			if got := Find(context.Background(), items, q, limit); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q limit %d: Find %v, Search %v", q, limit, ids(got)[:min(5, len(got))], ids(want)[:min(5, len(want))])
			}
		}
	}
}

// TestMayMatchRejects: the prefilter does reject, or Find would index all.
func TestMayMatchRejects(t *testing.T) {
	it := Item{Title: "Biden Team Cannot Tame Russia", Author: "José", Tags: []string{"Genève"}}
	for q, want := range map[string]bool{"tame": true, "jose": true, "geneve": true, "bcr": true, "zzz": false, "russia zq": true, "tamex": false} {
		if got := MayMatch(Parse(q), &it); got != want {
			t.Errorf("MayMatch(%q) = %v, want %v", q, got, want)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Zürich Ünïcode", "José O’Brien", "jose")
	f.Add("bad \xff utf8 \xc3", "Ǆ ǅ ß ﬃ 한국", "\xc3 ss")
	f.Add("Nul\x00cut", "x", "cut")
	base := append(libItems(40), seeds...)
	f.Fuzz(func(t *testing.T, title, author, query string) {
		items := append([]Item{{ID: 100, Title: title, Author: author}, {ID: 101, Title: author, Source: title, Tags: []string{title, author}}}, base...)
		for _, limit := range []int{3, 0} {
			want := New(items).Search(context.Background(), query, limit)
			if got := Find(context.Background(), items, query, limit); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q limit %d: Find %v, Search %v", query, limit, ids(got), ids(want))
			}
		}
	})
}
