package reader

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// A paper's page numbers are drawn in the margin, left of the text, on
// the lines where the pages start; an article without pages has none.
func TestPageNumbersInMargin(t *testing.T) {
	var paras []string
	for i := 0; i < 6; i++ {
		paras = append(paras, fmt.Sprintf("Paragraph %d of the paper, long enough to be a line of its own.", i))
	}
	body := strings.Join(paras, "\n\n")
	p2, p3 := runeIndex(t, body, "Paragraph 2"), runeIndex(t, body, "Paragraph 4")
	test.NewTempApp(t)
	r := NewReader()
	r.SetDocument(Document{Title: "Paper", Body: body, Pages: []int{0, p2, p3}})
	w := test.NewTempWindow(t, r)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	labels := map[string]fyne.Position{}
	colX, _ := r.column()
	for _, o := range test.WidgetRenderer(r).Objects() {
		if txt, ok := o.(*canvas.Text); ok && strings.HasPrefix(txt.Text, "p. ") {
			labels[txt.Text] = txt.Position()
			if right := txt.Position().X + txt.MinSize().Width; right > colX {
				t.Errorf("%q reaches x %v, into the text column at %v", txt.Text, right, colX)
			}
		}
	}
	for _, want := range []string{"p. 1", "p. 2", "p. 3"} {
		pos, ok := labels[want]
		if !ok {
			t.Fatalf("%q not drawn; labels %v", want, labels)
		}
		if pos.X >= colX {
			t.Errorf("%q at x %v, not in the margin left of %v", want, pos.X, colX)
		}
	}
	if !(labels["p. 1"].Y < labels["p. 2"].Y && labels["p. 2"].Y < labels["p. 3"].Y) {
		t.Errorf("page numbers out of order: %v", labels)
	}
	if y, want := labels["p. 2"].Y, r.PositionOf(p2).Y; y > want+r.TextSize() || y < want-2*r.TextSize() {
		t.Errorf("p. 2 at y %v, its page starts at y %v", y, want)
	}
	r.SetDocument(Document{Title: "Plain", Body: body})
	for _, o := range test.WidgetRenderer(r).Objects() {
		if txt, ok := o.(*canvas.Text); ok && strings.HasPrefix(txt.Text, "p. ") {
			t.Fatalf("an article without pages shows %q", txt.Text)
		}
	}
}
