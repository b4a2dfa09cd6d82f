package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"scholia/storage"
)

// Two Scholia instances on one library (two windows, or the window and a
// `scholia import` in a terminal) share it: both read and write, each sees
// the other's committed writes on its next read, and neither ever reports
// "database is locked" — SQLite's WAL lets readers run beside the one
// writer, and busy_timeout makes a second writer wait for the first.

func TestTwoInstancesReadAndWriteTogether(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	a := openAt(t, path)
	b := openAt(t, path)
	seed := addArticle(t, a, "Shared", "A body both instances annotate.")

	const batches, perBatch, edits = 8, 64, 150
	var wg sync.WaitGroup
	errs := make(chan error, 4*edits)
	// Instance A imports in big transactions, as `scholia import` does.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < batches; i++ {
			arts := make([]*storage.Article, perBatch)
			for j := range arts {
				n := i*perBatch + j
				arts[j] = &storage.Article{Title: fmt.Sprintf("Imported %d", n),
					Body: fmt.Sprintf("Body of imported article %d. %s", n, strings.Repeat("Filler words. ", 50))}
			}
			res, err := a.ImportArticles(ctx, arts)
			if err != nil {
				errs <- fmt.Errorf("A import batch %d: %w", i, err)
				return
			}
			for _, e := range res {
				if e != nil {
					errs <- fmt.Errorf("A import: %w", e)
				}
			}
			// A reads its own library while B writes.
			if _, err := a.Summaries(ctx, ""); err != nil {
				errs <- fmt.Errorf("A summaries: %w", err)
			}
		}
	}()
	// Instance B annotates, as the window does, reading back each write.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < edits; i++ {
			note := fmt.Sprintf("note revision %d", i)
			if err := b.SetNote(ctx, seed.ID, note); err != nil {
				errs <- fmt.Errorf("B set note: %w", err)
				return
			}
			if i%3 == 0 {
				h := storage.Highlight{ArticleID: seed.ID, Start: 2, End: 6, Quote: "body", Color: "blue",
					Comment: fmt.Sprintf("comment %d", i)}
				if err := b.CreateHighlight(ctx, &h); err != nil {
					errs <- fmt.Errorf("B create highlight: %w", err)
					return
				}
			}
			got, err := b.Article(ctx, seed.ID)
			if err != nil {
				errs <- fmt.Errorf("B read: %w", err)
				return
			}
			if got.Note != note {
				errs <- fmt.Errorf("B reads note %q right after writing %q", got.Note, note)
			}
		}
	}()
	// Both search the full-text index while it changes.
	for _, s := range []*storage.Store{a, b} {
		wg.Add(1)
		go func(s *storage.Store) {
			defer wg.Done()
			for i := 0; i < edits; i++ {
				if _, err := s.Search(ctx, "imported OR revision", 5); err != nil {
					errs <- fmt.Errorf("search: %w", err)
					return
				}
			}
		}(s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		return
	}

	// Each sees everything the other wrote.
	if n, err := b.CountArticles(ctx); err != nil || n != 1+batches*perBatch {
		t.Errorf("B counts %d articles (%v), want %d", n, err, 1+batches*perBatch)
	}
	got, err := a.Article(ctx, seed.ID)
	if err != nil || got.Note != fmt.Sprintf("note revision %d", edits-1) {
		t.Errorf("A reads note %q (%v), want B's last revision", got.Note, err)
	}
	if hs, err := a.Highlights(ctx, seed.ID); err != nil || len(hs) != (edits+2)/3 {
		t.Errorf("A sees %d highlights (%v), want %d", len(hs), err, (edits+2)/3)
	}
	if hits, err := b.Search(ctx, "imported", 1000); err != nil || len(hits) != batches*perBatch {
		t.Errorf("B finds %d imported articles (%v), want %d", len(hits), err, batches*perBatch)
	}
	a.Close()
	b.Close()
	checkIntegrity(t, path)
}

// Two instances started at once on a library that does not exist yet (the
// first run, launched twice) must end up with one library, created once.
func TestTwoInstancesCreateOneLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "library.db")
	var wg sync.WaitGroup
	stores := make([]*storage.Store, 2)
	errs := make([]error, 2)
	for i := range stores {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			stores[i], errs[i] = storage.Open(context.Background(), path)
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
		defer stores[i].Close()
	}
	addArticle(t, stores[0], "From one", "Written by the first instance.")
	if n, err := stores[1].CountArticles(context.Background()); err != nil || n != 1 {
		t.Errorf("second instance counts %d articles (%v), want 1", n, err)
	}
}

func openAt(t *testing.T, path string) *storage.Store {
	t.Helper()
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// checkIntegrity runs SQLite's own checks on the file and on each
// full-text index (which must agree with the tables it indexes).
func checkIntegrity(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
	for _, fts := range []string{"article_fts", "note_fts", "highlight_fts", "title_fts"} {
		if _, err := db.Exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES ('integrity-check')", fts, fts)); err != nil {
			t.Errorf("%s integrity-check: %v", fts, err)
		}
	}
}
