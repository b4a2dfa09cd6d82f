package storage_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/storage"
)

func openTemp(t *testing.T) (*storage.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lib", "library.db")
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func addArticle(t *testing.T, s *storage.Store, title, body string, tags ...string) storage.Article {
	t.Helper()
	a := storage.Article{Title: title, Body: body, Source: "Example Times", Tags: tags}
	if err := s.CreateArticle(context.Background(), &a); err != nil {
		t.Fatalf("CreateArticle(%q): %v", title, err)
	}
	return a
}

func TestOpenCreatesPrivateFileAtLatestVersion(t *testing.T) {
	s, path := openTemp(t)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("library file mode = %o, want 600", perm)
	}
	v, err := s.SchemaVersion(context.Background())
	if err != nil || v < 1 {
		t.Errorf("SchemaVersion = %d, %v; want ≥ 1", v, err)
	}
	// Reopening an up-to-date library keeps its contents.
	a := addArticle(t, s, "Kept", "Body text that stays.")
	s.Close()
	s2, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	got, err := s2.Article(context.Background(), a.ID)
	if err != nil || got.Title != "Kept" {
		t.Errorf("after reopen Article = %+v, %v", got, err)
	}
}

func TestPragmasOnEveryConnection(t *testing.T) {
	_, path := openTemp(t)
	// Foreign keys are per connection: deleting an article must cascade to
	// its highlights whichever pooled connection runs it. Check through
	// the public API many times in parallel-ish succession.
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		a := addArticle(t, s, "A", strings.Repeat("word ", 10)+string(rune('a'+i)))
		h := storage.Highlight{ArticleID: a.ID, Start: 0, End: 4, Quote: "word", Color: "green"}
		if err := s.CreateHighlight(ctx, &h); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteArticle(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Highlight(ctx, h.ID); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("highlight of deleted article: err = %v, want ErrNotFound", err)
		}
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestNewerLibraryRefusedAndUnchanged(t *testing.T) {
	s, path := openTemp(t)
	addArticle(t, s, "T", "Some body.")
	s.Close()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	_, err = storage.Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "newer Scholia") {
		t.Fatalf("Open of a future library: err = %v, want a 'newer Scholia' refusal", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("refused library file was modified")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("refused library got a -wal file")
	}
}

func TestForeignFilesRefused(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]func(path string) error{
		"text file": func(p string) error { return os.WriteFile(p, []byte("just some notes\n"), 0o600) },
		"other sqlite db": func(p string) error {
			db, err := sql.Open("sqlite3", p)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec("CREATE TABLE customers (id INTEGER)")
			return err
		},
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
			if err := make(path); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(path)
			if s, err := storage.Open(context.Background(), path); err == nil {
				s.Close()
				t.Fatal("Open accepted a file that is not a Scholia library")
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("refused file was modified")
			}
		})
	}
}

func TestArticleRoundTripAndDuplicates(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := storage.Article{Title: "Café “talks”", Author: "A. Writer", Source: "Le Monde", URL: "https://example.org/x",
		Published: "2022-01-18", Body: "First paragraph.\n\nSecond, with é and 東京.", Note: "my note", Tags: []string{"russia", "Geneva "}}
	if err := s.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.Body != a.Body || got.Note != "my note" || got.Published != "2022-01-18" || got.URL != a.URL {
		t.Errorf("Article = %+v", got)
	}
	if strings.Join(got.Tags, ",") != "Geneva,russia" {
		t.Errorf("tags = %q, want [Geneva russia]", got.Tags)
	}
	dup := storage.Article{Title: "Other title", Body: a.Body + "\n"}
	err = s.CreateArticle(ctx, &dup)
	var de *storage.DuplicateError
	if !errors.Is(err, storage.ErrDuplicate) || !errors.As(err, &de) || de.ID != a.ID {
		t.Errorf("duplicate body: err = %v, want DuplicateError of %d", err, a.ID)
	}
	if _, err := s.Article(ctx, 9999); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("missing article: err = %v, want ErrNotFound", err)
	}
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Errorf("CountArticles = %d, want 1", n)
	}
}

func TestImportArticlesBatch(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	addArticle(t, s, "old", "already here")
	arts := []*storage.Article{
		{Title: "one", Body: "body one"},
		{Title: "dup of old", Body: "already here"},
		{Title: "two", Body: "body two"},
		{Title: "dup in batch", Body: "body one"},
	}
	res, err := s.ImportArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{false, true, false, true}
	for i, w := range want {
		if got := errors.Is(res[i], storage.ErrDuplicate); got != w {
			t.Errorf("item %d (%s): duplicate = %v, want %v (%v)", i, arts[i].Title, got, w, res[i])
		}
	}
	sums, err := s.Summaries(ctx, "")
	if err != nil || len(sums) != 3 {
		t.Fatalf("Summaries = %d, %v; want 3", len(sums), err)
	}
}

