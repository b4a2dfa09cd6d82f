package finder

import (
	"math/bits"
	"strings"
)

// How one query word matches a text, best first. A word is matched the way
// sahilm/fuzzy matches (its folded letters in order), and ranked the way
// people read: the word itself, the start of a word, pieces that each start
// one of consecutive words (initials, "tensmay"), inside a word, letters of
// one word from its start (an abbreviation, "mnhtn"), scattered letters.
const (
	classScattered = 0
	classAbbrev    = 150
	classInside    = 200
	classPieces    = 250
	classPrefix    = 300
	classWhole     = 400
	// classRoom is the room within a class for finer grades: how much of the
	// word a prefix covers, how tight a scattered match is.
	classRoom = 49
	// restPenalty lowers matches in the source, author and tags (or across
	// fields) by about one class: titles count more.
	restPenalty = 100
	// perWord puts every item with more of the query's words present above
	// every item with fewer.
	perWord = 10000
)

// field is a folded text with its word starts and word bytes (bit sets
// indexed from the text's first byte).
type field struct {
	s             string
	starts, words []uint64
}

func (f *field) start(i int) bool { return bit(f.starts, i) }

// endsWord reports whether a match ending before byte e ends a word.
func (f *field) endsWord(e int) bool {
	return e >= len(f.s) || !bit(f.words, e) || bit(f.starts, e)
}

// wordLen returns the length of the word starting at i.
func (f *field) wordLen(i int) int {
	e := i + 1
	for e < len(f.s) && bit(f.words, e) && !bit(f.starts, e) {
		e++
	}
	return e - i
}

// maxOccurrences bounds the occurrences of a word examined in one text.
const maxOccurrences = 16

// score grades word w (folded, non-empty) in f. It returns -1 when w's
// letters are not in f in order; pos, when not nil, receives the matched
// byte offsets (appended).
func (f *field) score(w string, pos *[]int32, sc *scratch) int {
	if s := f.substring(w, pos); s >= 0 {
		return s
	}
	return f.align(w, pos, sc)
}

// substring grades the best of w's first occurrences in f, or returns -1
// when w does not occur.
func (f *field) substring(w string, pos *[]int32) int {
	best, bestAt, end := -1, -1, 0
	for from, n := 0, 0; n < maxOccurrences; n++ {
		k := strings.Index(f.s[from:], w)
		if k < 0 {
			break
		}
		at := from + k
		sc := classInside
		if f.start(at) {
			if f.endsWord(at + len(w)) {
				sc = classWhole
			} else {
				sc = classPrefix + classRoom*len(w)/f.wordLen(at)
			}
		} else if !bit(f.words, at) {
			sc = classPrefix // the word begins with a separator: "-nato", ".com"
		}
		if sc > best {
			best, bestAt = sc, at
		}
		if sc == classWhole {
			break
		}
		from = at + 1
		if from >= len(f.s) {
			break
		}
	}
	if best >= 0 {
		end = bestAt + len(w)
		if pos != nil {
			for k := bestAt; k < end; k++ {
				*pos = append(*pos, int32(k))
			}
		}
	}
	return best
}

// alignBound bounds what align would return without aligning: -1 when w's
// letters are not in f in order; the top of the pieces class when a word
// starting with w's first letter can be followed by the next word carrying
// on w (what two runs need); the top of the abbreviation class when w's
// first letter starts a word; else the top of the scattered class.
func (f *field) alignBound(w string) int {
	at := 0
	for k := 0; k < len(w); k++ {
		j := strings.IndexByte(f.s[at:], w[k])
		if j < 0 {
			return -1
		}
		at += j + 1
	}
	b := -1
	p := -1 // the previous word start
	for k, x := range f.starts {
		for ; x != 0; x &= x - 1 {
			j := k<<6 | bits.TrailingZeros64(x)
			if j >= len(f.s) {
				break
			}
			if p >= 0 && f.s[p] == w[0] {
				b = classAbbrev + classRoom
				if f.twoRuns(w, p, j) {
					return classPieces + classRoom
				}
			}
			p = j
		}
	}
	if p >= 0 && f.s[p] == w[0] {
		b = classAbbrev + classRoom
	}
	if b < 0 {
		// No word starts with w's first letter: neither pieces nor an
		// abbreviation, so align grades the scattered letters, as here.
		end := f.forward(w, 0)
		start := f.backward(w, end-1, -1)
		b = classScattered + classRoom*len(w)/(end-start)
	}
	return b
}

// twoRuns reports whether a run of w from its start can fill the word
// starting at p (ending before the next word start e) far enough that the
// word at e begins with w's next letter, as alignPieces' runs need.
func (f *field) twoRuns(w string, p, e int) bool {
	for t := 0; t+1 < len(w) && p+t < e && f.s[p+t] == w[t] && bit(f.words, p+t); t++ {
		if f.s[e] == w[t+1] {
			return true
		}
	}
	return false
}

// appendStarts appends the offsets of f's word starts, in order, reading
// the bit set a word at a time rather than testing every byte.
func (f *field) appendStarts(st []int32) []int32 {
	for k, x := range f.starts {
		for ; x != 0; x &= x - 1 {
			j := k<<6 | bits.TrailingZeros64(x)
			if j >= len(f.s) {
				return st
			}
			st = append(st, int32(j))
		}
	}
	return st
}

