package storage

import (
	"context"
	"database/sql"
	"errors"
)

// The file an article was imported from (Article.SourcePath): an absolute
// path, "" for an article that came from elsewhere.

func storeSourcePath(ctx context.Context, tx *txn, id int64, path string) error {
	if path == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO article_files (article_id, path) VALUES (?, ?)", id, path)
	return err
}

func loadSourcePath(ctx context.Context, tx *txn, id int64) (string, error) {
	var p string
	err := tx.QueryRowContext(ctx, "SELECT path FROM article_files WHERE article_id = ?", id).Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return p, err
}
