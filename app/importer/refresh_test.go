package importer_test

import (
	"context"
	"errors"
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

// TestRefreshArticle: Article → Refresh from source fetches the article's
// own address again: new text in, highlights kept (orphaned where their
// words went), the same page again is "unchanged", a page gone is one
// line naming the address and changes nothing, and an article that did
// not come from the web has no source.
func TestRefreshArticle(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	page, status := strings.Replace(pageWith(paraA, paraB, paraC), `<link rel="canonical" href="https://lake.example/report">`, "", 1), 200
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write([]byte(page))
	}))
	defer srv.Close()
	set := func(p string, code int) {
		mu.Lock()
		page, status = p, code
		mu.Unlock()
	}
	s := open(t)
	fo := fetch.Options{Timeout: 5 * time.Second}
	rep, err := importer.RunURLs(ctx, s, []string{srv.URL + "/lake"}, importer.URLOptions{Fetch: fo}, nil)
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	id := rep.Results[0].ID
	a, _ := s.Article(ctx, id)
	for _, q := range []string{"old harbour again", "asked the university"} {
		start := strings.Index(a.Body, q)
		if err := s.CreateHighlight(ctx, &storage.Highlight{ArticleID: id, Start: start, End: start + len(q), Quote: q, Color: "yellow"}); err != nil {
			t.Fatal(err)
		}
	}

	set(strings.Replace(pageWith("The editors added this paragraph in the morning edition.", paraA, paraB), `<link rel="canonical" href="https://lake.example/report">`, "", 1), 200)
	er, unchanged, err := importer.Refresh(ctx, s, id, fo)
	if err != nil || unchanged {
		t.Fatalf("refresh: unchanged %v, %v", unchanged, err)
	}
	a, _ = s.Article(ctx, id)
	if !strings.HasPrefix(a.Body, "The editors added") || strings.Contains(a.Body, "regional council") {
		t.Errorf("text not replaced: %q", a.Body)
	}
	if hs, _ := s.Highlights(ctx, id); len(hs) != 2 || len(er.Orphans) != 1 || er.Orphans[0].Quote != "asked the university" {
		t.Errorf("after refresh: %d highlights, orphans %+v (want 2 kept, 1 orphaned)", len(hs), er.Orphans)
	}

	if _, unchanged, err = importer.Refresh(ctx, s, id, fo); err != nil || !unchanged {
		t.Errorf("the same page again: unchanged %v, %v", unchanged, err)
	}

	set("gone", 404)
	_, _, err = importer.Refresh(ctx, s, id, fo)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), srv.URL+"/lake") || !strings.Contains(err.Error(), "404") {
		t.Errorf("page gone: error %v, want one line naming the address and the 404", err)
	}
	if b, _ := s.Article(ctx, id); b.Body != a.Body {
		t.Error("a failed refresh changed the text")
	}

	local := storage.Article{Title: "Typed in", Body: "Typed into the window."}
	if err := s.CreateArticle(ctx, &local); err != nil {
		t.Fatal(err)
	}
	if _, _, err := importer.Refresh(ctx, s, local.ID, fo); !errors.Is(err, importer.ErrNoSource) {
		t.Errorf("article without an address: %v, want ErrNoSource", err)
	}
}
