// Package libgen generates deterministic synthetic libraries — articles with
// titles, metadata, bodies and highlights — for benchmarks and scale tests.
//
// The same seed, index and options always give the same article, and each
// article is generated on its own, so 100k articles can be streamed with
// Each without holding them all in memory.
package libgen

import (
	"math/rand/v2"
	"strconv"
	"time"

	"scholia/storage"
)

// Options shapes the generated articles. Zero fields take the defaults.
type Options struct {
	BodyBytes            int // body size in bytes, about; default 5000
	HighlightsPerArticle int // default 5; negative means none
	TagPool              int // number of distinct tags to draw from; default 40
}

// Generated is one article and its highlights. Article.ID is the 1-based
// index and each Highlight.ArticleID matches it; a store assigns its own IDs.
type Generated struct {
	Article    storage.Article
	Highlights []storage.Highlight
}

func (o Options) withDefaults() Options {
	if o.BodyBytes <= 0 {
		o.BodyBytes = 5000
	}
	if o.HighlightsPerArticle == 0 {
		o.HighlightsPerArticle = 5
	}
	if o.HighlightsPerArticle < 0 {
		o.HighlightsPerArticle = 0
	}
	if o.TagPool <= 0 {
		o.TagPool = 40
	}
	return o
}

// Articles returns n generated articles; Articles(s, n, o)[i] equals the
// article Each(s, n, o, …) yields for i.
func Articles(seed uint64, n int, opts Options) []Generated {
	out := make([]Generated, 0, max(n, 0))
	_ = Each(seed, n, opts, func(_ int, g Generated) error {
		out = append(out, g)
		return nil
	})
	return out
}

// Each generates n articles one at a time and calls fn with each, stopping
// at and returning fn's first error.
func Each(seed uint64, n int, opts Options, fn func(i int, g Generated) error) error {
	opts = opts.withDefaults()
	tags := tagPool(opts.TagPool)
	for i := 0; i < n; i++ {
		if err := fn(i, article(seed, i, opts, tags)); err != nil {
			return err
		}
	}
	return nil
}

// LongArticle returns one article whose body has about the given number of
// words, with the given number of highlights spread evenly through it.
func LongArticle(seed uint64, words, highlights int) Generated {
	g := newGen(seed, ^uint64(0))
	a := g.meta(0, tagPool(40))
	a.Title = g.title()
	a.Body = g.body(0, 0, max(words, 1))
	return Generated{Article: a, Highlights: g.highlights(a, max(highlights, 0))}
}

// epoch anchors Added times so output never depends on the clock.
var epoch = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)

// article builds article i from its own random stream, so any article can be
// produced without generating the ones before it.
func article(seed uint64, i int, opts Options, tags []string) Generated {
	g := newGen(seed, uint64(i))
	a := g.meta(i, tags)
	a.Title = g.title()
	a.Body = g.body(i, opts.BodyBytes, 0)
	return Generated{Article: a, Highlights: g.highlights(a, opts.HighlightsPerArticle)}
}

type gen struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

func newGen(seed, stream uint64) *gen {
	r := rand.New(rand.NewPCG(seed, stream))
	v := vocabulary()
	// s=1.1 gives a heavy head (the, of, and) and a long tail of words
	// that occur in only a handful of articles.
	return &gen{r: r, zipf: rand.NewZipf(r, 1.1, 2, uint64(len(v)-1)), vocab: v}
}

func (g *gen) meta(i int, tags []string) storage.Article {
	src := sources[g.r.IntN(len(sources))]
	days := g.r.IntN(12 * 365)
	pub := epoch.AddDate(0, 0, days)
	added := pub.Add(time.Duration(g.r.IntN(30*24*3600)) * time.Second)
	a := storage.Article{
		ID:        int64(i + 1),
		Author:    firstNames[g.r.IntN(len(firstNames))] + " " + lastNames[g.r.IntN(len(lastNames))],
		Source:    src,
		URL:       "https://example.org/" + slug(src) + "/" + strconv.Itoa(i+1),
		Published: pub.Format("2006-01-02"),
		Added:     added,
		Updated:   added,
	}
	if n := g.r.IntN(5); n > 0 && len(tags) > 0 {
		picked := map[int]bool{}
		for len(picked) < min(n, len(tags)) {
			picked[g.r.IntN(len(tags))] = true
		}
		for k := range tags { // pool order keeps the output deterministic
			if picked[k] {
				a.Tags = append(a.Tags, tags[k])
			}
		}
	}
	return a
}

func slug(s string) string {
	b := make([]byte, 0, len(s))
	for _, c := range []byte(s) {
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == ' ':
			b = append(b, '-')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

func itoa(n int) string { return strconv.Itoa(n) }
