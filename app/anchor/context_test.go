package anchor

import (
	"math"
	"testing"
)

func TestSimilarOutward(t *testing.T) {
	tests := map[string]struct {
		stored, near string
		want         float64
	}{
		"same":                       {"abcd", "abcd", 1},
		"same, more text beyond":     {"abcd", "abcdxyz", 1},
		"one letter changed":         {"abcd", "abxd", 0.75},
		"inserted at the quote":      {"abcd", "XXabcd", 0.5},
		"stored runs past the body":  {"abcd", "ab", 0.5},
		"nothing alike":              {"abcd", "wxyz", 0},
		"empty stored, empty near":   {"", "", 1},
		"empty stored, text follows": {"", "abc", 0.5},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := similarOutward([]rune(tc.stored), []rune(tc.near)); math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("similarOutward(%q, %q) = %v, want %v", tc.stored, tc.near, got, tc.want)
			}
		})
	}
}
