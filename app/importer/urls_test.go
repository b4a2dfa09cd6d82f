package importer_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"scholia/app/fetch"
	"scholia/app/importer"
	"scholia/storage"
)

const pageHead = `<!DOCTYPE html><html><head><title>Lake report</title><link rel="canonical" href="https://lake.example/report"></head><body><article><h1>Lake report</h1>`

func pageWith(paras ...string) string {
	return pageHead + "<p>" + strings.Join(paras, "</p><p>") + "</p></article></body></html>"
}

var (
	paraA = "The water level of the lake rose by almost a metre during the spring, the highest rise recorded since the measurements began in the nineteenth century."
	paraB = "Fishermen on the northern shore reported that their boats could reach the old harbour again for the first time in twenty years, to general delight."
	paraC = "The regional council has asked the university to study whether the change will last, and a report is expected before the end of the year."
)

// TestURLRefreshKeepsHighlights: a page imported again is skipped; with
// Refresh its new text replaces the old and every highlight is kept:
// re-anchored where its words still are, orphaned where they are gone.
func TestURLRefreshKeepsHighlights(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	page := pageWith(paraA, paraB, paraC)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	s := open(t)
	opts := importer.URLOptions{Fetch: fetch.Options{Timeout: 5 * time.Second}}
	rep, err := importer.RunURLs(ctx, s, []string{srv.URL + "/a", srv.URL + "/a?utm=x"}, opts, nil)
	if err != nil || rep.Imported != 1 || rep.Skipped != 1 {
		t.Fatalf("first import: %+v, %v", rep, err)
	}
	id := rep.Results[0].ID
	a, _ := s.Article(ctx, id)
	if a.URL != "https://lake.example/report" {
		t.Fatalf("URL = %q", a.URL)
	}
	mark := func(quote string) int64 {
		start := strings.Index(a.Body, quote)
		h := &storage.Highlight{ArticleID: id, Start: start, End: start + len(quote), Quote: quote, Color: "yellow"}
		if err := s.CreateHighlight(ctx, h); err != nil {
			t.Fatal(err)
		}
		return h.ID
	}
	keep := mark("old harbour again")
	gone := mark("asked the university")

	mu.Lock()
	page = pageWith("A new first paragraph was added by the editors this morning.", paraA, paraB)
	mu.Unlock()
	// Without Refresh the page is recognised and left alone.
	rep, err = importer.RunURLs(ctx, s, []string{srv.URL + "/a"}, opts, nil)
	if err != nil || rep.Skipped != 1 || rep.Results[0].ID != id {
		t.Fatalf("second import: %+v, %v", rep, err)
	}
	opts.Refresh = true
	var got importer.URLResult
	rep, err = importer.RunURLs(ctx, s, []string{srv.URL + "/a"}, opts, func(_, _ int, r importer.URLResult) { got = r })
	if err != nil || got.Status != importer.Refreshed || got.ID != id {
		t.Fatalf("refresh: %+v, %v", got, err)
	}
	a, _ = s.Article(ctx, id)
	if !strings.HasPrefix(a.Body, "A new first paragraph") || strings.Contains(a.Body, "regional council") {
		t.Errorf("body not replaced: %q", a.Body)
	}
	hs, _ := s.Highlights(ctx, id)
	if len(hs) != 2 {
		t.Fatalf("%d highlights after refresh, want 2 (none lost)", len(hs))
	}
	for _, h := range hs {
		switch h.ID {
		case keep:
			if h.Orphaned || a.Body[h.Start:h.End] != "old harbour again" {
				t.Errorf("kept highlight misplaced: %+v", h)
			}
		case gone:
			if !h.Orphaned || h.Quote != "asked the university" {
				t.Errorf("highlight whose words are gone should be orphaned with its quote: %+v", h)
			}
		}
	}
	if !strings.Contains(got.Highlights, "1 could not be placed") {
		t.Errorf("summary = %q", got.Highlights)
	}
}

// TestURLBatchGoesOn: a failing address is one result; the others import.
func TestURLBatchGoesOn(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(strings.Replace(pageWith(paraA, paraB), "https://lake.example/report", "https://lake.example"+r.URL.Path, 1)))
	}))
	defer srv.Close()
	s := open(t)
	rep, err := importer.RunURLs(context.Background(), s, []string{srv.URL + "/one", srv.URL + "/missing", "gopher://old.example/", srv.URL + "/two"}, importer.URLOptions{}, nil)
	if err != nil || rep.Imported != 1 || rep.Failed != 2 || rep.Skipped != 1 {
		// /two has the same text as /one: a duplicate by body.
		t.Fatalf("%+v, %v", rep, err)
	}
	if e := rep.Results[1].Err.Error(); e != srv.URL+"/missing: the server answered 404 Not Found" {
		t.Errorf("err = %q", e)
	}
}

func TestURLCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep, err := importer.RunURLs(ctx, open(t), []string{"http://127.0.0.1:1/a", "http://127.0.0.1:1/b"}, importer.URLOptions{}, nil)
	if err == nil || rep.NotAttempted != 2 {
		t.Errorf("%+v, %v", rep, err)
	}
}
