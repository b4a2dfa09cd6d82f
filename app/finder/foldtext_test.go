package finder

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"
)

// foldTextRef is foldText without its ASCII table: the loop it had before.
func foldTextRef(dst []byte, s string, base int, starts, words []uint64) ([]byte, uint64, bool) {
	var mask uint64
	ascii := true
	prev, first := rune(0), true
	for _, r := range s {
		at := len(dst)
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

func TestFoldTextMatchesReference(t *testing.T) {
	pieces := []string{"a", "Z", "q", "7", " ", "-", "_", ".", "\x00", "\t", "é", "É", "ß", "İ", "ﬁ", "Ω", "\u0301", "中", "٣", "\U0001F600", "\xff", "aB", "x1", "1x"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var s string
		for k := rng.IntN(12); k >= 0; k-- {
			s += pieces[rng.IntN(len(pieces))]
		}
		prefix := []byte("xy")
		size := (3*len(s))/64 + 1
		s1, w1 := make([]uint64, size+1), make([]uint64, size+1)
		s2, w2 := make([]uint64, size+1), make([]uint64, size+1)
		d1, m1, a1 := foldText(slices.Clone(prefix), s, len(prefix), s1, w1)
		d2, m2, a2 := foldTextRef(slices.Clone(prefix), s, len(prefix), s2, w2)
		if !slices.Equal(d1, d2) || m1 != m2 || a1 != a2 || !slices.Equal(s1, s2) || !slices.Equal(w1, w2) {
			t.Fatalf("%q: foldText %q %x %v %b %b, reference %q %x %v %b %b", s, d1, m1, a1, s1, w1, d2, m2, a2, s2, w2)
		}
	}
}
