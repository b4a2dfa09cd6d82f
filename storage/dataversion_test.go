package storage_test

import (
	"context"
	"path/filepath"
	"testing"

	"scholia/storage"
)

func TestDataVersionSeesOtherWritersOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	win, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer win.Close()
	cli, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	v0, err := win.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The window's own writes do not count: it knows about them.
	a := storage.Article{Title: "Own", Body: "Own body."}
	if err := win.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if v, _ := win.DataVersion(ctx); v != v0 {
		t.Errorf("own write changed the data version %d → %d", v0, v)
	}
	// Another Store on the file (as the command line is) does.
	b := storage.Article{Title: "From the CLI", Body: "CLI body."}
	if err := cli.CreateArticle(ctx, &b); err != nil {
		t.Fatal(err)
	}
	v1, _ := win.DataVersion(ctx)
	if v1 == v0 {
		t.Fatal("a write by another Store left the data version unchanged")
	}
	if v, _ := win.DataVersion(ctx); v != v1 {
		t.Errorf("no change, yet the data version moved %d → %d", v1, v)
	}
	if err := cli.ChangeArticleTags(ctx, a.ID, []string{"fresh"}, nil); err != nil {
		t.Fatal(err)
	}
	if v, _ := win.DataVersion(ctx); v == v1 {
		t.Error("a tag change by another Store left the data version unchanged")
	}
}

func BenchmarkDataVersion(b *testing.B) {
	ctx := context.Background()
	s, err := storage.Open(ctx, filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if _, err := s.DataVersion(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
