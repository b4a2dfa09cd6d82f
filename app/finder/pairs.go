package finder

import "context"

// Pair masks: a word is a substring of a text only if every two adjacent
// bytes of the word are adjacent somewhere in the text, so a word with a
// pair (pairBit) missing from the text's pair mask is no substring of it.
// The test never says no to a substring; it lets the scan skip substring
// searches bound to fail and lets wordBound rule out the substring grades
// (whole word, word start, inside) without searching.

// pairBit folds two adjacent bytes into one of 64 bits.
func pairBit(a, b byte) uint64 {
	h := (uint32(a)<<8 | uint32(b)) * 0x9E3779B1
	return 1 << (h >> 26)
}

// wordPairs is the pair mask of w: 0 for a one-byte word, which every text
// holding its byte contains.
func wordPairs(w string) uint64 {
	var m uint64
	for j := 1; j < len(w); j++ {
		m |= pairBit(w[j-1], w[j])
	}
	return m
}

// indexPairs fills every span's pair masks and first byte from the folded
// arena: read per candidate, the arena's bytes cost a cache miss each.
func (f *Finder) indexPairs() {
	n := len(f.spans)
	chunks := max((n+maxChunk-1)/maxChunk, 1)
	parallel(context.Background(), 8, chunks, func(c int) {
		for i := c * maxChunk; i < min((c+1)*maxChunk, n); i++ {
			sp := &f.spans[i]
			sp.tpairs = wordPairs(f.folds[sp.fstart:sp.ftitle])
			sp.apairs = wordPairs(f.folds[sp.fstart:sp.fend])
			if sp.ftitle > sp.fstart {
				sp.first = f.folds[sp.fstart]
			}
		}
	})
}

// pairBound bounds the grade word k of q can earn in item i from the pair
// masks and the word-start mask: a word that is no substring of the title
// grades there at most as pieces (which need a word starting with its first
// byte and another starting with a later one), an abbreviation (a word
// starting with its first byte) or scattered letters — or as a substring of
// the other fields, a grade lower than a whole word.
func (f *Finder) pairBound(i int, q *query, k int) int {
	sp := &f.spans[i]
	w, p := q.words[k], q.pairs[k]
	if p&^sp.tpairs == 0 {
		return classWhole + 10
	}
	b := classScattered + classRoom
	if sp.smask&(1<<(w[0]&63)) != 0 {
		b = classAbbrev + classRoom
		if sp.smask&q.tails[k] != 0 {
			b = classPieces + classRoom
		}
	}
	if p&^sp.apairs == 0 {
		b = max(b, classWhole-restPenalty)
	}
	return b
}

// tailStarts is the word-start mask (as span.smask) of w's bytes after the
// first: one of them must start a word for w to match as pieces.
func tailStarts(w string) uint64 {
	var m uint64
	for j := 1; j < len(w); j++ {
		m |= 1 << (w[j] & 63)
	}
	return m
}

// scoreOr is score when w may be a substring of f (sub), else align alone:
// score would find no substring and align anyway.
func (f *field) scoreOr(w string, sub bool, pos *[]int32, sc *scratch) int {
	if sub {
		return f.score(w, pos, sc)
	}
	return f.align(w, pos, sc)
}
