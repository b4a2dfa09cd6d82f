package finder

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"scholia/app/libgen"
)

// joined is the documented string a non-title match is scored on.
func joined(it Item) string {
	return it.Title + "  " + it.Source + "  " + it.Author + "  " + strings.Join(it.Tags, " ")
}

// oracle ranks items with plain sahilm/fuzzy: titles first, then the joined
// fields of the items whose title did not match.
func oracle(items []Item, query string) []Match {
	if query == "" {
		return nil
	}
	titles := make([]string, len(items))
	for i, it := range items {
		titles[i] = it.Title
	}
	var out []Match
	inTitle := map[int]bool{}
	for _, m := range fuzzy.Find(query, titles) {
		inTitle[m.Index] = true
		out = append(out, oracleMatch(items, m.Index, m))
	}
	var rest []string
	var restIdx []int
	for i, it := range items {
		if !inTitle[i] {
			rest = append(rest, joined(it))
			restIdx = append(restIdx, i)
		}
	}
	for _, m := range fuzzy.Find(query, rest) {
		out = append(out, oracleMatch(items, restIdx[m.Index], m))
	}
	return out
}

func oracleMatch(items []Item, i int, m fuzzy.Match) Match {
	title := items[i].Title
	if k := strings.IndexByte(title, 0); k >= 0 {
		title = title[:k]
	}
	var em []int
	for k, b := range m.MatchedIndexes {
		if b < len(title) && (k == 0 || b != m.MatchedIndexes[k-1]) { // Title is unique
			em = append(em, utf8.RuneCountInString(title[:b]))
		}
	}
	return Match{ID: items[i].ID, Index: i, Score: m.Score, Title: em}
}

// libItems turns generated articles into items; bodies are not needed.
func libItems(n int) []Item {
	items := make([]Item, 0, n)
	_ = libgen.Each(7, n, libgen.Options{BodyBytes: 1, HighlightsPerArticle: -1}, func(_ int, g libgen.Generated) error {
		a := g.Article
		items = append(items, Item{ID: a.ID, Title: a.Title, Source: a.Source, Author: a.Author, Tags: a.Tags})
		return nil
	})
	return items
}

var special = []Item{
	{ID: -1, Title: "Café société — “Ünïcode” 東京", Source: "Le Monde", Author: "Zoë Müller", Tags: []string{"français"}},
	{ID: -2, Title: "Kelvin and the ſtrange Straße", Source: "The KELVIN Review"},
	{ID: -3, Title: "camelCaseTitle_with-separators/and.dots\\too"},
	{ID: -4, Title: "bad \xff utf8 \xc3 bytes", Author: "Null\x00Cut"},
	{ID: -5, Title: "東京 北京 日本語 Ελλάδα Москва"},
	{ID: -6, Title: "", Source: "untitled source", Author: "anonymous"},
}

func sameMatches(t *testing.T, query string, got, want []Match) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("query %q: %d matches, oracle %d", query, len(got), len(want))
	}
	for k := range got {
		g, w := got[k], want[k]
		if g.ID != w.ID || g.Index != w.Index || g.Score != w.Score || !reflect.DeepEqual(g.Title, w.Title) {
			t.Fatalf("query %q, rank %d: got %+v, oracle %+v", query, k, g, w)
		}
	}
}

var searchCases = map[string]struct {
	items  []Item
	query  string
	limit  int
	ids    []int64
	titles [][]int
}{
	"title match beats other fields": {
		items: []Item{{ID: 1, Title: "Zebra", Author: "Quine"}, {ID: 2, Title: "Quine notes"}},
		query: "quine", ids: []int64{2, 1}, titles: [][]int{{0, 1, 2, 3, 4}, nil},
	},
	"rune indexes in non-ASCII title": {
		items: special[:1], query: "cs", ids: []int64{-1}, titles: [][]int{{0, 5}},
	},
	"CJK emphasis": {
		items: special, query: "東京", ids: []int64{-1, -5}, titles: [][]int{{25, 26}, {0, 1}},
	},
	"Kelvin sign folds to k": {
		items: special, query: "\u212aelvin", ids: []int64{-2}, titles: [][]int{{0, 1, 2, 3, 4, 5}},
	},
	"long s folds to s": {
		items: special[1:2], query: "ſtraße", ids: []int64{-2}, titles: [][]int{{15, 16, 17, 18, 27, 28}},
	},
	"match across fields": {
		items: []Item{{ID: 1, Title: "Zebra", Source: "Review"}}, query: "zebrareview",
		ids: []int64{1}, titles: [][]int{{0, 1, 2, 3, 4}},
	},
	"ties keep item order": {
		items: []Item{{ID: 3, Title: "same"}, {ID: 1, Title: "same"}, {ID: 2, Title: "same"}},
		query: "sm", ids: []int64{3, 1, 2}, titles: [][]int{{0, 2}, {0, 2}, {0, 2}},
	},
	"limit": {
		items: []Item{{ID: 3, Title: "abc"}, {ID: 1, Title: "xabc"}, {ID: 2, Title: "abc"}},
		query: "abc", limit: 2, ids: []int64{3, 2}, titles: [][]int{{0, 1, 2}, {0, 1, 2}},
	},
	"empty query lists items in order": {
		items: special, query: "", limit: 2, ids: []int64{-1, -2}, titles: [][]int{nil, nil},
	},
	"no match": {items: special, query: "qqqq"},
	"adjacency bonus overflows as in sahilm": {
		items: []Item{{ID: 1, Title: strings.Repeat("a", 45)}, {ID: 2, Title: strings.Repeat("a", 44) + "b"}},
		query: strings.Repeat("a", 44), ids: []int64{1, 2},
		titles: [][]int{append(seq(0, 42), 43), append(seq(0, 42), 43)},
	},
	"NUL cuts the author": {
		items: special, query: "cut", ids: nil,
	},
}

