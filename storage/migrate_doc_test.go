package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/storage"
	"scholia/storage/doc"
)

// copyFixture copies the library made by the release before the document
// model (storage/testdata/schema2) to a temporary folder.
func copyFixture(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/schema2/library.db")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

type oldHighlight struct {
	id, article int64
	start, end  int
	quote       string
}

// readOld reads bodies and highlights straight from the file, as the old
// release stored them, before any migration runs.
func readOld(t *testing.T, path string) (map[int64]string, []oldHighlight) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != 2 {
		t.Fatalf("fixture at schema %d (%v), want 2", v, err)
	}
	bodies := map[int64]string{}
	rows, err := db.Query("SELECT article_id, body FROM bodies")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			t.Fatal(err)
		}
		bodies[id] = body
	}
	rows.Close()
	var hs []oldHighlight
	rows, err = db.Query("SELECT id, article_id, start_pos, end_pos, quote FROM highlights ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var h oldHighlight
		if err := rows.Scan(&h.id, &h.article, &h.start, &h.end, &h.quote); err != nil {
			t.Fatal(err)
		}
		hs = append(hs, h)
	}
	return bodies, hs
}

// TestMigrateSchema2Fixture opens a library written by the last release
// before the document model: every body reads exactly as before, every
// highlight's quote still sits at its offsets, and each body has Markdown
// that parses back to it with one paragraph block per paragraph.
func TestMigrateSchema2Fixture(t *testing.T) {
	path := copyFixture(t)
	bodies, hs := readOld(t, path)
	if len(bodies) != 3 || len(hs) != 12 {
		t.Fatalf("fixture has %d bodies and %d highlights, want 3 and 12", len(bodies), len(hs))
	}
	ctx := context.Background()
	s, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v != storage.SchemaVersionLatest() || v < 4 {
		t.Fatalf("schema %d after open, want %d", v, storage.SchemaVersionLatest())
	}
	for id, old := range bodies {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Body != old {
			t.Errorf("article %d: body changed:\n%q\nwas\n%q", id, a.Body, old)
		}
		if a.Markdown != doc.Escape(old) {
			t.Errorf("article %d: markdown %q, want Escape(body)", id, a.Markdown)
		}
		d, err := doc.Parse(a.Markdown)
		if err != nil || d.Text != old {
			t.Errorf("article %d: Markdown reads as %q (%v), want the old body", id, d.Text, err)
		}
		stored, err := doc.Decode(a.Blocks, a.Body)
		if err != nil {
			t.Fatalf("article %d: %v", id, err)
		}
		if fmt.Sprint(stored.Blocks) != fmt.Sprint(d.Blocks) {
			t.Errorf("article %d: stored blocks %v, parsed %v", id, stored.Blocks, d.Blocks)
		}
	}
	for _, h := range hs {
		got, err := s.Highlight(ctx, h.id)
		if err != nil {
			t.Fatal(err)
		}
		body := []rune(bodies[h.article])
		if got.Start != h.start || got.End != h.end || got.Quote != h.quote || string(body[got.Start:got.End]) != h.quote {
			t.Errorf("highlight %d: %d–%d %q, was %d–%d %q", h.id, got.Start, got.End, got.Quote, h.start, h.end, h.quote)
		}
	}
	hits, err := s.Search(ctx, "underscores", 10)
	found := false
	for _, h := range hits {
		found = found || (h.Where == "body" && h.ArticleID == 1)
	}
	if err != nil || !found {
		t.Errorf("search after migration found no body: %v %v", hits, err)
	}
}

// TestArticleDocumentForms: an article stored from Markdown gets its
// reading text and blocks derived; one stored from plain text gets escaped
// Markdown; an edit whose Markdown does not read as its body is refused and
// changes nothing.
func TestArticleDocumentForms(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	md := storage.Article{Title: "md", Markdown: "# Head\n\n- one\n- *two*\n"}
	if err := s.CreateArticle(ctx, &md); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, md.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != "Head\n\none\ntwo" || got.Markdown != md.Markdown {
		t.Fatalf("stored body %q, markdown %q", got.Body, got.Markdown)
	}
	d, err := doc.Decode(got.Blocks, got.Body)
	if err != nil || len(d.Blocks) != 5 || d.Blocks[0].Kind != doc.Heading || len(d.Spans) != 1 {
		t.Fatalf("stored blocks %v spans %v (%v)", d.Blocks, d.Spans, err)
	}

	plain := addArticle(t, s, "plain", "1. not a list\n\n# nor a heading")
	got, _ = s.Article(ctx, plain.ID)
	if got.Markdown != `1\. not a list`+"\n\n"+`\# nor a heading` {
		t.Fatalf("plain body's markdown %q", got.Markdown)
	}

	bad := got
	bad.Markdown = "something else"
	if err := s.EditArticle(ctx, bad, nil); err == nil {
		t.Fatal("an edit with a Markdown that is not its body was stored")
	}
	again, _ := s.Article(ctx, plain.ID)
	if again.Markdown != got.Markdown || again.Body != got.Body {
		t.Fatalf("refused edit changed the article: %q / %q", again.Body, again.Markdown)
	}

	deep := storage.Article{Title: "deep", Markdown: strings.Repeat("> ", 1000) + "x"}
	if err := s.CreateArticle(ctx, &deep); err == nil {
		t.Fatal("1,000 nested quotes were stored")
	}
}
