package storage_test

import (
	"context"
	"errors"
	"sort"
	"strings"
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
	{"two-words", "people country"},
}

// runawayQueries are what issue 22 saw run for minutes: a pasted paragraph
// with OR between its words, thousands of a* terms, and the largest queries
// the limits still allow (16 common words OR'd, four short prefixes).
func runawayQueries() []string {
	para := strings.Repeat("the people of the country and the government of the state ", 20)
	return []string{
		strings.Join(strings.Fields(para), " OR "),
		strings.Repeat("a* ", 3000),
		strings.Repeat("a* OR ", 80) + "b*",
		"the OR of OR and OR to OR in OR a OR is OR that OR for OR it OR as OR was OR with OR be OR by OR on",
		"thi* OR peo* OR cou* OR gov* OR the OR of OR and OR to OR in OR a OR is OR that",
		`"the people of the country and the government of the state the people of"`,
		"the of and to in a is that for it as was with be by on",
	}
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

// BenchmarkSearchWorst100k runs each runaway query and reports the slowest
// answer or refusal (the target: within 1 s).
func BenchmarkSearchWorst100k(b *testing.B) {
	path := benchLibrary(b, 100_000)
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var worst time.Duration
	each := make([]time.Duration, len(runawayQueries()))
	for b.Loop() {
		for k, q := range runawayQueries() {
			start := time.Now()
			_, err := s.Search(context.Background(), q, 50)
			if err != nil && !errors.Is(err, storage.ErrBadQuery) && !errors.Is(err, storage.ErrSearchTimeout) {
				b.Fatalf("%.60q: %v", q, err)
			}
			each[k] = max(each[k], time.Since(start))
			worst = max(worst, each[k])
		}
	}
	for k, q := range runawayQueries() {
		b.Logf("%v  %.50q", each[k].Round(time.Millisecond), q)
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "ms-worst")
}

// BenchmarkSearch10k and 100k: full-text query latency on generated
// libraries of 5 KB articles.
func BenchmarkSearch10k(b *testing.B)  { benchSearch(b, 10_000) }
func BenchmarkSearch100k(b *testing.B) { benchSearch(b, 100_000) }
