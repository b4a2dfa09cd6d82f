package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"scholia/storage"
)

// operatorLibrary: three articles with tags, dates, a note and highlights
// of two colours, one orphaned.
func operatorLibrary(t testing.TB) (*storage.Store, [3]storage.Article) {
	ctx := context.Background()
	s, err := storage.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var as [3]storage.Article
	for i, a := range []storage.Article{
		{Title: "Geneva talks begin", Body: "Russia and the U.S. meet in Geneva for talks on security.", Published: "2022-01-09", Tags: []string{"russia", "diplomacy"}},
		{Title: "Grain deal extended", Body: "The grain deal through the Black Sea holds; talks go on in Istanbul.", Published: "2022-07-22", Tags: []string{"trade"}},
		{Title: "Notes on NATO", Body: "NATO enlargement and the talks that failed.", Published: "2021-12-17", Tags: []string{"russia"}},
	} {
		a.Source = "Example Times"
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		as[i] = a
	}
	if err := s.SetNote(ctx, as[1].ID, "ask about wheat prices"); err != nil {
		t.Fatal(err)
	}
	for _, h := range []storage.Highlight{
		{ArticleID: as[0].ID, Start: 0, End: 6, Quote: "Russia", Color: "green", Comment: "the host"},
		{ArticleID: as[2].ID, Start: 0, End: 4, Quote: "NATO", Color: "pink", Orphaned: true},
	} {
		if err := s.CreateHighlight(ctx, &h); err != nil {
			t.Fatal(err)
		}
	}
	return s, as
}

func TestSearchOperators(t *testing.T) {
	s, as := operatorLibrary(t)
	a, b, c := as[0].ID, as[1].ID, as[2].ID
	for _, tc := range []struct {
		query string
		want  []int64 // article ids, any order, each hit counted
		where string  // every hit's Where, when set
	}{
		{"talks", []int64{a, b, c}, ""},
		{"talks tag:russia", []int64{a, c}, ""},
		{"talks tag:russia tag:diplomacy", []int64{a}, ""},
		{"talks -grain", []int64{a, c}, ""},
		{"talks -grain -nato", []int64{a}, ""},
		{"talks before:2022-02-01", []int64{a, c}, ""},
		{"talks after:2022-01-01", []int64{a, b}, ""},
		{"talks after:2022-01-01 before:2022-02-01", []int64{a}, ""},
		{"in:title talks", []int64{a}, ""},
		{"in:notes wheat", []int64{b}, "note"},
		{"wheat in:body", nil, ""},
		{"in:highlights host", []int64{a}, "highlight"},
		{"color:green", []int64{a}, "highlight"},
		{"color:evidence", []int64{a}, "highlight"}, // the green colour's label
		{"color:pink is:orphaned", []int64{c}, "highlight"},
		{"is:orphaned", []int64{c}, "highlight"},
		{"russia color:green", []int64{a}, "highlight"}, // a colour is about highlights
		{"tag:trade", []int64{b}, ""},
		{"10:30 talks", nil, ""},   // an unknown operator is a word
		{"-grain", []int64{b}, ""}, // nothing to exclude from: the word itself
	} {
		hits, err := s.Search(context.Background(), tc.query, 20)
		if err != nil {
			t.Errorf("%q: %v", tc.query, err)
			continue
		}
		var got []int64
		for _, h := range hits {
			got = append(got, h.ArticleID)
			if tc.where != "" && h.Where != tc.where {
				t.Errorf("%q: hit in %s, want %s", tc.query, h.Where, tc.where)
			}
		}
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: articles %v, want %v", tc.query, got, want)
		}
	}
}

