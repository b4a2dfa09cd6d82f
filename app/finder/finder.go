// Package finder is the sidebar's fuzzy matcher: it ranks library items
// against a typed query exactly as github.com/sahilm/fuzzy would, fast enough
// to run on every keystroke over 100,000 titles.
//
// Each item is matched first on its title alone; an item whose title does not
// match is then matched on the string
//
//	Title + "  " + Source + "  " + Author + "  " + strings.Join(Tags, " ")
//
// Every title match ranks above every match that needs the other fields; within
// each group results are ordered by sahilm's score, best first, ties in item
// order. As in sahilm, matching folds case (Unicode simple folding) and a
// string is cut at its first NUL.
//
// A library of up to a couple of thousand items is ranked by sahilm/fuzzy
// itself (direct.go). For larger ones Search returns exactly what plain
// sahilm would (the tests compare both paths against it), but does far less
// work, because sahilm matches precisely when the case-folded query is a
// subsequence of the case-folded text:
//
//   - New stores every item's joined fields once, in one byte arena, with a
//     bitmask of the bytes each holds, so most non-matches cost one AND.
//   - The subsequence test scans eight bytes per step (swar.go), ignoring
//     ASCII case with a bit mask instead of a folded copy.
//   - Each search remembers which items matched and where their earliest
//     match ended; when the query grows, only those items are checked, and
//     only for the new runes, from where the last match ended (cached).
//   - Only title matches are scored at first: items matching through the
//     other fields are scored only when fewer than limit titles matched.
//   - With a limit, a heap keeps the best results, and an item is not scored
//     at all when a bound on its score cannot beat the worst result kept.
//     The bound comes from the query and title lengths, tightened by the
//     bonuses the previous, shorter query earned (bounds.go); the items
//     with the highest bounds are scored first.
//   - The scorer reproduces sahilm's rules but jumps between occurrences of
//     the query's runes instead of visiting every rune (score.go).
//   - The items are split into chunks scanned on all cores; cancellation is
//     checked between chunks. Without a limit, results are placed by a
//     counting sort on score and converted to Matches in memory order.
package finder

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"sync"
)

// Item is one library entry as the finder sees it.
type Item struct {
	ID     int64
	Title  string
	Source string
	Author string
	Tags   []string
}

// Match is one search result.
type Match struct {
	ID    int64
	Index int   // index into the items given to New
	Score int   // sahilm/fuzzy's score on the title, or on the joined fields for a non-title match
	Title []int // rune indexes into Item.Title to emphasise (sorted, unique)
}

// Finder searches a fixed list of items. It is safe for concurrent use.
type Finder struct {
	ids   []int64
	spans []span
	text  string // every item's joined fields, cut at a NUL, back to back
	folds string // the same, case-folded (see foldBytes)

	mu    sync.Mutex
	cache []*cached // recent queries' matches, oldest first
}

// span locates one item in Finder.text and Finder.folds.
type span struct {
	start, title, end    int32  // in text: the title is text[start:title]
	fstart, ftitle, fend int32  // in folds
	mask                 uint64 // folded bytes present, as foldBytes
	smask                uint64 // the same for the title's bonus positions (titleBound)
	aligned              bool   // folds has the same offsets as text
	asciiTitle           bool   // byte offsets in the title are rune indexes
}

// cached remembers which items matched a folded query and where the
// earliest (greedy) match of the query in each ended. sahilm matches exactly
// when the folded query is a subsequence of the folded text, so a query that
// extends key matches only among these items, and its greedy match continues
// from the stored end: one short scan per item decides it. An end within the
// title means the title alone matches. Entries are never modified.
type cached struct {
	key     string
	runes   int     // runes in key
	matched []int32 // matching items, in item order
	ends    []int32 // per matched item: offset after its greedy match
	bonus   []int32 // and bounds on its title's scored.bonus and scored.adj
	adj     []int32 // (exact when it was scored), see extend
}

// cacheSize covers typing and deleting a few characters.
const cacheSize = 12

// New indexes items for searching; it keeps no reference to the slice.
// The total text of all items must stay under 2 GiB.
func New(items []Item) *Finder {
	f := &Finder{ids: make([]int64, len(items)), spans: make([]span, len(items))}
	// Large lists are indexed in parts on all cores, then joined.
	parts := 1
	if len(items) >= 4*minChunk {
		parts = runtime.GOMAXPROCS(0)
	}
	size := (len(items) + parts - 1) / parts
	texts, folds := make([][]byte, parts), make([][]byte, parts)
	parallel(context.Background(), parts, parts, func(p int) {
		lo, hi := min(p*size, len(items)), min((p+1)*size, len(items))
		texts[p], folds[p] = f.index(items[lo:hi], lo)
	})
	var tb, fb strings.Builder
	tb.Grow(totalLen(texts))
	fb.Grow(totalLen(folds))
	for p := range texts {
		lo, hi := min(p*size, len(items)), min((p+1)*size, len(items))
		shift, fshift := int32(tb.Len()), int32(fb.Len())
		for i := lo; i < hi; i++ {
			sp := &f.spans[i]
			sp.start, sp.title, sp.end = sp.start+shift, sp.title+shift, sp.end+shift
			sp.fstart, sp.ftitle, sp.fend = sp.fstart+fshift, sp.ftitle+fshift, sp.fend+fshift
		}
		tb.Write(texts[p])
		fb.Write(folds[p])
	}
	f.text, f.folds = tb.String(), fb.String()
	return f
}

