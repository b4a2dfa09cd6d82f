package edit_test

import (
	"testing"
	"unicode/utf8"

	"scholia/app/anchor"
	"scholia/app/edit"
	"scholia/storage"
)

// FuzzReanchor makes a highlight on a body, applies one random edit (delete
// a span, insert text there) and checks what Reanchor reports: every
// highlight accounted for, placed ones inside the new body on exactly their
// stored quote, orphaned ones keeping their old quote.
func FuzzReanchor(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.old, 4, 9, 0, 0, "Very ")
		f.Add(tc.old, 10, 9, 10, 9, "")
		f.Add(tc.old, 4, 20, 12, 3, "big ")
	}
	f.Add("Café 🙂 au lait. Café 🙂 au lait.", 0, 6, 3, 1, "ë")
	f.Fuzz(func(t *testing.T, old string, start, length, at, del int, ins string) {
		if !utf8.ValidString(old) || !utf8.ValidString(ins) {
			return // bodies are normalised, always valid text
		}
		r := []rune(old)
		if len(r) == 0 {
			return
		}
		start = clamp(start, 0, len(r)-1)
		end := clamp(start+max(length, 1), start+1, len(r))
		sel, err := anchor.Describe(old, start, end)
		if err != nil {
			t.Fatalf("Describe(%d,%d): %v", start, end, err)
		}
		at = clamp(at, 0, len(r))
		del = clamp(del, 0, len(r)-at)
		newBody := string(r[:at]) + ins + string(r[at+del:])
		hs := []storage.Highlight{
			{ID: 1, Start: sel.Start, End: sel.End, Quote: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix},
			{ID: 2, Start: 0, End: 1, Quote: "words that were lost", Orphaned: true},
		}
		out, rep := edit.Reanchor(old, newBody, hs)
		if len(out) != len(hs) || rep.Exact+rep.Moved+rep.Fuzzy+rep.Orphaned != len(hs) || len(rep.Orphans) != rep.Orphaned || len(rep.Changed) != rep.Fuzzy {
			t.Fatalf("report %+v does not account for %d highlights", rep, len(hs))
		}
		nr := []rune(newBody)
		for i, h := range out {
			if h.ID != hs[i].ID {
				t.Fatalf("highlight %d came back as %d", hs[i].ID, h.ID)
			}
			if h.Orphaned {
				if h.Quote != hs[i].Quote {
					t.Errorf("orphan lost its quote: %q, was %q", h.Quote, hs[i].Quote)
				}
				continue
			}
			if h.Start < 0 || h.End > len(nr) || h.Start >= h.End {
				t.Fatalf("highlight %d placed at [%d,%d) outside a body of %d", h.ID, h.Start, h.End, len(nr))
			}
			if got := string(nr[h.Start:h.End]); got != h.Quote {
				t.Fatalf("highlight %d at [%d,%d) reads %q, stored quote %q", h.ID, h.Start, h.End, got, h.Quote)
			}
		}
		// An edit that leaves the highlighted words and their context alone
		// leaves the highlight on them.
		if at >= end+anchor.ContextLen || at+del <= start-anchor.ContextLen {
			if out[0].Orphaned || out[0].Quote != sel.Exact {
				t.Errorf("an edit away from the highlight changed it: %+v", out[0])
			}
		}
	})
}

func clamp(x, lo, hi int) int { return min(max(x, lo), hi) }
