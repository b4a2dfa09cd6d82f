package importer_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/importer"
	"scholia/app/importhl"
	"scholia/storage"
)

// clippings makes a My Clippings.txt of n clippings over 100 books: mostly
// highlights, every tenth a note at its highlight's end, every fiftieth a
// bookmark, every twentieth a re-made (extended) highlight.
func clippings(n int) []byte {
	var b strings.Builder
	words := strings.Fields("the river keeps its old bed while the valley forgets every road that crossed it in a dry year")
	for i := 0; i < n; i++ {
		book := i % 100
		loc := 10 + (i/100)*12
		title := fmt.Sprintf("Book number %d (Author %d, Some)", book, book)
		var text strings.Builder
		for w := 0; w < 20+i%15; w++ {
			text.WriteString(words[(i+w*7)%len(words)])
			text.WriteByte(' ')
		}
		fmt.Fprintf(&text, "%d.", i)
		switch {
		case i%50 == 49:
			fmt.Fprintf(&b, "%s\n- Your Bookmark on Location %d | Added on Monday, May 4, 2020 9:15:02 PM\n\n\n==========\n", title, loc)
		case i%10 == 9:
			fmt.Fprintf(&b, "%s\n- Your Note on Location %d | Added on Monday, May 4, 2020 9:15:02 PM\n\nA note %d\n==========\n", title, loc-12+3, i)
		default:
			fmt.Fprintf(&b, "%s\n- Your Highlight on page %d | Location %d-%d | Added on Monday, May 4, 2020 9:15:02 PM\n\n%s\n==========\n", title, loc/15+1, loc, loc+3, text.String())
		}
	}
	return []byte(b.String())
}

func BenchmarkKindleParse100k(b *testing.B) {
	data := clippings(100_000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		s, err := importhl.Parse(data)
		if err != nil || s.Count() == 0 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "clippings/s")
}

// BenchmarkKindleImport100k times the whole import of the file: parse,
// match against the library, compose 100 books and store every highlight
// with its origin id in one transaction.
func BenchmarkKindleImport100k(b *testing.B) {
	data := clippings(100_000)
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := storage.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("lib%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		set, err := importhl.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		p, err := importer.PlanHighlights(ctx, s, "bench", set, nil)
		if err != nil {
			b.Fatal(err)
		}
		n, err := importer.CommitHighlights(ctx, s, p)
		if err != nil || n.Highlights == 0 {
			b.Fatal(n, err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "clippings/s")
}
