package finder

import (
	"context"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// directMax is the largest library that Search ranks with sahilm/fuzzy
// itself. Up to a couple of thousand titles sahilm takes about a
// millisecond, well inside a frame; past that it would miss frames (45–80 ms
// at 100,000 titles), and Search takes the fast path instead, which returns
// the same matches: the tests compare both paths with sahilm.
var directMax = 2000

// titles and joinedFields present the finder's stored text to sahilm without
// copying it.
type titles struct{ f *Finder }

func (s titles) String(i int) string { sp := &s.f.spans[i]; return s.f.text[sp.start:sp.title] }
func (s titles) Len() int            { return len(s.f.spans) }

type joinedFields struct {
	f   *Finder
	idx []int32
}

func (s joinedFields) String(i int) string {
	sp := &s.f.spans[s.idx[i]]
	return s.f.text[sp.start:sp.end]
}
func (s joinedFields) Len() int { return len(s.idx) }

// direct ranks with sahilm/fuzzy: the titles first, then the joined fields
// of the items whose title did not match.
func (f *Finder) direct(ctx context.Context, query string, limit int) []Match {
	inTitle := make([]bool, len(f.spans))
	var out []Match
	for _, m := range fuzzy.FindFrom(query, titles{f}) {
		inTitle[m.Index] = true
		out = append(out, f.directMatch(m.Index, m.Score, m.MatchedIndexes))
	}
	if ctx.Err() != nil {
		return nil
	}
	if limit <= 0 || len(out) < limit {
		rest := joinedFields{f: f}
		for i := range f.spans {
			if !inTitle[i] {
				rest.idx = append(rest.idx, int32(i))
			}
		}
		for _, m := range fuzzy.FindFrom(query, rest) {
			out = append(out, f.directMatch(int(rest.idx[m.Index]), m.Score, m.MatchedIndexes))
		}
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// directMatch turns sahilm's byte offsets into the rune indexes of the title
// they fall in (the title starts both strings sahilm was given).
func (f *Finder) directMatch(i, score int, bytes []int) Match {
	sp := &f.spans[i]
	title := f.text[sp.start:sp.title]
	var em []int
	for k, b := range bytes {
		// sahilm repeats an offset when its score wraps on long queries.
		if b < len(title) && (k == 0 || b != bytes[k-1]) {
			em = append(em, utf8.RuneCountInString(title[:b]))
		}
	}
	return Match{ID: f.ids[i], Index: i, Score: score, Title: em}
}
