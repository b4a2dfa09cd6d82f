// Package finder is the sidebar's fuzzy title finder: it matches library
// items against a typed query the way sahilm/fuzzy does and ranks the
// matches the way people read titles, fast enough to run on every keystroke
// over 100,000 items.
//
// A query is split into words. A word matches an item when its letters
// appear in order in the item's title — or, failing that, in
//
//	Title + "  " + Source + "  " + Author + "  " + strings.Join(Tags, " ")
//
// — which is sahilm/fuzzy's rule (for a one-word ASCII query the matched
// items are exactly sahilm's), with case and accents folded: `geneve` finds
// "Genève". An item matches when at least one word does. Each word is then
// graded by how it sits in the text (rank.go), best first:
//
//   - the whole word ("tame" in "Biden Team Cannot Tame Russia");
//   - the start of a word, graded by how much of the word it covers;
//   - pieces that each start a word: initials ("btc") or word starts run
//     together ("tensmay");
//   - inside a word;
//   - scattered letters, graded by an alignment that rewards consecutive
//     characters and word starts.
//
// Words start after a separator (space, -, ., /, _, …), at a camel-case hump
// and where letters meet digits. A word matched only outside the title
// scores about one grade lower. Items with more of the query's words rank
// above items with fewer, whatever the order of the words; the query's
// words in order in the title earn a little more. Ties keep the items'
// given order, so callers pass them most recently opened or added first.
//
// Speed comes from folding every item once into one byte arena with a
// bitmask of the bytes it holds (most non-matches cost one AND), substring
// search before alignment (most words are found whole), a bounded heap when
// a limit is given, and chunks scanned on all cores with cancellation
// checked between them.
package finder

import (
	"context"
	"runtime"
	"slices"
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
	Score int   // the ranking score: higher is better
	Title []int // rune indexes into Item.Title to emphasise (sorted, unique)
}

// Finder searches a fixed list of items. It is safe for concurrent use.
type Finder struct {
	ids    []int64
	spans  []span
	titles string   // every item's title (cut at a NUL), back to back
	folds  string   // every item's folded joined fields, back to back
	bits   []uint64 // per item: word-start bits, then word-byte bits of its folds

	pairsOnce sync.Once // fills the spans' pair masks (indexPairs)

	mu    sync.Mutex
	cache []*cached // recent queries, oldest first
}

// span locates one item in the Finder's arenas.
type span struct {
	tstart, tend         int32 // title in titles
	fstart, ftitle, fend int32 // folded title fstart:ftitle, joined fields fstart:fend
	bits                 int32 // offset in bits; each set has (fend-fstart)/64+1 words
	mask, tmask          uint64
	// smask has the bits (b&63) of the bytes that start a word, pmask the
	// bits (pairHash) of the first two bytes of each word: what bounds a
	// word's grade before it is searched (see wordBound).
	smask, pmask uint64
	// tpairs and apairs have the bits (pairBit) of every two adjacent
	// bytes of the folded title and of the joined fields: a word with a
	// pair outside them is not a substring there (see pairs.go).
	tpairs, apairs uint64
	first          byte // the folded title's first byte, if any (sits in padding)
	asciiTitle     bool
}

// New indexes items for searching; it keeps no reference to the slice.
// The total text of all items must stay under 2 GiB.
func New(items []Item) *Finder {
	f := &Finder{ids: make([]int64, len(items)), spans: make([]span, len(items))}
	parts := 1
	if len(items) >= 4*minChunk {
		parts = runtime.GOMAXPROCS(0)
	}
	size := (len(items) + parts - 1) / parts
	type arena struct {
		titles, folds []byte
		bits          []uint64
	}
	as := make([]arena, parts)
	parallel(context.Background(), parts, parts, func(p int) {
		lo, hi := min(p*size, len(items)), min((p+1)*size, len(items))
		as[p].titles, as[p].folds, as[p].bits = f.index(items[lo:hi], lo)
	})
	// Sized once: growing by doubling would leave up to half of each
	// arena unused for the finder's life, and the copies as garbage.
	var tb, fb strings.Builder
	nt, nf, nb := 0, 0, 0
	for _, a := range as {
		nt, nf, nb = nt+len(a.titles), nf+len(a.folds), nb+len(a.bits)
	}
	tb.Grow(nt)
	fb.Grow(nf)
	bits := make([]uint64, 0, nb)
	for p := range as {
		lo, hi := min(p*size, len(items)), min((p+1)*size, len(items))
		ts, fs, bs := int32(tb.Len()), int32(fb.Len()), int32(len(bits))
		for i := lo; i < hi; i++ {
			sp := &f.spans[i]
			sp.tstart, sp.tend = sp.tstart+ts, sp.tend+ts
			sp.fstart, sp.ftitle, sp.fend = sp.fstart+fs, sp.ftitle+fs, sp.fend+fs
			sp.bits += bs
		}
		tb.Write(as[p].titles)
		fb.Write(as[p].folds)
		bits = append(bits, as[p].bits...)
		as[p] = arena{} // each part's copy is garbage once written
	}
	f.titles, f.folds, f.bits = tb.String(), fb.String(), bits
	f.pairsOnce.Do(f.indexPairs)
	return f
}

