package storage

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestMergeNotes(t *testing.T) {
	for name, tc := range map[string]struct{ base, mine, theirs, want string }{
		"nobody else wrote":   {"a", "a b", "a", "a b"},
		"same text elsewhere": {"a", "a b", "a b", "a b"},
		"only they wrote":     {"a", "a", "a c", "a c"},
		"they appended":       {"# Plan\n- one\n", "# Plan\n- one\n- two\n", "# Plan\n- one\n\nfrom the CLI\n", "# Plan\n- one\n- two\n\nfrom the CLI\n"},
		"they replaced":       {"a", "a b", "other", "a b\n\nother"},
		"they wrote a first":  {"", "mine", "theirs", "mine\n\ntheirs"},
		"I cleared it":        {"a", "", "a c", "a c"},
	} {
		got := MergeNotes(tc.base, tc.mine, tc.theirs)
		if got != tc.want {
			t.Errorf("%s: MergeNotes(%q, %q, %q) = %q, want %q", name, tc.base, tc.mine, tc.theirs, got, tc.want)
		}
		for _, words := range []string{tc.mine, tc.theirs} {
			for _, w := range strings.Fields(words) {
				if !strings.Contains(got, w) && tc.mine != tc.base {
					t.Errorf("%s: %q lost from %q", name, w, got)
				}
			}
		}
	}
}

// Another program appending to the note while the window's copy is being
// typed: both words reach the library.
func TestSetNoteFromKeepsOtherWriters(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "lib.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := Article{Title: "T", Body: "Body text."}
	if err := s.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, a.ID, "base"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, a.ID, "base\n\nappended elsewhere"); err != nil {
		t.Fatal(err)
	}
	saved, err := s.SetNoteFrom(ctx, a.ID, "base", "base typed")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Article(ctx, a.ID)
	if saved != "base typed\n\nappended elsewhere" || got.Note != saved {
		t.Errorf("saved %q, stored %q", saved, got.Note)
	}
}
