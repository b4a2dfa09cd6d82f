package finder

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// pattern is a query folded once, before the scan.
type pattern struct {
	key   string   // folded query as UTF-8: the subsequence filter and cache key
	runes []rune   // folded query
	enc   []string // each folded rune's encoding, slices of key
	mask  uint64   // bits of key's bytes, as span.mask
	ascii bool     // key is ASCII: scoreBytes applies
	val   []byte   // for scoreBytes: each byte, letters lower-cased,
	or    []byte   // and 0x20 for letters, which match either case
	bound int      // no string of n bytes scores above bound-n; see compile
	// bonusUB and adjUB bound the bonus sum and the adjacency bonus of any
	// match (saturated at maxBound), as scored.bonus and scored.adj.
	bonusUB, adjUB int32
	bits           []uint64 // per rune: the bits of its folded bytes, as span.smask
	// literal: sahilm's adjacency bonus triples with each adjacent rune and
	// wraps around int past about 40 runes, after which sahilm's choices no
	// longer follow the greedy subsequence. Such queries are scored by the
	// literal port of sahilm's loop, with the subsequence test as a filter.
	literal bool
}

func compile(query string) *pattern {
	rs := []rune(query)
	for k, r := range rs {
		rs[k] = fold(r)
	}
	q := &pattern{key: string(rs), runes: rs}
	q.ascii = isASCII(q.key)
	q.literal = len(rs) > 32
	if q.ascii {
		q.val, q.or = []byte(q.key), make([]byte, len(q.key))
		for k, c := range q.val {
			if 'a' <= c && c <= 'z' {
				q.or[k] = 0x20
			}
		}
	}
	for k := 0; k < len(q.key); {
		_, size := utf8.DecodeRuneInString(q.key[k:])
		q.enc = append(q.enc, q.key[k:k+size])
		for ; size > 0; size-- {
			q.mask |= 1 << (q.key[k] & 63)
			k++
		}
	}
	// sahilm gives each matched rune at most 20 (a camel-case or separator
	// bonus; the first-character bonus is 10) plus an adjacency bonus that
	// at best triples with each further rune: 5, 15, 45… Penalties only
	// lower the score, and it ends with +m - len(s). Past 12 runes the bound
	// is too loose to prune anything, so none is set.
	q.bound = math.MaxInt
	if m := len(rs); m <= 12 {
		b, adj := 21*m, 5
		for k := 1; k < m; k++ {
			b += adj
			adj *= 3
		}
		q.bound = b
	}
	for _, enc := range q.enc {
		var b uint64
		for k := 0; k < len(enc); k++ {
			b |= 1 << (enc[k] & 63)
		}
		q.bits = append(q.bits, b)
	}
	q.bonusUB, q.adjUB = maxBound, maxBound
	if m := len(rs); m <= 12 {
		q.bonusUB, q.adjUB = int32(q.bound-m), int32((q.bound - 21*m)) // adj is the sum of the adjacency terms
	}
	return q
}

// chunkOut is what scanning one contiguous run of candidates produced.
type chunkOut struct {
	matched []int32  // every matching item, in item order
	ends    []int32  // and where its greedy match ends (see cached)
	bonus   []int32  // and bounds on its title's scored.bonus
	adj     []int32  // and scored.adj, to bound the next query's scores
	res     []result // all matches, or with a limit a heap of the best limit
	pos     []int32  // arena for the results' pos slices
	rest    []int32  // items matching only with the other fields, not yet scored
	titles  int      // title matches found
	id      int32    // this chunk's index, for result.chunk
	// floor, shared by all chunks, is the best score that some chunk's full
	// heap of title matches has at its root: at least limit rows score that
	// much, so a row scoring less can be skipped in every chunk.
	floor *atomic.Int64
}

const (
	minChunk = 2048  // below this, goroutines cost more than they save
	maxChunk = 16384 // bounds the time between cancellation checks
)

