// Package anchor describes a highlighted range of an article body as W3C-style
// position and quote selectors, and re-anchors those selectors when the body is
// edited.
//
// Offsets count Unicode code points (as the W3C TextPositionSelector does), not
// bytes and not UTF-16 units. Everything here is a pure function of its
// arguments.
package anchor

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ContextLen is how many code points of context Describe keeps on each side of
// the quote: enough to tell repeated quotes apart, short enough to survive
// nearby edits.
const ContextLen = 32

// Selector pins a highlight to a body: Start and End are code point offsets
// (End exclusive), Exact is the quoted text and Prefix/Suffix are up to
// ContextLen code points of text before and after it.
type Selector struct {
	Start, End int
	Exact      string
	Prefix     string
	Suffix     string
}

// Describe builds the selector for the code points body[start:end]. It fails if
// the range is empty, reversed or outside the body.
func Describe(body string, start, end int) (Selector, error) {
	body = validUTF8(body)
	// One pass for the byte offsets of the four code point offsets needed,
	// without converting the whole body: the UI calls this per selection.
	pos := [4]int{max(0, start-ContextLen), start, end, end + ContextLen}
	at := [4]int{-1, -1, -1, -1}
	n := 0
	for b := range body {
		for i, p := range pos {
			if p == n {
				at[i] = b
			}
		}
		n++
	}
	if start < 0 || end > n || start >= end {
		return Selector{}, fmt.Errorf("anchor: describe: range [%d,%d) is empty or outside a body of %d code points", start, end, n)
	}
	for i := range at {
		if at[i] < 0 { // at or past the end of the body
			at[i] = len(body)
		}
	}
	return Selector{
		Start:  start,
		End:    end,
		Exact:  body[at[1]:at[2]],
		Prefix: body[at[0]:at[1]],
		Suffix: body[at[2]:at[3]],
	}, nil
}

// Locate finds the first exact occurrence of quote in body and returns its code
// point offsets. An empty quote is never found.
func Locate(body, quote string) (start, end int, ok bool) {
	body, quote = validUTF8(body), validUTF8(quote)
	if quote == "" {
		return 0, 0, false
	}
	i := strings.Index(body, quote)
	if i < 0 {
		return 0, 0, false
	}
	start = utf8.RuneCountInString(body[:i])
	return start, start + utf8.RuneCountInString(quote), true
}

// Status says how a selector was placed in the edited body.
type Status int

const (
	// Exact: the quote is still at its old offsets.
	Exact Status = iota
	// Moved: the unchanged quote was found at other offsets.
	Moved
	// Fuzzy: the quote's text changed ("re-anchored with changes"); an
	// approximate match was placed and the selector's Exact now holds the
	// new text.
	Fuzzy
	// Orphaned: nothing good enough was found; the selector is unchanged.
	Orphaned
)

// String returns the status name in lower case, as shown to the user.
func (s Status) String() string {
	switch s {
	case Exact:
		return "exact"
	case Moved:
		return "moved"
	case Fuzzy:
		return "fuzzy"
	case Orphaned:
		return "orphaned"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Result is a selector placed in a new body. For every status but Orphaned,
// Selector.Exact equals the new body's code points [Start:End] and
// Prefix/Suffix are fresh context from the new body. Score is the quote's
// similarity in 0..1 (1 - edits/length; 1 for Exact and Moved, 0 for
// Orphaned).
type Result struct {
	Selector Selector
	Status   Status
	Score    float64
}

// Reanchor places sel, made on oldBody, in newBody: at its old offsets if the
// quote is still there, else at the best exact occurrence of the quote (by
// context, then nearness to where the old position maps), else at the best
// approximate match (see FuzzyThreshold), else it is Orphaned. An edge the
// highlight had on a word boundary stays on one (words.go): a replaced
// first or last word is taken in whole, a deleted one dropped, and an exact
// copy of the quote inside a longer word is not taken as it is. An edge the
// user made inside a word keeps its cut.
func Reanchor(oldBody, newBody string, sel Selector) Result {
	return newEdit(oldBody, newBody).reanchor(sel)
}

// ReanchorAll re-anchors many selectors made on oldBody, preparing both bodies
// only once; results are in the order of sels.
func ReanchorAll(oldBody, newBody string, sels []Selector) []Result {
	e := newEdit(oldBody, newBody)
	out := make([]Result, len(sels))
	for i, sel := range sels {
		out[i] = e.reanchor(sel)
	}
	return out
}
