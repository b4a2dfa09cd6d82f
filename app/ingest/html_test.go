package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// testPagesDir finds the readability module's own test pages in the module
// cache, or "" when they are not there.
func testPagesDir(tb testing.TB) string {
	tb.Helper()
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		out, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			tb.Skipf("readability test pages: cannot find the module cache: %v", err)
		}
		cache = strings.TrimSpace(string(out))
	}
	dir := filepath.Join(cache, "codeberg.org/readeck/go-readability/v2@v2.0.0/test-pages")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("readability test pages not found at %s: %v", dir, err)
	}
	return dir
}

// knownHTMLFailures are test pages Scholia's importer does not match, and why.
var knownHTMLFailures = map[string]string{}

func TestHTMLTestPages(t *testing.T) {
	dir := testPagesDir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	passed, total := 0, 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		page := e.Name()
		total++
		ok := t.Run(page, func(t *testing.T) {
			if why, known := knownHTMLFailures[page]; known {
				t.Skip("known failure: " + why)
			}
			var meta struct{ Title string }
			if data, err := os.ReadFile(filepath.Join(dir, page, "expected-metadata.json")); err == nil {
				if err := json.Unmarshal(data, &meta); err != nil {
					t.Fatal(err)
				}
			}
			want, err := expectedText(filepath.Join(dir, page, "expected.html"))
			if err != nil {
				t.Fatal(err)
			}
			d, err := File(filepath.Join(dir, page, "source.html"))
			if want == "" {
				// The library finds nothing here either: it must be refused.
				var e *Error
				if !errors.As(err, &e) || e.Reason != reasonNoContent {
					t.Errorf("err = %v, want no readable content", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			if meta.Title != "" && d.Title != oneLine(meta.Title) {
				t.Errorf("title = %q, want %q", d.Title, meta.Title)
			}
			body := oneLine(d.Body)
			paras := paragraphs(want)
			first, last := firstSentence(paras[0]), lastSentence(paras[len(paras)-1])
			if !strings.Contains(body, first) {
				t.Errorf("body lacks the first sentence %q\nbody starts %q", first, prefix(body, 300))
			}
			if !strings.Contains(body, last) {
				t.Errorf("body lacks the last sentence %q\nbody ends %q", last, suffix(body, 300))
			}
		})
		if ok {
			passed++
		}
	}
	t.Logf("readability test pages: %d of %d pass (%d known failures)", passed-len(knownHTMLFailures), total, len(knownHTMLFailures))
}

// expectedText strips a test page's expected.html to text the way the
// importer strips the article.
func expectedText(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		return "", err
	}
	return htmlText(doc), nil
}

func firstSentence(p string) string {
	if end := sentenceEnd(p); end > 0 {
		return p[:end]
	}
	return p
}

func lastSentence(p string) string {
	for {
		end := sentenceEnd(p)
		if end < 0 || end >= len(p) {
			return strings.TrimSpace(p)
		}
		p = p[end:]
	}
}

func prefix(s string, n int) string { return s[:min(n, len(s))] }
func suffix(s string, n int) string { return s[max(0, len(s)-n):] }

func TestHTMLGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/html/*.html")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in testdata/html: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			d, err := File(in)
			got := render(d)
			if err != nil {
				got = "error: " + err.Error() + "\n"
			} else {
				checkDoc(t, d)
			}
			golden(t, in, got)
		})
	}
}

var htmlTextTests = map[string]struct{ in, want string }{
	"inline joined":      {"<p>a <b>b</b><i>c</i> d</p>", "a bc d"},
	"blocks split":       {"<div>a<p>b</p>c</div>", "a\n\nb\n\nc"},
	"source newlines":    {"<p>a\nb\r\nc</p>", "a b c"},
	"pre keeps lines":    {"<pre>a\n  b\n\nc</pre>", "a\n\nb\n\nc"},
	"br breaks":          {"<p>a<br>b<br/><br/>c</p>", "a\n\nb\n\nc"},
	"dropped elements":   {"<p>a<script>x</script><style>y</style><img alt=q>b</p><nav>z</nav>", "ab"},
	"entities":           {"<p>Tom &amp; Jerry&nbsp;&#8220;x&#8221;</p>", "Tom & Jerry “x”"},
	"list and table":     {"<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><th>d</th></tr></table>", "a\n\nb\n\nc\n\nd"},
	"comments dropped":   {"<p>a<!-- hidden -->b</p>", "ab"},
	"headings and quote": {"<h2>h</h2><blockquote>q</blockquote><figcaption>f</figcaption>", "h\n\nq\n\nf"},
}

func TestHTMLText(t *testing.T) {
	for name, tc := range htmlTextTests {
		t.Run(name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := htmlText(doc); got != tc.want {
				t.Errorf("htmlText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzHTML(f *testing.F) {
	for _, tc := range htmlTextTests {
		f.Add([]byte(tc.in))
	}
	inputs, _ := filepath.Glob("testdata/html/*.html")
	for _, in := range inputs {
		if data, err := os.ReadFile(in); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("fuzz.html", data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		checkDoc(t, d)
		if d.Body == "" || d.Title == "" {
			t.Errorf("imported an empty body or title: %+v", d)
		}
	})
}

// loadTestPages reads every readability test page into memory, so the
// benchmarks measure parsing, not the disk.
func loadTestPages(b *testing.B) [][]byte {
	dir := testPagesDir(b)
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	var pages [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	if len(pages) == 0 {
		b.Skip("no readability test pages")
	}
	return pages
}

// BenchmarkHTML imports every readability test page with Scholia's importer
// (decoding, readability, flattening to paragraphs); compare with
// BenchmarkReadabilityOnly to see what the importer adds.
func BenchmarkHTML(b *testing.B) {
	pages := loadTestPages(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, p := range pages {
			Parse("page.html", p) // some pages are refused by design
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkReadabilityOnly runs the readability library alone on the same pages.
func BenchmarkReadabilityOnly(b *testing.B) {
	pages := loadTestPages(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, p := range pages {
			readability.FromReader(bytes.NewReader(p), nil)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}
