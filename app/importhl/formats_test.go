package importhl

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type wantAnn struct{ src, quote, comment, tags, color string }

func flatten(s Set) []wantAnn {
	var out []wantAnn
	for _, w := range s.Works {
		for _, a := range w.Annotations {
			out = append(out, wantAnn{w.URL + w.Title, a.Quote, a.Comment, strings.Join(a.Tags, ","), a.Color})
		}
	}
	return out
}

func TestFormats(t *testing.T) {
	tests := map[string]struct {
		format   Format
		anns     []wantAnn
		problems []string
	}{
		"w3c_single.json": {W3C, []wantAnn{{"https://example.org/rivers" + "https://example.org/rivers", "rivers remember", "A fine point.", "", ""}}, nil},
		"w3c_collection.json": {W3C, []wantAnn{
			{"https://example.org/rivershttps://example.org/rivers", "rivers remember", "Check this.", "geography", ""},
			{"https://example.org/roadshttps://example.org/roads", "roads forget", "http://example.org/comment-iri", "", ""},
		}, []string{"annotation 2 (http://example.org/a2): no TextQuoteSelector with a quote in its target"}},
		"w3c_page.json": {W3C, []wantAnn{{"https://example.org/rivershttps://example.org/rivers", "old beds", "", "", ""}}, nil},
		"w3c_array.json": {W3C, []wantAnn{{"https://example.org/rivershttps://example.org/rivers", "rivers remember", "", "", ""}},
			[]string{"annotation 2 (urn:x:2): no TextQuoteSelector with a quote in its target"}},
		"hypothesis_rows.json": {Hypothesis, []wantAnn{
			{"https://example.org/riversRivers and their memory", "rivers remember", "This is the **thesis**.", "geo,thesis", ""},
			{"https://example.org/roadshttps://example.org/roads", "roads forget", "", "", ""},
		}, []string{"annotation 2 (PageNote1): no quote (a page note or reply, or a target without a TextQuoteSelector)"}},
		"readwise.csv": {Readwise, []wantAnn{
			{"The Field Guide", "Rivers remember their old beds.", "Compare, later.", "geo,rivers", "blue"},
			{"The Field Guide", "A map is a promise.", "", "", "yellow"},
			{"Roads", `Roads forget "everything".`, "", "", "purple"},
		}, []string{"row at line 4: 3 columns, the header has 11", "row at line 5: no highlight text"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s := readSet(t, name)
			if s.Format != tc.format {
				t.Fatalf("format %q, want %q", s.Format, tc.format)
			}
			got := flatten(s)
			if len(got) != len(tc.anns) {
				t.Fatalf("annotations %+v, want %+v", got, tc.anns)
			}
			for i := range got {
				if got[i] != tc.anns[i] {
					t.Errorf("annotation %d: %+v, want %+v", i, got[i], tc.anns[i])
				}
			}
			if strings.Join(s.Problems, "\n") != strings.Join(tc.problems, "\n") {
				t.Errorf("problems %q, want %q", s.Problems, tc.problems)
			}
			for _, w := range s.Works {
				for _, a := range w.Annotations {
					if a.Origin == "" {
						t.Errorf("%q has no origin id", a.Quote)
					}
				}
			}
		})
	}
}

func TestHypothesisDetails(t *testing.T) {
	s := readSet(t, "hypothesis_rows.json")
	a := s.Works[0].Annotations[0]
	if a.Origin != "AbC123" || a.Prefix != "All " || a.Suffix != " their old beds" || a.Start != 4 || a.Created.IsZero() {
		t.Errorf("%+v", a)
	}
	r := readSet(t, "readwise.csv")
	if w := r.Works[0]; w.Author != "Ada Marsh" || strings.Join(w.Tags, ",") != "nature" || w.Annotations[0].Locator != "location 170" || w.Annotations[0].Created.IsZero() {
		t.Errorf("readwise work %+v", w)
	}
}

func TestRefusals(t *testing.T) {
	tests := map[string]struct {
		data string
		want string
	}{
		"plain text":     {"Just an article.\nWith lines.\n", "not a known highlights format (Kindle My Clippings.txt, W3C"},
		"other JSON":     {`{"name": "package", "version": "1.0"}`, "not a known highlights format"},
		"empty":          {"", "not a known highlights format"},
		"deep JSON":      {strings.Repeat("[", 100000) + strings.Repeat("]", 100000), "nested 65+ levels deep (limit 64)"},
		"broken JSON":    {`{"rows": [ {"uri": "x"`, "broken JSON"},
		"broken zip":     {"PK\x03\x04rest", "broken zip"},
		"bad UTF-8":      {"Book (A)\n- Your Highlight on Location 1 | Added on x\n\n\xff\xfe\n==========\n", "not valid UTF-8"},
		"CSV no columns": {"Highlight,Book Title\n\"unterminated,x\n", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(tc.data))
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is more than one line: %q", err)
			}
		})
	}
	if _, err := Parse([]byte("x")); !errors.Is(err, ErrUnknown) {
		t.Errorf("unknown is %v", err)
	}
}

