package anchor

import (
	"unicode"
	"unicode/utf8"
)

// Word boundaries, so a re-anchored highlight never cuts a word in two. A
// word is a run of letters, digits, combining marks and connector
// punctuation ("_"), where an apostrophe between letters ("don't",
// "aujourd’hui") and a comma or full stop between digits ("100,000", "3.5")
// stay inside it. Han ideographs and kana are each a word of their own, as
// CJK text has no spaces to tell words apart. This is a simplification of
// Unicode's word boundary rules (UAX #29) that needs no tables beyond the
// standard library's and no dictionary.

// midWord reports whether offset p of r falls inside a word: a highlight
// bounded there cuts the word. The ends of the text are never inside.
func midWord(r []rune, p int) bool {
	if p <= 0 || p >= len(r) {
		return false
	}
	a, b := r[p-1], r[p]
	if unicode.In(b, unicode.Mn, unicode.Me, unicode.Mc) {
		return true // never part a letter from its accent
	}
	if ideograph(a) || ideograph(b) {
		return false
	}
	if wordRune(a) && wordRune(b) {
		return true
	}
	// A lone mid-word character glued between two word characters of the
	// right kind: "don|'t", "don'|t", "100|,000", "100,|000".
	if wordRune(a) && p+1 < len(r) && joins(a, b, r[p+1]) {
		return true
	}
	return wordRune(b) && p >= 2 && joins(r[p-2], a, b)
}

// joins reports whether mid keeps before and after in one word.
func joins(before, mid, after rune) bool {
	switch mid {
	case '\'', '’':
		return unicode.IsLetter(before) && unicode.IsLetter(after) && !ideograph(before) && !ideograph(after)
	case ',', '.':
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	}
	return false
}

func wordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsNumber(c) || unicode.In(c, unicode.Mn, unicode.Me, unicode.Mc, unicode.Pc)
}

// ideograph reports the CJK characters that are a word each.
func ideograph(c rune) bool {
	return unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana) && c != 'ー' && c != '・'
}

// wordStart is the start of the word holding offset p (p itself when p is
// not inside a word).
func wordStart(r []rune, p int) int {
	for midWord(r, p) {
		p--
	}
	return p
}

// wordEnd is the end of the word holding offset p.
func wordEnd(r []rune, p int) int {
	for midWord(r, p) {
		p++
	}
	return p
}

// nextWord is where the word after the one at p begins (after the rest of
// the word p cuts, or after the word starting at p), stopping before limit:
// spaces and closing punctuation are skipped, an opening quote or bracket
// is kept with the word it opens.
func nextWord(r []rune, p, limit int) int {
	switch {
	case midWord(r, p):
		p = wordEnd(r, p)
	case p < len(r) && wordRune(r[p]):
		p = wordEnd(r, p+1)
	}
	for p < limit && !wordRune(r[p]) && !unicode.In(r[p], unicode.Ps, unicode.Pi) {
		p++
	}
	return p
}

// prevWord mirrors nextWord: where the word before the one ending at p
// ends, with its closing punctuation, not going below limit.
func prevWord(r []rune, p, limit int) int {
	switch {
	case midWord(r, p):
		p = wordStart(r, p)
	case p > 0 && wordRune(r[p-1]):
		p = wordStart(r, p-1)
	}
	for p > limit && !wordRune(r[p-1]) && !unicode.In(r[p-1], unicode.Pe, unicode.Pf, unicode.Po) {
		p--
	}
	return p
}

// ragged reports whether a highlight starting (start is true) or ending at
// offset p of r has a bad edge: it cuts a word, or begins or ends on white
// space.
func ragged(r []rune, p int, start bool) bool {
	if midWord(r, p) {
		return true
	}
	if start {
		return p < len(r) && unicode.IsSpace(r[p])
	}
	return p > 0 && unicode.IsSpace(r[p-1])
}

// edges says whether a selector's quote was made on whole words at its
// start and at its end, judged from its own text and context. Only edges
// that were whole are kept whole: a highlight the user made on part of a
// word keeps that. Only the quote's first and last two code points are
// read, so long quotes cost nothing.
func edges(prefix []rune, quote string, suffix []rune) (startWhole, endWhole bool) {
	// Fixed arrays, not slices: this runs for every highlight of every
	// edit, most of them placed exactly.
	var buf [6]rune
	n := 0
	for _, c := range prefix[max(0, len(prefix)-2):] {
		buf[n] = c
		n++
	}
	pre := n
	q := 0
	for _, c := range quote {
		if q == 2 {
			break
		}
		buf[n] = c
		n, q = n+1, q+1
	}
	if q < 2 { // a one-letter quote: each edge needs the other side too
		for _, c := range suffix[:min(2, len(suffix))] {
			buf[n] = c
			n++
		}
		all := buf[:n]
		return !ragged(all, pre, true), !ragged(all, pre+q, false)
	}
	startWhole = !ragged(buf[:n], pre, true)
	var tail [4]rune
	m := 2
	c1, size := utf8.DecodeLastRuneInString(quote)
	c0, _ := utf8.DecodeLastRuneInString(quote[:len(quote)-size])
	tail[0], tail[1] = c0, c1
	for _, c := range suffix[:min(2, len(suffix))] {
		tail[m] = c
		m++
	}
	return startWhole, !ragged(tail[:m], 2, false)
}

// startOptions are the whole-word starts to try for a highlight starting
// at p and ending at t. When p cuts a word: that word taken whole, as when
// the edit replaced the highlight's first word, and the next word, as when
// that word was deleted. Otherwise p (past any spaces), the word before it
// (never across a line break) and the word after it: a match's own start
// can be a word boundary and still the wrong one ("it. 100,000" for a
// deleted "Almost").
func startOptions(r []rune, p, t int) []int {
	if midWord(r, p) {
		out := []int{wordStart(r, p)}
		if n := nextWord(r, p, t); n < t {
			out = append(out, n)
		}
		return out
	}
	var out []int
	q := p
	for q > 0 && r[q-1] != '\n' && unicode.IsSpace(r[q-1]) {
		q--
	}
	if q > 0 && wordRune(r[q-1]) {
		out = append(out, wordStart(r, q-1))
	}
	for p < t && unicode.IsSpace(r[p]) {
		p++
	}
	if p < t {
		out = append(out, p)
	}
	if n := nextWord(r, p, t); n < t && n != p {
		out = append(out, n)
	}
	return out
}

// endOptions mirrors startOptions for an end t after the start s.
func endOptions(r []rune, s, t int) []int {
	if midWord(r, t) {
		out := []int{wordEnd(r, t)}
		if p := prevWord(r, t, s); p > s {
			out = append(out, p)
		}
		return out
	}
	var out []int
	q := t
	for q < len(r) && r[q] != '\n' && unicode.IsSpace(r[q]) {
		q++
	}
	if q < len(r) && wordRune(r[q]) {
		out = append(out, wordEnd(r, q+1))
	}
	for t > s && unicode.IsSpace(r[t-1]) {
		t--
	}
	if t > s {
		out = append(out, t)
	}
	if p := prevWord(r, t, s); p > s && p != t {
		out = append(out, p)
	}
	return out
}
