package storage

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strconv"
	"strings"
)

// Pages of a PDF paper: Article.Pages[i] is the code point offset in the
// body where page i+1 starts (nil for articles that have no pages).

// PageAt is the 1-based page holding the code point offset off, 0 when
// there are no pages.
func PageAt(pages []int, off int) int {
	if len(pages) == 0 {
		return 0
	}
	return max(1, sort.Search(len(pages), func(i int) bool { return pages[i] > off }))
}

func encodePages(p []int) string {
	parts := make([]string, len(p))
	for i, v := range p {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, ",")
}

func decodePages(s string) []int {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]int, 0, len(parts))
	for _, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return nil // a damaged row: no pages rather than wrong ones
		}
		out = append(out, v)
	}
	return out
}

func storePages(ctx context.Context, tx *txn, id int64, pages []int) error {
	if len(pages) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO article_pages (article_id, starts) VALUES (?, ?)", id, encodePages(pages))
	return err
}

func loadPages(ctx context.Context, tx *txn, id int64) ([]int, error) {
	var s string
	err := tx.QueryRowContext(ctx, "SELECT starts FROM article_pages WHERE article_id = ?", id).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return decodePages(s), err
}

// ArticlePages loads only the page starts of an article (nil without pages).
func (s *Store) ArticlePages(ctx context.Context, id int64) ([]int, error) {
	var p []int
	err := s.read(ctx, "pages", func(tx *txn) error {
		var err error
		p, err = loadPages(ctx, tx, id)
		return err
	})
	return p, err
}
