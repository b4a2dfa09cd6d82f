package epub

import (
	"image/color"
	"strings"
	"testing"

	"scholia/storage/media"
	"scholia/storage/media/mediatest"
)

// A chapter's pictures inside the zip go into the library with the book;
// one addressed outside the book, a missing one and a bomb keep their alt
// text, and the book imports.
func TestEPUBImagesIntoTheStore(t *testing.T) {
	fig := mediatest.PNG(9, 5, color.NRGBA{B: 160, A: 255})
	withFig := chapter("Chapter one", p1, `<img src="../images/fig%201.png" alt="the point at dusk"/>`, p2,
		`<img src="../../../escape.png" alt="outside"/> <img src="../images/none.png" alt="missing"/> <img src="/OEBPS/images/bomb.png" alt="bomb"/> <img src="/OEBPS/images/fig%201.png" alt="again"/>`)
	entries := epub3(entry{name: "OEBPS/images/fig 1.png", body: string(fig)}, entry{name: "OEBPS/images/bomb.png", body: string(mediatest.BombPNG(50_000, 50_000))},
		entry{name: "escape.png", body: string(fig)})
	for i := range entries {
		if entries[i].name == "OEBPS/text/one.xhtml" {
			entries[i].body = withFig
		}
	}
	d, err := Parse("keeper.epub", makeZip(t, entries...))
	if err != nil {
		t.Fatal(err)
	}
	h := media.HashOf(fig)
	if len(d.Media) != 1 || d.Media[0].Hash != h {
		t.Fatalf("media %d, want the figure once", len(d.Media))
	}
	if strings.Count(d.Markdown, "scholia-media:"+h) != 2 {
		t.Errorf("Markdown does not refer to the figure twice:\n%s", d.Markdown)
	}
	for _, alt := range []string{"the point at dusk", "outside", "missing", "bomb"} {
		if !strings.Contains(d.Body, alt) {
			t.Errorf("alt %q missing", alt)
		}
	}
	w := strings.Join(d.Warnings, "\n")
	if !strings.Contains(w, "3 image(s) kept as alt text") || !strings.Contains(w, "outside the book") || !strings.Contains(w, "too many pixels") {
		t.Errorf("warnings %q", w)
	}
}

// Imported chapter by chapter, a chapter's pictures go with that chapter's
// article, not with the book's first one or none.
func TestEPUBChapterImages(t *testing.T) {
	fig := mediatest.PNG(7, 4, color.NRGBA{G: 160, A: 255})
	entries := epub3(entry{name: "OEBPS/images/fig.png", body: string(fig)})
	for i := range entries {
		if entries[i].name == "OEBPS/text/one.xhtml" {
			entries[i].body = chapter("Chapter one", p1, `<img src="../images/fig.png" alt="a green square"/>`, p2)
		}
	}
	docs, err := ParseChapters("keeper.epub", makeZip(t, entries...))
	if err != nil {
		t.Fatal(err)
	}
	h := media.HashOf(fig)
	with := 0
	for _, d := range docs {
		if strings.Contains(d.Markdown, "scholia-media:"+h) {
			with++
			if len(d.Media) != 1 || d.Media[0].Hash != h {
				t.Errorf("%q refers to the figure but carries %d media", d.Title, len(d.Media))
			}
		} else if len(d.Media) != 0 {
			t.Errorf("%q carries media it does not show", d.Title)
		}
	}
	if with != 1 {
		t.Errorf("%d chapters show the figure, want 1", with)
	}
}
