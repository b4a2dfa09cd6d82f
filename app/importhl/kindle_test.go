package importhl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readSet(t *testing.T, name string) Set {
	t.Helper()
	s, err := ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// Every language's file holds one book: a highlight on page 12 at
// 170-172 made on 3 March 2019 at 22:12:34, a note at 172 that becomes its
// comment, and a bookmark that is skipped.
func TestKindleLanguages(t *testing.T) {
	tests := map[string]struct{ title, author, quote, note string }{
		"zh": {"河流志", "李, 明", "河流记得它们旧的河床。", "与第二章比较。"},
		"ja": {"川の本", "山田 太郎", "川は昔の川床を覚えている。", "第二章と比べる。"},
		"de": {"Das Flussbuch", "Müller, Anna", "Flüsse erinnern sich an ihr altes Bett.", "Mit Kapitel 2 vergleichen."},
		"fr": {"Le livre des fleuves", "Dupont, Jean", "Les fleuves se souviennent de leur ancien lit.", "Comparer avec le chapitre 2."},
		"es": {"El libro de los ríos", "García, Luis", "Los ríos recuerdan sus antiguos cauces.", "Comparar con el capítulo 2."},
		"it": {"Il libro dei fiumi", "Rossi, Maria", "I fiumi ricordano i loro vecchi letti.", "Confrontare con il capitolo 2."},
		"pt": {"O livro dos rios", "Silva, João", "Os rios lembram seus leitos antigos.", "Comparar com o capítulo 2."},
	}
	want := time.Date(2019, 3, 3, 22, 12, 34, 0, time.Local)
	for lang, tc := range tests {
		t.Run(lang, func(t *testing.T) {
			s := readSet(t, "kindle_"+lang+".txt")
			if s.Format != Kindle || len(s.Problems) != 0 || len(s.Works) != 1 {
				t.Fatalf("format %q, problems %q, %d works", s.Format, s.Problems, len(s.Works))
			}
			w := s.Works[0]
			if w.Title != tc.title || w.Author != tc.author {
				t.Errorf("title %q author %q, want %q %q", w.Title, w.Author, tc.title, tc.author)
			}
			if len(w.Annotations) != 1 {
				t.Fatalf("%d annotations, want 1 (the bookmark skipped): %+v", len(w.Annotations), w.Annotations)
			}
			a := w.Annotations[0]
			if a.Quote != tc.quote || a.Comment != tc.note || w.Note != "" {
				t.Errorf("quote %q comment %q book note %q", a.Quote, a.Comment, w.Note)
			}
			if a.Locator != "page 12 · location 170-172" {
				t.Errorf("locator %q", a.Locator)
			}
			if !a.Created.Equal(want) {
				t.Errorf("created %v, want %v", a.Created, want)
			}
		})
	}
}

func TestKindleEnglish(t *testing.T) {
	for _, name := range []string{"kindle_en.txt", "kindle_crlf_bom.txt"} {
		t.Run(name, func(t *testing.T) {
			s := readSet(t, name)
			if len(s.Problems) != 0 || len(s.Works) != 2 {
				t.Fatalf("problems %q, %d works", s.Problems, len(s.Works))
			}
			w := s.Works[0]
			if w.Title != "The Field Guide (Second Edition)" || w.Author != "Marsh, Ada" {
				t.Errorf("title %q author %q", w.Title, w.Author)
			}
			// Location order; the extended highlight replaced the first.
			var quotes []string
			for _, a := range w.Annotations {
				quotes = append(quotes, a.Quote)
			}
			if got := strings.Join(quotes, " | "); got != "A map is a promise. | Rivers remember their old beds. Roads do not. | Old channels remain under the fields, and in a wet spring the water finds them again." {
				t.Errorf("quotes %q", got)
			}
			if c := w.Annotations[1].Comment; c != "Compare with chapter 2." {
				t.Errorf("note at 172 became %q", c)
			}
			if w.Note != "location 500: Whole book: reread in spring." {
				t.Errorf("book note %q", w.Note)
			}
			if got := w.Annotations[0].Created; !got.Equal(time.Date(2019, 3, 3, 9, 0, 0, 0, time.Local)) {
				t.Errorf("created %v", got)
			}
			old := s.Works[1]
			if old.Title != "Short Stories" || old.Author != "" || old.Annotations[0].Locator != "location 1405-1407" ||
				!old.Annotations[0].Created.Equal(time.Date(2012, 6, 7, 21, 5, 10, 0, time.Local)) {
				t.Errorf("old-style clipping: %+v %+v", old, old.Annotations[0])
			}
		})
	}
}

func TestKindleBadRows(t *testing.T) {
	s := readSet(t, "kindle_bad_rows.txt")
	if len(s.Works) != 1 || len(s.Works[0].Annotations) != 2 {
		t.Fatalf("works %+v", s.Works)
	}
	want := []string{"clipping 2: no header line after the title", "clipping 3: header \"Something else entirely\" names no highlight, note or bookmark", "clipping 4: highlight has no text"}
	if strings.Join(s.Problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(s.Problems, "\n"), strings.Join(want, "\n"))
	}
}

// The origin ids do not change between two reads of the same clippings,
// and differ between clippings.
func TestKindleOriginsStable(t *testing.T) {
	a, b := readSet(t, "kindle_en.txt"), readSet(t, "kindle_crlf_bom.txt")
	seen := map[string]bool{}
	for i, w := range a.Works {
		for j, an := range w.Annotations {
			if got := b.Works[i].Annotations[j].Origin; got != an.Origin {
				t.Errorf("origin %q vs %q", an.Origin, got)
			}
			if seen[an.Origin] {
				t.Errorf("origin %q twice", an.Origin)
			}
			seen[an.Origin] = true
		}
	}
}

func TestKindleCorpus(t *testing.T) {
	data, err := os.ReadFile("../../../shared/corpus/kindle/My Clippings.txt")
	if err != nil {
		t.Skip("needs ../shared/corpus: ", err)
	}
	s, err := Parse(data)
	if err != nil || s.Format != Kindle {
		t.Fatalf("format %q: %v", s.Format, err)
	}
	if len(s.Problems) != 0 {
		t.Errorf("%d problems, first %q", len(s.Problems), s.Problems[0])
	}
	if len(s.Works) < 2 || s.Count() < 100 {
		t.Errorf("%d books, %d highlights", len(s.Works), s.Count())
	}
	for _, w := range s.Works {
		if strings.HasPrefix(w.Title, "\ufeff") || w.Title == "" {
			t.Errorf("title %q", w.Title)
		}
		for _, a := range w.Annotations {
			if a.Created.IsZero() || a.Locator == "" {
				t.Fatalf("%s: %+v has no date or location", w.Title, a)
			}
		}
	}
}
