package storage

import "context"

// ExportFile is what a vault export last wrote for one article in one
// folder: the file's path relative to the folder and the hash of the part
// of the file Scholia manages.
type ExportFile struct {
	ArticleID int64
	Path      string
	Hash      string
}

// ExportFiles returns the files recorded for folder (an absolute, cleaned
// path), keyed by article ID.
func (s *Store) ExportFiles(ctx context.Context, folder string) (map[int64]ExportFile, error) {
	out := map[int64]ExportFile{}
	err := s.read(ctx, "read export files", func(tx *txn) error {
		rows, err := tx.QueryContext(ctx, "SELECT article_id, path, hash FROM export_files WHERE folder = ?", folder)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f ExportFile
			if err := rows.Scan(&f.ArticleID, &f.Path, &f.Hash); err != nil {
				return err
			}
			out[f.ArticleID] = f
		}
		return rows.Err()
	})
	return out, err
}

// SetExportFiles records files as what the last export into folder wrote,
// in one transaction; rows of other articles are kept.
func (s *Store) SetExportFiles(ctx context.Context, folder string, files []ExportFile) error {
	return s.write(ctx, "save export files", func(tx *txn) error {
		for _, f := range files {
			if _, err := tx.ExecContext(ctx, `INSERT INTO export_files (folder, article_id, path, hash) VALUES (?, ?, ?, ?)
				ON CONFLICT (folder, article_id) DO UPDATE SET path = excluded.path, hash = excluded.hash`,
				folder, f.ArticleID, f.Path, f.Hash); err != nil {
				return err
			}
		}
		return nil
	})
}

// ArticlesExist reports which of ids are articles in the library.
func (s *Store) ArticlesExist(ctx context.Context, ids []int64) (map[int64]bool, error) {
	out := make(map[int64]bool, len(ids))
	err := s.read(ctx, "check articles", func(tx *txn) error {
		for _, id := range ids {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE id = ?", id).Scan(&n); err != nil {
				return err
			}
			out[id] = n > 0
		}
		return nil
	})
	return out, err
}