func seq(lo, hi int) []int {
	var s []int
	for k := lo; k < hi; k++ {
		s = append(s, k)
	}
	return s
}

func TestSearch(t *testing.T) {
	for name, tc := range searchCases {
		t.Run(name, func(t *testing.T) {
			f := New(tc.items)
			got := f.Search(context.Background(), tc.query, tc.limit)
			var ids []int64
			var titles [][]int
			for _, m := range got {
				ids = append(ids, m.ID)
				titles = append(titles, m.Title)
			}
			if !reflect.DeepEqual(ids, tc.ids) || !reflect.DeepEqual(titles, tc.titles) {
				t.Errorf("got ids %v titles %v, want %v %v", ids, titles, tc.ids, tc.titles)
			}
			if tc.query != "" {
				want := oracle(tc.items, tc.query)
				if tc.limit > 0 && len(want) > tc.limit {
					want = want[:tc.limit]
				}
				sameMatches(t, tc.query, got, want)
			}
		})
	}
}

// queries derives realistic and awkward queries from the items' text.
func queries(items []Item, n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 0))
	qs := []string{"a", "E", "th", "the ", "rev", "q", "zz", "é", "ü", "東京", "Ünï", "–", "—", "“", " ", "  ", "ab_c", "x.y"}
	for len(qs) < n {
		it := items[r.IntN(len(items))]
		s := []rune(joined(it))
		switch r.IntN(4) {
		case 0: // a typed prefix of the title
			qs = append(qs, strings.ToLower(string(s[:min(len(s), 1+r.IntN(12))])))
		case 1: // a scattered subsequence across fields
			var b []rune
			for k := r.IntN(4); k < len(s) && len(b) < 10; k += 1 + r.IntN(8) {
				b = append(b, s[k])
			}
			qs = append(qs, string(b))
		case 2: // random letters, mostly matching nothing
			b := make([]byte, 1+r.IntN(6))
			for k := range b {
				b[k] = byte('a' + r.IntN(26))
			}
			qs = append(qs, string(b))
		default: // a word from the middle, upper-cased
			w := strings.Fields(string(s))
			qs = append(qs, strings.ToUpper(w[r.IntN(len(w))]))
		}
	}
	return qs
}

func TestOracle(t *testing.T) {
	items := append(libItems(3000), special...)
	f := New(items)
	for _, q := range queries(items, 400, 1) {
		f.forget() // fresh searches here; narrowing has its own test
		sameMatches(t, q, f.Search(context.Background(), q, 0), oracle(items, q))
	}
}

func TestNarrowing(t *testing.T) {
	items := append(libItems(2000), special...)
	typed := New(items)
	for _, q := range queries(items, 60, 2) {
		// Type the query, delete back to half, retype, and change it.
		rs := []rune(q)
		var seq []string
		for k := 1; k <= len(rs); k++ {
			seq = append(seq, string(rs[:k]))
		}
		for k := len(rs) - 1; k >= len(rs)/2 && k > 0; k-- {
			seq = append(seq, string(rs[:k]))
		}
		seq = append(seq, q, q+"e", "x"+q)
		for _, s := range seq {
			got := typed.Search(context.Background(), s, 20)
			fresh := New(items).Search(context.Background(), s, 20)
			sameMatches(t, s, got, fresh)
		}
	}
}

func TestNewIndexesEveryItem(t *testing.T) {
	// Enough items to be indexed in parts, with specials in several parts.
	items := libItems(9000)
	for k, sp := range append(special, Item{ID: -7, Title: "nul\x00title", Source: "gone"}) {
		items = slices.Insert(items, k*1500, sp)
	}
	f := New(items)
	if f.Len() != len(items) {
		t.Fatalf("Len %d, want %d", f.Len(), len(items))
	}
	for i, it := range items {
		sp := f.spans[i]
		want, title := joined(it), it.Title
		if k := strings.IndexByte(want, 0); k >= 0 {
			want = want[:k]
		}
		title = title[:min(len(title), len(want))]
		if k := strings.IndexByte(title, 0); k >= 0 {
			title = title[:k]
		}
		fold, _, aligned, _ := foldBytes(nil, []byte(want))
		if got := f.text[sp.start:sp.end]; got != want || f.text[sp.start:sp.title] != title ||
			f.folds[sp.fstart:sp.fend] != string(fold) || sp.aligned != aligned || f.ids[i] != it.ID {
			t.Fatalf("item %d indexed as %q (title %q), want %q (title %q)", i, got, f.text[sp.start:sp.title], want, title)
		}
	}
}

