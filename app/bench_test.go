package app

import (
	"context"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/app/libgen"
	"scholia/storage"
)

// benchColdStart opens the window on a generated library of n articles, as
// a user starting Scholia does, until the sidebar lists every article and
// an article is open.
func benchColdStart(b *testing.B, n int) {
	path, err := libgen.CachedLibrary(n)
	if err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runtime.GC()
		start := time.Now()
		s, err := storage.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		w := a.NewWindow("Scholia")
		ws := newWorkspace(context.Background(), a, w, s)
		ws.buildUI()
		w.Resize(fyne.NewSize(1200, 800))
		if len(ws.sidebar.rows) != n || ws.current == nil {
			b.Fatalf("sidebar has %d rows, open article %v", len(ws.sidebar.rows), ws.current)
		}
		elapsed := time.Since(start)
		b.ReportMetric(float64(elapsed.Microseconds())/1000, "ms-to-sidebar")
		w.Close()
		s.Close()
		runtime.GC()
	}
}

// BenchmarkColdStart10k and 100k: opening the window on a large library.
func BenchmarkColdStart10k(b *testing.B)  { benchColdStart(b, 10_000) }
func BenchmarkColdStart100k(b *testing.B) { benchColdStart(b, 100_000) }
