package storage_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"scholia/storage"
)

// hostileQueries builds 200+ query strings a user might type, by mistake or
// on purpose: operators alone and unbalanced, quotes and brackets, column
// filters, SQL fragments, control characters, emoji and right-to-left text.
func hostileQueries() []string {
	pieces := []string{
		`"`, `""`, `"""`, `'`, `(`, `)`, `()`, `*`, `**`, `^`, `:`, `-`, `+`, `NEAR`, `NEAR(`, `NEAR(a b, 2)`,
		`AND`, `OR`, `NOT`, `and`, `or`, `{title}`, `title:`, `body:x`, `{title body}: x`, `;`, `--`,
		`'; DROP TABLE articles; --`, `%`, `_`, `\`, `\"`, "\x00", "\x02", "\x03", "\t", "\n", `🙂`, `👨‍👩‍👧`,
		"\u202e", `שלום`, `東京`, `é`, `Ω*`, `0`, `-1`, `1e9`, `NULL`, `rowid`, `rank`, `MATCH`,
	}
	words := []string{"geneva", "talks", "russia", ""}
	var out []string
	for i, p := range pieces {
		out = append(out, p, p+p, words[i%len(words)]+" "+p, p+" "+words[(i+1)%len(words)], `"`+p+` geneva`)
	}
	return out
}

func TestHostileQueriesNeverReachSQLite(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "Geneva talks", "Russia and the U.S. met in Geneva; talks (NEAR the lake) went on.")
	if err := s.SetNote(ctx, a.ID, "note about talks"); err != nil {
		t.Fatal(err)
	}
	h := storage.Highlight{ArticleID: a.ID, Start: 0, End: 6, Quote: "Russia", Comment: "who?"}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	qs := hostileQueries()
	if len(qs) < 200 {
		t.Fatalf("only %d hostile queries", len(qs))
	}
	for _, q := range qs {
		hits, err := s.Search(ctx, q, 10)
		if err != nil && !errors.Is(err, storage.ErrBadQuery) {
			t.Errorf("Search(%q) = %v", q, err)
		}
		for _, hit := range hits {
			if hit.ArticleID != a.ID {
				t.Errorf("Search(%q) found article %d", q, hit.ArticleID)
			}
		}
		if _, err := s.AllHighlights(ctx, storage.HighlightFilter{Text: q}); err != nil && !errors.Is(err, storage.ErrBadQuery) {
			t.Errorf("AllHighlights(%q) = %v", q, err)
		}
	}
	// Words around the junk are still found.
	for _, q := range []string{`geneva ")`, `(talks`, `russia --`, `NEAR( lake`, `u.s.`} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil || len(hits) == 0 {
			t.Errorf("Search(%q) = %d hits, %v; want the article", q, len(hits), err)
		}
		for _, hit := range hits {
			if strings.Contains(hit.Snippet, "\x00") {
				t.Errorf("snippet of %q holds a NUL", q)
			}
		}
	}
}
