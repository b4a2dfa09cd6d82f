package reader

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage/doc"
)

// FuzzLayout checks that any body wraps into lines that tile its
// paragraphs, that Text gives the body back, and that selection helpers
// stay inside it.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		"", "\n", "a\n\nb", "café ☕ 東京", "Cafe\u0301 👩‍👩‍👧 \t tab", "\xff\xfe broken utf8",
		"東京都の天気は晴れです。東京都の天気は晴れです。東京都の天気は晴れです。",
		"averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword",
	} {
		f.Add(s, uint16(300))
	}
	f.Fuzz(func(t *testing.T, body string, width uint16) {
		test.NewTempApp(t)
		r := NewReader()
		r.SetDocument(Document{Title: "T", Body: body})
		w := test.NewTempWindow(t, r)
		w.SetPadded(false)
		w.Resize(fyne.NewSize(float32(width%1200)+40, 300))
		checkLayout(t, r)
		if r.Text(0, r.nRunes) != body {
			t.Fatal("Text(0,n) is not the body")
		}
		for o := 0; o <= r.nRunes && o < 200; o++ {
			if s, e := r.wordAt(o); s < 0 || e > r.nRunes || s > e {
				t.Fatalf("wordAt(%d) = %d,%d", o, s, e)
			}
			if n := r.stepChar(o, 1); n < o || n > r.nRunes {
				t.Fatalf("stepChar(%d,+1) = %d", o, n)
			}
			_ = r.OffsetAt(r.PositionOf(o))
		}
	})
}

// FuzzRichLayout: any Markdown's reading text, blocks and spans (tables,
// marks, right-to-left text) lay out into lines that tile their blocks,
// and every offset maps to a position and back without leaving the text.
func FuzzRichLayout(f *testing.F) {
	for _, s := range []string{
		"| a | b |\n|---|---|\n| **x**y | [l](https://e.org) |\n|  | |\n",
		"*em* **strong** `code` ~~gone~~ [link](http://a)", "# h *e*\n\n- i **s**\n  1. n",
		"שלום **עולם**, 1984.\n\nمرحبا *بالعالم*.", "a  \nb **c  \nd** e", "|x|\n|-|\n||\n",
		"```\n\tx\t\ty\n a\t \tb\n```", "See ![alt](big) and ![](small) here.\n\n![](big)",
		"| a | b | c | d | e | f | g | h |\n|-|-|-|-|-|-|-|-|\n| Antidisestablishmentarianism | 1,234.5 | x | y | z | w | v | u |",
	} {
		f.Add(s, uint16(300))
	}
	f.Fuzz(func(t *testing.T, md string, width uint16) {
		d, err := doc.Parse(md)
		if err != nil {
			return
		}
		test.NewTempApp(t)
		r := NewReader()
		r.SetDocument(Document{Title: "T", Body: d.Text, Blocks: d.Blocks, Spans: d.Spans})
		w := test.NewTempWindow(t, r)
		w.SetPadded(false)
		w.Resize(fyne.NewSize(float32(width%1200)+40, 300))
		checkLayout(t, r)
		if r.Text(0, r.nRunes) != d.Text {
			t.Fatal("Text(0,n) is not the reading text")
		}
		for o := 0; o <= r.nRunes && o < 200; o++ {
			if n := r.OffsetAt(r.PositionOf(o)); n < 0 || n > r.nRunes {
				t.Fatalf("OffsetAt(PositionOf(%d)) = %d", o, n)
			}
		}
	})
}
