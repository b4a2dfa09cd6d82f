package finder

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scoring rules of sahilm/fuzzy v0.1.3, reproduced exactly: the finder must
// rank as sahilm does, only faster.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	camelCaseMatchBonus            = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15
)

func isSeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

// scoreASCII scores ASCII text s, whose folded copy is f, against the folded
// ASCII pattern p, appending the matched byte offsets to pos.
//
// sahilm walks every byte. For each pattern byte k it keeps the best-scoring
// occurrence until the byte before the next pattern byte's first occurrence
// (the last pattern byte: until the end of s), then commits it. The result
// depends only on the occurrences, so this walks from occurrence to
// occurrence with IndexByte, which skips the bytes between them in bulk.
func scoreASCII(s, f, p string, pos []int32) (int, bool, []int32) {
	total, adj, lastMatch, n0 := 0, 0, -1, len(pos)
	at := 0 // where the search for pattern byte k starts
	for k := 0; k < len(p); k++ {
		c := strings.IndexByte(f[at:], p[k])
		if c < 0 {
			return 0, false, pos[:n0]
		}
		c += at
		end := len(f) // candidates for k lie in [c, end)
		if k+1 < len(p) {
			q := strings.IndexByte(f[c+1:], p[k+1])
			if q < 0 {
				return 0, false, pos[:n0]
			}
			end = c + 1 + q
		}
		best, bestAt := -1, -1
		for j := c; ; {
			score := 0
			if j == 0 {
				score += firstCharMatchBonus
			} else {
				last := s[j-1]
				if 'a' <= last && last <= 'z' && 'A' <= s[j] && s[j] <= 'Z' {
					score += camelCaseMatchBonus
				}
				if isSeparator(rune(last)) {
					score += matchFollowingSeparatorBonus
				}
			}
			// sahilm grows this bonus whenever a candidate directly follows
			// the last committed match, chosen or not.
			if lastMatch >= 0 && j-1 == lastMatch {
				bonus := adj*2 + adjacentMatchBonus
				score += bonus
				adj += bonus
			}
			if score > best {
				best, bestAt = score, j
			}
			n := strings.IndexByte(f[j+1:end], p[k])
			if n < 0 {
				break
			}
			j += 1 + n
		}
		if lastMatch < 0 {
			best += max(bestAt*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
		}
		total += best
		lastMatch = bestAt
		pos = append(pos, int32(bestAt))
		at = end
	}
	return total + len(p) - len(s), true, pos
}

// scoreRunes scores any text s against the folded pattern runes p, appending
// the matched byte offsets to pos. It is sahilm's loop with folded-rune
// equality in place of its equalFold, for text that is not ASCII.
func scoreRunes(s string, p []rune, pos []int32) (int, bool, []int32) {
	total, adj, n0 := 0, 0, len(pos)
	k, best, bestAt := 0, -1, -1
	var last rune
	lastIndex, lastMatch := 0, -1
	next, nextSize := utf8.DecodeRuneInString(s)
	for j := 0; j < len(s); {
		c, size := next, nextSize
		if fold(c) == p[k] {
			score := 0
			if j == 0 {
				score += firstCharMatchBonus
			}
			if unicode.IsLower(last) && unicode.IsUpper(c) {
				score += camelCaseMatchBonus
			}
			if j != 0 && isSeparator(last) {
				score += matchFollowingSeparatorBonus
			}
			if len(pos) > n0 && lastIndex == lastMatch {
				bonus := adj*2 + adjacentMatchBonus
				score += bonus
				adj += bonus
			}
			if score > best {
				best, bestAt = score, j
			}
		}
		var nextp rune
		if k < len(p)-1 {
			nextp = p[k+1]
		}
		if j+size < len(s) {
			next, nextSize = utf8.DecodeRuneInString(s[j+size:])
		} else {
			next, nextSize = 0, 0
		}
		if next == 0 || fold(next) == nextp {
			if bestAt > -1 {
				if len(pos) == n0 {
					best += max(bestAt*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
				}
				total += best
				pos = append(pos, int32(bestAt))
				lastMatch = bestAt
				best, bestAt = -1, -1
				k++
			}
		}
		lastIndex, last = j, c
		j += size
	}
	if len(pos)-n0 != len(p) {
		return 0, false, pos[:n0]
	}
	return total + len(p) - len(s), true, pos
}
