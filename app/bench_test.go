package app

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/app/libgen"
	"scholia/storage"
)

// residentMB reads the process's resident set size from /proc (Linux);
// 0 where that is not available.
func residentMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

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
		b.ReportMetric(residentMB(), "MB-resident")
		w.Close()
		s.Close()
	}
}

// BenchmarkColdStart10k and 100k: opening the window on a large library.
func BenchmarkColdStart10k(b *testing.B)  { benchColdStart(b, 10_000) }
func BenchmarkColdStart100k(b *testing.B) { benchColdStart(b, 100_000) }
