package anchor

import "sort"

// FuzzyThreshold is the least quote similarity an approximate match needs:
// 1 - edits/len(old quote) >= 0.75, i.e. at most one edit per four code
// points. That admits a fixed typo or an inserted or deleted word in a
// sentence, and rejects a different sentence that merely shares words.
// Quotes shorter than shortQuote also need their context to agree (see
// minShortContext), since a few letters match too many places.
const FuzzyThreshold = 0.75

const (
	// A quote shorter than shortQuote code points placed anywhere but its
	// old, unchanged surroundings needs prefix and suffix at least
	// minShortContext similar on average: a deleted "Russia" must be
	// orphaned, not jump to another "Russia" in an unrelated sentence.
	shortQuote, minShortContext = 16, 0.5
	// maxCandidates bounds how many approximate matches are ranked, keeping
	// the fewest-edit ones: repetitive text could otherwise yield thousands.
	maxCandidates = 16
	// maxBounds bounds the starts, and the ends per start, ranked for each
	// match; endSlack is how many more edits than the fewest an end may
	// cost to be ranked at all.
	maxBounds, endSlack = 4, 2
	// maxFuzzyLen bounds the quotes matched approximately in one piece: the
	// cost grows with the square of the length. Longer quotes, up to
	// maxLongQuote, are placed by their two ends (see longFuzzy).
	maxFuzzyLen, maxLongQuote = 4096, 16384
	// Scoring weights, after Hypothesis' anchoring: the quote dominates,
	// context separates similar candidates, position only breaks ties.
	wQuote, wPrefix, wSuffix, wPos = 50, 20, 20, 2
)

type candidate struct {
	start, end, dist int
}

// fuzzy places the quote by approximate matching: first in a window around
// want, where the old position maps, then, if nothing fits there, in the
// whole body. cut lists the starts of exact copies of the quote that were
// passed over for cutting a word; they compete here, snapped to whole words.
func (e *edit) fuzzy(sel Selector, quote string, want int, orphan Result, cut ...int) Result {
	d := e.new
	p := []rune(quote)
	m := len(p)
	k := int(float64(m) * (1 - FuzzyThreshold))
	if k == 0 || d.n() == 0 {
		return orphan // nothing below one edit that the exact search missed
	}
	if m > maxFuzzyLen {
		return e.longFuzzy(sel, p, orphan)
	}
	f := &fuzzyMatch{
		e:      e,
		pt:     newPattern(p),
		rev:    newPattern(reversed(p)),
		k:      k,
		want:   want,
		prefix: []rune(validUTF8(sel.Prefix)),
		suffix: []rune(validUTF8(sel.Suffix)),
		quote:  p,
		cut:    cut,
	}
	f.startWhole, f.endWhole = edges(f.prefix, quote, f.suffix)
	slack := 4*m + 1024
	lo, hi := max(0, f.want-slack), min(d.n(), f.want+m+k+slack)
	best, ok := f.place(lo, hi)
	if !ok && (lo > 0 || hi < d.n()) {
		best, ok = f.place(0, d.n())
	}
	if !ok {
		return orphan
	}
	return e.placed(best.start, best.end, Fuzzy, 1-float64(best.dist)/float64(m))
}

type fuzzyMatch struct {
	e                    *edit
	pt, rev              *pattern
	k, want              int
	prefix, suffix       []rune
	quote                []rune // the old quote
	cut                  []int
	startWhole, endWhole bool // the edges the old quote had on word boundaries
}

type scored struct {
	candidate
	score float64
}

// place takes the best-scoring match in runes [lo:hi] that can be settled
// on whole words (see snap).
func (f *fuzzyMatch) place(lo, hi int) (candidate, bool) {
	for _, c := range f.ranked(lo, hi) {
		if s, ok := f.snap(c.candidate); ok {
			return s, true
		}
	}
	return candidate{}, false
}

