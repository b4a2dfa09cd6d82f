package finder

// Builder indexes items one at a time straight into the Finder's final
// arenas: no []Item is held and no per-core part is copied, so a load
// that already keeps its list in memory peaks near the Finder's own size.
// New indexes in parallel and copies; the Finder a Builder makes from the
// same items in the same order is identical.
//
//	b := NewBuilder(len(list))
//	for _, x := range list { b.Reserve(item(x)) } // optional: sizes the arenas once
//	for _, x := range list { b.Add(item(x)) }
//	f := b.Done()
//
// A Builder is not safe for concurrent use; it must not be used after Done.
type Builder struct {
	f             *Finder
	titles, folds []byte
	bits          []uint64
	joined        []byte
	nt, nf, n     int // reserved sizes
	started       bool
}

// NewBuilder starts an empty index for about n items.
func NewBuilder(n int) *Builder {
	n = max(n, 0)
	return &Builder{f: &Finder{ids: make([]int64, 0, n), spans: make([]span, 0, n)}}
}

// Reserve counts it toward the arenas' size, which the first Add
// allocates at once: growing them by appending would copy each several
// times over and leave up to half of each unused for the Finder's life.
// Reserving after the first Add does nothing.
func (b *Builder) Reserve(it Item) {
	if b.started {
		return
	}
	b.n++
	b.nt += len(it.Title)
	b.nf += len(it.Title) + len(it.Source) + len(it.Author) + 6
	for _, t := range it.Tags {
		b.nf += len(t) + 1
	}
}

// Add indexes it as the next item (Match.Index counts Adds from 0).
func (b *Builder) Add(it Item) {
	if !b.started {
		b.started = true
		// The same sizes New's parts take (folds 1:1 for ASCII, a margin
		// for the rest).
		b.titles = make([]byte, 0, b.nt)
		b.folds = make([]byte, 0, b.nf+b.nf/16)
		b.bits = make([]uint64, 0, 2*(b.nf/64+b.n))
	}
	var sp span
	b.titles, b.folds, b.bits, b.joined, sp = indexItem(b.titles, b.folds, b.bits, b.joined, it)
	b.f.ids = append(b.f.ids, it.ID)
	b.f.spans = append(b.f.spans, sp)
}

// Done returns the Finder. The arenas become its strings without a copy.
func (b *Builder) Done() *Finder {
	f := b.f
	f.titles, f.folds, f.bits = view(b.titles), view(b.folds), b.bits
	*b = Builder{}
	f.pairsOnce.Do(f.indexPairs) // as New does: the finder is whole when returned
	return f
}

// indexItem appends it to the arenas and returns its span (offsets into
// them); joined is a reused scratch buffer.
func indexItem(titles, folds []byte, bits []uint64, joined []byte, it Item) ([]byte, []byte, []uint64, []byte, span) {
	title := cutNUL(it.Title)
	// The joined fields are built in one reused buffer (and folded from it
	// at once): a string per item was two allocations per item.
	joined = append(joined[:0], "  "...)
	joined = append(joined, it.Source...)
	joined = append(joined, "  "...)
	joined = append(joined, it.Author...)
	joined = append(joined, "  "...)
	for t, tag := range it.Tags {
		if t > 0 {
			joined = append(joined, ' ')
		}
		joined = append(joined, tag...)
	}
	rest := cutNUL(view(joined))

	sp := span{tstart: int32(len(titles)), fstart: int32(len(folds)), bits: int32(len(bits))}
	titles = append(titles, title...)
	sp.tend = int32(len(titles))
	// A fold is at most 3 bytes per input byte (ASCII folds 1:1).
	words := (3*(len(title)+len(rest)))/64 + 1
	bits = append(bits, make([]uint64, 2*words)...)
	starts, wordBits := bits[sp.bits:int(sp.bits)+words], bits[int(sp.bits)+words:]
	base := len(folds)
	folds, sp.tmask, sp.asciiTitle = foldText(folds, title, base, starts, wordBits)
	sp.ftitle = int32(len(folds))
	var rmask uint64
	folds, rmask, _ = foldText(folds, rest, base, starts, wordBits)
	sp.fend = int32(len(folds))
	sp.mask = sp.tmask | rmask
	for j := base; j < len(folds); j++ {
		if bit(starts, j-base) {
			sp.smask |= 1 << (folds[j] & 63)
			if j+1 < len(folds) {
				sp.pmask |= 1 << pairHash(folds[j], folds[j+1])
			}
		}
	}
	// Keep only the bit words the fold needs.
	need := int(sp.fend-sp.fstart)/64 + 1
	if need < words {
		copy(bits[int(sp.bits)+need:], wordBits[:need])
		bits = bits[:int(sp.bits)+2*need]
	}
	return titles, folds, bits, joined, sp
}
