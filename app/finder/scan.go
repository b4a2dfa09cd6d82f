package finder

import (
	"cmp"
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
	return q
}

// result is one matching item before it becomes a Match. Its matched byte
// offsets are the pattern's rune count of int32s at off in its chunk's pos
// arena: holding no pointers keeps 100k results cheap for the collector.
type result struct {
	score int
	idx   int32
	off   int32
	chunk int32
	tier  uint8 // 0: matched on the title; 1: needed the other fields
}

// compare orders results best first: title matches, higher score, then
// earlier item, which is sahilm's stable sort applied to each tier.
func compare(a, b result) int {
	if a.tier != b.tier {
		return cmp.Compare(a.tier, b.tier)
	}
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	return cmp.Compare(a.idx, b.idx)
}

// chunkOut is what scanning one contiguous run of candidates produced.
type chunkOut struct {
	matched []int32  // every matching item, in item order
	ends    []int32  // and where its greedy match ends (see cached)
	res     []result // all matches, or with a limit a heap of the best limit
	pos     []int32  // arena for the results' pos slices
	rest    []int32  // items matching only with the other fields, not yet scored
	titles  int      // title matches found
	id      int32    // this chunk's index, for result.chunk
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
	for c := range outs {
		outs[c].id = int32(c)
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
	next = &cached{key: q.key, runes: len(q.enc), matched: make([]int32, 0, found), ends: make([]int32, 0, found)}
	for c, o := range outs {
		arenas[c] = o.pos
		res = append(res, o.res...)
		next.matched = append(next.matched, o.matched...)
		next.ends = append(next.ends, o.ends...)
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
	for k := lo; k < hi; k++ {
		i, at := int32(k), 0
		if base != nil {
			i, at = base.matched[k], int(base.ends[k])
		}
		sp := &f.spans[i]
		if q.mask&^sp.mask != 0 {
			continue // a query byte the item lacks: the cheapest rejection
		}
		end := f.advance(sp, q, from, at)
		if end < 0 {
			continue
		}
		out.matched = append(out.matched, i)
		out.ends = append(out.ends, int32(end))
		if q.literal {
			f.scoreLiteral(sp, q, i, limit, out)
			continue
		}
		if end > int(sp.ftitle-sp.fstart) {
			out.rest = append(out.rest, i)
			continue
		}
		out.titles++
		if limit > 0 && len(out.res) == limit {
			// Skip scoring what cannot displace the worst result kept.
			if w := &out.res[0]; w.tier == 0 && q.bound-int(sp.title-sp.start) <= w.score {
				continue
			}
		}
		n0 := len(out.pos)
		score, ok, pos := scoreItem(sp, q, f.text[sp.start:sp.title], f.folds[sp.fstart:sp.ftitle], out.pos)
		if !ok || limit > 0 && len(out.res) == limit && score <= out.res[0].score && out.res[0].tier == 0 {
			out.pos = pos[:n0] // not kept: a later item ties at best
			continue
		}
		out.pos = pos
		out.push(result{score: score, idx: i, off: int32(n0), chunk: out.id}, limit)
	}
}

// scoreLiteral scores item i with sahilm's own loop, title first.
func (f *Finder) scoreLiteral(sp *span, q *pattern, i int32, limit int, out *chunkOut) {
	n0 := len(out.pos)
	tier := uint8(0)
	score, ok, pos := scoreRunes(f.text[sp.start:sp.title], q.runes, out.pos)
	if !ok {
		tier = 1
		score, ok, pos = scoreRunes(f.text[sp.start:sp.end], q.runes, pos)
	}
	out.pos = pos
	if ok {
		if tier == 0 {
			out.titles++
		}
		out.push(result{score: score, idx: i, off: int32(n0), chunk: out.id, tier: tier}, limit)
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
		score, ok, pos := scoreItem(sp, q, text, f.folds[sp.fstart:sp.fend], out.pos)
		out.pos = pos
		if ok { // always: member said so
			out.push(result{score: score, idx: i, off: int32(n0), chunk: out.id, tier: 1}, limit)
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

func scoreItem(sp *span, q *pattern, text, folded string, pos []int32) (int, bool, []int32) {
	if sp.aligned {
		if q.ascii {
			return scoreBytes(text, q, pos)
		}
		return scoreAligned(text, folded, q, pos)
	}
	return scoreRunes(text, q.runes, pos)
}

// pushBounded keeps the best limit results in a heap whose root is the
// worst, so most late arrivals are turned away with one comparison.
func pushBounded(h *[]result, r result, limit int) {
	s := *h
	if len(s) < limit {
		s = append(s, r)
		for c := len(s) - 1; c > 0; {
			p := (c - 1) / 2
			if compare(s[c], s[p]) <= 0 {
				break
			}
			s[c], s[p] = s[p], s[c]
			c = p
		}
		*h = s
		return
	}
	if compare(r, s[0]) >= 0 {
		return
	}
	s[0] = r
	for p := 0; ; {
		c := 2*p + 1
		if c >= len(s) {
			break
		}
		if c+1 < len(s) && compare(s[c+1], s[c]) > 0 {
			c++
		}
		if compare(s[c], s[p]) <= 0 {
			break
		}
		s[c], s[p] = s[p], s[c]
		p = c
	}
}

// rank returns where each result belongs, best first, for results that
// arrive in item order within each tier. Scores usually span a few hundred
// values, so a stable counting sort by (tier, score) is linear and leaves
// ties in item order; wide spans fall back to a comparison sort. Placing
// results rather than moving them lets matches read them in item order,
// which is memory order.
func rank(rs []result) []int32 {
	dest := make([]int32, len(rs))
	if len(rs) == 0 {
		return dest
	}
	lo, hi := rs[0].score, rs[0].score
	for _, r := range rs {
		lo, hi = min(lo, r.score), max(hi, r.score)
	}
	const far = 1 << 40 // keeps hi-lo from overflowing
	if lo < -far || hi > far || hi-lo > 4*len(rs)+1024 {
		perm := make([]int32, len(rs))
		for k := range perm {
			perm[k] = int32(k)
		}
		slices.SortFunc(perm, func(a, b int32) int { return compare(rs[a], rs[b]) })
		for p, k := range perm {
			dest[k] = int32(p)
		}
		return dest
	}
	width := hi - lo + 1
	key := func(r *result) int { return int(r.tier)*width + hi - r.score }
	starts := make([]int32, 2*width+1)
	for k := range rs {
		starts[key(&rs[k])+1]++
	}
	for k := 1; k < len(starts); k++ {
		starts[k] += starts[k-1]
	}
	for k := range rs {
		b := key(&rs[k])
		dest[k] = starts[b]
		starts[b]++
	}
	return dest
}

// matches turns results into Matches, placed at dest (if not nil), and
// converts the matched byte offsets in the title to rune indexes. Large
// result sets are converted in parallel parts, each part's emphasis sharing
// one allocation.
func (f *Finder) matches(ctx context.Context, res []result, dest []int32, arenas [][]int32, m int) []Match {
	out := make([]Match, len(res))
	workers := runtime.GOMAXPROCS(0)
	size := max(minChunk, (len(res)+workers-1)/workers)
	parts := (len(res) + size - 1) / size
	parallel(ctx, workers, parts, func(c int) {
		lo, hi := c*size, min((c+1)*size, len(res))
		f.convert(res[lo:hi], dest, lo, arenas, m, out)
	})
	return out
}

// convert fills out for the results res, which start at index lo of all.
func (f *Finder) convert(res []result, dest []int32, lo int, arenas [][]int32, m int, out []Match) {
	n := 0
	for _, r := range res {
		tlen := f.spans[r.idx].title - f.spans[r.idx].start
		for _, p := range arenas[r.chunk][r.off : int(r.off)+m] {
			if p < tlen {
				n++
			}
		}
	}
	buf := make([]int, 0, n)
	for k, r := range res {
		sp := &f.spans[r.idx]
		at := lo + k
		if dest != nil {
			at = int(dest[at])
		}
		out[at] = Match{ID: f.ids[r.idx], Index: int(r.idx), Score: r.score}
		title := f.text[sp.start:sp.title]
		from := len(buf)
		b, runes, prev := 0, 0, int32(-1)
		for _, p := range arenas[r.chunk][r.off : int(r.off)+m] {
			if int(p) >= len(title) {
				break // offsets ascend: the rest lie past the title
			}
			if p == prev {
				continue // sahilm repeats an offset after its bonus wraps
			}
			prev = p
			if sp.asciiTitle {
				buf = append(buf, int(p))
				continue
			}
			runes += utf8.RuneCountInString(title[b:p])
			b = int(p)
			buf = append(buf, runes)
		}
		if len(buf) > from {
			out[at].Title = buf[from:len(buf):len(buf)]
		}
	}
}
