package app

import (
	"context"
	"path/filepath"
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