// index fills ids and spans for items, which start at index lo, with
// offsets into the arenas it returns.
func (f *Finder) index(items []Item, lo int) (titles, folds []byte, bits []uint64) {
	// Size the arenas for ASCII text (folds 1:1) up front: growing them by
	// appending copied each several times over at 100k items.
	nt, nf := 0, 0
	for _, it := range items {
		nt += len(it.Title)
		nf += len(it.Title) + len(it.Source) + len(it.Author) + 6
		for _, t := range it.Tags {
			nf += len(t) + 1
		}
	}
	titles = make([]byte, 0, nt)
	folds = make([]byte, 0, nf+nf/16)
	bits = make([]uint64, 0, 2*(nf/64+len(items)))
	var joined []byte
	for k, it := range items {
		i := lo + k
		f.ids[i] = it.ID
		titles, folds, bits, joined, f.spans[i] = indexItem(titles, folds, bits, joined, it)
	}
	return titles, folds, bits
}

// cutNUL cuts s at its first NUL, as sahilm does.
func cutNUL(s string) string {
	if k := strings.IndexByte(s, 0); k >= 0 {
		return s[:k]
	}
	return s
}

// cached is a recent query's matched items, in item order. A query whose
// last word extends that query's last word matches only among them; one
// that adds a word keeps every item matching more than one word among them.
type cached struct {
	words   []string
	matched []int32
}

// cacheSize covers typing and deleting a few characters.
const cacheSize = 12

// lookup returns the smallest remembered match list that q narrows, and
// whether q added a word to it (so items outside it may match that word).
func (f *Finder) lookup(q *query) (base []int32, partial bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := len(q.words)
	found := false
	for _, c := range f.cache {
		ext := len(c.words) == n && slices.Equal(c.words[:n-1], q.words[:n-1]) && strings.HasPrefix(q.words[n-1], c.words[n-1])
		add := len(c.words) == n-1 && slices.Equal(c.words, q.words[:n-1])
		if (ext || add) && (!found || len(c.matched) < len(base) || len(c.matched) == len(base) && partial && ext) {
			base, partial, found = c.matched, add, true
		}
	}
	return base, partial
}

func (f *Finder) remember(q *query, matched []int32) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.cache) == cacheSize {
		f.cache = append(f.cache[:0], f.cache[1:]...)
	}
	f.cache = append(f.cache, &cached{words: q.words, matched: matched})
}

// forget empties the cache, so benchmarks can time a first keystroke.
func (f *Finder) forget() {
	f.mu.Lock()
	f.cache = nil
	f.mu.Unlock()
}

// Len returns the number of items.
func (f *Finder) Len() int { return len(f.ids) }

// fields returns item i's folded title and joined fields.
func (f *Finder) fields(i int) (title, all field) {
	sp := &f.spans[i]
	n := int(sp.fend-sp.fstart)/64 + 1
	starts := f.bits[sp.bits : int(sp.bits)+n]
	words := f.bits[int(sp.bits)+n : int(sp.bits)+2*n]
	title = field{s: f.folds[sp.fstart:sp.ftitle], starts: starts, words: words}
	all = field{s: f.folds[sp.fstart:sp.fend], starts: starts, words: words}
	return title, all
}
