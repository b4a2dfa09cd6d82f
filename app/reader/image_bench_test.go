package reader

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage/doc"
)

// illustrated50k is the 50,000-word article with a picture after every
// fifth paragraph (about 200), half of them available.
func illustrated50k(b *testing.B) Document {
	body, _ := synthetic50k()
	var md strings.Builder
	for i, p := range strings.Split(body, "\n\n") {
		md.WriteString(doc.EscapeInline(p) + "\n\n")
		if i%5 == 0 {
			src := "big" + strconv.Itoa(i)
			if i%10 == 0 {
				src = "https://example.com/" + strconv.Itoa(i) + ".png"
			}
			md.WriteString("![figure " + strconv.Itoa(i) + "](" + src + ")\n\n")
		}
	}
	d, err := doc.Parse(md.String())
	if err != nil {
		b.Fatal(err)
	}
	return Document{Title: "Illustrated", Body: d.Text, Blocks: d.Blocks, Spans: d.Spans}
}

// BenchmarkFirstPaintIllustrated50k is the open of that article: sizes
// asked for all ~200 pictures, pixels for none but those in view.
func BenchmarkFirstPaintIllustrated50k(b *testing.B) {
	test.NewTempApp(b)
	d := illustrated50k(b)
	for b.Loop() {
		r := NewReader()
		r.SetImageSource(&fakeImages{})
		r.SetDocument(d)
		rend := test.WidgetRenderer(r)
		r.Resize(fyne.NewSize(800, 600))
		rend.Layout(r.Size())
	}
}
