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

	"github.com/sahilm/fuzzy"

	"scholia/app/libgen"
)

// seeds are the five seed articles' titles, most recent first.
var seeds = []Item{
	{ID: 1, Title: "U.S. and Russia unwilling to budge as talks begin in Geneva"},
	{ID: 2, Title: "Biden Team Cannot Tame Russia"},
	{ID: 3, Title: "U.S-Russia Tensions May Abate After Geneva Meeting"},
	{ID: 4, Title: "Official Says U.S. Is ‘Open’ to Talks With Russia On Missile Deployments & Military Exercises"},
	{ID: 5, Title: "Tue, 18 Jan 2022"},
}

func ids(ms []Match) []int64 {
	var out []int64
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func TestTameFindsTheTitleWithTheWord(t *testing.T) {
	got := New(seeds).Search(context.Background(), "tame", 10)
	if len(got) == 0 || got[0].ID != 2 {
		t.Fatalf("tame ranks %v, want 2 (Biden Team Cannot Tame Russia) first", ids(got))
	}
	if want := []int{18, 19, 20, 21}; !reflect.DeepEqual(got[0].Title, want) {
		t.Errorf("tame emphasises %v in %q, want %v", got[0].Title, seeds[1].Title, want)
	}
}

// rankCases: each rule of the package doc, as the item that must come first
// and the one it must beat (the loser given first, so order alone cannot
// pass the test).
var rankCases = []struct {
	rule, query   string
	winner, loser Item
}{
	{"whole word beats word prefix", "art", Item{Title: "Art of the Deal"}, Item{Title: "Artists at work"}},
	{"word prefix beats inside a word", "port", Item{Title: "Portable stoves"}, Item{Title: "Airport delays"}},
	{"inside a word beats scattered", "port", Item{Title: "Airport delays"}, Item{Title: "Pilots on rotation"}},
	{"initials beat inside a word", "btc", Item{Title: "Biden Team Cannot"}, Item{Title: "Subtcontract law"}},
	{"word starts beat scattered letters", "gw", Item{Title: "George Washington"}, Item{Title: "Growing owls"}},
	{"consecutive letters beat spread ones", "mtig", Item{Title: "Mastigate"}, Item{Title: "Mattering"}},
	{"a start after a hyphen counts", "russ", Item{Title: "U.S-Russia Tensions"}, Item{Title: "Prussian history"}},
	{"a start after a dot counts", "com", Item{Title: "example.com outage"}, Item{Title: "Sitcom reruns"}},
	{"a start after a slash counts", "bin", Item{Title: "usr/bin layout"}, Item{Title: "Robin hood"}},
	{"a start at a camel-case hump counts", "case", Item{Title: "camelCase names"}, Item{Title: "Showcases"}},
	{"a start after an underscore counts", "george", Item{Title: "1790_george_washington_n"}, Item{Title: "Georgetown Review"}},
	{"digits after letters start a word", "19", Item{Title: "covid19 notes"}, Item{Title: "2019 budget"}},
	{"all words beat fewer", "russia biden", Item{Title: "Biden Team Cannot Tame Russia"}, Item{Title: "Russia and the West"}},
	{"words in any order", "russia tame", Item{Title: "Biden Team Cannot Tame Russia"}, Item{Title: "Russian tamers"}},
	{"words in order earn more", "cannot tame", Item{Title: "Biden Cannot Tame Russia"}, Item{Title: "Tame the heat you cannot escape"}},
	{"accents folded", "geneve", Item{Title: "Rencontre à Genève"}, Item{Title: "Generation gap review"}},
	{"case folded", "NATO", Item{Title: "nato summit"}, Item{Title: "Nations at odds"}},
	{"typographic quotes folded", "o'brien", Item{Title: "Notes by O’Brien"}, Item{Title: "Obrigado Brien"}},
	{"title beats author", "chen", Item{Title: "Chen family history", Author: "Ada Quinn"}, Item{Title: "Village notes", Author: "Chen Zhang"}},
	{"title beats tags", "climate", Item{Title: "Climate talks"}, Item{Title: "Talks", Tags: []string{"climate"}}},
	{"a whole word in the author beats scattered in the title", "chen", Item{Title: "Notes", Author: "Chen Zhang"}, Item{Title: "Cheap ends now"}},
	{"a longer prefix of a word beats a shorter", "tens", Item{Title: "Tense times"}, Item{Title: "Tensions rise"}},
}

func TestRankingRules(t *testing.T) {
	for _, tc := range rankCases {
		t.Run(tc.rule, func(t *testing.T) {
			loser, winner := tc.loser, tc.winner
			loser.ID, winner.ID = 1, 2
			got := New([]Item{loser, winner}).Search(context.Background(), tc.query, 0)
			if len(got) == 0 || got[0].ID != 2 {
				t.Fatalf("%q ranks %v (scores %v), want %q before %q", tc.query, ids(got), scores(got), winner.Title, loser.Title)
			}
		})
	}
}

func scores(ms []Match) []int {
	var out []int
	for _, m := range ms {
		out = append(out, m.Score)
	}
	return out
}

func TestTiesGoToTheEarlierItem(t *testing.T) {
	items := []Item{{ID: 7, Title: "Ocean notes"}, {ID: 8, Title: "Ocean notes"}, {ID: 9, Title: "Ocean notes"}}
	if got := ids(New(items).Search(context.Background(), "ocean", 0)); !reflect.DeepEqual(got, []int64{7, 8, 9}) {
		t.Errorf("ties ranked %v, want the given (most recent first) order", got)
	}
}

func TestEmphasis(t *testing.T) {
	items := []Item{{ID: 1, Title: "Rencontre à Genève"}, {ID: 2, Title: "Straße"}, {ID: 3, Title: "Biden Team Cannot"}}
	f := New(items)
	for _, tc := range []struct {
		q    string
		id   int64
		want []int
	}{
		{"geneve", 1, []int{12, 13, 14, 15, 16, 17}},
		{"strasse", 2, []int{0, 1, 2, 3, 4, 5}},
		{"btc", 3, []int{0, 6, 11}},
		{"team biden", 3, []int{0, 1, 2, 3, 4, 6, 7, 8, 9}},
	} {
		got := f.Search(context.Background(), tc.q, 1)
		if len(got) != 1 || got[0].ID != tc.id || !reflect.DeepEqual(got[0].Title, tc.want) {
			t.Errorf("%q: got %+v, want item %d emphasised at %v", tc.q, got, tc.id, tc.want)
		}
	}
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

func joined(it Item) string {
	return it.Title + "  " + it.Source + "  " + it.Author + "  " + strings.Join(it.Tags, " ")
}

// TestSahilmDecidesTheMatches: for a one-word ASCII query the matched items
// are exactly those sahilm/fuzzy matches on the joined fields (more when
// folding accents finds more).
func TestSahilmDecidesTheMatches(t *testing.T) {
	items := libItems(3000)
	var joinedText []string
	for _, it := range items {
		joinedText = append(joinedText, joined(it))
	}
	f := New(items)
	r := rand.New(rand.NewPCG(1, 2))
	qs := []string{"a", "th", "zz", "qx", "ocean", "Rev", "x.y", "the-"}
	for len(qs) < 120 {
		s := joinedText[r.IntN(len(joinedText))]
		var b []byte
		for k := r.IntN(4); k < len(s) && len(b) < 8; k += 1 + r.IntN(9) {
			if c := s[k]; c < 0x80 && c != ' ' {
				b = append(b, c)
			}
		}
		qs = append(qs, string(b))
	}
	for _, q := range qs {
		if q == "" {
			continue
		}
		want := map[int]bool{}
		for _, m := range fuzzy.Find(q, joinedText) {
			want[m.Index] = true
		}
		got := map[int]bool{}
		for _, m := range f.Search(context.Background(), q, 0) {
			got[m.Index] = true
		}
		for i := range want {
			if !got[i] {
				t.Fatalf("%q: sahilm matches %q, the finder does not", q, joinedText[i])
			}
		}
		for i := range got {
			if !want[i] && isASCII(joinedText[i]) {
				t.Fatalf("%q: the finder matches %q, sahilm does not", q, joinedText[i])
			}
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func TestLimitKeepsTheBest(t *testing.T) {
	items := append(libItems(9000), seeds...)
	f := New(items)
	for _, q := range []string{"e", "th", "ocean tru", "vunazobe", "tame"} {
		all := f.Search(context.Background(), q, 0)
		for _, limit := range []int{1, 7, 100, 500} {
			got := f.Search(context.Background(), q, limit)
			if !reflect.DeepEqual(got, all[:min(limit, len(all))]) {
				t.Fatalf("%q limit %d differs from the first %d of all", q, limit, limit)
			}
		}
	}
	empty := f.Search(context.Background(), "", 0)
	if len(empty) != len(items) || empty[10].ID != items[10].ID || empty[10].Title != nil {
		t.Errorf("empty query gave %d matches, [10] = %+v", len(empty), empty[10])
	}
	if got := f.Search(context.Background(), "   ", 3); len(got) != 3 || got[2].Index != 2 {
		t.Errorf("a blank query lists the first items, got %+v", got)
	}
}

func TestCancelled(t *testing.T) {
	f := New(libItems(20000))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := f.Search(ctx, "a", 10); got != nil {
		t.Errorf("cancelled search returned %d matches", len(got))
	}
}

func TestConcurrent(t *testing.T) {
	items := libItems(6000)
	f := New(items)
	qs := []string{"a", "oc tr", "vun", "the", "zz", "pacific", "ti"}
	want := make([][]Match, len(qs))
	for k, q := range qs {
		want[k] = New(items).Search(context.Background(), q, 30)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for k := range qs {
				k = (k + g*3) % len(qs)
				if got := f.Search(context.Background(), qs[k], 30); !reflect.DeepEqual(got, want[k]) {
					t.Errorf("concurrent %q differs", qs[k])
				}
			}
		})
	}
	wg.Wait()
}

func TestNewIndexesInParts(t *testing.T) {
	// Enough items to be indexed in parts: every part's items are found.
	items := libItems(12000)
	items = slices.Insert(items, 11000, Item{ID: -1, Title: "Zürich Ünïcode 東京", Author: "Nul\x00cut"})
	f := New(items)
	for _, k := range []int{0, 5999, 6000, 11000, 12000} {
		it := items[k]
		got := f.Search(context.Background(), it.Title, 1)
		if len(got) != 1 || got[0].Index != k {
			t.Errorf("item %d (%q) not found first: %+v", k, it.Title, got)
		}
	}
	if got := f.Search(context.Background(), "cut", 0); slices.ContainsFunc(got, func(m Match) bool { return m.ID == -1 }) {
		t.Error("text after a NUL was matched")
	}
}

func FuzzSearch(f *testing.F) {
	for _, tc := range rankCases {
		f.Add(tc.winner.Title, tc.loser.Author, tc.query)
	}
	f.Add("bad \xff utf8 \xc3", "Ǆ ǅ ß ﬃ 한국", "\xc3")
	base := append(libItems(40), seeds...)
	f.Fuzz(func(t *testing.T, title, author, query string) {
		items := append([]Item{{ID: 100, Title: title, Author: author}, {ID: 101, Title: author, Source: title}}, base...)
		fd := New(items)
		all := fd.Search(context.Background(), query, 0)
		for _, m := range all {
			n := len([]rune(cutNUL(items[m.Index].Title)))
			for k, r := range m.Title {
				if r < 0 || r >= n || k > 0 && m.Title[k-1] >= r {
					t.Fatalf("%q: bad emphasis %v for %q", query, m.Title, items[m.Index].Title)
				}
			}
		}
		if got := fd.Search(context.Background(), query, 3); !reflect.DeepEqual(got, all[:min(3, len(all))]) && strings.TrimSpace(query) != "" {
			t.Fatalf("%q: limit 3 gave %v, all %v", query, ids(got), ids(all))
		}
	})
}

func ExampleFinder_Search() {
	f := New([]Item{
		{ID: 1, Title: "U.S-Russia Tensions May Abate After Geneva Meeting"},
		{ID: 2, Title: "Biden Team Cannot Tame Russia"},
	})
	for _, m := range f.Search(context.Background(), "tame", 10) {
		fmt.Println(m.ID, m.Title)
	}
	// Output:
	// 2 [18 19 20 21]
	// 1 [32 41 43 44]
}

func TestNarrowing(t *testing.T) {
	items := append(libItems(9000), seeds...)
	typed := New(items)
	var qs []string
	for _, q := range []string{"climate ch", "biden tame", "oc tr vu", "the before its", "tamerus"} {
		for k := 1; k <= len(q); k++ {
			qs = append(qs, q[:k])
		}
		for k := len(q) - 1; k > len(q)/2; k-- {
			qs = append(qs, q[:k])
		}
	}
	for _, q := range qs {
		for _, limit := range []int{5, 500, 0} {
			got := typed.Search(context.Background(), q, limit)
			if want := New(items).Search(context.Background(), q, limit); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q limit %d: typed %v, fresh %v", q, limit, ids(got)[:min(5, len(got))], ids(want)[:min(5, len(want))])
			}
		}
	}
}
