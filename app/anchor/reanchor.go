package anchor

import (
	"sort"
	"unicode/utf8"
)

// window is the first half-width, in code points, of the exact search around
// the expected position; each miss widens it eightfold.
const window = 4096

// reanchor tries the strategies in order of cost and certainty: the old or
// mapped offsets, the exact quote near there and then anywhere, then an
// approximate match.
func (e *edit) reanchor(sel Selector) Result {
	orphan := Result{Selector: sel, Status: Orphaned}
	quote := validUTF8(sel.Exact)
	if quote == "" {
		return orphan
	}
	d := e.new
	q := utf8.RuneCountInString(quote)
	prefix, suffix := []rune(validUTF8(sel.Prefix)), []rune(validUTF8(sel.Suffix))
	// Offsets may come from anywhere; clamped, they stay usable for position
	// arithmetic without overflowing.
	at := min(max(sel.Start, 0), e.oldN)
	if q > d.n() {
		return e.orEdge(e.fuzzy(sel, quote, e.mapPos(at), orphan), sel, quote, prefix, suffix)
	}

	// (1) Still at the old offsets, or where they map (shifted by the
	// edits before it), with all its context: accept without a search.
	// With context only partly agreeing these are just favourites below,
	// since a same-length edit (paragraphs swapped) can leave another copy
	// of the quote there.
	full := len(prefix) + len(suffix)
	want := e.mapPos(at)
	// An exact copy of the quote that cuts a word where the highlight had
	// whole words ("most" inside "Almost") is no place for it.
	startWhole, endWhole := edges(prefix, quote, suffix)
	cuts := func(s int) bool {
		return (startWhole && midWord(d.runes, s)) || (endWhole && midWord(d.runes, s+q))
	}
	for _, s := range []int{sel.Start, want} {
		if d.has(s, q, quote) && !cuts(s) && d.contextMatch(s, s+q, prefix, suffix) == full {
			return e.placed(s, s+q, statusAt(s, sel.Start), 1)
		}
	}

	// (2) Every exact occurrence: the best context wins, then the nearest
	// to where the old position maps. Full context agreement cannot be
	// beaten, so windows widening around that position are searched first:
	// the nearest fully agreeing copy in a window is the nearest anywhere,
	// and the whole body is only scanned when no copy agrees in full.
	for w := window; w < d.n(); w *= 8 {
		best, bestDist := -1, 0
		for _, s := range d.occurrencesIn(quote, max(0, want-w), min(d.n(), want+w+q)) {
			if dist := abs(s - want); (best < 0 || dist < bestDist) && !cuts(s) && d.contextMatch(s, s+q, prefix, suffix) == full {
				best, bestDist = s, dist
			}
		}
		if best >= 0 {
			return e.placed(best, best+q, statusAt(best, sel.Start), 1)
		}
	}
	best, bestCtx, bestDist := -1, -1, 0
	var cut []int
	for _, s := range d.occurrencesIn(quote, 0, d.n()) {
		if cuts(s) {
			cut = append(cut, s)
			continue
		}
		c := d.contextMatch(s, s+q, prefix, suffix)
		dist := abs(s - want)
		if s == sel.Start {
			dist = -1 // the old offsets win any tie
		}
		if c > bestCtx || (c == bestCtx && dist < bestDist) {
			best, bestCtx, bestDist = s, c, dist
		}
	}
	if best >= 0 && (best == sel.Start || q >= shortQuote || shortContextAgrees(d, best, best+q, prefix, suffix)) {
		return e.placed(best, best+q, statusAt(best, sel.Start), 1)
	}

	// (3) Approximate, else orphaned. Copies that cut a word compete
	// there, the nearest few: one may become whole by taking in the word.
	if len(cut) > maxCandidates {
		sort.SliceStable(cut, func(i, j int) bool { return abs(cut[i]-want) < abs(cut[j]-want) })
		cut = cut[:maxCandidates]
	}
	return e.orEdge(e.fuzzy(sel, quote, want, orphan, cut...), sel, quote, prefix, suffix)
}

// orEdge gives a highlight the approximate match orphaned one more chance:
// a short one whose first or last word the edit changed (see edgeEdit).
// Only orphans pay for it.
func (e *edit) orEdge(r Result, sel Selector, quote string, prefix, suffix []rune) Result {
	if r.Status != Orphaned {
		return r
	}
	if placed, ok := e.edgeEdit(sel, []rune(quote), prefix, suffix); ok {
		return placed
	}
	return r
}

// placed builds a result at [s:t] of the new body with fresh context.
func (e *edit) placed(s, t int, st Status, score float64) Result {
	return Result{Selector: e.new.describe(s, t), Status: st, Score: score}
}

func shortContextAgrees(d *doc, s, t int, prefix, suffix []rune) bool {
	pre, suf := d.contextSimilarity(s, t, prefix, suffix)
	return (pre+suf)/2 >= minShortContext
}

func statusAt(now, was int) Status {
	if now == was {
		return Exact
	}
	return Moved
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
