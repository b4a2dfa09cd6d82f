package anchor

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveEnds is the textbook O(mn) search-mode dynamic programme: for each end
// offset, the least edit distance of the pattern to a substring ending there.
func naiveEnds(p, text []rune) []int {
	col := make([]int, len(p)+1)
	for i := range col {
		col[i] = i
	}
	out := []int{col[len(p)]}
	for _, c := range text {
		diag := col[0]
		col[0] = 0
		for i := 1; i <= len(p); i++ {
			cost := 1
			if p[i-1] == c {
				cost = 0
			}
			next := min(diag+cost, col[i]+1, col[i-1]+1)
			diag, col[i] = col[i], next
		}
		out = append(out, col[len(p)])
	}
	return out
}

func TestMyersSearch(t *testing.T) {
	tests := map[string]struct {
		pattern, text string
		k             int
		want          map[int]int // end -> distance
	}{
		"exact":              {"abc", "xxabcxx", 0, map[int]int{5: 0}},
		"one substitution":   {"abc", "xxabdxx", 1, map[int]int{4: 1, 5: 1}},
		"one deletion":       {"abcd", "zzabdzz", 1, map[int]int{5: 1}},
		"non-ASCII":          {"日本語", "これは日本話です", 1, map[int]int{5: 1, 6: 1}},
		"nothing within k":   {"abcdef", "uvwxyz", 2, map[int]int{}},
		"pattern over block": {strings.Repeat("ab", 40), "zz" + strings.Repeat("ab", 40) + "zz", 0, map[int]int{82: 0}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := map[int]int{}
			newPattern([]rune(tc.pattern)).search([]rune(tc.text), tc.k, func(end, dist int) { got[end] = dist })
			if len(got) != len(tc.want) {
				t.Fatalf("matches %v, want %v", got, tc.want)
			}
			for e, d := range tc.want {
				if got[e] != d {
					t.Fatalf("matches %v, want %v", got, tc.want)
				}
			}
		})
	}
}

// TestMyersAgainstNaive checks the blocked search (with its cut-off) and the
// global distances against the plain dynamic programme on random texts over a
// small alphabet, with patterns of one to four blocks.
func TestMyersAgainstNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alpha := []rune("abcé日")
	random := func(n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = alpha[rng.IntN(len(alpha))]
		}
		return r
	}
	for iter := range 400 {
		m := 1 + rng.IntN(250)
		p := random(m)
		text := random(rng.IntN(400))
		if iter%2 == 0 && len(text) > m {
			// Plant a mutated copy so there are matches under k.
			at := rng.IntN(len(text) - m)
			copy(text[at:], p)
			for range m / 10 {
				text[at+rng.IntN(m)] = alpha[rng.IntN(len(alpha))]
			}
		}
		k := rng.IntN(m/3 + 1)
		want := naiveEnds(p, text)
		pt := newPattern(p)
		got := make([]int, len(text)+1)
		for i := range got {
			got[i] = -1
		}
		pt.search(text, k, func(end, dist int) { got[end] = dist })
		for end := 1; end <= len(text); end++ {
			w := want[end]
			if w > k {
				w = -1
			}
			if got[end] != w {
				t.Fatalf("iter %d m=%d k=%d end=%d: search %d, naive %d", iter, m, k, end, got[end], want[end])
			}
		}
		// distances is global: the naive programme on a reversed problem
		// would do, but a direct check against prefixes is simpler.
		dist := pt.distances(text)
		for _, n := range []int{0, len(text) / 2, len(text)} {
			if w := levenshtein(p, text[:n]); dist[n] != w {
				t.Fatalf("iter %d: distances[%d] = %d, want %d", iter, n, dist[n], w)
			}
		}
	}
}

// levenshtein is the plain edit distance, the reference for distances.
func levenshtein(a, b []rune) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			diag, row[j] = row[j], min(diag+cost, row[j]+1, row[j-1]+1)
		}
	}
	return row[len(b)]
}
