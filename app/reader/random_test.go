package reader

import (
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage/doc"
)

// TestRandomMarkdownLayout lays out 400 seeded random Markdown snippets
// made of marks, tables, lists, quotes and right-to-left words: lines
// tile their blocks, Text gives the reading text back and every offset
// maps to a position and back inside the text (found a bold italic code
// span the theme has no face for).
func TestRandomMarkdownLayout(t *testing.T) {
	parts := []string{"*", "**", "`", "~~", "[", "](https://a.b)", "|", "\n", "\n\n", "|---|", " ", "word", "שלום", "مرحبا", "1984", ".", "# ", "- ", "> ", "  ", "\t", "東京", "x"}
	rng := rand.New(rand.NewPCG(7, 8))
	test.NewTempApp(t)
	r := NewReader()
	w := test.NewTempWindow(t, r)
	w.SetPadded(false)
	for it := 0; it < 400; it++ {
		var b strings.Builder
		for range 5 + rng.IntN(60) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		md := b.String()
		d, err := doc.Parse(md)
		if err != nil {
			continue
		}
		r.SetDocument(Document{Title: "T", Body: d.Text, Blocks: d.Blocks, Spans: d.Spans})
		w.Resize(fyne.NewSize(float32(40+rng.IntN(900)), 300))
		checkLayout(t, r)
		if r.Text(0, r.nRunes) != d.Text {
			t.Fatalf("%q: text", md)
		}
		for o := 0; o <= r.nRunes; o++ {
			if n := r.OffsetAt(r.PositionOf(o)); n < 0 || n > r.nRunes {
				t.Fatalf("%q: OffsetAt(PositionOf(%d)) = %d", md, o, n)
			}
		}
	}
}
