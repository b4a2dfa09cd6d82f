package libgen

import (
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"scholia/storage"
)

var cases = map[string]struct {
	seed uint64
	n    int
	opts Options
}{
	"defaults":      {seed: 1, n: 50},
	"small bodies":  {seed: 2, n: 40, opts: Options{BodyBytes: 600, HighlightsPerArticle: 2, TagPool: 5}},
	"no highlights": {seed: 3, n: 20, opts: Options{HighlightsPerArticle: -1}},
	"big bodies":    {seed: 4, n: 5, opts: Options{BodyBytes: 40000, HighlightsPerArticle: 30, TagPool: 200}},
}

func TestArticles(t *testing.T) {
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			gs := Articles(tc.seed, tc.n, tc.opts)
			if len(gs) != tc.n {
				t.Fatalf("got %d articles, want %d", len(gs), tc.n)
			}
			checkInvariants(t, gs, tc.opts)
			if again := Articles(tc.seed, tc.n, tc.opts); !reflect.DeepEqual(gs, again) {
				t.Error("same seed gave different output")
			}
			if other := Articles(tc.seed+1, tc.n, tc.opts); other[0].Article.Title == gs[0].Article.Title {
				t.Error("different seeds gave the same first title")
			}
		})
	}
}

var datePattern = regexp.MustCompile(`^20(1[5-9]|2[0-6])-[01]\d-[0-3]\d$`)

// checkInvariants asserts what consumers of the generator rely on.
func checkInvariants(t *testing.T, gs []Generated, opts Options) {
	t.Helper()
	o := opts.withDefaults()
	bodies := map[string]int{}
	for i, g := range gs {
		a := g.Article
		if a.ID != int64(i+1) {
			t.Errorf("article %d: ID %d", i, a.ID)
		}
		if prev, dup := bodies[a.Body]; dup {
			t.Errorf("articles %d and %d share a body", prev, i)
		}
		bodies[a.Body] = i
		if n := utf8.RuneCountInString(a.Title); n < 40 || n > 90 {
			t.Errorf("article %d: title %q has %d code points", i, a.Title, n)
		}
		if len(a.Body) < o.BodyBytes || len(a.Body) > o.BodyBytes+400 {
			t.Errorf("article %d: body %d bytes, target %d", i, len(a.Body), o.BodyBytes)
		}
		if strings.Contains(a.Body, "\n\n\n") || !utf8.ValidString(a.Body) {
			t.Errorf("article %d: malformed body", i)
		}
		if !datePattern.MatchString(a.Published) {
			t.Errorf("article %d: published %q", i, a.Published)
		}
		if a.Source == "" || a.Author == "" || a.Added.IsZero() || len(a.Tags) > 4 {
			t.Errorf("article %d: metadata %+v", i, a)
		}
		for _, m := range Markers {
			if got, want := strings.Contains(a.Body, m.Word), i%m.Every == 0; got != want {
				t.Errorf("article %d: marker %q present=%v, want %v", i, m.Word, got, want)
			}
		}
		if len(g.Highlights) != o.HighlightsPerArticle {
			t.Errorf("article %d: %d highlights, want %d", i, len(g.Highlights), o.HighlightsPerArticle)
		}
		checkHighlights(t, a, g.Highlights)
	}
}

func checkHighlights(t *testing.T, a storage.Article, hs []storage.Highlight) {
	t.Helper()
	runes := []rune(a.Body)
	colors := map[string]bool{}
	for _, c := range storage.DefaultColors {
		colors[c.Key] = true
	}
	for k, h := range hs {
		if h.Start < 0 || h.End > len(runes) || h.Start >= h.End {
			t.Fatalf("highlight %d: range %d–%d of %d", k, h.Start, h.End, len(runes))
		}
		if h.Quote != string(runes[h.Start:h.End]) ||
			h.Prefix != string(runes[max(0, h.Start-32):h.Start]) ||
			h.Suffix != string(runes[h.End:min(len(runes), h.End+32)]) {
			t.Errorf("highlight %d: quote/prefix/suffix do not match body code points", k)
		}
		if !colors[h.Color] || h.ArticleID != a.ID {
			t.Errorf("highlight %d: color %q article %d", k, h.Color, h.ArticleID)
		}
	}
}

func TestEachMatchesArticles(t *testing.T) {
	want := Articles(9, 30, Options{})
	stop := errors.New("stop")
	var got []Generated
	err := Each(9, 30, Options{}, func(i int, g Generated) error {
		if i != len(got) {
			t.Fatalf("index %d out of order", i)
		}
		got = append(got, g)
		if i == 19 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || len(got) != 20 {
		t.Fatalf("Each returned %v after %d articles, want stop after 20", err, len(got))
	}
	if !reflect.DeepEqual(got, want[:20]) {
		t.Error("Each and Articles disagree")
	}
}

func TestVariety(t *testing.T) {
	gs := Articles(5, 400, Options{BodyBytes: 1000})
	var nonASCII, comments int
	tags, srcs := map[string]bool{}, map[string]bool{}
	for _, g := range gs {
		if !isASCII(g.Article.Title) {
			nonASCII++
		}
		for _, tg := range g.Article.Tags {
			tags[tg] = true
		}
		srcs[g.Article.Source] = true
		for _, h := range g.Highlights {
			if h.Comment != "" {
				comments++
			}
		}
	}
	if nonASCII < 20 || nonASCII > 300 {
		t.Errorf("%d of 400 titles are non-ASCII", nonASCII)
	}
	if len(tags) != 40 || len(srcs) < 50 || comments == 0 {
		t.Errorf("%d tags, %d sources, %d comments", len(tags), len(srcs), comments)
	}
	if len(sources) != 60 || slices.Contains(vocabulary(), Markers[0].Word) {
		t.Error("source pool or vocabulary is off")
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func TestLongArticle(t *testing.T) {
	g := LongArticle(7, 50000, 1000)
	if n := len(strings.Fields(g.Article.Body)); n < 50000 || n > 50030 {
		t.Errorf("long article has %d words", n)
	}
	if len(g.Highlights) != 1000 {
		t.Errorf("long article has %d highlights", len(g.Highlights))
	}
	checkHighlights(t, g.Article, g.Highlights)
	if !reflect.DeepEqual(g, LongArticle(7, 50000, 1000)) {
		t.Error("LongArticle is not deterministic")
	}
}

func FuzzArticles(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.seed, tc.opts.BodyBytes, tc.opts.HighlightsPerArticle, tc.opts.TagPool)
	}
	f.Fuzz(func(t *testing.T, seed uint64, body, hl, tags int) {
		opts := Options{BodyBytes: body%20000 + 1, HighlightsPerArticle: hl % 20, TagPool: tags % 300}
		if opts.BodyBytes < 400 {
			opts.BodyBytes = 400 // room for the index sentence and its highlights
		}
		checkInvariants(t, Articles(seed, 3, opts), opts)
	})
}

func BenchmarkEach1k(b *testing.B) {
	for b.Loop() {
		_ = Each(1, 1000, Options{}, func(int, Generated) error { return nil })
	}
}
