package ingest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// render prints a Doc the way golden files hold it: fields, then the body.
func render(d Doc) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\nauthor: %s\nsource: %s\nurl: %s\npublished: %s\n", d.Title, d.Author, d.Source, d.URL, d.Published)
	fmt.Fprintf(&b, "tags: %q\n", d.Tags)
	for _, w := range d.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	b.WriteString("---\n")
	b.WriteString(d.Body)
	b.WriteString("\n")
	if d.Markdown != "" {
		b.WriteString("--- markdown\n")
		b.WriteString(d.Markdown)
		b.WriteString("\n")
	}
	return b.String()
}

// golden compares got with testdata/<name>.golden (or rewrites it with -update).
func golden(t *testing.T, path, got string) {
	t.Helper()
	path += ".golden"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestMarkdownGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/md/*.md")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in testdata/md: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			d, err := File(in)
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			golden(t, in, render(d))
		})
	}
}

var mdTests = map[string]struct {
	in          string
	title, body string
	tags        []string
	warning     string // a substring of the one warning expected, or ""
}{
	"heading is title and not repeated": {
		in:    "# Title\n\nText.",
		title: "Title", body: "Text.",
	},
	"second-level heading stays in body": {
		in:    "## Sub\n\nText.",
		title: "Sub", body: "Sub\n\nText.",
	},
	"inline markup stripped": {
		in:    "# T\n\n*a* **b** ~~c~~ [d](http://x) `e*f` ![img](i.png) <span>g</span>",
		title: "T", body: "a b c d e*f img g",
	},
	"list items are paragraphs": {
		in:    "# T\n\n- one\n- two\n\n  more two\n",
		title: "T", body: "one\n\ntwo\n\nmore two",
	},
	"front matter tags as string": {
		in:    "---\ntitle: X\ntags: a, b\n---\nText.",
		title: "X", body: "Text.", tags: []string{"a", "b"},
	},
	"broken front matter imports body": {
		in:    "---\ntitle: [unclosed\n---\n# H\n\nText.",
		title: "H", body: "Text.", warning: "broken front matter: ",
	},
	"only a heading": {
		in:    "# Lonely",
		title: "Lonely", body: "Lonely",
	},
	"hard break in title heading": {
		in:    "Title  \nnext\n=====\n\nText.",
		title: "Title next", body: "Text.",
	},
	"front matter title wins over a different heading": {
		in:    "---\ntitle: X\n---\n# Y\n\nText.",
		title: "X", body: "Y\n\nText.",
	},
	"CRLF front matter": {
		in:    "---\r\ntitle: X\r\n---\r\nText.\r\n",
		title: "X", body: "Text.",
	},
}

func TestMarkdown(t *testing.T) {
	for name, tc := range mdTests {
		t.Run(name, func(t *testing.T) {
			d, err := Parse("4f3a9c0d1e2b.md", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.title {
				t.Errorf("title = %q, want %q", d.Title, tc.title)
			}
			if d.Body != tc.body {
				t.Errorf("body = %q, want %q", d.Body, tc.body)
			}
			if fmt.Sprint(d.Tags) != fmt.Sprint(tc.tags) {
				t.Errorf("tags = %q, want %q", d.Tags, tc.tags)
			}
			switch {
			case tc.warning == "" && len(d.Warnings) > 0:
				t.Errorf("unexpected warnings %q", d.Warnings)
			case tc.warning != "" && (len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], tc.warning)):
				t.Errorf("warnings = %q, want one containing %q", d.Warnings, tc.warning)
			}
			checkDoc(t, d)
		})
	}
}

func TestMarkdownNothingReadable(t *testing.T) {
	_, err := Parse("x.md", []byte("<div>\nhidden\n</div>\n\n---\n"))
	if err == nil || err.Error() != "x.md: no readable content" {
		t.Errorf("err = %v", err)
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, tc := range mdTests {
		f.Add([]byte(tc.in))
	}
	inputs, _ := filepath.Glob("testdata/md/*.md")
	for _, in := range inputs {
		if data, err := os.ReadFile(in); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("fuzz.md", data)
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

// BenchmarkMarkdown measures import of 5 KB Markdown notes with front matter.
func BenchmarkMarkdown(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("---\ntitle: Geneva talks\nauthor: Jane Roe\ndate: 2022-01-18\ntags: [russia, nato]\n---\n# Geneva talks\n\n")
	for sb.Len() < 5<<10 {
		sb.WriteString("Talks are set to begin *Sunday* in [Geneva](https://example.com) between the `U.S.` and Russia.\n\n- a list item\n- another\n\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("note.md", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// A "# heading" after text of the note's own may name the article, but it
// is a section heading: it stays in the body, where the user wrote it.
func TestMidNoteHeadingStaysInBody(t *testing.T) {
	d, err := parseMarkdown("note.md", "An opening paragraph of my own.\n\n# Findings\n\nWhat I found.\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Body, "Findings") || !strings.Contains(d.Markdown, "# Findings") {
		t.Errorf("the heading left the body: body %q, markdown %q", d.Body, d.Markdown)
	}
	d, err = parseMarkdown("note.md", "# Findings\n\nWhat I found.\n")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Findings" || strings.Contains(d.Body, "Findings") {
		t.Errorf("an opening heading is the title, not repeated: title %q, body %q", d.Title, d.Body)
	}
}
