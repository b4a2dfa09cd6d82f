package storage_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"scholia/storage"
)

// searchQueries are the kinds of full-text query PRODUCT.md measures: a rare
// word (a planted marker), a common word, a phrase and a prefix.
var searchQueries = []struct{ name, q string }{
	{"rare", "zorblaxite"},
	{"common", "people"},
	{"phrase", `"the people"`},
	{"prefix", "count*"},
}

func benchSearch(b *testing.B, n int) {
	path := benchLibrary(b, n)
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, q := range searchQueries {
		b.Run(q.name, func(b *testing.B) {
			var times []time.Duration
			for i := 0; i < b.N; i++ {
				start := time.Now()
				hits, err := s.Search(ctx, q.q, 50)
				if err != nil || len(hits) == 0 {
					b.Fatalf("Search(%q) = %d hits, %v", q.q, len(hits), err)
				}
				times = append(times, time.Since(start))
			}
			reportPercentiles(b, times)
		})
		b.Run(q.name+"-direct", func(b *testing.B) {
			// The same FTS5 match straight on the body index, for comparison:
			// what Search adds is the note and highlight indexes and snippets.
			fq, err := storage.FTSQuery(q.q)
			if err != nil {
				b.Fatal(err)
			}
			var times []time.Duration
			for i := 0; i < b.N; i++ {
				start := time.Now()
				if n, err := s.RawFTSCount(ctx, fq, 50); err != nil || n == 0 {
					b.Fatalf("direct %q = %d, %v", fq, n, err)
				}
				times = append(times, time.Since(start))
			}
			reportPercentiles(b, times)
		})
	}
}

func reportPercentiles(b *testing.B, times []time.Duration) {
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	at := func(p float64) float64 {
		return float64(times[int(p*float64(len(times)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.5), "ms-p50")
	b.ReportMetric(at(0.95), "ms-p95")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "ms-max")
}

// BenchmarkSearch10k and 100k: full-text query latency on generated
// libraries of 5 KB articles.
func BenchmarkSearch10k(b *testing.B)  { benchSearch(b, 10_000) }
func BenchmarkSearch100k(b *testing.B) { benchSearch(b, 100_000) }
