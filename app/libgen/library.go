package libgen

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"scholia/storage"
)

// CachedLibrary returns the path of a library file holding n generated
// articles (seed 1, default options), building it the first time and
// keeping it in the user's cache folder: making 100,000 articles takes a
// minute, and benchmarks need the same library run after run. The file name
// carries the schema version, so a schema change builds a fresh one.
func CachedLibrary(n int) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "scholia-bench")
	path := filepath.Join(dir, fmt.Sprintf("library-%d-s%d.db", n, storage.SchemaVersionLatest()))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	tmp := path + ".building"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := Build(context.Background(), tmp, n); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// Build writes n generated articles with their highlights into a new
// library at path, 1,000 to a transaction.
func Build(ctx context.Context, path string, n int) error {
	s, err := storage.Open(ctx, path)
	if err != nil {
		return err
	}
	batch := make([]storage.Bundle, 0, 1000)
	flush := func() error {
		_, err := s.ImportBundles(ctx, batch)
		batch = batch[:0]
		return err
	}
	err = Each(1, n, Options{}, func(_ int, g Generated) error {
		batch = append(batch, storage.Bundle{Article: g.Article, Highlights: g.Highlights})
		if len(batch) == cap(batch) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}
