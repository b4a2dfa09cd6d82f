package reader

import (
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"scholia/storage/doc"
)

// heldImages gives sizes at once and holds every decode until the test
// ends: under the test driver fyne.Do runs a finished load's hand-back on
// the loading goroutine, which would race the test's own use of the cache.
type heldImages struct {
	fakeImages
	release chan struct{}
}

func (h *heldImages) LoadImage(src string) (image.Image, error) {
	<-h.release
	return h.fakeImages.LoadImage(src)
}

// heldReader is imageReader with pictures that stay "loading".
func heldReader(t *testing.T, md string, size fyne.Size) *Reader {
	t.Helper()
	src := &heldImages{release: make(chan struct{})}
	r, _ := imageReader(t, md, src, size)
	t.Cleanup(func() {
		r.lay.img.cache.clear() // the held loads are dropped when released
		close(src.release)
	})
	return r
}

// An image without alt text at the very end of an article (or one that is
// the whole article, or sits right before a table) is drawn below the text
// and makes the page taller by its height.
func TestBareImageAtEnd(t *testing.T) {
	for name, md := range map[string]string{
		"after text":     "Only paragraph.\n\n![](big)\n",
		"the whole body": "![](big)",
		"before a table": "Text.\n\n![](big)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"first, table":   "![](big)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	} {
		r := heldReader(t, md, fyne.NewSize(800, 2000))
		plain, _ := imageReader(t, md, nil, fyne.NewSize(800, 2000))
		if len(r.lay.img.placed) != 1 || !r.lay.img.placed[0].ok {
			t.Errorf("%s: placed %+v, want the picture", name, r.lay.img.placed)
			continue
		}
		p := r.lay.img.placed[0]
		if r.lay.height < plain.lay.height+p.h {
			t.Errorf("%s: page %v tall, %v without the picture of %v", name, r.lay.height, plain.lay.height, p.h)
		}
		for _, l := range r.lay.lines[r.lay.bodyLine:] {
			if l.y < p.y+p.h && l.y+r.metrics().lineH > p.y {
				t.Errorf("%s: a line at %v overlaps the picture %v..%v", name, l.y, p.y, p.y+p.h)
			}
		}
		if objs := r.rend.drawImages(0); len(objs) != 1 {
			t.Errorf("%s: %d objects drawn, want the picture", name, len(objs))
		}
		// Rewrapping does not pile pictures up.
		r.Resize(fyne.NewSize(700, 2000))
		if len(r.lay.img.placed) != 1 {
			t.Errorf("%s: %d placed after a resize", name, len(r.lay.img.placed))
		}
	}
}

// An image inside a paragraph keeps its alt text in the line, drawn in the
// quiet placeholder colour, and its picture is drawn below the paragraph;
// offsets and selection are those of the text.
func TestInlineImage(t *testing.T) {
	md := "See ![the chart](small) and ![](big) here.\n\nNext paragraph."
	r := heldReader(t, md, fyne.NewSize(800, 2000))
	d := docOf(t, md)
	if !strings.Contains(d.Text, "See the chart and  here.") {
		t.Fatalf("reading text %q", d.Text)
	}
	if len(r.lay.img.placed) != 2 {
		t.Fatalf("placed %+v, want both pictures below the paragraph", r.lay.img.placed)
	}
	para, next := lineOfText(t, r, "See"), lineOfText(t, r, "Next")
	prev := para.y + r.metrics().lineH
	for _, p := range r.lay.img.placed {
		if !p.ok || p.y < prev || p.y+p.h > next.y {
			t.Errorf("picture %+v not between the paragraph (ends %v) and the next (%v)", p, prev, next.y)
		}
		prev = p.y + p.h
	}
	// The alt text is a run of its own, quietly styled.
	b := &r.lay.blocks[r.lay.blockOf(runeIndex(t, d.Text, "the chart"))]
	found := false
	for _, rn := range b.runs {
		if b.text[rn.b0:rn.b1] == "the chart" && rn.flags&runImage != 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("alt text is not an image run: %+v", b.runs)
	}
	if sp := r.lay.visibleInline(0, len(d.Text)); len(sp) != 1 || d.Text[sp[0].Start:sp[0].End] != "the chart" {
		t.Errorf("tinted inline spans %+v, want the alt text", sp)
	}
	// Without a source, no picture takes room and the next paragraph is
	// where plain text puts it.
	plain, _ := imageReader(t, md, nil, fyne.NewSize(800, 2000))
	if len(plain.lay.img.placed) != 0 {
		t.Errorf("pictures placed without a source: %+v", plain.lay.img.placed)
	}
	checkLayout(t, r)
}

func docOf(t *testing.T, md string) doc.Doc {
	t.Helper()
	d, err := doc.Parse(md)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
