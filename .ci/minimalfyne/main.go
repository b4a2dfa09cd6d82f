// Command minimalfyne is the anchor for Scholia's launch time and memory in
// make bench-e2e: the smallest Fyne window with an entry and a list, the
// widgets Scholia's finder starts with, and nothing loaded.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("org.scholia.MinimalFyne")
	w := a.NewWindow("Minimal Fyne")
	entry := widget.NewEntry()
	entry.SetPlaceHolder("Find…")
	list := widget.NewList(func() int { return 0 }, func() fyne.CanvasObject { return widget.NewLabel("") }, func(widget.ListItemID, fyne.CanvasObject) {})
	w.SetContent(container.NewBorder(entry, nil, nil, nil, list))
	w.Resize(fyne.NewSize(1000, 700))
	w.ShowAndRun()
}
