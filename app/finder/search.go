package finder

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Query limits: a pasted paragraph is cut to its first words, and a word
// to its first bytes, so one keystroke never costs more than a few.
const (
	maxWords    = 8
	maxWordSize = 32
)

// query is a typed query, folded and split into words.
type query struct {
	words  []string
	masks  []uint64
	pairs  []uint64 // per word: wordPairs
	tails  []uint64 // per word: tailStarts
	phrase string   // the words joined by one space, when there are several
}

func parse(s string) *query {
	q := &query{}
	for _, w := range strings.Fields(s) {
		w = foldString(w)
		if len(w) > maxWordSize {
			w = w[:maxWordSize]
			for len(w) > 0 && !utf8.ValidString(w) {
				w = w[:len(w)-1]
			}
		}
		if w == "" || slices.Contains(q.words, w) {
			continue
		}
		q.words = append(q.words, w)
		q.masks = append(q.masks, byteMask(w))
		q.pairs = append(q.pairs, wordPairs(w))
		q.tails = append(q.tails, tailStarts(w))
		if len(q.words) == maxWords {
			break
		}
	}
	if len(q.words) > 1 {
		q.phrase = strings.Join(q.words, " ")
	}
	return q
}

// rate scores item i against q; ok is false when no word matches. With pos
// not nil it appends the matched byte offsets in the folded title.
func (f *Finder) rate(i int, q *query, pos *[]int32, sc *scratch) (score int, ok bool) {
	sp := &f.spans[i]
	title, all := f.fields(i)
	for k, w := range q.words {
		if q.masks[k]&^sp.mask != 0 {
			continue
		}
		s := -1
		if q.masks[k]&^sp.tmask == 0 {
			s = title.scoreOr(w, q.pairs[k]&^sp.tpairs == 0, pos, sc)
		}
		if s < classPrefix {
			if r := all.scoreOr(w, q.pairs[k]&^sp.apairs == 0, nil, sc); r >= 0 && (s < 0 || r-restPenalty > s) {
				s = max(r-restPenalty, 0)
			}
		}
		if s >= classWhole && title.s != "" && strings.HasPrefix(title.s, w) {
			s += 10 // the title begins with the word: it is about it
		}
		if s >= 0 {
			score += perWord + s
			ok = true
		}
	}
	if ok && q.phrase != "" && strings.Contains(title.s, q.phrase) {
		score += 40 * len(q.words)
	}
	return score, ok
}

// bound scores item i against q as far as substring search can; ok is
// false when no word can match. When exact is false some word needs an
// alignment and score is only an upper bound of rate's score.
func (f *Finder) bound(i int, q *query) (score int, exact, ok bool) {
	score, exact, ok, _ = f.boundAbove(i, q, -1)
	return score, exact, ok
}

// boundAbove is bound that gives up (skip) as soon as the words graded so
// far and the mask bounds of the others (wordBound) fall below floor: rate
// would too, so such an item cannot make a list whose worst is floor.
func (f *Finder) boundAbove(i int, q *query, floor int) (score int, exact, ok, skip bool) {
	sp := &f.spans[i]
	title, all := f.fields(i)
	exact = true
	var wbs [maxWords]int
	rest := -1
	if floor >= 0 {
		rest = 40 * len(q.words)
		for k := range q.words {
			if q.masks[k]&^sp.mask == 0 {
				wbs[k] = perWord + f.wordBound(i, q, k)
				rest += wbs[k]
			}
		}
	}
	for k, w := range q.words {
		if q.masks[k]&^sp.mask != 0 {
			continue
		}
		if floor >= 0 {
			if score+rest < floor {
				return score, false, true, true
			}
			rest -= wbs[k]
		}
		s := -1
		inAll := q.pairs[k]&^sp.apairs == 0 // else w is no substring of all
		if q.masks[k]&^sp.tmask == 0 && q.pairs[k]&^sp.tpairs == 0 {
			s = title.substring(w, nil)
		}
		switch {
		case s >= classPrefix:
			if strings.HasPrefix(title.s, w) && s >= classWhole {
				s += 10
			}
		case s >= 0:
			if r := all.substring(w, nil); r-restPenalty > s {
				s = r - restPenalty
			}
		default:
			tb := -1
			if q.masks[k]&^sp.tmask == 0 {
				tb = title.alignBound(w)
			}
			rb := -1
			if inAll {
				rb = all.substring(w, nil)
			}
			// An alignment outside the title grades at most pieces less
			// the penalty: not worth bounding when the title's is above.
			if rb < 0 && tb < classPieces+classRoom-restPenalty {
				rb = all.alignBound(w)
			}
			if rb >= 0 {
				rb = max(rb-restPenalty, 0)
			}
			if s = max(tb, rb); s >= 0 {
				exact = false
			}
		}
		if s >= 0 {
			score += perWord + s
			ok = true
		}
	}
	if ok && exact && q.phrase != "" && strings.Contains(title.s, q.phrase) {
		score += 40 * len(q.words)
	}
	return score, exact, ok, false
}

