package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"scholia/app/importer"
	"scholia/storage"
)

func refreshPage(paras ...string) string {
	return `<!DOCTYPE html><html><head><title>Lake report</title></head><body><article><h1>Lake report</h1><p>` +
		strings.Join(paras, "</p><p>") + `</p></article></body></html>`
}

// TestRefreshFromSource: Article → Refresh from source puts the page's
// new text in the reader and reports the highlight that lost its words;
// when the page is gone the dialog says so in one line and the text stays.
func TestRefreshFromSource(t *testing.T) {
	p1 := "The water level of the lake rose by almost a metre during the spring, the highest rise since the measurements began."
	p2 := "Fishermen on the northern shore reported that their boats could reach the old harbour again for the first time in twenty years."
	p3 := "The regional council has asked the university to study whether the change will last, with a report before the end of the year."
	var mu sync.Mutex
	page, status := refreshPage(p1, p2, p3), 200
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write([]byte(page))
	}))
	defer srv.Close()
	var id int64
	h := newHarness(t, "", func(s *storage.Store) {
		ctx := context.Background()
		rep, err := importer.RunURLs(ctx, s, []string{srv.URL + "/lake"}, importer.URLOptions{}, nil)
		if err != nil || rep.Imported != 1 {
			t.Fatalf("import: %+v %v", rep, err)
		}
		id = rep.Results[0].ID
		a, _ := s.Article(ctx, id)
		q := "asked the university"
		start := strings.Index(a.Body, q)
		if err := s.CreateHighlight(ctx, &storage.Highlight{ArticleID: id, Start: start, End: start + len(q), Quote: q, Color: "yellow"}); err != nil {
			t.Fatal(err)
		}
		s.SetSetting(ctx, storage.SettingWelcomed, "1")
	})
	h.ws.open(id)
	mu.Lock()
	page = refreshPage("The editors added this paragraph to the morning edition.", p1, p2)
	mu.Unlock()
	h.ws.refreshFromSource()
	h.eventually("the refreshed text", func() bool {
		return h.ws.current != nil && strings.HasPrefix(h.ws.current.Body, "The editors added")
	})
	if msg := overlayText(t, h.win); !strings.Contains(msg, "1 could not be placed") || !strings.Contains(msg, "asked the university") {
		t.Errorf("report after refresh: %q", msg)
	}
	for top := h.win.Canvas().Overlays().Top(); top != nil; top = h.win.Canvas().Overlays().Top() {
		h.win.Canvas().Overlays().Remove(top)
	}

	mu.Lock()
	status = 404
	mu.Unlock()
	before := h.ws.current.Body
	h.ws.refreshFromSource()
	msg := overlayText(t, h.win)
	if !strings.Contains(msg, "Not refreshed: ") || !strings.Contains(msg, "404") || !strings.Contains(msg, srv.URL+"/lake") {
		t.Errorf("page gone: dialog says %q", msg)
	}
	if a, _ := h.store.Article(context.Background(), id); a.Body != before {
		t.Error("a failed refresh changed the text")
	}
}
