package importer_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"scholia/app/importer"
	"scholia/storage"
)

// tenFiles writes ten distinct importable files.
func tenFiles(t *testing.T) []string {
	dir := t.TempDir()
	var files []string
	for i := range 10 {
		files = append(files, write(t, dir, fmt.Sprintf("%02d.txt", i), fmt.Sprintf("Title %d\n\nThe text of article number %d.\n", i, i)))
	}
	return files
}

// fullAfter stores the first n batches and then fails as a full disk does.
type fullAfter struct {
	s *storage.Store
	n int
}

func (f *fullAfter) ImportArticles(ctx context.Context, arts []*storage.Article) ([]error, error) {
	if f.n == 0 {
		return nil, fmt.Errorf("storage: import articles: %w", storage.ErrDiskFull)
	}
	f.n--
	return f.s.ImportArticles(ctx, arts)
}

// A batch that stops says why and how many files it never attempted
// (issue 22, item 5), instead of "0 imported, 0 skipped, 0 failed".
func TestStoppedBatchCountsWhatWasNotAttempted(t *testing.T) {
	ctx := context.Background()
	t.Run("disk full", func(t *testing.T) {
		s := open(t)
		rep, err := importer.Run(ctx, &fullAfter{s: s, n: 1}, tenFiles(t), importer.Options{BatchSize: 4}, nil)
		if !errors.Is(err, storage.ErrDiskFull) || rep.Imported != 4 || rep.NotAttempted != 6 {
			t.Errorf("err %v, %d imported, %d not attempted; want ErrDiskFull, 4, 6", err, rep.Imported, rep.NotAttempted)
		}
	})
	t.Run("locked", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "lib.db")
		s, err := storage.OpenWith(ctx, path, storage.Options{BusyTimeout: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		holder, err := sql.Open("sqlite3", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		defer holder.Close()
		conn, err := holder.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
			t.Fatal(err)
		}
		defer conn.ExecContext(ctx, "ROLLBACK")
		rep, err := importer.Run(ctx, s, tenFiles(t), importer.Options{BatchSize: 4}, nil)
		if !errors.Is(err, storage.ErrBusy) || rep.Imported != 0 || rep.NotAttempted != 10 {
			t.Errorf("err %v, %d imported, %d not attempted; want ErrBusy, 0, 10", err, rep.Imported, rep.NotAttempted)
		}
	})
	t.Run("read-only", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "lib.db")
		s, err := storage.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		ro, err := storage.OpenWith(ctx, path, storage.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		rep, err := importer.Run(ctx, ro, tenFiles(t), importer.Options{}, nil)
		if !errors.Is(err, storage.ErrReadOnly) || rep.NotAttempted != 10 {
			t.Errorf("err %v, %d not attempted; want ErrReadOnly, 10", err, rep.NotAttempted)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		rep, err := importer.Run(cctx, open(t), tenFiles(t), importer.Options{}, nil)
		if !errors.Is(err, context.Canceled) || rep.NotAttempted != 10 {
			t.Errorf("err %v, %d not attempted; want Canceled, 10", err, rep.NotAttempted)
		}
	})
}
