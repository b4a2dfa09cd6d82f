package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A PDF address is read by the PDF importer: by its Content-Type, or by
// its %PDF- magic when the server calls it something else.
func TestPDFByURL(t *testing.T) {
	paper := fixture(t, "paper.pdf")
	mux := http.NewServeMux()
	for path, ct := range map[string]string{"/paper.pdf": "application/pdf", "/download": "text/html"} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			w.Write(paper)
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, path := range []string{"/paper.pdf", "/download"} {
		d, err := Article(context.Background(), srv.URL+path, testOpts)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if d.Title != "A Fetched Paper" || d.Author != "Tess Fixture" || d.URL != srv.URL+path || len(d.Pages) != 1 ||
			!strings.Contains(d.Body, "reads like any other imported PDF, with its pages kept.") {
			t.Errorf("%s: title %q, author %q, url %q, pages %v, body %q", path, d.Title, d.Author, d.URL, d.Pages, d.Body)
		}
	}
}
