package anchor

import "testing"

const budge = "The talks stalled. They were unwilling to budge on it, and the ground thaws in spring."

// Short highlights (three words or fewer) with an edited first or last
// word: too little survives for the approximate match, yet the issue's
// rule holds for them too.
var shortEdgeCases = map[string]reanchorCase{
	"first word deleted: shrinks to the next whole word": {
		old: budge, new: "The talks stalled. They were to budge on it, and the ground thaws in spring.",
		quote: "unwilling to budge", status: Fuzzy, start: 29, exact: "to budge"},
	"last word deleted": {
		old: budge, new: "The talks stalled. They were unwilling to on it, and the ground thaws in spring.",
		quote: "unwilling to budge", status: Fuzzy, start: 29, exact: "unwilling to"},
	"last word replaced: the replacement is taken in": {
		old: budge, new: "The talks stalled. They were unwilling to budge on it, and the ground melts in spring.",
		quote: "ground thaws", status: Fuzzy, start: 63, exact: "ground melts"},
	"first word replaced": {
		old: budge, new: "The talks stalled. They were unwilling to budge on it, and the soil thaws in spring.",
		quote: "ground thaws", status: Fuzzy, start: 63, exact: "soil thaws"},
	"the only word replaced, context unchanged": {
		old: budge, new: "The talks stalled. They were unwilling to budge on it, and the ground melts in spring.",
		quote: "thaws", status: Fuzzy, start: 70, exact: "melts"},
	"the only word and its context replaced: orphaned": {
		old: budge, new: "The talks stalled. They were unwilling to budge on it, and the ground becomes mud.",
		quote: "thaws", status: Orphaned},
	"every word deleted: orphaned": {
		old: budge, new: "The talks stalled. They were on it, and the ground thaws in spring.",
		quote: "unwilling to budge", status: Orphaned},
	"the only word deleted: orphaned": {
		old: budge, new: "The talks stalled. They were unwilling to budge on it, and the ground in spring.",
		quote: "thaws", status: Orphaned},
	"edit right before it: unchanged": {
		old: budge, new: "The talks stalled. They are unwilling to budge on it, and the ground thaws in spring.",
		quote: "unwilling to budge", status: Moved, start: 28},
	"edit right after it: unchanged": {
		old: budge, new: "The talks stalled. They were unwilling to budge at all, and the ground thaws in spring.",
		quote: "unwilling to budge", status: Exact, start: 29},
}

func TestReanchorShortEdges(t *testing.T) {
	for name, tc := range shortEdgeCases {
		t.Run(name, func(t *testing.T) {
			sel := selectNth(t, tc.old, tc.quote, tc.nth)
			got := ReanchorAll(tc.old, tc.new, []Selector{sel})[0]
			checkPlaced(t, tc.new, got)
			if got.Status != tc.status {
				t.Fatalf("status = %v, want %v (result %+v)", got.Status, tc.status, got)
			}
			if tc.status == Orphaned {
				return
			}
			exact := tc.exact
			if exact == "" {
				exact = tc.quote
			}
			s := got.Selector
			end := tc.start + len([]rune(exact))
			if s.Exact != exact || s.Start != tc.start || s.End != end {
				t.Errorf("placed at [%d,%d) %q, want [%d,%d) %q", s.Start, s.End, s.Exact, tc.start, end, exact)
			}
		})
	}
}
