package anchor

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// doc is a body prepared once for many look-ups: the string for fast byte
// searching (strings.Index) and the code points for offsets and matching.
type doc struct {
	str   string
	runes []rune
	// off[i] is the byte offset of code point i; off[n] == len(str). Nil
	// when the body is ASCII, where the two coincide.
	off []int
}

// validUTF8 makes s valid UTF-8 the same way []rune(s) reads it (each bad byte
// becomes U+FFFD), so byte searches and code point offsets always agree.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

func newDoc(body string) *doc {
	body = validUTF8(body)
	d := &doc{str: body, runes: []rune(body)}
	if len(d.runes) != len(body) {
		d.off = make([]int, 0, len(d.runes)+1)
		for i := range body {
			d.off = append(d.off, i)
		}
		d.off = append(d.off, len(body))
	}
	return d
}

func (d *doc) n() int { return len(d.runes) }

// byteAt converts a code point offset to a byte offset.
func (d *doc) byteAt(i int) int {
	if d.off == nil {
		return i
	}
	return d.off[i]
}

// runeAt converts a byte offset on a code point boundary to a code point offset.
func (d *doc) runeAt(b int) int {
	if d.off == nil {
		return b
	}
	return sort.SearchInts(d.off, b)
}

// slice returns the text of code points [i:j].
func (d *doc) slice(i, j int) string { return d.str[d.byteAt(i):d.byteAt(j)] }

func (d *doc) describe(start, end int) Selector {
	return Selector{
		Start:  start,
		End:    end,
		Exact:  d.slice(start, end),
		Prefix: d.slice(max(0, start-ContextLen), start),
		Suffix: d.slice(end, min(d.n(), end+ContextLen)),
	}
}

// has reports whether quote (q code points) sits at code point offset s.
func (d *doc) has(s, q int, quote string) bool {
	return s >= 0 && q <= d.n()-s && d.slice(s, s+q) == quote
}

// occurrencesIn returns the code point offsets of every (possibly
// overlapping) exact occurrence of quote within code points [lo:hi].
func (d *doc) occurrencesIn(quote string, lo, hi int) []int {
	var at []int
	end := d.byteAt(hi)
	for b := d.byteAt(lo); b <= end; {
		i := strings.Index(d.str[b:end], quote)
		if i < 0 {
			break
		}
		at = append(at, d.runeAt(b+i))
		// A valid UTF-8 needle only matches on code point boundaries, so
		// stepping one byte cannot land a false match mid-rune.
		b += i + 1
	}
	return at
}

// contextMatch counts how many code points of context agree around the quote
// placed at [s:e]: the common tail of prefix and the text before s, plus the
// common head of suffix and the text after e. It is the tie-breaker between
// repeated quotes.
func (d *doc) contextMatch(s, e int, prefix, suffix []rune) int {
	n := 0
	for i := 1; i <= len(prefix) && s-i >= 0 && d.runes[s-i] == prefix[len(prefix)-i]; i++ {
		n++
	}
	for i := 0; i < len(suffix) && e+i < d.n() && d.runes[e+i] == suffix[i]; i++ {
		n++
	}
	return n
}

// edit describes the change from an old body to a new one by their common
// head and tail, so positions outside the changed middle map exactly and
// positions inside it map proportionally.
type edit struct {
	new        *doc
	oldN       int
	head, tail int // code points shared at the start and at the end
}

func newEdit(oldBody, newBody string) *edit {
	oldBody = validUTF8(oldBody)
	e := &edit{new: newDoc(newBody), oldN: utf8.RuneCountInString(oldBody)}
	a, b := oldBody, e.new.str
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	// Equal bytes decode alike, so backing up to a boundary in a backs up
	// to the same boundary in b.
	for p > 0 && ((p < len(a) && !utf8.RuneStart(a[p])) || (p < len(b) && !utf8.RuneStart(b[p]))) {
		p--
	}
	s := 0
	for limit := min(len(a), len(b)) - p; s < limit && a[len(a)-1-s] == b[len(b)-1-s]; s++ {
	}
	for s > 0 && !utf8.RuneStart(a[len(a)-s]) {
		s--
	}
	e.head = utf8.RuneCountInString(a[:p])
	e.tail = utf8.RuneCountInString(a[len(a)-s:])
	return e
}

// mapPos maps an old code point offset to where it most likely is now.
func (e *edit) mapPos(x int) int {
	newN := e.new.n()
	switch {
	case x <= e.head:
		return min(x, newN)
	case x >= e.oldN-e.tail:
		return max(0, min(newN, x+newN-e.oldN))
	}
	oldMid, newMid := e.oldN-e.tail-e.head, newN-e.tail-e.head
	return e.head + int(int64(x-e.head)*int64(newMid)/int64(oldMid))
}
