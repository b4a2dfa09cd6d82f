package anchor

// longPiece is how many code points of each end of a long quote are placed.
const longPiece = 1024

// longFuzzy places a quote too long to match approximately in one piece: its
// first and last longPiece code points are re-anchored on their own (they are
// usually intact even when the middle was edited), and the text from the
// head's start to the tail's end is accepted if it is within FuzzyThreshold
// of the whole quote.
func (e *edit) longFuzzy(sel Selector, p []rune, orphan Result) Result {
	m := len(p)
	if m > maxLongQuote {
		return orphan
	}
	at := min(max(sel.Start, 0), e.oldN)
	head := e.reanchor(Selector{
		Start: at, End: at + longPiece,
		Exact: string(p[:longPiece]), Prefix: sel.Prefix,
		Suffix: string(p[longPiece : longPiece+ContextLen]),
	})
	tail := e.reanchor(Selector{
		Start: at + m - longPiece, End: at + m,
		Exact:  string(p[m-longPiece:]),
		Prefix: string(p[m-longPiece-ContextLen : m-longPiece]), Suffix: sel.Suffix,
	})
	if head.Status == Orphaned || tail.Status == Orphaned {
		return orphan
	}
	s, t := head.Selector.Start, tail.Selector.End
	if t-s < m-m/4 || t-s > m+m/4 {
		return orphan // the ends were found, but not one quote apart
	}
	dist := newPattern(p).distances(e.new.runes[s:t])[t-s]
	sim := 1 - float64(dist)/float64(m)
	if sim < FuzzyThreshold {
		return orphan
	}
	return e.placed(s, t, Fuzzy, sim)
}
