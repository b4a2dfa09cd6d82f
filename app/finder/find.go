package finder

import (
	"context"
	"unicode/utf8"
)

// Find is New(items).Search(ctx, query, limit) for one query, as a one-shot
// command asks it: it indexes only the items that can match. An item whose
// fields are all ASCII folds to their lower case, so whether a query word's
// letters are in it in order is decided on the raw bytes without folding;
// items with other text are indexed whatever they hold. The matches,
// scores, order and emphasis are Search's, with Index into items.
func Find(ctx context.Context, items []Item, query string, limit int) []Match {
	q := parse(query)
	if len(q.words) == 0 {
		return New(items).Search(ctx, query, limit)
	}
	var keep []int
	var sub []Item
	for i := range items {
		if MayMatch(Query{q}, &items[i]) {
			keep = append(keep, i)
			sub = append(sub, items[i])
		}
	}
	ms := New(sub).Search(ctx, query, limit)
	for k := range ms {
		ms[k].Index = keep[ms[k].Index]
	}
	return ms
}

// Query is a parsed query, for MayMatch.
type Query struct{ q *query }

// Parse parses a query for MayMatch.
func Parse(s string) Query { return Query{parse(s)} }

// MayMatch reports whether it can match q: whether some word of q has its
// letters, in order, in the fold of its joined fields (folded on the fly,
// rune by rune, the way New folds them, without building the index).
func MayMatch(q Query, it *Item) bool {
	for _, w := range q.q.words {
		// The joined text's separators are spaces, which no word holds, so
		// the fields can be walked one after the other.
		k := subseqPrefix(w, it.Title)
		k += subseqPrefix(w[k:], it.Source)
		k += subseqPrefix(w[k:], it.Author)
		for _, t := range it.Tags {
			k += subseqPrefix(w[k:], t)
		}
		if k == len(w) {
			return true
		}
	}
	return false
}

// subseqPrefix returns how many leading bytes of w are, in order, in the
// fold of s.
func subseqPrefix(w, s string) int {
	k := 0
	for i := 0; i < len(s) && k < len(w); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiFold[c] == w[k] {
				k++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		for _, b := range []byte(foldRune(r)) {
			if k < len(w) && b == w[k] {
				k++
			}
		}
		i += n - 1
	}
	return k
}
