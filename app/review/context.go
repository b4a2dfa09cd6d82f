package review

import (
	"strings"
	"unicode"
)

// maxContext bounds each side of the context, in runes, so one long
// paragraph cannot fill the review card.
const maxContext = 360

// Context returns up to n sentences of the body before and after the rune
// range [start, end), staying inside the quote's paragraph: what a review
// card shows around the highlight.
func Context(body string, start, end, n int) (before, after string) {
	r := []rune(body)
	if start < 0 || end > len(r) || start >= end {
		return "", ""
	}
	// Before: walk back over n sentence ends, stopping at a blank line.
	i, seen := start, 0
	for i > 0 && start-i < maxContext {
		if r[i-1] == '\n' {
			break
		}
		if i < start && isSentenceEnd(r, i-1) {
			seen++
			if seen > n {
				break
			}
		}
		i--
	}
	// After: forward over n sentence ends.
	j, seen := end, 0
	for j < len(r) && j-end < maxContext {
		if r[j] == '\n' {
			break
		}
		j++
		if isSentenceEnd(r, j-1) {
			seen++
			if seen >= n {
				break
			}
		}
	}
	before = strings.TrimLeftFunc(string(r[i:start]), unicode.IsSpace)
	after = strings.TrimRightFunc(string(r[end:j]), unicode.IsSpace)
	if i > 0 && r[i-1] != '\n' && start-i >= maxContext {
		before = "…" + before
	}
	if j < len(r) && r[j] != '\n' && j-end >= maxContext {
		after += "…"
	}
	return before, after
}

// isSentenceEnd: r[k] ends a sentence (., ! or ?, then a space or the end).
func isSentenceEnd(r []rune, k int) bool {
	switch r[k] {
	case '.', '!', '?', '。':
		return k+1 >= len(r) || unicode.IsSpace(r[k+1])
	}
	return false
}

// Streak counts the days in a row, ending today (or yesterday, when today
// has no review yet), on which at least one answer was given. days maps
// "YYYY-MM-DD" to answers.
func Streak(days map[string]int, today string) int {
	d, ok := parseDay(today)
	if !ok {
		return 0
	}
	if days[today] == 0 {
		d = d.AddDate(0, 0, -1)
	}
	n := 0
	for days[d.Format("2006-01-02")] > 0 {
		n++
		d = d.AddDate(0, 0, -1)
	}
	return n
}

// MarkCuts marks where the context meets the quote mid-sentence with "…":
// the card shows before, quote and after as paragraphs of their own, and
// ", so a review…" alone on its line reads as a stray comma.
func MarkCuts(before, after string) (string, string) {
	if b := []rune(strings.TrimRightFunc(before, unicode.IsSpace)); len(b) > 0 && !strings.ContainsRune(".!?…:;\"'”’)", b[len(b)-1]) {
		before = string(b) + " …"
	}
	switch a := []rune(strings.TrimLeftFunc(after, unicode.IsSpace)); {
	case len(a) == 0:
	case strings.ContainsRune(",;:.)…”’!?", a[0]) && !unicode.IsSpace([]rune(after)[0]):
		after = "…" + after
	case unicode.IsLower(a[0]) || strings.ContainsRune("-–—", a[0]):
		after = "… " + string(a)
	}
	return before, after
}
