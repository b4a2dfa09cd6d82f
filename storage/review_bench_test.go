package storage_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"scholia/app/libgen"
	"scholia/storage"
)

// BenchmarkReviewQueue builds the day's queue on a library of 2,000
// generated articles with 5 highlights each (10,000 highlights). "intake"
// is each day's first build (it picks and stores the new highlights);
// "again" is every later build that day (a restart, the window reopening).
func BenchmarkReviewQueue(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "lib.db")
	if err := libgen.Build(ctx, path, 2000); err != nil {
		b.Fatal(err)
	}
	s, err := storage.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	day := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	b.Run("intake", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			if _, err := s.ReviewQueue(ctx, storage.QueueOptions{Now: day.AddDate(0, 0, i)}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("again", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.ReviewQueue(ctx, storage.QueueOptions{Now: day.AddDate(0, 0, 1)}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