// A file past MaxSize is refused before it is read.
func TestTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	if _, err := ReadFile(p); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("200 MB file: %v", err)
	}
}

// Content decides, not the extension: the same bytes under any name.
func TestDetectByContent(t *testing.T) {
	for name, want := range map[string]Format{
		"kindle_en.txt": Kindle, "kindle_crlf_bom.txt": Kindle, "w3c_single.json": W3C,
		"hypothesis_rows.json": Hypothesis, "readwise.csv": Readwise,
	} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(data); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if got := Detect([]byte(`{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","scholia:library":{"version":1}}`)); got != Scholia {
		t.Errorf("scholia export detected as %q", got)
	}
	if got := Detect(bytes.Repeat([]byte("plain words "), 100)); got != Unknown {
		t.Errorf("plain text detected as %q", got)
	}
}

// The W3C test suite's valid samples: every one parses, no panic, and each
// either yields annotations or reports each skipped one in a line.
func TestW3CSamplesCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/w3c-annotation/tools/samples/correct/*.json")
	if len(files) == 0 {
		t.Skip("needs ../shared/corpus: w3c-annotation samples")
	}
	quotes := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if Detect(data) != W3C {
			t.Errorf("%s detected as %q", filepath.Base(f), Detect(data))
			continue
		}
		s, err := Parse(data)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		quotes += s.Count()
		if s.Count()+len(s.Problems) == 0 {
			t.Errorf("%s: no annotations and no problems", filepath.Base(f))
		}
	}
	if quotes == 0 {
		t.Errorf("no sample gave a quote")
	}
	t.Logf("%d samples, %d quotes", len(files), quotes)
}

// omnivoreZip zips testdata/omnivore as Omnivore's export does.
func omnivoreZip(t testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	root := filepath.Join("testdata", "omnivore")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOmnivore(t *testing.T) {
	data := omnivoreZip(t)
	s, err := Parse(data)
	if err != nil || s.Format != Omnivore {
		t.Fatalf("%q: %v", s.Format, err)
	}
	if len(s.Works) != 2 || len(s.Problems) != 1 || !strings.Contains(s.Problems[0], "item 3: \"missing-18c0a3\" has neither content nor highlights") {
		t.Fatalf("works %d, problems %q", len(s.Works), s.Problems)
	}
	w := s.Works[0]
	if w.Title != "Rivers and memory" || w.Author != "Ada Marsh" || w.URL != "https://example.org/rivers" ||
		strings.Join(w.Tags, ",") != "geography,rivers" || !strings.Contains(w.Body, "whatever the maps say") {
		t.Errorf("work %+v", w)
	}
	got := flatten(Set{Works: []Work{w}})
	want := []wantAnn{
		{"https://example.org/riversRivers and memory", "All rivers remember their old beds.", "The thesis.", "", ""},
		{"https://example.org/riversRivers and memory", "the river usually wins the argument in the end", "", "", ""},
		{"https://example.org/riversRivers and memory", "a sentence the page never had", "A note kept with its orphaned quote.", "", ""},
	}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("annotations %+v", got)
	}
	if w.Annotations[0].Origin != "omnivore:a1b2c3d4-0001" {
		t.Errorf("origin %q", w.Annotations[0].Origin)
	}
	if r := s.Works[1]; strings.Join(r.Tags, ",") != "transport" || r.Body != "" || len(r.Annotations) != 1 {
		t.Errorf("roads %+v", r)
	}
	// A zip that is not Omnivore's.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, _ := zw.Create("readme.txt")
	f.Write([]byte("hello"))
	zw.Close()
	if _, err := Parse(buf.Bytes()); err == nil || !strings.Contains(err.Error(), "without Omnivore's metadata") {
		t.Errorf("other zip: %v", err)
	}
}

func FuzzOmnivoreHighlights(f *testing.F) {
	data, _ := os.ReadFile(filepath.Join("testdata", "omnivore", "highlights", "rivers-and-memory-18c0a1.md"))
	f.Add(string(data))
	f.Fuzz(func(t *testing.T, md string) {
		for _, a := range omnivoreHighlights(md, "u") {
			if strings.TrimSpace(a.Quote) == "" || a.Origin == "" {
				t.Fatalf("%+v", a)
			}
		}
	})
}