func TestAllHighlightsTakesTheSameSyntax(t *testing.T) {
	s, as := operatorLibrary(t)
	for _, tc := range []struct {
		text string
		want []string // quotes
	}{
		{"color:evidence", []string{"Russia"}},
		{"is:orphaned", []string{"NATO"}},
		{"tag:russia", []string{"NATO", "Russia"}},
		{"host -nato", []string{"Russia"}},
		{"before:2022-01-01", []string{"NATO"}},
	} {
		hs, err := s.AllHighlights(context.Background(), storage.HighlightFilter{Text: tc.text})
		if err != nil {
			t.Fatalf("%q: %v", tc.text, err)
		}
		var got []string
		for _, h := range hs {
			got = append(got, h.Quote)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
	_ = as
}

func TestSearchGroupsHitsByArticle(t *testing.T) {
	s, as := operatorLibrary(t)
	ctx := context.Background()
	if err := s.SetNote(ctx, as[0].ID, "russia keeps the host guessing"); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "russia", 20)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for k, h := range hits {
		if h.Under != (k > 0 && hits[k-1].ArticleID == h.ArticleID) {
			t.Errorf("hit %d (%s of %d): Under %v", k, h.Where, h.ArticleID, h.Under)
		}
		if !h.Under && seen[h.ArticleID] {
			t.Errorf("article %d listed twice: %+v", h.ArticleID, hits)
		}
		seen[h.ArticleID] = true
	}
	under := 0
	for _, h := range hits {
		if h.Under && h.ArticleID == as[0].ID {
			under++
		}
	}
	if under < 2 { // its note and its highlight, under the article
		t.Errorf("article %d has %d hits under it: %+v", as[0].ID, under, hits)
	}
}

func TestQueryLimits(t *testing.T) {
	s, _ := operatorLibrary(t)
	long := strings.Repeat("talks ", 100)
	many := strings.Repeat("talks OR ", 20) + "geneva"
	prefixes := "tal* gen* rus* gra* nat*"
	for _, tc := range []struct{ query, says string }{
		{long, "too long"},
		{many, "too many words"},
		{prefixes, "too many prefix words"},
		{"th* talks", "at least 3 letters"},
		{strings.Repeat("a* ", 3000), "too long"},
		{"in:elsewhere talks", "unknown in:elsewhere"},
		{"before:yesterday talks", "YYYY-MM-DD"},
		{"is:happy", "only is:orphaned"},
	} {
		_, err := s.Search(context.Background(), tc.query, 10)
		if !errors.Is(err, storage.ErrBadQuery) || !strings.Contains(err.Error(), tc.says) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%.40q: %v, want one line saying %q", tc.query, err, tc.says)
		}
	}
	// Within the limits all is answered.
	if _, err := s.Search(context.Background(), "tal* gen* rus* gra* "+strings.Repeat("talks ", 12), 10); err != nil {
		t.Errorf("a query at the limits: %v", err)
	}
}

func TestSearchDeadlineInterruptsSQLite(t *testing.T) {
	s, _ := operatorLibrary(t)
	old := storage.SearchTimeout
	storage.SearchTimeout = time.Nanosecond
	defer func() { storage.SearchTimeout = old }()
	_, err := s.Search(context.Background(), "talks", 10)
	if !errors.Is(err, storage.ErrSearchTimeout) {
		t.Fatalf("search past its deadline: %v, want ErrSearchTimeout", err)
	}
	// A search the caller cancels is not a timeout.
	storage.SearchTimeout = old
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Search(ctx, "talks", 10); err == nil || errors.Is(err, storage.ErrSearchTimeout) {
		t.Errorf("cancelled search: %v", err)
	}
}

// FuzzParseQuery: any input parses or is refused with one line; what parses
// is valid FTS5 that SQLite runs without a syntax error.
func FuzzParseQuery(f *testing.F) {
	for _, q := range append(hostileQueries(), "talks tag:russia -grain before:2022-02-01", "color:evidence is:orphaned in:notes", `"a b" c* OR d`) {
		f.Add(q)
	}
	s, _ := operatorLibrary(f)
	f.Fuzz(func(t *testing.T, input string) {
		q, err := storage.ParseQuery(input)
		if err != nil {
			if !errors.Is(err, storage.ErrBadQuery) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: %v", input, err)
			}
			return
		}
		if q.FTS != "" && strings.Count(q.FTS, `"`)%2 != 0 {
			t.Fatalf("%q: unbalanced quotes in %s", input, q.FTS)
		}
		if _, err := s.Search(context.Background(), input, 5); err != nil && !errors.Is(err, storage.ErrBadQuery) && !errors.Is(err, storage.ErrSearchTimeout) {
			t.Fatalf("%q: Search: %v", input, err)
		}
	})
}

func TestCommonQueriesRankTitlesFirstThenNewest(t *testing.T) {
	s, as := operatorLibrary(t)
	defer storage.SetCommonAt(2)()
	hits, err := s.Search(context.Background(), "talks in:title in:body", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, h := range hits {
		got = append(got, h.ArticleID)
	}
	// The one title with the word, then the others newest first.
	if want := []int64{as[0].ID, as[2].ID, as[1].ID}; !slices.Equal(got, want) {
		t.Errorf("common query ranked %v, want %v", got, want)
	}
	if hits[0].Where != "title" || !strings.Contains(hits[1].Snippet, storage.SnippetOpen) {
		t.Errorf("hits %+v", hits)
	}
}
