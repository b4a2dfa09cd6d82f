package storage_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"scholia/storage"
)

// The migrations as shipped: the same files the build embeds, read from the
// package folder so the test can stop at any version, as an older Scholia
// would have.
func migrationFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations in storage/migrations: %v", err)
	}
	slices.Sort(files)
	return files
}

func fileVersion(t *testing.T, file string) int {
	t.Helper()
	num, _, _ := strings.Cut(filepath.Base(file), "_")
	v, err := strconv.Atoi(num)
	if err != nil {
		t.Fatalf("migration %s has no number", file)
	}
	return v
}

// libraryAt makes the library an older Scholia at schema version would
// have written: the migrations up to it, its version and the application
// ID, in WAL mode, and no more.
func libraryAt(t *testing.T, path string, version int) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	reached := 0
	for _, f := range migrationFiles(t) {
		v := fileVersion(t, f)
		if v > version {
			break
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(b)); err != nil {
			t.Fatalf("applying %s: %v", f, err)
		}
		reached = v
	}
	if reached != version {
		t.Fatalf("no migration reaches version %d", version)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", version, 0x5343484f)); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestEveryOlderVersionMigrates(t *testing.T) {
	files := migrationFiles(t)
	latest := fileVersion(t, files[len(files)-1])
	for _, f := range files {
		v := fileVersion(t, f)
		t.Run(strconv.Itoa(v), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			libraryAt(t, path, v).Close()
			s, err := storage.Open(context.Background(), path)
			if err != nil {
				t.Fatalf("Open of a version %d library: %v", v, err)
			}
			defer s.Close()
			if got, err := s.SchemaVersion(context.Background()); err != nil || got != latest {
				t.Errorf("after Open: schema version %d (%v), want %d", got, err, latest)
			}
			a := addArticle(t, s, "New in an old library", "Written after the migration.")
			if hits, err := s.Search(context.Background(), "migration", 5); err != nil || len(hits) != 1 || hits[0].ArticleID != a.ID {
				t.Errorf("search after migration: %+v, %v", hits, err)
			}
		})
	}
}

// A version 1 library with content, written with version 1's own SQL, keeps
// all of it in the current build: article, note, highlight, tags and the
// full-text index.
func TestVersion1LibraryKeepsItsContent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	db := libraryAt(t, path, 1)
	for _, q := range []string{
		`INSERT INTO articles (id, title, author, added, updated, body_hash) VALUES (7, 'Old times', 'Archivist', 1000, 1000, 'h1')`,
		`INSERT INTO bodies (article_id, body) VALUES (7, 'The harbour froze in the winter of that year.')`,
		`INSERT INTO notes (article_id, note, updated) VALUES (7, 'check the almanac', 1000)`,
		`INSERT INTO highlights (id, article_id, start_pos, end_pos, quote, color, comment, created, updated)
			VALUES (3, 7, 4, 11, 'harbour', 'blue', 'which one?', 1000, 1000)`,
		`INSERT INTO tags (id, name) VALUES (1, 'history')`,
		`INSERT INTO article_tags (article_id, tag_id) VALUES (7, 1)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open of a version 1 library: %v", err)
	}
	a, err := s.Article(ctx, 7)
	if err != nil || a.Title != "Old times" || a.Note != "check the almanac" ||
		a.Body != "The harbour froze in the winter of that year." || !slices.Equal(a.Tags, []string{"history"}) {
		t.Errorf("migrated article = %+v, %v", a, err)
	}
	hs, err := s.Highlights(ctx, 7)
	if err != nil || len(hs) != 1 || hs[0].ID != 3 || hs[0].Quote != "harbour" || hs[0].Comment != "which one?" {
		t.Errorf("migrated highlights = %+v, %v", hs, err)
	}
	for _, q := range []string{"froze", "almanac", "which"} {
		if hits, err := s.Search(ctx, q, 5); err != nil || len(hits) != 1 || hits[0].ArticleID != 7 {
			t.Errorf("Search(%q) in the migrated library = %+v, %v", q, hits, err)
		}
	}
	// Version 2 keeps highlight counts on the article row and indexes new
	// bodies itself: the count is filled in, and an article imported after
	// the migration is indexed exactly once.
	sums, err := s.Summaries(ctx, "")
	if err != nil || len(sums) != 1 || sums[0].Highlights != 1 {
		t.Errorf("migrated summaries = %+v, %v", sums, err)
	}
	fresh := storage.Article{Title: "New", Body: "The harbour thawed in spring."}
	if err := s.CreateArticle(ctx, &fresh); err != nil {
		t.Fatal(err)
	}
	if hits, err := s.Search(ctx, "thawed", 5); err != nil || len(hits) != 1 || hits[0].ArticleID != fresh.ID {
		t.Errorf("Search(thawed) after the migration = %+v, %v", hits, err)
	}
	if n, err := s.RawFTSCount(ctx, `"harbour"`, 10); err != nil || n != 2 {
		t.Errorf("the index holds %d rows for harbour, want 2 (%v)", n, err)
	}
	s.Close()
	checkIntegrity(t, path)
}

// A library a newer Scholia closed normally is in WAL mode with no -wal or
// -shm beside it. Refusing it must not create them (a read-only look at a
// WAL file can), nor touch the file: the newer build may be syncing it.
func TestNewerWALLibraryRefusedWithoutTouchingTheFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "future.db")
	db := libraryAt(t, path, 1)
	if _, err := db.Exec("PRAGMA user_version = 1000"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	// Bytes 18 and 19 of the header are 2 in WAL mode (asking SQLite would
	// itself create the -shm file this test watches for).
	if len(before) < 100 || before[18] != 2 || before[19] != 2 {
		t.Fatal("test library is not in WAL mode")
	}
	listing := func() []string {
		es, _ := os.ReadDir(dir)
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		return names
	}
	if got := listing(); !slices.Equal(got, []string{"future.db"}) {
		t.Fatalf("before Open the folder holds %v", got)
	}

	for i := 0; i < 2; i++ { // a second try is refused the same way
		s, err := storage.Open(context.Background(), path)
		if err == nil {
			s.Close()
			t.Fatal("Open accepted a library from a newer Scholia")
		}
		if !strings.Contains(err.Error(), "newer Scholia") || !strings.Contains(err.Error(), "1000") {
			t.Errorf("refusal = %q, want it to say a newer Scholia wrote version 1000", err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("refused library file was modified")
	}
	if got := listing(); !slices.Equal(got, []string{"future.db"}) {
		t.Errorf("after the refusal the folder holds %v, want only future.db", got)
	}
}

// A read-only library at an older schema cannot be upgraded: it is refused
// with a line saying why, and left as it was.
func TestOlderReadOnlyLibraryRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := libraryAt(t, path, 1)
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = storage.OpenWith(context.Background(), path, storage.Options{ReadOnly: true})
	if err == nil || !strings.Contains(err.Error(), "is read-only and was written by an older Scholia") {
		t.Fatalf("OpenWith(ReadOnly) of a version 1 library = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused library changed")
	}
}