// scanAny scans bounded when there is a limit.
func (f *Finder) scanAny(ctx context.Context, q *query, base []int32, limit int) ([]result, []int32, bool) {
	if limit > 0 {
		return f.scanBounded(ctx, q, base, limit)
	}
	return f.scan(ctx, q, base, limit, -1)
}

// pairHash folds two bytes into 0..63.
func pairHash(a, b byte) uint { return (uint(a)*31 + uint(b)) & 63 }

// wordBound bounds the grade word k of q can earn in item i from masks
// alone: the whole word or a word start needs a word beginning with its
// first two bytes; initials and abbreviations a word beginning with its
// first byte; anything else sits inside a word or is scattered.
func (f *Finder) wordBound(i int, q *query, k int) int {
	return min(f.maskBound(i, q, k), f.pairBound(i, q, k))
}

// maskBound is wordBound from the byte and word-start masks alone.
func (f *Finder) maskBound(i int, q *query, k int) int {
	sp := &f.spans[i]
	w := q.words[k]
	if r, _ := utf8.DecodeRuneInString(w); !isWordRune(r) {
		return classWhole + 10 // "-nato" grades as a start wherever it occurs
	}
	if sp.smask&(1<<(w[0]&63)) == 0 {
		return classInside
	}
	if len(w) == 1 || sp.pmask&(1<<pairHash(w[0], w[1])) != 0 {
		if sp.ftitle > sp.fstart && sp.first == w[0] {
			return classWhole + 10 // rate's bonus: the title begins with the word
		}
		return classWhole
	}
	return classPieces + classRoom
}

// quickBound bounds rate's score for item i, or returns false when no word
// can match.
func (f *Finder) quickBound(i int, q *query) (int, bool) {
	m, tm, tp := f.spans[i].mask, f.spans[i].tmask, f.spans[i].tpairs
	b, ok, inTitle := 0, false, true
	phrase := 40 * len(q.words)
	for k, w := range q.masks {
		if w&^m == 0 {
			b += perWord + f.wordBound(i, q, k)
			ok = true
			// The phrase makes every word a substring of the title, and a
			// substring can start a word only if maskBound found its pair
			// (or it is one byte): else it lies inside a word.
			wb := f.maskBound(i, q, k)
			if wb == classPieces+classRoom {
				wb = classInside
			}
			phrase += perWord + wb
		}
		inTitle = inTitle && w&^tm == 0 && q.pairs[k]&^tp == 0
	}
	if q.phrase != "" && inTitle {
		b = max(b, phrase) // the phrase needs every word in the title
	}
	return b, ok
}

// Search returns the items matching query, best first, at most limit of them
// (all when limit <= 0). An empty query returns the first limit items in
// their given order, without emphasis. Search returns nil if ctx is
// cancelled before it finishes.
func (f *Finder) Search(ctx context.Context, query string, limit int) []Match {
	if ctx.Err() != nil {
		return nil
	}
	q := parse(query)
	if len(q.words) == 0 {
		return f.first(limit)
	}
	// A Finder built other than by New gets its pair masks here: searched
	// with them empty it would miss every substring.
	f.pairsOnce.Do(f.indexPairs)
	base, partial := f.lookup(q)
	if partial && limit <= 0 {
		base = nil
	}
	res, matched, ok := f.scanAny(ctx, q, base, limit)
	if ok && partial && base != nil && (len(res) < limit || res[len(res)-1].score/perWord < 2) {
		// Items matching only the added word could make the list.
		res, matched, ok = f.scanAny(ctx, q, nil, limit)
		partial = false
	}
	if !ok {
		return nil
	}
	if !partial || base == nil {
		f.remember(q, matched)
	}
	out := make([]Match, len(res))
	var pos []int32
	var sc scratch
	for k, r := range res {
		pos = pos[:0]
		f.rate(int(r.idx), q, &pos, &sc)
		out[k] = Match{ID: f.ids[r.idx], Index: int(r.idx), Score: r.score, Title: f.emphasis(int(r.idx), pos)}
	}
	if ctx.Err() != nil {
		return nil
	}
	return out
}

// emphasis turns folded title offsets into sorted unique rune indexes.
func (f *Finder) emphasis(i int, pos []int32) []int {
	if len(pos) == 0 {
		return nil
	}
	sp := &f.spans[i]
	var runes []int
	if !sp.asciiTitle {
		runes = foldedRunes(f.titles[sp.tstart:sp.tend])
	}
	out := make([]int, 0, len(pos))
	for _, p := range pos {
		r := int(p)
		if runes != nil {
			if r >= len(runes) {
				continue
			}
			r = runes[r]
		}
		out = append(out, r)
	}
	slices.Sort(out)
	return slices.Compact(out)
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

// parallel runs fn for chunks 0..chunks-1 on up to workers goroutines,
// starting no new chunk once ctx is cancelled.
func parallel(ctx context.Context, workers, chunks int, fn func(c int)) {
	var next atomic.Int64
	work := func() {
		for {
			c := int(next.Add(1) - 1)
			if c >= chunks || ctx.Err() != nil {
				return
			}
			fn(c)
		}
	}
	var wg sync.WaitGroup
	for w := 1; w < min(workers, chunks); w++ {
		wg.Go(work)
	}
	work()
	wg.Wait()
}
