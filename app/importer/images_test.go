package importer_test

import (
	"context"
	"image/color"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"scholia/app/fetch"
	"scholia/app/importer"
	"scholia/storage/media"
	"scholia/storage/media/mediatest"
)

// A page's images are fetched with it, so it reads offline: good ones
// stored and referenced by hash, a bomb, a 404 and a non-image kept as alt
// text, named in one warning, and the article imported all the same.
func TestURLImportFetchesImages(t *testing.T) {
	ctx := context.Background()
	good := mediatest.PNG(8, 4, color.NRGBA{G: 180, A: 255})
	rel := mediatest.PNG(2, 6, color.NRGBA{R: 180, A: 255})
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!DOCTYPE html><html><head><title>Lake pictures</title></head><body><article><h1>Lake pictures</h1><p>` + paraA +
			`</p><p><img src="/img/good.png" alt="the shore"></p><p>` + paraB +
			`</p><p><img src="pics/rel.png" alt="the harbour"> <img src="/img/bomb.png" alt="a bomb"> <img src="/img/none.png" alt="lost"> <img src="/img/text.png" alt="not a picture"></p><p>` + paraC + `</p></article></body></html>`))
	})
	mux.HandleFunc("/img/good.png", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); w.Write(good) })
	mux.HandleFunc("/pics/rel.png", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); w.Write(rel) })
	mux.HandleFunc("/img/bomb.png", func(w http.ResponseWriter, r *http.Request) { w.Write(mediatest.BombPNG(50_000, 50_000)) })
	mux.HandleFunc("/img/text.png", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>not found, really</html>")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	s := open(t)
	rep, err := importer.RunURLs(ctx, s, []string{srv.URL + "/story"}, importer.URLOptions{Fetch: fetch.Options{Timeout: 10 * time.Second}}, nil)
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	if hits.Load() != 2 {
		t.Errorf("%d good images fetched, want 2", hits.Load())
	}
	a, err := s.Article(ctx, rep.Results[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, img := range [][]byte{good, rel} {
		h := media.HashOf(img)
		if !strings.Contains(a.Markdown, "(scholia-media:"+h+")") {
			t.Errorf("Markdown does not refer to %.12s:\n%s", h, a.Markdown)
		}
		if m, err := s.Media(ctx, h); err != nil || m.MIME != "image/png" {
			t.Errorf("image %.12s: %+v, %v", h, m.MIME, err)
		}
	}
	if n, _ := s.MediaCount(ctx); n != 2 {
		t.Errorf("%d images stored, want 2", n)
	}
	for _, alt := range []string{"the shore", "a bomb", "lost", "not a picture"} {
		if !strings.Contains(a.Body, alt) {
			t.Errorf("alt text %q missing from the reading text", alt)
		}
	}
	w := strings.Join(rep.Results[0].Warnings, "\n")
	if !strings.Contains(w, "3 image(s) kept as alt text") || !strings.Contains(w, "too many pixels") || !strings.Contains(w, "404") {
		t.Errorf("warnings: %q", w)
	}
}

// The importer's file path: a Markdown note with a picture beside it ends
// up with the picture in the library.
func TestFileImportStoresImageNextToIt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	img := mediatest.PNG(3, 2, color.White)
	if err := os.WriteFile(filepath.Join(dir, "fig.png"), img, 0o644); err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "note.md")
	if err := os.WriteFile(md, []byte("# A note\n\nSee the figure.\n\n![figure one](fig.png)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := open(t)
	rep, err := importer.Run(ctx, s, []string{md}, importer.Options{}, nil)
	if err != nil || rep.Imported != 1 {
		t.Fatalf("%+v, %v", rep, err)
	}
	a, _ := s.Article(ctx, rep.Results[0].ID)
	h := media.HashOf(img)
	if !strings.Contains(a.Markdown, "![figure one](scholia-media:"+h+")") {
		t.Errorf("Markdown %q", a.Markdown)
	}
	if _, err := s.Media(ctx, h); err != nil {
		t.Errorf("image not stored: %v", err)
	}
}
