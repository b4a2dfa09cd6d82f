package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// newBacklinksBox is the "Linked from" list under the note: the notes and
// comments that link to the open article with [[Title]].
func newBacklinksBox() *fyne.Container { return container.NewVBox() }

// loadBacklinks fills the list for article id off the UI goroutine.
func (n *notesPanel) loadBacklinks(id int64) {
	n.backlinks.RemoveAll()
	n.ws.background(func() {
		links, err := n.ws.store.Backlinks(n.ws.ctx, id)
		fyne.Do(func() {
			if n.articleID != id {
				return // another article was opened meanwhile
			}
			if err != nil {
				n.ws.showError(err)
				return
			}
			n.showBacklinks(links)
		})
	})
}

func (n *notesPanel) showBacklinks(links []storage.Backlink) {
	n.backlinks.RemoveAll()
	if len(links) == 0 {
		n.backlinks.Refresh()
		return
	}
	h := widget.NewLabel(fmt.Sprintf("Linked from (%d)", len(links)))
	h.SizeName = theme.SizeNameCaptionText
	h.TextStyle.Bold = true
	n.backlinks.Add(h)
	for _, l := range links {
		l := l
		label := shorten(l.ArticleTitle, 50) + " · note"
		if l.HighlightID != 0 {
			label = shorten(l.ArticleTitle, 40) + " · comment"
		}
		b := widget.NewButton(label, func() {
			n.ws.open(l.ArticleID)
			if l.HighlightID != 0 {
				n.ws.reading.reveal(l.HighlightID)
				n.ws.notes.focusHighlight(l.HighlightID)
			}
		})
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		n.backlinks.Add(b)
	}
	n.backlinks.Refresh()
	n.relayout()
}
