package storage_test

import (
	"context"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"scholia/app/libgen"
	"scholia/storage"
)

// benchLibrary returns a library of n generated articles (5 KB bodies, five
// highlights each), built once and cached (see libgen.CachedLibrary).
func benchLibrary(b *testing.B, n int) string {
	b.Helper()
	path, err := libgen.CachedLibrary(n)
	if err != nil {
		b.Fatal(err)
	}
	return path
}

func fmtInt(n int) string { return strconv.Itoa(n) }

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
