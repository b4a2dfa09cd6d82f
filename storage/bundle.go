package storage

import (
	"context"
	"fmt"
)

// Bundle is an article with its highlights, as moved between libraries
// (JSON backup and restore) or made by the benchmark generator.
type Bundle struct {
	Article    Article
	Highlights []Highlight
}

// ImportBundles stores articles with their highlights in one transaction.
// IDs in the bundles are ignored: each article and highlight gets a new one,
// written back into bs. The result has one entry per bundle: nil, or an
// error wrapping ErrDuplicate when the article's body is already in the
// library (its highlights are then not added). A bad highlight fails the
// whole call and stores nothing.
func (s *Store) ImportBundles(ctx context.Context, bs []Bundle) ([]error, error) {
	results := make([]error, len(bs))
	err := s.write(ctx, "import articles", func(tx *txn) error {
		for i := range bs {
			if err := ctx.Err(); err != nil {
				return err
			}
			b := &bs[i]
			if err := createArticle(ctx, tx, &b.Article); err != nil {
				if isDuplicate(err) {
					results[i] = err
					continue
				}
				return err
			}
			for j := range b.Highlights {
				h := &b.Highlights[j]
				h.ID, h.ArticleID = 0, b.Article.ID
				if err := createHighlight(ctx, tx, h); err != nil {
					return fmt.Errorf("article %q, highlight %d: %w", b.Article.Title, j+1, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// RestoreBundle puts back an article exactly as it was, with its own ID and
// its highlights' IDs (undo of a delete). It fails if the ID or the body is
// taken in the meantime.
func (s *Store) RestoreBundle(ctx context.Context, b Bundle) error {
	return s.RestoreBundles(ctx, []Bundle{b})
}

// RestoreBundles stores articles with their highlights under their own IDs
// and times, in one transaction: a backup read into an empty library comes
// back exactly. Any clash (an ID or body already there) stores nothing.
func (s *Store) RestoreBundles(ctx context.Context, bs []Bundle) error {
	return s.write(ctx, "restore articles", func(tx *txn) error {
		for _, b := range bs {
			if err := ctx.Err(); err != nil {
				return err
			}
			a := b.Article
			if err := restoreArticle(ctx, tx, &a); err != nil {
				return fmt.Errorf("article %d: %w", b.Article.ID, err)
			}
			for j := range b.Highlights {
				h := b.Highlights[j]
				h.ArticleID = a.ID
				if err := createHighlight(ctx, tx, &h); err != nil {
					return fmt.Errorf("article %d, highlight %d: %w", a.ID, h.ID, err)
				}
			}
		}
		return nil
	})
}

func restoreArticle(ctx context.Context, tx *txn, a *Article) error {
	if a.ID != 0 {
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE id = ?", a.ID).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return fmt.Errorf("article %d exists already", a.ID)
		}
	}
	return insertArticle(ctx, tx, a)
}

// Bundles loads the articles with those IDs (bodies, notes, tags and
// highlights) in one read transaction, in the order given, with a few
// queries per thousands of articles (see loadBundles). A missing ID is
// ErrNotFound.
func (s *Store) Bundles(ctx context.Context, ids []int64) ([]Bundle, error) {
	var out []Bundle
	err := s.read(ctx, "load articles", func(tx *txn) error {
		var err error
		out, err = loadBundles(ctx, tx, ids, true)
		return err
	})
	return out, err
}
