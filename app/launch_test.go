package app

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage"
)

// TestLaunchLoadsListBehindWindow: the window's content exists before the
// article list has loaded, and a query typed during the load is answered
// when it completes.
func TestLaunchLoadsListBehindWindow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addArticles(t, s, "Geneva talks begin", "Biden team cannot tame Russia", "Talks in Geneva stall")
	a := test.NewTempApp(t)
	w := a.NewWindow("Scholia")
	defer w.Close()
	ws := newWorkspace(context.Background(), a, w, s)
	ws.background = func(f func()) { f() } // as the harness: the test driver runs fyne.Do on the caller
	release := make(chan struct{})
	loaded := make(chan struct{})
	counted := make(chan struct{})
	ws.sidebar.countLoad = func(ctx context.Context) (int, error) {
		<-counted
		return s.CountArticles(ctx)
	}
	ws.sidebar.load = func(ctx context.Context, tag string) ([]storage.Summary, error) {
		<-release // a slow library
		return s.Summaries(ctx, tag)
	}
	ws.loadBehind = true
	done := make(chan struct{})
	go func() {
		fyne.DoAndWait(func() {
			ws.buildUI()
			w.Resize(fyne.NewSize(1200, 800))
		})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		close(release)
		t.Fatal("buildUI waited for the article list")
	}
	var before int
	var content bool
	var count string
	fyne.DoAndWait(func() {
		content = w.Content() != nil
		before = len(ws.sidebar.rows)
		count = ws.sidebar.count.Text
		test.Type(ws.sidebar.search, "geneva")
	})
	if !content || before != 0 || count != "Loading articles…" {
		t.Fatalf("before the load: content %v, rows %d, count %q", content, before, count)
	}
	close(counted)
	if got := waitFor(t, func() string { return ws.sidebar.count.Text }, "Loading 3 articles…"); got != "Loading 3 articles…" {
		t.Fatalf("while loading, the count line says %q", got)
	}
	ws.sidebar.loaded = func() { close(loaded) }
	close(release)
	select {
	case <-loaded:
	case <-time.After(10 * time.Second):
		t.Fatal("the list never loaded")
	}
	var titles []string
	fyne.DoAndWait(func() {
		for _, m := range ws.sidebar.rows {
			titles = append(titles, ws.sidebar.all[m.Index].Title)
		}
	})
	if len(titles) != 2 || titles[0] != "Geneva talks begin" || titles[1] != "Talks in Geneva stall" {
		t.Errorf("rows for the query typed during the load = %v", titles)
	}
}

// waitFor reads get on the UI goroutine until it returns want or ten
// seconds pass; it returns the last value read.
func waitFor(t *testing.T, get func() string, want string) string {
	t.Helper()
	var got string
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		fyne.DoAndWait(func() { got = get() })
		if got == want {
			break
		}
	}
	return got
}

// TestStaleLoadNeverReplacesReload: the launch's background load, still
// running when an import reloads the list, is dropped when it ends: the
// newer list stays.
func TestStaleLoadNeverReplacesReload(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addArticles(t, s, "First article", "Second article")
	stale, err := s.Summaries(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	w := a.NewWindow("Scholia")
	defer w.Close()
	ws := newWorkspace(context.Background(), a, w, s)
	ws.background = func(f func()) { f() }
	release := make(chan struct{})
	ws.sidebar.load = func(ctx context.Context, tag string) ([]storage.Summary, error) {
		<-release
		return stale, nil // what the library held when the load began
	}
	dropped := make(chan struct{})
	ws.sidebar.dropped = func() { close(dropped) }
	ws.sidebar.loaded = func() { t.Error("the older load was installed over the reload") }
	ws.loadBehind = true
	fyne.DoAndWait(func() {
		ws.buildUI()
		w.Resize(fyne.NewSize(1200, 800))
	})
	addArticles(t, s, "Imported meanwhile")
	fyne.DoAndWait(func() { ws.sidebar.reload() })
	close(release)
	select {
	case <-dropped:
	case <-time.After(10 * time.Second):
		t.Fatal("the older load never ended")
	}
	var titles []string
	fyne.DoAndWait(func() {
		for _, m := range ws.sidebar.rows {
			titles = append(titles, ws.sidebar.all[m.Index].Title)
		}
	})
	if len(titles) != 3 || !slices.Contains(titles, "Imported meanwhile") {
		t.Errorf("after the reload and the older load: rows %v, want the 3 articles of the reload", titles)
	}
}

func TestLoadingText(t *testing.T) {
	for n, want := range map[int]string{
		0: "Loading 0 articles…", 1: "Loading 1 article…", 999: "Loading 999 articles…",
		1000: "Loading 1,000 articles…", 100000: "Loading 100,000 articles…", 1234567: "Loading 1,234,567 articles…",
	} {
		if got := loadingText(n); got != want {
			t.Errorf("loadingText(%d) = %q, want %q", n, got, want)
		}
	}
}
