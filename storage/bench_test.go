package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"scholia/app/libgen"
	"scholia/storage"
)

// benchLibrary returns a library of n generated articles (5 KB bodies, five
// highlights each), built once and kept in the user cache folder because
// making 100k articles takes a while.
func benchLibrary(b *testing.B, n int) string {
	b.Helper()
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "scholia-bench")
	path := filepath.Join(dir, "library-"+itoa(n)+"-v1.db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := storage.Open(context.Background(), tmp)
	if err != nil {
		b.Fatal(err)
	}
	batch := make([]storage.Bundle, 0, 1000)
	flush := func() error {
		_, err := s.ImportBundles(context.Background(), batch)
		batch = batch[:0]
		return err
	}
	err = libgen.Each(1, n, libgen.Options{}, func(i int, g libgen.Generated) error {
		batch = append(batch, storage.Bundle{Article: g.Article, Highlights: g.Highlights})
		if len(batch) == cap(batch) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func itoa(n int) string {
	if n%1000 == 0 {
		return fmtInt(n/1000) + "k"
	}
	return fmtInt(n)
}

func fmtInt(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

// BenchmarkImport stores generated 5 KB articles (with the full-text index
// kept in step) in batches of 256, as the importer does.
func BenchmarkImport(b *testing.B) {
	gens := libgen.Articles(7, 4096, libgen.Options{HighlightsPerArticle: -1})
	s, err := storage.Open(context.Background(), filepath.Join(b.TempDir(), "lib.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	total := 0
	for i := 0; i < b.N; i++ {
		for start := 0; start < len(gens); start += 256 {
			batch := make([]*storage.Article, 0, 256)
			for _, g := range gens[start:min(start+256, len(gens))] {
				a := g.Article
				a.ID = 0
				a.Body += "\n\nrun " + fmtInt(i) // unique per iteration
				batch = append(batch, &a)
			}
			if _, err := s.ImportArticles(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			total += len(batch)
		}
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}

func benchLoadTitles(b *testing.B, n int) {
	path := benchLibrary(b, n)
	b.ResetTimer()
	var heap float64
	for i := 0; i < b.N; i++ {
		start := time.Now()
		s, err := storage.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		sums, err := s.Summaries(context.Background(), "")
		if err != nil || len(sums) != n {
			b.Fatalf("Summaries = %d, %v", len(sums), err)
		}
		b.ReportMetric(float64(time.Since(start).Microseconds())/1000, "ms-open+titles")
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		heap = float64(m.HeapAlloc) / (1 << 20)
		s.Close()
	}
	b.ReportMetric(heap, "MB-heap")
}

// BenchmarkLoadTitles10k and 100k open a library and load every title, source,
// tag and highlight count the sidebar needs, without reading bodies.
func BenchmarkLoadTitles10k(b *testing.B)  { benchLoadTitles(b, 10_000) }
func BenchmarkLoadTitles100k(b *testing.B) { benchLoadTitles(b, 100_000) }
