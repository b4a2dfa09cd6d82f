package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"scholia/storage"
)

// FuzzFTSQuery: whatever a user types into the search box either is
// refused as ErrBadQuery or becomes a query SQLite's FTS5 accepts, on a
// real library, in all three indexes. A syntax error would be an error
// dialog for typing an apostrophe.
func FuzzFTSQuery(f *testing.F) {
	for _, q := range []string{
		`"unbalanced`, `AND`, `OR OR`, `NEAR(`, `a:b`, `-x`, `*`, `(`, `)`, `'; DROP TABLE articles; --`,
		`"" ""`, `NOT`, `^start`, `{title}`, `🙂`, `a OR`, `"near" OR "paren"`, `co*`, `OR a`, `a OR OR b`,
		`title:harbour`, `"a" * "b"`, `**`, `a*b*`, `NEAR("a" "b", 3)`, "caf\u0065\u0301", "x\x00y", `a AND NOT b`,
		`"phrase with "inner" quotes"`, `+`, `\`, "tab\tseparated\nlines", `ǅ`, `İstanbul*`,
	} {
		f.Add(q)
	}
	path := filepath.Join(f.TempDir(), "fuzz.db")
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	ctx := context.Background()
	a := storage.Article{Title: "Harbour (winter)", Author: "Ö. Writer",
		Body: "NEAR the end AND OR NOT words \"quoted\" (paren) col:on -minus café naïve İstanbul 🙂 co-operate"}
	if err := s.CreateArticle(ctx, &a); err != nil {
		f.Fatal(err)
	}
	if err := s.SetNote(ctx, a.ID, "a note: with OR and NOT"); err != nil {
		f.Fatal(err)
	}
	h := storage.Highlight{ArticleID: a.ID, Start: 0, End: 4, Quote: "NEAR", Color: "yellow", Comment: "why (really)?"}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, input string) {
		q, err := storage.FTSQuery(input)
		if errors.Is(err, storage.ErrBadQuery) {
			if q != "" {
				t.Errorf("FTSQuery(%q) = %q with ErrBadQuery", input, q)
			}
			return
		}
		if err != nil {
			t.Fatalf("FTSQuery(%q): %v, want nil or ErrBadQuery", input, err)
		}
		if strings.TrimSpace(q) == "" {
			t.Fatalf("FTSQuery(%q) = empty query without ErrBadQuery", input)
		}
		if utf8.ValidString(input) && !utf8.ValidString(q) {
			t.Errorf("FTSQuery(%q) = %q: not UTF-8", input, q)
		}
		if _, err := s.Search(ctx, input, 5); err != nil {
			t.Fatalf("Search(%q) (FTS query %q): %v", input, q, err)
		}
	})
}
