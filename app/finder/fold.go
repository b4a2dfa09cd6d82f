package finder

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// People type without accents and without case: `geneve` must find
// "Genève", `o'brien` "O’Brien". Every rune is folded once, when the items
// are indexed, to lower case with its diacritics removed (NFD, marks
// dropped), plus a few letters NFD leaves alone (ß, æ, ø, ł, …) and the
// typographic quotes. ASCII folds to ASCII of the same length.

// asciiFold maps an ASCII byte to its fold: letters to lower case.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for b := range t {
		t[b] = byte(b)
		if 'A' <= b && b <= 'Z' {
			t[b] = byte(b + 'a' - 'A')
		}
	}
	return t
}()

// special holds folds that NFD does not give.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ħ': "h", 'Ħ': "h",
	'ı': "i", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d",
	'‘': "'", '’': "'", '‚': "'", '′': "'", '“': "\"", '”': "\"", '„': "\"", '″': "\"",
	'‐': "-", '‑': "-", '–': "-", '—': "-",
}

// folds caches the fold of every non-ASCII rune seen; New folds in
// parallel, hence the lock.
var folds sync.Map // rune → string

// foldRune returns r folded, as UTF-8 (possibly empty for a lone mark).
func foldRune(r rune) string {
	if r < utf8.RuneSelf {
		return string(rune(asciiFold[r]))
	}
	if s, ok := folds.Load(r); ok {
		return s.(string)
	}
	s, ok := special[r]
	if !ok {
		var b []byte
		for _, d := range norm.NFD.String(string(r)) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			b = utf8.AppendRune(b, caseFold(d))
		}
		s = string(b)
		if r == utf8.RuneError {
			s = string(utf8.RuneError)
		}
	}
	folds.Store(r, s)
	return s
}

// caseFold maps r to one representative of its simple case-folding orbit
// (so K, k and the Kelvin sign all become k), preferring lower case.
func caseFold(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(asciiFold[r])
	}
	m := unicode.ToLower(r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < utf8.RuneSelf {
			return rune(asciiFold[f])
		}
	}
	return m
}

// foldString folds a whole string (a query word).
func foldString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || 'A' <= s[i] && s[i] <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b []byte
	for _, r := range s {
		b = append(b, foldRune(r)...)
	}
	return string(b)
}

// isWordRune tells letters and digits, which make words, from separators.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// wordStart reports whether rune r, after rune prev, begins a word: after a
// separator, at a camel-case hump (lowerUpper), or where letters and digits
// meet (1793_george, covid19).
func wordStart(prev, r rune, first bool) bool {
	if !isWordRune(r) {
		return false
	}
	if first || !isWordRune(prev) {
		return true
	}
	if unicode.IsLower(prev) && unicode.IsUpper(r) {
		return true
	}
	return isDigit(prev) != isDigit(r)
}

// foldText appends s folded to dst, setting in starts and words (bit sets
// over dst's bytes, indexed from base) the first byte of each word and every
// byte of a word rune. It returns dst, the bits of the folded bytes present
// (b&63) and whether s is ASCII.
func foldText(dst []byte, s string, base int, starts, words []uint64) ([]byte, uint64, bool) {
	var mask uint64
	ascii := true
	prev, first := rune(0), true
	for _, r := range s {
		at := len(dst)
		if r < utf8.RuneSelf && prev < utf8.RuneSelf {
			// ASCII after ASCII, most of any library: the classes come
			// from a table instead of package unicode (the fold is what
			// the loop below would give; a test compares them).
			c := asciiFold[r]
			dst = append(dst, c)
			if cls := asciiClass[r]; cls&classWord != 0 {
				pc := asciiClass[prev]
				if first || pc&classWord == 0 || pc&classLower != 0 && cls&classUpper != 0 || (pc^cls)&classDigit != 0 {
					setBit(starts, at-base)
				}
				setBit(words, at-base)
			}
			mask |= 1 << (c & 63)
			prev, first = r, false
			continue
		}
		if r < utf8.RuneSelf {
			dst = append(dst, asciiFold[r])
		} else {
			ascii = false
			dst = append(dst, foldRune(r)...)
		}
		if len(dst) > at {
			if wordStart(prev, r, first) {
				setBit(starts, at-base)
			}
			if isWordRune(r) {
				for k := at; k < len(dst); k++ {
					setBit(words, k-base)
				}
			}
			for _, b := range dst[at:] {
				mask |= 1 << (b & 63)
			}
		}
		prev, first = r, false
	}
	return dst, mask, ascii
}

// asciiClass holds, per ASCII byte, what wordStart and isWordRune ask.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		r := rune(c)
		if isWordRune(r) {
			t[c] |= classWord
		}
		if unicode.IsLower(r) {
			t[c] |= classLower
		}
		if unicode.IsUpper(r) {
			t[c] |= classUpper
		}
		if isDigit(r) {
			t[c] |= classDigit
		}
	}
	return t
}()

const (
	classWord = 1 << iota
	classLower
	classUpper
	classDigit
)

func setBit(s []uint64, i int) { s[i>>6] |= 1 << (i & 63) }

func bit(s []uint64, i int) bool { return s[i>>6]&(1<<(i&63)) != 0 }

// byteMask returns the bits (b&63) of the bytes of s.
func byteMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= 1 << (s[i] & 63)
	}
	return m
}

// foldedRunes maps each byte offset of title's fold to the index of the
// title rune it came from, for emphasis of non-ASCII titles.
func foldedRunes(title string) []int {
	var m []int
	k := 0
	for _, r := range title {
		n := len(foldRune(r))
		if r < utf8.RuneSelf {
			n = 1
		}
		for ; n > 0; n-- {
			m = append(m, k)
		}
		k++
	}
	return m
}
