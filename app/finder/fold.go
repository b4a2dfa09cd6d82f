package finder

import (
	"unicode"
	"unicode/utf8"
)

// sahilm/fuzzy compares runes with a copy of strings.EqualFold's rune test,
// which holds exactly when two runes share a unicode.SimpleFold orbit. Mapping
// every rune to one representative of its orbit turns that test into plain
// equality, so the hot loops compare bytes instead of calling SimpleFold.

// asciiFold maps an ASCII byte to its representative: letters to lower case.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for b := range t {
		t[b] = byte(b)
		if 'A' <= b && b <= 'Z' {
			t[b] = byte(b + 'a' - 'A')
		}
	}
	return t
}()

// fold returns r's representative: the smallest rune of its SimpleFold orbit,
// except that an orbit holding an ASCII letter is represented by the lower
// case letter (so K, k and the Kelvin sign all become 'k', and ASCII text
// folds to ASCII of the same length).
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(asciiFold[r])
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	if m < utf8.RuneSelf {
		return rune(asciiFold[m])
	}
	return m
}

// foldFast is fold with the ASCII case inlined for hot loops.
func foldFast(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(asciiFold[r])
	}
	return fold(r)
}

// foldBytes appends s folded rune by rune, as UTF-8, to dst and returns it
// with a bitmask of the folded bytes it holds (bit b&63 for each byte b),
// whether every rune folded to an encoding of its own length, so that byte
// offsets in the folded text are offsets in s, and whether s is ASCII. Only
// the prefilter may use folded text that is not aligned.
func foldBytes(dst, s []byte) (out []byte, mask uint64, aligned, ascii bool) {
	aligned, ascii = true, true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			f := asciiFold[c]
			dst = append(dst, f)
			mask |= 1 << (f & 63)
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRune(s[i:])
		n := len(dst)
		dst = utf8.AppendRune(dst, fold(r))
		for _, b := range dst[n:] {
			mask |= 1 << (b & 63)
		}
		aligned = aligned && len(dst)-n == size
		i += size
	}
	return dst, mask, aligned, ascii
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// bonusBytes returns the bits (b&63) of the folded bytes of the runes of s
// that sahilm could give a position bonus: the first rune, and any rune
// after a separator or after a lower-case letter (a camel-case hump).
func bonusBytes(s []byte) uint64 {
	var mask uint64
	var last rune
	var enc [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		if i == 0 || isSeparator(last) || isLower(last) {
			if r < utf8.RuneSelf {
				mask |= 1 << (asciiFold[r] & 63)
			} else {
				n := utf8.EncodeRune(enc[:], fold(r))
				for _, b := range enc[:n] {
					mask |= 1 << (b & 63)
				}
			}
		}
		last = r
		i += size
	}
	return mask
}
