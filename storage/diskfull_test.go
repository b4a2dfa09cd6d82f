package storage

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A library that cannot grow (max_page_count stands in for a full disk)
// fails its writes with ErrDiskFull, and the batch leaves nothing half-written.
func TestDiskFullIsErrDiskFull(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "full.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pages int
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA max_page_count = "+itoa(pages+2)); err != nil {
		t.Fatal(err)
	}
	var arts []*Article
	for i := 0; i < 20; i++ {
		arts = append(arts, &Article{Title: "Big", Body: strings.Repeat("words that fill pages ", 2000) + itoa(i)})
	}
	_, err = s.ImportArticles(ctx, arts)
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("ImportArticles on a full disk = %v, want ErrDiskFull", err)
	}
	if n, _ := s.CountArticles(ctx); n != 0 {
		t.Errorf("%d articles stored by the failed batch, want 0", n)
	}
}

func itoa(n int) string {
	return strconv.Itoa(n)
}
