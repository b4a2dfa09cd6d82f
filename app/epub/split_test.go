package epub

import (
	"strings"
	"testing"
)

// TestParseChapters: one article per readable spine chapter, in spine
// order, "Book — Chapter", tagged with the book, with the book's details.
func TestParseChapters(t *testing.T) {
	docs, err := ParseChapters("keeper.epub", makeZip(t, epub3()...))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d articles, want 2 (the cover has no text, the nav is the table of contents)", len(docs))
	}
	want := []struct{ title, first, last string }{
		{"The Keeper’s Journals — 1. The Point", p1, p2},
		{"The Keeper’s Journals — 2. The Museum", p3, p4},
	}
	for i, d := range docs {
		if d.Title != want[i].title {
			t.Errorf("article %d title %q, want %q", i, d.Title, want[i].title)
		}
		if !strings.Contains(d.Body, want[i].first) || !strings.HasSuffix(d.Body, want[i].last) {
			t.Errorf("article %d body %q", i, d.Body)
		}
		if len(d.Tags) != 1 || d.Tags[0] != "The Keeper’s Journals" {
			t.Errorf("article %d tags %q", i, d.Tags)
		}
		if d.Author != "Ada Lind, Per Holm" || d.Published != "2019-05-04" || d.Language != "en" || len(d.Blocks) == 0 {
			t.Errorf("article %d details %q / %q / %q, %d block bytes", i, d.Author, d.Published, d.Language, len(d.Blocks))
		}
	}
	// EPUB 2: spine order (b before a), titles from the NCX.
	docs, err = ParseChapters("old.epub", makeZip(t, epub2()...))
	if err != nil || len(docs) != 2 || docs[0].Title != "Old Harbour — First Part" || docs[1].Title != "Old Harbour — Second Part" {
		var titles []string
		for _, d := range docs {
			titles = append(titles, d.Title)
		}
		t.Errorf("EPUB 2 chapters %q, %v", titles, err)
	}
	if _, err := ParseChapters("broken.epub", []byte("not a zip")); err == nil || !strings.Contains(err.Error(), "broken zip") {
		t.Errorf("broken zip: %v", err)
	}
}

func TestFirstHeading(t *testing.T) {
	for md, want := range map[string]string{"## The Point\n\ntext": "The Point", "text\n\n# Late": "Late", "#hashtag\n": "", "": ""} {
		if got := firstHeading(md); got != want {
			t.Errorf("firstHeading(%q) = %q, want %q", md, got, want)
		}
	}
}
