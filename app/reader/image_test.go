package reader

import (
	"errors"
	"image"
	"image/color"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage/doc"
)

// fakeImages serves pictures by address: "big" is 1360×680, "small"
// 120×60, "broken" has a size but does not decode; others are missing.
type fakeImages struct {
	mu     sync.Mutex
	loads  map[string]int
	sizeQs int
}

func (f *fakeImages) ImageSize(src string) (int, int, bool) {
	f.mu.Lock()
	f.sizeQs++
	f.mu.Unlock()
	switch {
	case strings.HasPrefix(src, "big"), src == "broken":
		return 1360, 680, true
	case src == "small":
		return 120, 60, true
	}
	return 0, 0, false
}

func (f *fakeImages) LoadImage(src string) (image.Image, error) {
	f.mu.Lock()
	if f.loads == nil {
		f.loads = map[string]int{}
	}
	f.loads[src]++
	f.mu.Unlock()
	if src == "broken" {
		return nil, errors.New("cannot decode")
	}
	w, h, _ := f.ImageSize(src)
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.Black)
	return img, nil
}

func imageReader(t *testing.T, md string, src ImageSource, size fyne.Size) (*Reader, doc.Doc) {
	r, d, _ := imageReaderWin(t, md, src, size)
	return r, d
}

func imageReaderWin(t *testing.T, md string, src ImageSource, size fyne.Size) (*Reader, doc.Doc, fyne.Window) {
	t.Helper()
	d, err := doc.Parse(md)
	if err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	r := NewReader()
	r.SetImageSource(src)
	r.SetDocument(Document{Title: "Pictures", Body: d.Text, Blocks: d.Blocks, Spans: d.Spans})
	w := test.NewTempWindow(t, r)
	w.SetPadded(false)
	w.Resize(size)
	return r, d, w
}

// lineOfText is the first line whose text starts with s.
func lineOfText(t *testing.T, r *Reader, s string) line {
	t.Helper()
	for _, l := range r.lay.lines {
		b := r.lay.blocks[l.block]
		if strings.HasPrefix(b.text[l.bStart:l.bEnd], s) {
			return l
		}
	}
	t.Fatalf("no line %q", s)
	return line{}
}

func TestFitImage(t *testing.T) {
	for _, c := range []struct {
		w, h         int
		maxW         float32
		wantW, wantH float32
	}{
		{2000, 1000, 680, 680, 340}, // scaled down, aspect kept
		{100, 50, 680, 100, 50},     // never upscaled
		{680, 10, 680, 680, 10},
		{10, 4000, 680, 10, 4000},
	} {
		if w, h := fitImage(c.w, c.h, c.maxW); w != c.wantW || h != c.wantH {
			t.Errorf("fitImage(%d, %d, %v) = %v×%v, want %v×%v", c.w, c.h, c.maxW, w, h, c.wantW, c.wantH)
		}
	}
}

