package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"scholia/storage"
)

// synthetic10k is a library of 10,000 articles with ~5 KB bodies and
// 50,000 highlights, built once for the benchmarks.
var synthetic10k = sync.OnceValue(func() []Doc { return syntheticDocs(10_000, 5) })

var words = strings.Fields("the talks in Geneva between Russia and the United States ended without agreement on NATO expansion troops missiles sanctions diplomacy Ukraine border security guarantees officials said negotiations would continue next week in Brussels and Vienna")

func syntheticDocs(n, perDoc int) []Doc {
	docs := make([]Doc, n)
	var body strings.Builder
	for i := range docs {
		body.Reset()
		for w := 0; body.Len() < 5000; w++ {
			if w > 0 && w%90 == 0 {
				body.WriteString(".\n\n")
			} else if w > 0 {
				body.WriteByte(' ')
			}
			body.WriteString(words[(i*7+w*13)%len(words)])
		}
		a := storage.Article{
			ID: int64(i + 1), Title: fmt.Sprintf("Article %d: talks in Geneva [%d]", i+1, i%97),
			Author: "Staff", Source: "Example News", URL: fmt.Sprintf("https://example.com/a/%d", i+1),
			Published: "2022-01-10", Added: t0, Updated: t0, Body: body.String(),
			Note: "Compare with *earlier* reports.\n\n- troops\n- missiles", Tags: []string{"russia", "foreign policy"},
		}
		hs := make([]storage.Highlight, perDoc)
		for k := range hs {
			start := 300 + k*900
			hs[k] = mkHighlight(a, int64(i*perDoc+k+1), start, start+180, storage.DefaultColors[k%5].Key,
				"A comment with *stars* and a [link](x).", []string{"claims", "to check"})
		}
		docs[i] = Doc{Article: a, Highlights: hs}
	}
	return docs
}

// reportArticles reports throughput in articles per wall-clock second
// and per CPU-second used since cpu0 (all goroutines, GC included).
func reportArticles(b *testing.B, n int, cpu0 time.Duration) {
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkMarkdown10k exports 10k articles with 50k highlights: into a
// fresh vault folder, again into the same folder (nothing changed), and
// as one file to io.Discard. PRODUCT.md asks for ≥ 10,000 articles/s.
func BenchmarkMarkdown10k(b *testing.B) {
	led := newLedger()
	docs := synthetic10k()
	b.Run("vault", func(b *testing.B) {
		root := b.TempDir()
		i := 0
		cpu0 := cpuTime()
		for b.Loop() {
			i++
			dir := filepath.Join(root, fmt.Sprint(i))
			if _, err := Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led}); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			os.RemoveAll(dir)
			b.StartTimer()
		}
		reportArticles(b, len(docs), cpu0)
	})
	b.Run("vault-reexport", func(b *testing.B) {
		dir := b.TempDir()
		if _, err := Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led}); err != nil {
			b.Fatal(err)
		}
		cpu0 := cpuTime()
		for b.Loop() {
			rep, err := Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led})
			if err != nil || rep.Unchanged != len(docs) {
				b.Fatal(rep.Unchanged, err)
			}
		}
		reportArticles(b, len(docs), cpu0)
	})
	b.Run("one-file", func(b *testing.B) {
		cpu0 := cpuTime()
		for b.Loop() {
			if err := Markdown(io.Discard, docs, storage.DefaultColors); err != nil {
				b.Fatal(err)
			}
		}
		reportArticles(b, len(docs), cpu0)
	})
}

// BenchmarkW3C10k writes the same library as W3C JSON and reads it back.
func BenchmarkW3C10k(b *testing.B) {
	docs := synthetic10k()
	b.Run("write", func(b *testing.B) {
		cpu0 := cpuTime()
		for b.Loop() {
			if err := W3C(io.Discard, docs, storage.DefaultColors); err != nil {
				b.Fatal(err)
			}
		}
		reportArticles(b, len(docs), cpu0)
	})
	b.Run("read", func(b *testing.B) {
		var buf bytes.Buffer
		if err := W3C(&buf, docs, storage.DefaultColors); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
		cpu0 := cpuTime()
		for b.Loop() {
			if _, _, err := ReadW3C(bytes.NewReader(buf.Bytes())); err != nil {
				b.Fatal(err)
			}
		}
		reportArticles(b, len(docs), cpu0)
	})
}

// BenchmarkArticle is one seed-sized article, for profiling the renderer.
func BenchmarkArticle(b *testing.B) {
	d := syntheticDocs(1, 5)[0]
	for b.Loop() {
		if err := Article(io.Discard, d, storage.DefaultColors); err != nil {
			b.Fatal(err)
		}
	}
}