// scan scores the items matching q — among base's matches when base is not
// nil — and returns the results best first (with a limit) or with each
// one's final place in dest (without), their offset arenas, the matches to
// remember, and false if ctx was cancelled.
//
// Title matches are scored first; items matching only with the other fields
// are merely collected, and scored afterwards only if fewer than limit
// titles matched, since any title match outranks them.
func (f *Finder) scan(ctx context.Context, q *pattern, base *cached, limit int) (res []result, dest []int32, arenas [][]int32, next *cached, ok bool) {
	n := len(f.spans)
	if base != nil {
		n = len(base.matched)
	}
	workers := runtime.GOMAXPROCS(0)
	size := min(max(minChunk, (n+4*workers-1)/(4*workers)), maxChunk)
	chunks := max((n+size-1)/size, 1)
	outs := make([]chunkOut, chunks)
	var floor atomic.Int64
	floor.Store(math.MinInt64)
	for c := range outs {
		outs[c].id, outs[c].floor = int32(c), &floor
	}
	parallel(ctx, workers, chunks, func(c int) {
		f.scanChunk(q, base, c*size, min((c+1)*size, n), limit, &outs[c])
	})
	titles := 0
	for _, o := range outs {
		titles += o.titles
	}
	if limit <= 0 || titles < limit {
		parallel(ctx, workers, chunks, func(c int) { f.scoreRest(q, limit, &outs[c]) })
	}
	if ctx.Err() != nil {
		return nil, nil, nil, nil, false
	}

	total, found := 0, 0
	for _, o := range outs {
		total += len(o.res)
		found += len(o.matched)
	}
	res = make([]result, 0, total)
	arenas = make([][]int32, len(outs))
	next = &cached{key: q.key, runes: len(q.enc), matched: make([]int32, 0, found), ends: make([]int32, 0, found),
		bonus: make([]int32, 0, found), adj: make([]int32, 0, found)}
	for c, o := range outs {
		arenas[c] = o.pos
		res = append(res, o.res...)
		next.matched = append(next.matched, o.matched...)
		next.ends = append(next.ends, o.ends...)
		next.bonus = append(next.bonus, o.bonus...)
		next.adj = append(next.adj, o.adj...)
	}
	if limit > 0 {
		slices.SortFunc(res, compare)
		res = res[:min(limit, len(res))]
	} else {
		dest = rank(res)
	}
	return res, dest, arenas, next, true
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

// scanChunk decides which of candidates lo..hi-1 match, scores those whose
// title matches and collects the others into out.rest.
func (f *Finder) scanChunk(q *pattern, base *cached, lo, hi, limit int, out *chunkOut) {
	from := 0 // pattern runes already matched at the candidates' ends
	if base != nil {
		from = base.runes
	}
	// Most candidates of a growing query match again: size for all of them.
	out.matched = make([]int32, 0, hi-lo)
	out.ends = make([]int32, 0, hi-lo)
	out.bonus = make([]int32, 0, hi-lo)
	out.adj = make([]int32, 0, hi-lo)
	var titles []int32 // title matches, as positions in out.matched
	for k := lo; k < hi; k++ {
		i, at := int32(k), 0
		bonus, adj := q.bonusUB, q.adjUB
		if base != nil {
			i, at = base.matched[k], int(base.ends[k])
			bonus, adj = extend(base.bonus[k], base.adj[k], len(q.enc)-from, q)
		}
		sp := &f.spans[i]
		if bonus < maxBound {
			bonus = min(bonus, titleBound(q, sp.smask))
		}
		if q.mask&^sp.mask != 0 {
			continue // a query byte the item lacks: the cheapest rejection
		}
		end := f.advance(sp, q, from, at)
		if end < 0 {
			continue
		}
		out.matched = append(out.matched, i)
		out.ends = append(out.ends, int32(end))
		out.bonus = append(out.bonus, bonus)
		out.adj = append(out.adj, adj)
		switch {
		case q.literal:
			f.scoreLiteral(sp, q, i, limit, out)
		case end > int(sp.ftitle-sp.fstart):
			out.rest = append(out.rest, i)
		default:
			out.titles++
			titles = append(titles, int32(len(out.matched)-1))
		}
	}
	if limit <= 0 || len(titles) <= limit {
		for _, t := range titles {
			f.scoreTitle(q, t, limit, out)
		}
		return
	}
	// Score the items with the highest bounds first: they fill the heap
	// with good results early, so the bound prunes most of the others.
	seeds := seedsByBound(f, q, titles, limit, out)
	for _, t := range seeds {
		f.scoreTitle(q, t, limit, out)
	}
	slices.Sort(seeds)
	for _, t := range titles {
		if _, seeded := slices.BinarySearch(seeds, t); !seeded {
			f.scoreTitle(q, t, limit, out)
		}
	}
}

// scoreTitle scores the title of the item at position t of out.matched,
// unless its bound shows it cannot displace the worst result kept, and
// records its exact bonus and adjacency for the next query.
func (f *Finder) scoreTitle(q *pattern, t int32, limit int, out *chunkOut) {
	i := out.matched[t]
	sp := &f.spans[i]
	// Seeds come first, so items are not scored in item order: a tie with
	// the worst result kept still wins if the item comes earlier.
	full := limit > 0 && len(out.res) == limit && out.res[0].tier == 0
	worse := func(score int) bool {
		w := &out.res[0]
		return score < w.score || score == w.score && i > w.idx
	}
	if bound := int(out.bonus[t]) + len(q.enc) - int(sp.title-sp.start); limit > 0 &&
		(full && worse(bound) || int64(bound) < out.floor.Load()) {
		return
	}
	n0 := len(out.pos)
	sc, pos := scoreItem(sp, q, f.text[sp.start:sp.title], f.folds[sp.fstart:sp.ftitle], out.pos)
	if !sc.ok { // cannot happen: the greedy match lies in the title
		out.pos = pos[:n0]
		return
	}
	out.bonus[t], out.adj[t] = int32(min(sc.bonus, maxBound)), int32(min(sc.adj, maxBound))
	if full && worse(sc.score) {
		out.pos = pos[:n0] // not kept
		return
	}
	out.pos = pos
	out.push(result{score: sc.score, idx: i, off: int32(n0), chunk: out.id}, limit)
	if limit > 0 && len(out.res) == limit && out.res[0].tier == 0 {
		for w := int64(out.res[0].score); ; {
			old := out.floor.Load()
			if w <= old || out.floor.CompareAndSwap(old, w) {
				break
			}
		}
	}
}

// scoreLiteral scores item i with sahilm's own loop, title first.
func (f *Finder) scoreLiteral(sp *span, q *pattern, i int32, limit int, out *chunkOut) {
	n0 := len(out.pos)
	tier := uint8(0)
	sc, pos := scoreRunes(f.text[sp.start:sp.title], q.runes, out.pos)
	if !sc.ok {
		tier = 1
		sc, pos = scoreRunes(f.text[sp.start:sp.end], q.runes, pos)
	}
	out.pos = pos
	if sc.ok {
		if tier == 0 {
			out.titles++
		}
		out.push(result{score: sc.score, idx: i, off: int32(n0), chunk: out.id, tier: tier}, limit)
	}
}

// advance continues the greedy match of q's runes from..end in item sp at
// offset at, returning the offset after it or -1 if q does not match. The
// offsets are into the folded text, equal to those into the text when the
// item is aligned.
func (f *Finder) advance(sp *span, q *pattern, from, at int) int {
	if sp.aligned && q.ascii {
		s := f.text[sp.start:sp.end]
		for k := from; k < len(q.val); k++ {
			if at = scanTo(s, at, q.val[k], q.or[k]); at == len(s) {
				return -1
			}
			at++
		}
		return at
	}
	s := f.folds[sp.fstart:sp.fend]
	for _, enc := range q.enc[from:] {
		k := index(s[at:], enc)
		if k < 0 {
			return -1
		}
		at += k + len(enc)
	}
	return at
}

// scoreRest scores the items of out.rest, which match only with the other
// fields.
func (f *Finder) scoreRest(q *pattern, limit int, out *chunkOut) {
	for _, i := range out.rest {
		sp := &f.spans[i]
		text := f.text[sp.start:sp.end]
		if limit > 0 && len(out.res) == limit {
			if w := &out.res[0]; w.tier == 0 || q.bound-len(text) <= w.score {
				continue
			}
		}
		n0 := len(out.pos)
		sc, pos := scoreItem(sp, q, text, f.folds[sp.fstart:sp.fend], out.pos)
		out.pos = pos
		if sc.ok { // always: the greedy match said so
			out.push(result{score: sc.score, idx: i, off: int32(n0), chunk: out.id, tier: 1}, limit)
		}
	}
}

func (out *chunkOut) push(r result, limit int) {
	if limit > 0 {
		pushBounded(&out.res, r, limit)
	} else {
		out.res = append(out.res, r)
	}
}

func scoreItem(sp *span, q *pattern, text, folded string, pos []int32) (scored, []int32) {
	if sp.aligned {
		if q.ascii {
			return scoreBytes(text, q, pos)
		}
		return scoreAligned(text, folded, q, pos)
	}
	return scoreRunes(text, q.runes, pos)
}