func TestSummariesOrderTagsAndCounts(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "first", "alpha beta gamma", "x")
	b := addArticle(t, s, "second", "delta epsilon", "x", "y")
	c := addArticle(t, s, "third", "zeta eta")
	h := storage.Highlight{ArticleID: b.ID, Start: 6, End: 13, Quote: "epsilon"}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkOpened(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	sums, err := s.Summaries(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var order []int64
	for _, sm := range sums {
		order = append(order, sm.ID)
	}
	// Opened first, then newest added (ids break ties of equal times).
	if len(order) != 3 || order[0] != a.ID || order[1] != c.ID || order[2] != b.ID {
		t.Errorf("order = %v, want [%d %d %d]", order, a.ID, c.ID, b.ID)
	}
	for _, sm := range sums {
		if sm.ID == b.ID && (sm.Highlights != 1 || strings.Join(sm.Tags, ",") != "x,y") {
			t.Errorf("summary of b = %+v", sm)
		}
	}
	tagged, err := s.Summaries(ctx, "Y")
	if err != nil || len(tagged) != 1 || tagged[0].ID != b.ID {
		t.Errorf("Summaries(tag Y) = %+v, %v", tagged, err)
	}
}

func TestHighlightValidationAndEdits(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "t", "Le café “noir” à 東京 🍵 ok")
	cases := map[string]struct {
		h       storage.Highlight
		wantErr string
	}{
		"non-ascii exact":   {storage.Highlight{Start: 8, End: 14, Quote: "“noir”"}, ""},
		"cjk and emoji":     {storage.Highlight{Start: 17, End: 21, Quote: "東京 🍵"}, ""},
		"quote mismatch":    {storage.Highlight{Start: 0, End: 2, Quote: "Lx"}, "does not match"},
		"outside body":      {storage.Highlight{Start: 20, End: 40, Quote: "x"}, "outside"},
		"empty range":       {storage.Highlight{Start: 3, End: 3, Quote: "x"}, "outside"},
		"unknown colour":    {storage.Highlight{Start: 0, End: 2, Quote: "Le", Color: "mauve"}, "unknown colour"},
		"orphan keeps text": {storage.Highlight{Quote: "gone words", Orphaned: true}, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			h := tc.h
			h.ArticleID = a.ID
			err := s.CreateHighlight(ctx, &h)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("CreateHighlight: %v", err)
				}
				got, err := s.Highlight(ctx, h.ID)
				if err != nil || got.Quote != tc.h.Quote || got.Orphaned != tc.h.Orphaned {
					t.Errorf("stored = %+v, %v", got, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("err = %v, want it to mention %q", err, tc.wantErr)
			}
		})
	}
	hs, err := s.Highlights(ctx, a.ID)
	if err != nil || len(hs) != 3 {
		t.Fatalf("Highlights = %d, %v; want 3", len(hs), err)
	}
	if hs[0].Start != 8 || !hs[2].Orphaned {
		t.Errorf("order: %+v", hs)
	}
	id := hs[0].ID
	if err := s.SetHighlightComment(ctx, id, "why it matters"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetHighlightComment(ctx, id, "why it matters"); err != nil {
		t.Errorf("saving an unchanged comment: %v", err)
	}
	if err := s.SetHighlightColor(ctx, id, "purple"); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangeHighlightTags(ctx, id, []string{"claim"}, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Highlight(ctx, id)
	if got.Comment != "why it matters" || got.Color != "purple" || len(got.Tags) != 1 {
		t.Errorf("after edits = %+v", got)
	}
	if err := s.DeleteHighlight(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteHighlight(ctx, id); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	tags, _ := s.Tags(ctx)
	for _, tg := range tags {
		if tg.Name == "claim" {
			t.Error("tag of the deleted highlight was not pruned")
		}
	}
}

func TestTags(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "t", "text", "Foreign Policy")
	if err := s.ChangeArticleTags(ctx, a.ID, []string{"  nato ", "foreign policy"}, []string{"Foreign Policy"}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Article(ctx, a.ID)
	if strings.Join(got.Tags, "|") != "nato" {
		t.Errorf("tags = %q, want [nato]", got.Tags)
	}
	tags, _ := s.Tags(ctx)
	if len(tags) != 1 || tags[0].Name != "nato" || tags[0].Articles != 1 {
		t.Errorf("Tags = %+v", tags)
	}
	if err := s.ChangeArticleTags(ctx, 12345, []string{"x"}, nil); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("tagging a missing article: %v", err)
	}
}

func TestNoteAndColors(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "t", "text")
	for _, n := range []string{"draft", "final **note**"} {
		if err := s.SetNote(ctx, a.ID, n); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.Article(ctx, a.ID)
	if got.Note != "final **note**" {
		t.Errorf("note = %q", got.Note)
	}
	if err := s.RenameColor(ctx, "yellow", "Important"); err != nil {
		t.Fatal(err)
	}
	cs, _ := s.Colors(ctx)
	if len(cs) != 5 || cs[0].Name != "Important" || cs[4].Key != "purple" {
		t.Errorf("Colors = %+v", cs)
	}
}

func TestSearchKeepsIndexInStep(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "Geneva talks", "Diplomats met in Switzerland about missiles.")
	b := addArticle(t, s, "Other", "A passing mention of Geneva in the body.")
	if err := s.SetNote(ctx, b.ID, "remember the zeppelin"); err != nil {
		t.Fatal(err)
	}
	h := storage.Highlight{ArticleID: a.ID, Start: 0, End: 9, Quote: "Diplomats", Comment: "quixotic"}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "geneva", 10)
	if err != nil || len(hits) != 2 {
		t.Fatalf("Search geneva = %+v, %v", hits, err)
	}
	if hits[0].ArticleID != a.ID || hits[0].Where != "title" {
		t.Errorf("title hit should rank first: %+v", hits)
	}
	if !strings.Contains(hits[1].Snippet, storage.SnippetOpen+"Geneva"+storage.SnippetClose) {
		t.Errorf("snippet %q does not mark the word", hits[1].Snippet)
	}
	for q, where := range map[string]string{"zeppelin": "note", "quixotic": "highlight", "switz*": "body"} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil || len(hits) != 1 || hits[0].Where != where {
			t.Errorf("Search %q = %+v, %v; want one %s hit", q, hits, err, where)
		}
	}
	// Deleting and retitling keep the external-content index consistent.
	if err := s.UpdateArticle(ctx, storage.Article{ID: a.ID, Title: "Lausanne talks"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.Search(ctx, "geneva", 10); len(hits) != 0 {
		t.Errorf("after retitle+delete, geneva hits = %+v", hits)
	}
	if hits, _ := s.Search(ctx, "lausanne", 10); len(hits) != 1 {
		t.Errorf("lausanne hits = %+v", hits)
	}
	if hits, _ := s.Search(ctx, "zeppelin", 10); len(hits) != 0 {
		t.Errorf("note of deleted article still found: %+v", hits)
	}
}

func TestFTSQueryIsAlwaysSafe(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	addArticle(t, s, "t", "NEAR the end AND OR NOT words \"quoted\" (paren) col:on -minus")
	for _, q := range []string{`"unbalanced`, `AND`, `OR OR`, `NEAR(`, `a:b`, `-x`, `*`, `(`, `)`, `'; DROP TABLE articles; --`,
		`"" ""`, `NOT`, `^start`, `{title}`, `🙂`, `a OR`, `"near" OR "paren"`, `co*`} {
		_, err := s.Search(ctx, q, 10)
		if err != nil && !errors.Is(err, storage.ErrBadQuery) {
			t.Errorf("Search(%q) = %v", q, err)
		}
	}
	if hits, err := s.Search(ctx, `(paren) "quoted"`, 10); err != nil || len(hits) != 1 {
		t.Errorf("punctuation-wrapped words should match: %v %v", hits, err)
	}
}

func TestRestoreBundleKeepsIDs(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "Gone for a moment", "The words that matter are here.", "keep")
	if err := s.SetNote(ctx, a.ID, "a note"); err != nil {
		t.Fatal(err)
	}
	h := storage.Highlight{ArticleID: a.ID, Start: 4, End: 9, Quote: "words", Comment: "c", Tags: []string{"ht"}}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	full, _ := s.Article(ctx, a.ID)
	hs, _ := s.Highlights(ctx, a.ID)
	if err := s.DeleteArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.Search(ctx, "matter", 5); len(hits) != 0 {
		t.Fatalf("deleted article still searchable: %+v", hits)
	}
	if err := s.RestoreBundle(ctx, storage.Bundle{Article: full, Highlights: hs}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil || got.Note != "a note" || strings.Join(got.Tags, ",") != "keep" {
		t.Errorf("restored = %+v, %v", got, err)
	}
	ghs, _ := s.Highlights(ctx, a.ID)
	if len(ghs) != 1 || ghs[0].ID != h.ID || ghs[0].Comment != "c" || len(ghs[0].Tags) != 1 {
		t.Errorf("restored highlights = %+v", ghs)
	}
	if hits, _ := s.Search(ctx, "matter", 5); len(hits) != 1 || hits[0].ArticleID != a.ID {
		t.Errorf("restored article not searchable: %+v", hits)
	}
	if err := s.RestoreBundle(ctx, storage.Bundle{Article: full}); err == nil {
		t.Error("restoring over an existing article succeeded")
	}
	if v, _ := s.Setting(ctx, storage.SettingWelcomed); v != "" {
		t.Errorf("fresh setting = %q", v)
	}
	if err := s.SetSetting(ctx, storage.SettingWelcomed, "1"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, storage.SettingWelcomed); v != "1" {
		t.Errorf("setting = %q, want 1", v)
	}
}
