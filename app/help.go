package app

import (
	"errors"
	"fmt"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// projectURL is where Scholia lives.
const projectURL = "https://scholia.org"

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// openWelcome opens the Getting-started article, adding it again if the
// user deleted it.
func (ws *workspace) openWelcome() {
	b, err := welcomeBundle()
	if err != nil {
		ws.showError(err)
		return
	}
	bs := []storage.Bundle{b}
	res, err := ws.store.ImportBundles(ws.ctx, bs)
	if err != nil {
		ws.showError(err)
		return
	}
	id := bs[0].Article.ID
	var dup *storage.DuplicateError
	if res[0] != nil && errors.As(res[0], &dup) {
		id = dup.ID
	}
	ws.tagsChanged()
	ws.open(id)
}

// showShortcuts lists every shortcut from the same table that registers them.
func (ws *workspace) showShortcuts() {
	grid := container.New(layout.NewFormLayout())
	for _, s := range ws.shortcuts() {
		keys := widget.NewLabelWithStyle(keysOf(s), fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
		grid.Add(keys)
		grid.Add(widget.NewLabel(s.name))
	}
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(560, 460))
	ws.showDialog(dialog.NewCustom("Keyboard shortcuts", "Close", scroll, ws.win))
}

func (ws *workspace) showAbout() {
	meta := ws.app.Metadata()
	version := meta.Version
	if version == "" {
		version = "development build"
	}
	u, _ := url.Parse(projectURL)
	body := container.NewVBox(
		widget.NewLabelWithStyle("Scholia "+version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapLabel("Read, highlight and annotate the articles you work from; take your notes out as Markdown."),
		wrapLabel(fmt.Sprintf("Library: %s", ws.store.Path())),
		widget.NewHyperlink(projectURL, u),
	)
	d := dialog.NewCustom("About Scholia", "Close", body, ws.win)
	d.Resize(fyne.NewSize(480, 280))
	ws.showDialog(d)
}