// align grades w in f when w is not a substring, trying the classes best
// first: pieces of consecutive words, an abbreviation of one word, then
// scattered letters graded by the tightest window holding them. It returns
// -1 when w's letters are not in f in order. Every step is a scan: no
// table over text × word is built.
func (f *field) align(w string, pos *[]int32, sc *scratch) int {
	end := f.forward(w, 0)
	if end < 0 {
		return -1
	}
	sc.starts = f.appendStarts(sc.starts[:0])
	if s := f.alignPieces(w, pos, sc); s >= 0 {
		return s
	}
	if s := f.alignAbbrev(w, pos, sc); s >= 0 {
		return s
	}
	// Scattered: the last letter's first possible place, then back to the
	// latest start, gives the tightest window of the greedy match.
	start := f.backward(w, end-1, -1)
	if pos != nil {
		f.place(w, start, pos)
	}
	return classScattered + classRoom*len(w)/(end-start)
}

// forward returns the offset after the greedy match of w in f from byte
// from, or -1.
func (f *field) forward(w string, from int) int {
	at := from
	for k := 0; k < len(w); k++ {
		j := strings.IndexByte(f.s[at:], w[k])
		if j < 0 {
			return -1
		}
		at += j + 1
	}
	return at
}

// backward returns the latest start > floor of a match of w ending at or
// before byte last (which must exist).
func (f *field) backward(w string, last, floor int) int {
	at := last + 1
	for k := len(w) - 1; k >= 0; k-- {
		j := strings.LastIndexByte(f.s[floor+1:at], w[k])
		at = floor + 1 + j
	}
	return at
}

// place appends the greedy positions of w from byte from.
func (f *field) place(w string, from int, pos *[]int32) {
	at := from
	for k := 0; k < len(w); k++ {
		at += strings.IndexByte(f.s[at:], w[k])
		*pos = append(*pos, int32(at))
		at++
	}
}

// alignPieces finds w as runs that each start one of consecutive words
// ("btc", "tensmay"), the most runs best (initials grade highest).
func (f *field) alignPieces(w string, pos *[]int32, sc *scratch) int {
	st := sc.starts
	nw := len(st)
	memo := sc.grow(&sc.memo, (len(w)+1)*nw)
	for k := range memo {
		memo[k] = -2 // unknown
	}
	// runs(k, i): most runs matching w[k:] from word i's start; -1 if none.
	var runs func(k, i int) int32
	runs = func(k, i int) int32 {
		if k == len(w) {
			return 0
		}
		if i >= nw {
			return -1
		}
		if m := memo[k*nw+i]; m != -2 {
			return m
		}
		best := int32(-1)
		p, e := int(st[i]), len(f.s)
		if i+1 < nw {
			e = int(st[i+1])
		}
		for t := 0; k+t < len(w) && p+t < e && f.s[p+t] == w[k+t] && bit(f.words, p+t); t++ {
			if r := runs(k+t+1, i+1); r >= 0 && r+1 > best {
				best = r + 1
			}
		}
		memo[k*nw+i] = best
		return best
	}
	best, bestAt := int32(-1), -1
	for i := 0; i < nw; i++ {
		if f.s[st[i]] == w[0] {
			if r := runs(0, i); r > best {
				best, bestAt = r, i
			}
		}
	}
	if best < 2 {
		return -1 // one run would be a substring
	}
	if pos != nil {
		for k, i := 0, bestAt; k < len(w); i++ {
			p, target := int(st[i]), runs(k, i)
			for t := 0; ; t++ {
				if runs(k+t+1, i+1)+1 == target {
					for x := 0; x <= t; x++ {
						*pos = append(*pos, int32(p+x))
					}
					k += t + 1
					break
				}
			}
		}
	}
	return classPieces + classRoom*int(best)/len(w)
}

// alignAbbrev finds w's letters inside one word, the first at its start,
// the tightest best ("mnhtn" in Manhattan).
func (f *field) alignAbbrev(w string, pos *[]int32, sc *scratch) int {
	best, bestP, bestStart := -1, 0, 0
	st := sc.starts
	for i, p := range st {
		if f.s[p] != w[0] {
			continue
		}
		e := len(f.s)
		if i+1 < len(st) {
			e = int(st[i+1])
		}
		sub := field{s: f.s[:e], starts: f.starts, words: f.words}
		end := sub.forward(w[1:], int(p)+1)
		if end < 0 || !sub.allWord(int(p), end) {
			continue
		}
		start := sub.backward(w[1:], end-1, int(p))
		if g := classRoom * len(w) / (end - int(p)); g > best {
			best, bestP, bestStart = g, int(p), start
		}
	}
	if best < 0 {
		return -1
	}
	if pos != nil {
		*pos = append(*pos, int32(bestP))
		f.place(w[1:], bestStart, pos)
	}
	return classAbbrev + best
}

// allWord reports whether bytes lo..hi-1 are all word bytes.
func (f *field) allWord(lo, hi int) bool {
	for j := lo; j < hi; j++ {
		if !bit(f.words, j) {
			return false
		}
	}
	return true
}

// scratch is one goroutine's reusable alignment memory.
type scratch struct{ starts, memo []int32 }

func (sc *scratch) grow(s *[]int32, n int) []int32 {
	if cap(*s) < n {
		*s = make([]int32, n)
	}
	return (*s)[:n]
}