func TestLimitAndEmpty(t *testing.T) {
	items := libItems(500)
	f := New(items)
	all := f.Search(context.Background(), "e", 0)
	if len(all) < 400 {
		t.Fatalf("only %d items match %q", len(all), "e")
	}
	for _, limit := range []int{1, 7, 100, len(all), len(all) + 5} {
		sameMatches(t, "e", f.Search(context.Background(), "e", limit), all[:min(limit, len(all))])
	}
	empty := f.Search(context.Background(), "", 0)
	if len(empty) != len(items) || empty[10].ID != items[10].ID || empty[10].Title != nil {
		t.Errorf("empty query gave %d matches, [10] = %+v", len(empty), empty[10])
	}
	if n := New(nil).Len(); n != 0 || f.Len() != 500 {
		t.Errorf("Len: %d, %d", n, f.Len())
	}
}

func TestCancelled(t *testing.T) {
	f := New(libItems(20000))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := f.Search(ctx, "a", 10); got != nil {
		t.Errorf("cancelled search returned %d matches", len(got))
	}
	if got := f.Search(ctx, "", 10); got != nil {
		t.Errorf("cancelled empty search returned %d matches", len(got))
	}
	// A cancelled search must not leave a bad cache entry behind.
	if got := f.Search(context.Background(), "a", 0); len(got) < 19000 {
		t.Errorf("after cancel, %q matched %d", "a", len(got))
	}
}

func TestConcurrent(t *testing.T) {
	items := libItems(6000)
	f := New(items)
	qs := queries(items, 40, 3)
	want := make([][]Match, len(qs))
	for k, q := range qs {
		want[k] = New(items).Search(context.Background(), q, 30)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for k := range qs {
				k = (k + g*7) % len(qs)
				got := f.Search(context.Background(), qs[k], 30)
				if !reflect.DeepEqual(got, want[k]) {
					t.Errorf("concurrent %q differs", qs[k])
				}
			}
		})
	}
	wg.Wait()
}

func TestScorersAgree(t *testing.T) {
	// The jumping scorer and sahilm's rune loop must score alike.
	items := append(libItems(300), special...)
	for _, q := range queries(items, 200, 4) {
		p := compile(q)
		for _, it := range items {
			s := joined(it)
			if strings.IndexByte(s, 0) >= 0 {
				continue
			}
			fs, _, aligned, _ := foldBytes(nil, []byte(s))
			if !aligned {
				continue
			}
			a, pa := scoreAligned(s, string(fs), p, nil)
			b, pb := scoreRunes(s, p.runes, nil)
			if a != b || !slices.Equal(pa, pb) {
				t.Fatalf("%q in %q: aligned %+v %v, runes %+v %v", q, s, a, pa, b, pb)
			}
			if p.ascii {
				c, pc := scoreBytes(s, p, nil)
				if c != b || !slices.Equal(pc, pb) {
					t.Fatalf("%q in %q: bytes %+v %v, runes %+v %v", q, s, c, pc, b, pb)
				}
			}
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, tc := range searchCases {
		for _, it := range tc.items {
			f.Add(it.Title, it.Author, tc.query)
		}
	}
	base := append(libItems(50), special...)
	f.Fuzz(func(t *testing.T, title, author, query string) {
		items := append([]Item{{ID: 100, Title: title, Author: author}, {ID: 101, Title: author, Source: title}}, base...)
		fd := New(items)
		want := oracle(items, query)
		if query == "" {
			return
		}
		sameMatches(t, query, fd.Search(context.Background(), query, 0), want)
		// A search narrowed from the query's first half agrees too, also
		// when a limit lets bounds skip scoring.
		rs := []rune(query)
		fd.Search(context.Background(), string(rs[:len(rs)/2]), 0)
		sameMatches(t, query, fd.Search(context.Background(), query, 0), want)
		fd.forget()
		fd.Search(context.Background(), string(rs[:len(rs)/2]), 3)
		sameMatches(t, query, fd.Search(context.Background(), query, 3), want[:min(3, len(want))])
	})
}

func ExampleFinder_Search() {
	f := New([]Item{
		{ID: 1, Title: "Notes on Zürich", Author: "Ada"},
		{ID: 2, Title: "Reading list", Source: "Zürich Review"},
	})
	for _, m := range f.Search(context.Background(), "zür", 10) {
		fmt.Println(m.ID, m.Title)
	}
	// Output:
	// 1 [9 10 11]
	// 2 []
}
