package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gzipped(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// server serves the project's own fixture pages and misbehaviours.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	article := fixture(t, "article.html")
	russian := fixture(t, "russian.html")
	koi8, _ := charmap.KOI8R.NewEncoder().Bytes(russian)
	cp1251, _ := charmap.Windows1251.NewEncoder().Bytes(russian)
	mux := http.NewServeMux()
	page := func(ct string, body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			w.Write(body)
		}
	}
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != DefaultUserAgent {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		page("text/html; charset=utf-8", article)(w, r)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(t, article))
	})
	bomb := gzipped(t, bytes.Repeat([]byte("<p>aaaaaaaa</p>"), 300_000)) // 4.5 MB out of ~10 KB
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	mux.HandleFunc("/koi8-no-charset", page("text/html", koi8))
	mux.HandleFunc("/koi8-says-utf8", page("text/html; charset=utf-8", koi8))
	mux.HandleFunc("/cp1251-header", page("text/html; charset=windows-1251", cp1251))
	mux.HandleFunc("/noarticle", page("text/html", fixture(t, "noarticle.html")))
	mux.HandleFunc("/zip", page("application/zip", []byte("PK\x03\x04")))
	mux.HandleFunc("/paper.pdf", page("application/pdf", []byte("%PDF-1.4")))
	mux.HandleFunc("/notes.txt", page("text/plain; charset=utf-8", []byte("Field notes\n\nWe walked to the lake.")))
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", 500) })
	mux.HandleFunc("/r/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/r/"), "%d", &n)
		if n <= 0 {
			http.Redirect(w, r, "/article", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
	})
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 100; i++ {
			if _, err := w.Write([]byte("<p>drip</p>")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(50 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>more</p>"), 10_000)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(int64(3<<20)))
		w.WriteHeader(200)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

var testOpts = Options{MaxBytes: 2 << 20, Timeout: 700 * time.Millisecond, ConnectTimeout: 500 * time.Millisecond}

func TestArticle(t *testing.T) {
	srv := server(t)
	d, err := Article(context.Background(), srv.URL+"/r/3", testOpts)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Geneva talks end without agreement" || d.Author != "Jane Marlow" || d.Source != "The Lakeside Courier" ||
		d.Published != "2022-01-18" || d.URL != "https://courier.example/world/geneva-talks" {
		t.Errorf("meta = %q / %q / %q / %q / %q", d.Title, d.Author, d.Source, d.Published, d.URL)
	}
	if !strings.Contains(d.Body, "did not reach an agreement") || strings.Contains(d.Body, "All rights reserved") || strings.Contains(d.Body, "Sport") {
		t.Errorf("body = %q", d.Body)
	}
	if d.Markdown == "" || len(d.Blocks) == 0 {
		t.Errorf("no structured document: markdown %q", d.Markdown)
	}
}

// TestCharsets: the page's bytes are read in the encoding the server
// says, else the one detection finds, even when the server lies.
func TestCharsets(t *testing.T) {
	srv := server(t)
	for _, path := range []string{"/koi8-no-charset", "/koi8-says-utf8", "/cp1251-header"} {
		t.Run(path, func(t *testing.T) {
			d, err := Article(context.Background(), srv.URL+path, testOpts)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != "Переговоры в Женеве" || !strings.Contains(d.Body, "стороны не пришли к соглашению") {
				t.Errorf("title %q body %q", d.Title, d.Body)
			}
			// The relative canonical link resolves against the server.
			if d.URL != srv.URL+"/news/geneva" {
				t.Errorf("URL = %q", d.URL)
			}
		})
	}
}

func TestGzip(t *testing.T) {
	srv := server(t)
	d, err := Article(context.Background(), srv.URL+"/gzip", testOpts)
	if err != nil || d.Title != "Geneva talks end without agreement" {
		t.Fatalf("%q, %v", d.Title, err)
	}
}

func TestTextURL(t *testing.T) {
	srv := server(t)
	d, err := Article(context.Background(), srv.URL+"/notes.txt", testOpts)
	if err != nil || d.Title != "Field notes" || d.Body != "We walked to the lake." || d.URL != srv.URL+"/notes.txt" {
		t.Fatalf("%+v, %v", d, err)
	}
}

// TestRefusals: every bad case is one line naming the address and why.
func TestRefusals(t *testing.T) {
	srv := server(t)
	closed := httptest.NewServer(http.NotFoundHandler())
	refused := closed.URL
	closed.Close()
	tests := map[string]struct{ url, reason string }{
		"404":              {srv.URL + "/missing", "the server answered 404 Not Found"},
		"500":              {srv.URL + "/broken", "the server answered 500 Internal Server Error"},
		"not HTML":         {srv.URL + "/zip", "not a web page (application/zip)"},
		"broken PDF":       {srv.URL + "/paper.pdf", "broken PDF: cannot be read (damaged or truncated)"},
		"no article":       {srv.URL + "/noarticle", "no article found on the page"},
		"redirect loop":    {srv.URL + "/loop-a", "redirect loop"},
		"too many":         {srv.URL + "/r/11", "too many redirects (more than 10)"},
		"redirect to ftp":  {srv.URL + "/to-ftp", "cannot fetch: redirected to a ftp: address"},
		"slow headers":     {srv.URL + "/slow-headers", "timed out after 700ms"},
		"slow drip":        {srv.URL + "/drip", "timed out after 700ms"},
		"endless":          {srv.URL + "/endless", "too large (over 2 MB)"},
		"declared too big": {srv.URL + "/huge", "too large (over 2 MB)"},
		"gzip bomb":        {srv.URL + "/bomb", "too large (over 2 MB)"},
		"refused":          {refused + "/x", "connection refused"},
		"file scheme":      {"file:///etc/passwd", "only http and https addresses can be fetched (not file:)"},
		"ftp scheme":       {"ftp://example.com/x", "only http and https addresses can be fetched (not ftp:)"},
		"no host":          {"http://", "not a web address"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Article(context.Background(), tc.url, testOpts)
			want := tc.url + ": " + tc.reason
			if err == nil || err.Error() != want {
				t.Errorf("err = %v\nwant %s", err, want)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("more than one line: %q", err)
			}
		})
	}
}

// TestDNSFailure: a name that does not resolve says so. The resolver is
// the test's own, so that no real lookup leaves the machine.
func TestDNSFailure(t *testing.T) {
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no such host", Name: "nowhere.invalid", IsNotFound: true}}
	}}
	opts := testOpts
	opts.Transport = tr
	_, err := Get(context.Background(), "http://nowhere.invalid/", opts)
	want := "http://nowhere.invalid/: cannot find the server nowhere.invalid (DNS lookup failed)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestCancel(t *testing.T) {
	srv := server(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	_, err := Get(ctx, srv.URL+"/slow-headers", Options{Timeout: 10 * time.Second})
	if err == nil || !strings.HasSuffix(err.Error(), ": cancelled") {
		t.Errorf("err = %v, want cancelled", err)
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{"https://a.b/c": true, "HTTP://x": true, "file:///x": false, "notes.txt": false, "/tmp/http:": false} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}

func TestCanonical(t *testing.T) {
	base := "https://site.example/a/b?x=1#top"
	tests := map[string]string{
		`<link rel="canonical" href="https://other.example/c">`: "https://other.example/c",
		`<link rel="Canonical stylesheet" href="../c#x">`:       "https://site.example/c",
		`<meta property="og:url" content="/d">`:                 "https://site.example/d",
		`<link rel="canonical" href="javascript:alert(1)">`:     "https://site.example/a/b?x=1",
		`<body><link rel="canonical" href="/late">`:             "https://site.example/a/b?x=1",
		``: "https://site.example/a/b?x=1",
	}
	for in, want := range tests {
		if got := canonical([]byte(in), base); got != want {
			t.Errorf("canonical(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCanonical(f *testing.F) {
	f.Add([]byte(`<link rel="canonical" href="/x">`), "https://a.example/")
	f.Fuzz(func(t *testing.T, body []byte, base string) {
		got := canonical(body, base)
		if u, err := url.Parse(base); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			if !IsURL(got) {
				t.Errorf("canonical(%q, %q) = %q, not a web address", body, base, got)
			}
		}
	})
}

func BenchmarkArticle(b *testing.B) {
	page := fixture(b, "article.html")
	p := Page{URL: "https://x.example/a", FinalURL: "https://x.example/a", ContentType: "text/html", Body: page}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Parse(p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