// An available picture takes its scaled height above its alt text, which
// stays the reading text; a missing one takes no room: its alt text sits
// where plain text would, in a placeholder box.
func TestImageGeometry(t *testing.T) {
	md := "Before the pictures.\n\n![a wide view](big)\n\n![a small one](small)\n\n![never stored](https://example.com/x.png)\n\nAfter."
	src := &fakeImages{}
	r, d, win := imageReaderWin(t, md, src, fyne.NewSize(800, 2000))
	_, cw := r.column()
	if len(r.lay.img.placed) != 3 {
		t.Fatalf("%d images placed, want 3", len(r.lay.img.placed))
	}
	big, small, missing := r.lay.img.placed[0], r.lay.img.placed[1], r.lay.img.placed[2]
	if !big.ok || big.w != cw || big.h != cw/2 {
		t.Errorf("big: %+v, want %v×%v (the column width, aspect 2:1)", big, cw, cw/2)
	}
	if !small.ok || small.w != 120 || small.h != 60 {
		t.Errorf("small: %+v, want its natural 120×60", small)
	}
	if missing.ok {
		t.Errorf("a web address is available: %+v", missing)
	}
	if alt := lineOfText(t, r, "a wide view"); alt.y < big.y+big.h {
		t.Errorf("alt text at y %v overlaps the picture ending at %v", alt.y, big.y+big.h)
	}
	// Without pictures the missing image's alt text sits exactly where it
	// would: the same layout as a reader without a source, minus the
	// pictures' heights.
	plain, _ := imageReader(t, md, nil, fyne.NewSize(800, 2000))
	gap := lineOfText(t, r, "never stored").y - lineOfText(t, plain, "never stored").y
	want := big.h + small.h + 2*r.metrics().size*0.4
	if gap < want-0.01 || gap > want+0.01 {
		t.Errorf("missing image's alt text moved by %v, want %v (the two pictures)", gap, want)
	}
	// The alt text is the reading text: the offsets under it are its own.
	alt := lineOfText(t, r, "a wide view")
	o := r.OffsetAt(fyne.NewPos(r.lineX(0)+2, alt.y+r.lineH(0)/2))
	if i := strings.Index(d.Text, "a wide view"); o < i || o > i+len("a wide view") {
		t.Errorf("offset under the alt text %d, want within %d..%d", o, i, i+len("a wide view"))
	}
	// Dragging across the image blocks selects their alt text with the rest.
	s, e := strings.Index(d.Text, "pictures"), strings.Index(d.Text, "After")
	dragSelect(win, r, s, e)
	if got := r.Text(r.Selection()); got != d.Text[s:e] {
		t.Errorf("selection across images: %q, want %q", got, d.Text[s:e])
	}
}

// Opening a long illustrated article decodes only what is in view.
func TestImagesLoadLazily(t *testing.T) {
	var md strings.Builder
	for i := range 100 {
		md.WriteString("Paragraph of text before the next picture.\n\n![picture " + string(rune('a'+i%26)) + "](big" + strings.Repeat("x", i) + ")\n\n")
	}
	src := &fakeImages{}
	r, _ := imageReader(t, md.String(), src, fyne.NewSize(800, 600))
	if got := len(r.lay.img.placed); got != 100 {
		t.Fatalf("%d placed", got)
	}
	n := r.lay.img.cache.requested
	if n == 0 || n > 3 {
		t.Errorf("%d pictures requested at open of a 600-unit view, want 1–3", n)
	}
}

// A picture that does not decode stays a quiet box: it is not asked for
// again on every frame.
func TestBrokenImageAskedOnce(t *testing.T) {
	src := &fakeImages{}
	r, _ := imageReader(t, "Text.\n\n![cannot decode](broken)\n\nMore.", src, fyne.NewSize(800, 600))
	r.lay.img.cache.failed = map[string]bool{"broken": true} // as the load's failure leaves it
	before := r.lay.img.cache.requested
	r.Refresh()
	r.refreshView()
	if r.lay.img.cache.requested != before {
		t.Errorf("a failed picture was requested again")
	}
	if objs := r.rend.drawImages(0); len(objs) != 1 {
		t.Errorf("%d objects for a broken picture, want its placeholder box", len(objs))
	}
}

// An image without alt text has no line of its own: its picture is drawn
// in the gap where it sits, pushing the next text down; a missing one
// takes no room at all.
func TestBareImage(t *testing.T) {
	md := "First paragraph.\n\n![](big)\n\n![](nowhere)\n\nSecond paragraph."
	r, d := imageReader(t, md, &fakeImages{}, fyne.NewSize(800, 2000))
	if strings.Contains(d.Text, "big") {
		t.Fatalf("reading text %q", d.Text)
	}
	if len(r.lay.img.placed) != 1 || !r.lay.img.placed[0].ok {
		t.Fatalf("placed %+v, want the one available picture", r.lay.img.placed)
	}
	p := r.lay.img.placed[0]
	first, second := lineOfText(t, r, "First"), lineOfText(t, r, "Second")
	if p.y < first.y+r.lineH(0) || second.y < p.y+p.h {
		t.Errorf("picture at %v..%v not between the paragraphs at %v and %v", p.y, p.y+p.h, first.y, second.y)
	}
	if objs := r.rend.drawImages(0); len(objs) != 1 {
		t.Errorf("%d objects drawn, want the picture (or its loading box)", len(objs))
	}
}
