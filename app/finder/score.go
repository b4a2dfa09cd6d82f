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

// maxLaterBonus is the most a candidate after a pattern rune's first one
// can score: the adjacency bonus needs the rune right after the last match,
// which only the first candidate can be, and the first-character bonus
// needs offset 0. Once the best candidate has it, the rest can be skipped.
const maxLaterBonus = camelCaseMatchBonus // = matchFollowingSeparatorBonus

// scored is one item's score, with what bounds its extensions: the sum of
// the chosen runes' bonuses (the score before penalties) and the adjacency
// bonus accumulated so far (see scan's bounds).
type scored struct {
	score, bonus, adj int
	ok                bool
}

func isSeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

// scoreAligned scores text s, whose folded copy f has the same byte offsets,
// against the folded pattern q, appending the matched byte offsets to pos.
//
// sahilm walks every rune. For each pattern rune k it keeps the best-scoring
// occurrence until the rune before the next pattern rune's first occurrence
// (the last pattern rune: until the end of s), then commits it. The result
// depends only on those occurrences, so this jumps from one to the next with
// IndexByte, skipping the text between them in bulk.
func scoreAligned(s, f string, q *pattern, pos []int32) (scored, []int32) {
	total, bonus, adj, lastMatch, n0 := 0, 0, 0, -1, len(pos)
	c := index(f, q.enc[0]) // first occurrence of pattern rune k
	if c < 0 {
		return scored{}, pos
	}
	for k, enc := range q.enc {
		end := len(f) // candidates for k lie in [c, end)
		if k+1 < len(q.enc) {
			n := index(f[c+len(enc):], q.enc[k+1])
			if n < 0 {
				return scored{}, pos[:n0]
			}
			end = c + len(enc) + n
		}
		best, bestAt := -1, -1
		for j := c; ; {
			score := 0
			if j == 0 {
				score += firstCharMatchBonus
			} else {
				last, size := rune(s[j-1]), 1
				if last >= utf8.RuneSelf {
					last, size = utf8.DecodeLastRuneInString(s[:j])
				}
				if isLower(last) && isUpper(s, j) {
					score += camelCaseMatchBonus
				}
				if isSeparator(last) {
					score += matchFollowingSeparatorBonus
				}
				// sahilm grows this bonus whenever a candidate directly
				// follows the last committed match, chosen or not.
				if lastMatch >= 0 && j-size == lastMatch {
					bonus := adj*2 + adjacentMatchBonus
					score += bonus
					adj += bonus
				}
			}
			if score > best {
				best, bestAt = score, j
			}
			if best >= maxLaterBonus {
				break // no later candidate can score more
			}
			n := index(f[j+len(enc):end], enc)
			if n < 0 {
				break
			}
			j += len(enc) + n
		}
		bonus += best
		if lastMatch < 0 {
			best += max(bestAt*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
		}
		total += best
		lastMatch = bestAt
		pos = append(pos, int32(bestAt))
		c = end // where rune k+1 first occurs
	}
	return scored{score: total + len(q.enc) - len(s), bonus: bonus, adj: adj, ok: true}, pos
}

// index finds a folded rune's encoding; one byte is the common case.
func index(s, enc string) int {
	if len(enc) == 1 {
		return strings.IndexByte(s, enc[0])
	}
	return strings.Index(s, enc)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

// isUpper reports whether the rune starting at s[j] is upper case.
func isUpper(s string, j int) bool {
	if c := s[j]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsUpper(r)
}

// scoreRunes scores any text s against the folded pattern runes p, appending
// the matched byte offsets to pos. It is sahilm's loop with folded-rune
// equality in place of its equalFold, for the rare text that folding does not
// keep aligned (invalid UTF-8, the Kelvin sign, long s and a few others).
func scoreRunes(s string, p []rune, pos []int32) (scored, []int32) {
	total, bonus, adj, n0 := 0, 0, 0, len(pos)
	k, best, bestAt := 0, -1, -1
	var last rune
	lastIndex, lastMatch := 0, -1
	next, nextSize := utf8.DecodeRuneInString(s)
	for j := 0; j < len(s); {
		c, size := next, nextSize
		if foldFast(c) == p[k] {
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
		if next == 0 || foldFast(next) == nextp {
			if bestAt > -1 {
				bonus += best
				if len(pos) == n0 {
					best += max(bestAt*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
				}
				total += best
				pos = append(pos, int32(bestAt))
				lastMatch = bestAt
				// Like sahilm, keep bestAt: a later rune whose scores all
				// wrapped below -1 commits this offset again.
				best = -1
				k++
			}
		}
		lastIndex, last = j, c
		j += size
	}
	if len(pos)-n0 != len(p) {
		return scored{}, pos[:n0]
	}
	return scored{score: total + len(p) - len(s), bonus: bonus, adj: adj, ok: true}, pos
}

// scoreBytes is scoreAligned for an ASCII pattern, reading only s: folded
// text would double the memory each item costs to scan, and memory, not
// arithmetic, bounds a scan of 100k items. A pattern byte matches a text
// byte b when b|q.or[k] == q.val[k] (letters ignore the 0x20 case bit). No
// non-ASCII rune in aligned text folds to ASCII, and an ASCII byte is always
// a whole rune, so candidates are exactly sahilm's.
func scoreBytes(s string, q *pattern, pos []int32) (scored, []int32) {
	total, bonus, adj, lastMatch, n0 := 0, 0, 0, -1, len(pos)
	n, j, m := len(s), 0, len(q.val)
	for k := 0; k < m; k++ {
		pk, ok := q.val[k], q.or[k]
		if j = scanTo(s, j, pk, ok); j == n {
			return scored{}, pos[:n0]
		}
		// The first occurrence of the next pattern byte commits this one.
		var pn, on byte
		last := k+1 == m
		if !last {
			pn, on = q.val[k+1], q.or[k+1]
		}
		best, bestAt := -1, -1
		for {
			score := 0
			if j == 0 {
				score += firstCharMatchBonus
			} else {
				lr, size := rune(s[j-1]), 1
				if lr >= utf8.RuneSelf {
					lr, size = utf8.DecodeLastRuneInString(s[:j])
				}
				if isLower(lr) && 'A' <= s[j] && s[j] <= 'Z' {
					score += camelCaseMatchBonus
				}
				if isSeparator(lr) {
					score += matchFollowingSeparatorBonus
				}
				if lastMatch >= 0 && j-size == lastMatch {
					bonus := adj*2 + adjacentMatchBonus
					score += bonus
					adj += bonus
				}
			}
			if score > best {
				best, bestAt = score, j
			}
			j++
			if best >= maxLaterBonus {
				// No later candidate can score more: skip to the commit.
				if last {
					break
				}
				if j = scanTo(s, j, pn, on); j == n {
					return scored{}, pos[:n0]
				}
				break
			}
			if last {
				if j = scanTo(s, j, pk, ok); j == n {
					break
				}
				continue
			}
			if j = scanTo2(s, j, pn, on, pk, ok); j == n {
				return scored{}, pos[:n0]
			}
			if s[j]|on == pn {
				break // the byte before j commits k; j starts k+1
			}
		}
		bonus += best
		if lastMatch < 0 {
			best += max(bestAt*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
		}
		total += best
		lastMatch = bestAt
		pos = append(pos, int32(bestAt))
	}
	return scored{score: total + m - len(s), bonus: bonus, adj: adj, ok: true}, pos
}