// ranked lists the acceptable matches lying in runes [lo:hi], best first.
func (f *fuzzyMatch) ranked(lo, hi int) []scored {
	// Each run of adjacent end offsets within k edits is one match seen
	// through its neighbours; its first fewest-edit end stands for it.
	var runs []candidate
	last := -2
	f.pt.search(f.e.new.runes[lo:hi], f.k, func(end, dist int) {
		end += lo
		if n := len(runs); n > 0 && end == last+1 {
			if dist < runs[n-1].dist {
				runs[n-1] = candidate{end: end, dist: dist}
			}
		} else {
			runs = append(runs, candidate{end: end, dist: dist})
		}
		last = end
	})
	if len(runs) > maxCandidates {
		sort.SliceStable(runs, func(i, j int) bool { return runs[i].dist < runs[j].dist })
		runs = runs[:maxCandidates]
	}
	var out []scored
	add := func(c candidate) {
		if score, ok := f.score(c); ok {
			out = append(out, scored{c, score})
		}
	}
	for _, run := range runs {
		// Edit distance alone leaves the boundaries loose: " big brown"
		// and "quick big brown" can cost the same, and a changed last
		// word ("です" → "である") is cheaper to drop than to keep. So
		// the fewest-edit starts for the run's end, then the near-best
		// ends for each start, are ranked with their context.
		for _, start := range f.starts(run.end, lo) {
			for _, c := range f.ends(start, hi) {
				add(c)
			}
		}
	}
	for _, s := range f.cut {
		if s >= lo && s+f.pt.m <= hi {
			add(candidate{start: s, end: s + f.pt.m})
		}
	}
	// Stable: among equal scores the first found wins, as it always has.
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// starts lists where the fewest-edit matches ending at end begin, at most
// maxBounds of them with lengths nearest the pattern's. It runs the reversed
// pattern over the reversed text before end, globally, so the match is pinned
// to end.
func (f *fuzzyMatch) starts(end, lo int) []int {
	from := max(lo, end-f.pt.m-f.k)
	dist := f.rev.distances(reversed(f.e.new.runes[from:end]))
	var out []int
	for _, n := range f.nearest(dist, 0) {
		out = append(out, end-n)
	}
	return out
}

// ends lists matches starting at start whose edit count is within endSlack
// of the fewest, at most maxBounds of them.
func (f *fuzzyMatch) ends(start, hi int) []candidate {
	dist := f.pt.distances(f.e.new.runes[start:min(hi, start+f.pt.m+f.k)])
	var out []candidate
	for _, n := range f.nearest(dist, endSlack) {
		out = append(out, candidate{start: start, end: start + n, dist: dist[n]})
	}
	return out
}

// nearest picks lengths n >= 1 with dist[n] within slack of the least,
// fewest edits first, then lengths nearest the pattern's; at most maxBounds.
func (f *fuzzyMatch) nearest(dist []int, slack int) []int {
	if len(dist) < 2 {
		return nil
	}
	least := dist[1]
	for _, d := range dist[1:] {
		least = min(least, d)
	}
	var ns []int
	for n := 1; n < len(dist); n++ {
		if dist[n] <= least+slack {
			ns = append(ns, n)
		}
	}
	sort.Slice(ns, func(i, j int) bool {
		if dist[ns[i]] != dist[ns[j]] {
			return dist[ns[i]] < dist[ns[j]]
		}
		return abs(ns[i]-f.pt.m) < abs(ns[j]-f.pt.m)
	})
	return ns[:min(len(ns), maxBounds)]
}

// score ranks a candidate and says whether it is acceptable at all.
func (f *fuzzyMatch) score(c candidate) (float64, bool) {
	d := f.e.new
	quoteSim := 1 - float64(c.dist)/float64(f.pt.m)
	if c.start >= c.end || quoteSim < FuzzyThreshold {
		return 0, false
	}
	pre, suf := d.contextSimilarity(c.start, c.end, f.prefix, f.suffix)
	if f.pt.m < shortQuote && (pre+suf)/2 < minShortContext {
		return 0, false
	}
	return f.weigh(c, quoteSim, pre, suf), true
}

// weigh combines a candidate's quote and context similarities and its
// nearness to where the old position maps into one score.
func (f *fuzzyMatch) weigh(c candidate, quoteSim, pre, suf float64) float64 {
	pos := 1 - float64(abs(c.start-f.want))/float64(max(1, f.e.new.n()))
	return wQuote*quoteSim + wPrefix*pre + wSuffix*suf + wPos*pos
}

// contextSimilarity scores the new text beside [s:t] against the stored
// prefix and suffix, each in 0..1 (see similarOutward).
func (d *doc) contextSimilarity(s, t int, prefix, suffix []rune) (pre, suf float64) {
	// A few code points more than stored, so insertions can be skipped.
	reach := ContextLen / 4
	pre = similarOutward(reversed(prefix), reversed(d.runes[max(0, s-len(prefix)-reach):s]))
	suf = similarOutward(suffix, d.runes[t:min(d.n(), t+len(suffix)+reach)])
	return pre, suf
}

// similarOutward compares stored context with the new text beside a
// candidate, both read outward from the quote: 1 - edits/len(stored), where
// the far end of the new text is free, so text inserted or deleted next to
// the quote costs its length once rather than also shifting the comparison
// window. Empty stored context (the quote was at an end of the body) scores 1
// if the candidate is at that end too, else a neutral 0.5.
func similarOutward(stored, near []rune) float64 {
	if len(stored) == 0 {
		if len(near) == 0 {
			return 1
		}
		return 0.5
	}
	row := make([]int, len(near)+1)
	for j := range row {
		row[j] = j // new text inserted at the quote costs; only the far end is free
	}
	for i := 1; i <= len(stored); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(near); j++ {
			cost := 1
			if stored[i-1] == near[j-1] {
				cost = 0
			}
			diag, row[j] = row[j], min(diag+cost, row[j]+1, row[j-1]+1)
		}
	}
	return 1 - float64(min(len(stored), minOf(row)))/float64(len(stored))
}

func minOf(xs []int) int {
	m := xs[0]
	for _, x := range xs {
		m = min(m, x)
	}
	return m
}

func reversed(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[len(r)-1-i] = c
	}
	return out
}