func totalLen(bs [][]byte) int {
	n := 0
	for _, b := range bs {
		n += len(b)
	}
	return n
}

// index fills ids and spans for items, which start at index lo, with
// offsets into the text and folded text it returns.
func (f *Finder) index(items []Item, lo int) (text, folds []byte) {
	size := 0
	for _, it := range items {
		size += len(it.Title) + len(it.Source) + len(it.Author) + 6
		for _, t := range it.Tags {
			size += len(t) + 1
		}
	}
	tb := make([]byte, 0, size)
	fb := make([]byte, 0, size+size/8)
	for k, it := range items {
		i := lo + k
		f.ids[i] = it.ID
		start := len(tb)
		tb = append(tb, it.Title...)
		titleEnd := len(tb)
		tb = append(tb, "  "...)
		tb = append(tb, it.Source...)
		tb = append(tb, "  "...)
		tb = append(tb, it.Author...)
		tb = append(tb, "  "...)
		for k, t := range it.Tags {
			if k > 0 {
				tb = append(tb, ' ')
			}
			tb = append(tb, t...)
		}
		if k := bytes.IndexByte(tb[start:], 0); k >= 0 {
			// sahilm matches only up to a NUL; the text ends there too.
			tb = tb[:start+k]
			titleEnd = min(titleEnd, start+k)
		}
		sp := span{start: int32(start), title: int32(titleEnd), end: int32(len(tb))}
		sp.fstart = int32(len(fb))
		var title, rest uint64
		var alignedTitle, alignedRest bool
		fb, title, alignedTitle, sp.asciiTitle = foldBytes(fb, tb[start:titleEnd])
		sp.ftitle = int32(len(fb))
		fb, rest, alignedRest, _ = foldBytes(fb, tb[titleEnd:])
		sp.fend = int32(len(fb))
		sp.mask = title | rest
		sp.aligned = alignedTitle && alignedRest
		sp.smask = bonusBytes(tb[start:titleEnd])
		f.spans[i] = sp
	}
	return tb, fb
}

// Len returns the number of items.
func (f *Finder) Len() int { return len(f.ids) }

// Search returns the items matching query, best first, at most limit of them
// (all when limit <= 0). An empty query returns the first limit items in
// their given order, without emphasis. Search returns nil if ctx is
// cancelled before it finishes.
func (f *Finder) Search(ctx context.Context, query string, limit int) []Match {
	if ctx.Err() != nil {
		return nil
	}
	if query == "" {
		return f.first(limit)
	}
	if len(f.spans) <= directMax {
		return f.direct(ctx, query, limit)
	}
	q := compile(query)
	res, dest, arenas, next, ok := f.scan(ctx, q, f.lookup(q.key), limit)
	if !ok || ctx.Err() != nil {
		return nil
	}
	f.remember(next)
	out := f.matches(ctx, res, dest, arenas, len(q.runes))
	if ctx.Err() != nil {
		return nil
	}
	return out
}

func (f *Finder) first(limit int) []Match {
	n := len(f.ids)
	if limit > 0 {
		n = min(n, limit)
	}
	out := make([]Match, n)
	for i := range out {
		out[i] = Match{ID: f.ids[i], Index: i}
	}
	return out
}

// lookup returns the longest remembered query that the new folded query
// extends, or nil to search every item.
func (f *Finder) lookup(key string) *cached {
	f.mu.Lock()
	defer f.mu.Unlock()
	var best *cached
	for k := range f.cache {
		if c := f.cache[k]; strings.HasPrefix(key, c.key) && (best == nil || len(c.key) > len(best.key)) {
			best = c
		}
	}
	return best
}

func (f *Finder) remember(c *cached) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for k := range f.cache {
		if f.cache[k].key == c.key {
			f.cache[k] = c
			return
		}
	}
	if len(f.cache) == cacheSize {
		f.cache = append(f.cache[:0], f.cache[1:]...)
	}
	f.cache = append(f.cache, c)
}

// forget empties the cache, so benchmarks can time a first keystroke.
func (f *Finder) forget() {
	f.mu.Lock()
	f.cache = nil
	f.mu.Unlock()
}
