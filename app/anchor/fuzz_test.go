package anchor

import (
	"strings"
	"testing"
)

// FuzzReanchor edits random bodies under random selectors: re-anchoring must
// never panic, a placed result must sit inside the new body on exactly its
// Exact text and cut no word the selector had whole, an orphan must keep its
// selector, and an unedited body must keep every valid highlight where it was.
func FuzzReanchor(f *testing.F) {
	for _, tc := range reanchorCases {
		sel := selectNth(f, tc.old, tc.quote, tc.nth)
		f.Add(tc.old, tc.new, sel.Start, sel.End, "")
	}
	f.Add("abc", "abc", 5, 9, "bc")
	f.Add("a\xffb", "a\xff\xfeb", 1, 2, "\xff")
	f.Add("日本語", "", -3, 1, "本")
	f.Fuzz(func(t *testing.T, old, new string, start, end int, exact string) {
		sel, err := Describe(old, start, end)
		if err == nil && sel != newDoc(old).describe(start, end) {
			t.Fatalf("Describe = %+v, the code point slicing gives %+v", sel, newDoc(old).describe(start, end))
		}
		if err != nil {
			// Selectors from elsewhere can be stale or nonsense.
			sel = Selector{Start: start, End: end, Exact: exact, Prefix: exact, Suffix: old}
		}
		r := Reanchor(old, new, sel)
		checkPlaced(t, new, r)
		checkWholeEdges(t, sel, new, r)
		if r.Status == Orphaned && r.Selector != sel {
			t.Fatalf("orphan changed its selector: %+v, was %+v", r.Selector, sel)
		}
		if r.Status == Exact && r.Selector.Start != sel.Start {
			t.Fatalf("exact result moved from %d to %d", sel.Start, r.Selector.Start)
		}
		if err == nil && old == new && (r.Status != Exact || r.Selector != sel) {
			t.Fatalf("unedited body: got %v %+v, want exact %+v", r.Status, r.Selector, sel)
		}
	})
}

// FuzzMyers checks the blocked bit-parallel search against the plain
// dynamic programme.
func FuzzMyers(f *testing.F) {
	f.Add("abc", "xxabdxx", 1)
	f.Add("日本語", "これは日本話です", 1)
	f.Add("abababababababababababababababababababababababababababababababababababab", "zzabababababababababababababababababababababababababababababababababababbabzz", 5)
	f.Fuzz(func(t *testing.T, p, text string, k int) {
		pr, tr := []rune(p), []rune(text)
		if len(pr) == 0 || len(pr) > 300 || len(tr) > 1000 || k < 0 || k > len(pr) {
			return
		}
		want := naiveEnds(pr, tr)
		got := map[int]int{}
		newPattern(pr).search(tr, k, func(end, dist int) { got[end] = dist })
		for end := 1; end <= len(tr); end++ {
			d, ok := got[end]
			if (want[end] <= k) != ok || (ok && d != want[end]) {
				t.Fatalf("end %d: search gave %d (reported %v), naive %d, k %d", end, d, ok, want[end], k)
			}
		}
	})
}

// FuzzReanchorEdit makes one edit (delete del code points at at, insert ins)
// to a random body: besides the invariants (a placed highlight cuts no word
// it had whole, whatever the edit), a highlight whose quote and
// context the edit leaves alone must stay on its words, shifted by the edit.
func FuzzReanchorEdit(f *testing.F) {
	f.Add(fox, 10, 19, 0, 0, "Very ")
	f.Add(fox, 10, 19, 12, 3, "ow")
	f.Add(fox, 4, 19, 10, 0, "big ")
	f.Add(block+block, 52, 59, 100, 20, "")
	f.Add("日本語のテキスト🙂", 4, 8, 0, 1, "🎉")
	f.Add(speech, 39, 79, 39, 6, "Nearly")
	f.Add(speech, 39, 79, 73, 6, "")
	f.Add(speech, 39, 79, 39, 0, "X")
	f.Fuzz(func(t *testing.T, old string, start, end, at, del int, ins string) {
		sel, err := Describe(old, start, end)
		r := []rune(old)
		if err != nil || at < 0 || at > len(r) || del < 0 || del > len(r)-at {
			return
		}
		new := string(r[:at]) + ins + string(r[at+del:])
		res := Reanchor(old, new, sel)
		checkPlaced(t, new, res)
		checkWholeEdges(t, sel, new, res)
		if res.Status == Orphaned && res.Selector != sel {
			t.Fatalf("orphan changed its selector: %+v, was %+v", res.Selector, sel)
		}
		if len([]rune(validUTF8(ins))) != len([]rune(ins)) || !utf8ValidAll(old, ins) {
			return // the shift arithmetic below assumes valid text
		}
		shift := 0
		switch {
		// At an end of the body the context is empty, and text put right
		// against the quote can join its first or last word: that touches it.
		case at+del <= start-max(1, len([]rune(sel.Prefix))):
			shift = len([]rune(ins)) - del
		case at >= end+max(1, len([]rune(sel.Suffix))):
		default:
			return // the edit touches the quote or its context
		}
		// In periodic text ("0000…") another place can be indistinguishable:
		// same quote, the old context still around it. Either is right.
		got := res.Selector
		same := strings.HasSuffix(got.Prefix, sel.Prefix) && strings.HasPrefix(got.Suffix, sel.Suffix)
		if (res.Status != Exact && res.Status != Moved) || (got.Start != start+shift && !same) || got.Exact != sel.Exact {
			t.Fatalf("edit [%d,+%d)->%q beside [%d,%d): got %v %+v, want it at %d", at, del, ins, start, end, res.Status, res.Selector, start+shift)
		}
	})
}

// checkWholeEdges asserts the word-boundary property: an edge of sel that
// was on a word boundary is on one in the new body too.
func checkWholeEdges(t *testing.T, sel Selector, body string, r Result) {
	t.Helper()
	if r.Status == Orphaned {
		return
	}
	startWhole, endWhole := edges([]rune(validUTF8(sel.Prefix)), validUTF8(sel.Exact), []rune(validUTF8(sel.Suffix)))
	runes := []rune(validUTF8(body))
	if (startWhole && midWord(runes, r.Selector.Start)) || (endWhole && midWord(runes, r.Selector.End)) {
		t.Fatalf("%v result %q at [%d,%d) cuts a word; the highlight %q had whole edges (start %v, end %v)",
			r.Status, r.Selector.Exact, r.Selector.Start, r.Selector.End, sel.Exact, startWhole, endWhole)
	}
}

func utf8ValidAll(ss ...string) bool {
	for _, s := range ss {
		if validUTF8(s) != s {
			return false
		}
	}
	return true
}
