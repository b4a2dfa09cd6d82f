package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/app/fetch"
	"scholia/app/importer"
)

// clipboardURLs returns the web addresses the clipboard holds when it holds
// nothing else (one a line), so that "New article from clipboard" and
// File → Import from URL… can fetch them instead of storing the address
// as text.
func clipboardURLs(text string) []string {
	var urls []string
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if !fetch.IsURL(l) || strings.ContainsAny(l, " \t") {
			return nil
		}
		urls = append(urls, l)
	}
	return urls
}

// importFromURL asks for one or more addresses (proposed from the
// clipboard when it holds some) and imports the pages.
func (ws *workspace) importFromURL() {
	if ws.refuseWrite() {
		return
	}
	entry := ws.newDialogEntry(ws.win)
	entry.MultiLine = true
	entry.Wrapping = fyne.TextWrapOff
	entry.SetPlaceHolder("https://… (one address a line)")
	entry.SetMinRowsVisible(4)
	if urls := clipboardURLs(ws.app.Clipboard().Content()); len(urls) > 0 {
		entry.SetText(strings.Join(urls, "\n"))
	}
	refresh := widget.NewCheck("Fetch pages already in the library again (highlights follow)", nil)
	items := []*widget.FormItem{
		widget.NewFormItem("Addresses", entry),
		widget.NewFormItem("", refresh),
	}
	d := dialog.NewForm("Import from URL", "Import", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		var urls []string
		for _, l := range strings.Split(entry.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				urls = append(urls, l)
			}
		}
		if len(urls) > 0 {
			ws.runURLImport(urls, refresh.Checked)
		}
	}, ws.win)
	d.Resize(fyne.NewSize(620, 280))
	ws.showDialog(d)
	ws.win.Canvas().Focus(entry)
}

// runURLImport fetches the pages in the background with a progress dialog
// that can cancel (also in the middle of a download), then shows the same
// summary as a file import.
func (ws *workspace) runURLImport(urls []string, refresh bool) {
	if ws.refuseWrite() {
		return
	}
	ctx, cancel := context.WithCancel(ws.ctx)
	bar := widget.NewProgressBar()
	bar.Max = float64(len(urls))
	current := widget.NewLabel("Fetching " + urls[0] + "…")
	current.Truncation = fyne.TextTruncateEllipsis
	stop := widget.NewButton("Cancel", cancel)
	content := container.NewVBox(current, bar, container.NewCenter(stop))
	prog := dialog.NewCustomWithoutButtons("Importing from the web", content, ws.win)
	prog.Resize(fyne.NewSize(480, 160))
	ws.showDialogKeys(ws.win, prog, cancel, func() {})
	ws.jobs.Add(1)
	ws.background(func() {
		defer ws.jobs.Done()
		opts := importer.URLOptions{Refresh: refresh}
		rep, err := importer.RunURLs(ctx, ws.store, urls, opts, func(done, total int, r importer.URLResult) {
			fyne.Do(func() {
				bar.SetValue(float64(done))
				if done < total {
					current.SetText(fmt.Sprintf("%d of %d — fetching %s…", done+1, total, urls[done]))
				}
			})
		})
		cancel()
		fyne.Do(func() {
			prog.Hide()
			ws.tagsChanged()
			ws.importFinished(rep, err)
			if len(rep.Results) > 0 && rep.Results[0].Status == importer.Refreshed {
				ws.open(rep.Results[0].ID) // show the new text
			}
		})
	})
}
