package reader_test

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/app/reader"
)

// The owner (the window) shows an article, feeds it the stored highlights
// and turns the reader's intents into storage calls and undo steps.
func ExampleReader() {
	test.NewApp()
	r := reader.NewReader()
	r.OnHighlight = func(start, end, color int) {
		// Store a highlight of r.Text(start, end), then SetHighlights again.
		fmt.Printf("highlight %d–%d %q in colour %d\n", start, end, r.Text(start, end), color)
	}
	r.OnHighlightTapped = func(id int64) { /* show it in the notes panel */ }
	r.OnDeleteHighlight = func(id int64) { /* delete, push an undo step */ }
	r.OnFontSizeChanged = func(size float32) { /* save the preference */ }

	r.SetDocument(reader.Document{
		Title: "U.S. and Russia unwilling to budge",
		Meta:  "Reuters · 10 Jan 2022",
		URL:   "https://example.com/talks",
		Body:  "Talks began in Geneva.\n\nNeither side moved.",
	})
	r.SetHighlights([]reader.Highlight{{ID: 1, Start: 0, End: 5}})
	w := test.NewWindow(r)
	w.Resize(fyne.NewSize(800, 600))

	r.SetSelection(15, 21) // as if the user had dragged over "Geneva"
	r.TypedRune('2')
	// Output: highlight 15–21 "Geneva" in colour 1
}
