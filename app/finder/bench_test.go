package finder

import (
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"
)

var (
	benchMu    sync.Mutex
	benchLists = map[int][]Item{}
)

func benchItems(n int) []Item {
	benchMu.Lock()
	defer benchMu.Unlock()
	if benchLists[n] == nil {
		benchLists[n] = libItems(n)
	}
	return benchLists[n]
}

// typedQueries are three 10-character queries a user might type: the start
// of a title, a fuzzy abbreviation of another, and common words.
func typedQueries(items []Item) []string {
	prefix := []rune(strings.ToLower(items[len(items)/2].Title))[:10]
	var abbrev []rune
	for _, w := range strings.Fields(items[len(items)/3].Title) {
		abbrev = append(abbrev, []rune(strings.ToLower(w))[:min(2, len([]rune(w)))]...)
	}
	abbrev = append(abbrev, []rune("zzzzzzzzzz")...)[:10]
	return []string{string(prefix), string(abbrev), "climate ch"}
}

// keystrokes times search(q[:k]) for k = 1..10 of each typed query in turn,
// as a user types, and reports the per-keystroke median and 95th percentile.
func keystrokes(b *testing.B, items []Item, start func(), search func(q string)) {
	qs := typedQueries(items)
	var times []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := []rune(qs[i%len(qs)])
		start()
		for k := 1; k <= len(q); k++ {
			t0 := time.Now()
			search(string(q[:k]))
			times = append(times, time.Since(t0))
		}
	}
	b.StopTimer()
	slices.Sort(times)
	pct := func(p float64) float64 {
		k := int(math.Ceil(p*float64(len(times)))) - 1
		return float64(times[max(k, 0)].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "ms-p50")
	b.ReportMetric(pct(0.95), "ms-p95")
	b.ReportMetric(pct(1), "ms-max")
}

func benchTyping(b *testing.B, n int) {
	items := benchItems(n)
	f := New(items)
	ctx := context.Background()
	for name, limit := range map[string]int{"limit=100": 100, "limit=500": 500, "all": 0} {
		b.Run(name, func(b *testing.B) {
			keystrokes(b, items, f.forget, func(q string) { f.Search(ctx, q, limit) })
		})
	}
}

func benchSahilm(b *testing.B, n int) {
	items := benchItems(n)
	titles := make([]string, len(items))
	for i, it := range items {
		titles[i] = it.Title
	}
	keystrokes(b, items, func() {}, func(q string) { fuzzy.Find(q, titles) })
}

// BenchmarkTyping10k is the finder per keystroke over 10k titles.
func BenchmarkTyping10k(b *testing.B) { benchTyping(b, 10_000) }

// BenchmarkTyping100k is the finder per keystroke over 100k titles.
func BenchmarkTyping100k(b *testing.B) { benchTyping(b, 100_000) }

// BenchmarkSahilmFind10k is plain sahilm/fuzzy.Find per keystroke over the
// titles alone: a lower bound for doing the finder's job without it.
func BenchmarkSahilmFind10k(b *testing.B) { benchSahilm(b, 10_000) }

// BenchmarkSahilmFind100k is BenchmarkSahilmFind10k at 100k titles.
func BenchmarkSahilmFind100k(b *testing.B) { benchSahilm(b, 100_000) }

func BenchmarkNew100k(b *testing.B) {
	items := benchItems(100_000)
	b.ResetTimer()
	for b.Loop() {
		New(items)
	}
}
