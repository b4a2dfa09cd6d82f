package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/app/edit"
	"scholia/app/fetch"
	"scholia/app/importer"
	"scholia/storage"
)

// refreshFromSource (Article → Refresh from source) fetches the open
// article's page again, or reads the file it was imported from again, and
// replaces its text, every highlight following its words
// (importer.Refresh), then shows what happened to them. A page or file
// that is gone is one line, and the article is left as it was.
func (ws *workspace) refreshFromSource() {
	if ws.current == nil || ws.refuseWrite() {
		return
	}
	a := *ws.current
	if a.URL == "" && a.SourcePath == "" {
		ws.showInfo("Refresh from source", "“"+shorten(a.Title, 60)+"”: "+importer.ErrNoSource.Error()+".")
		return
	}
	ctx, cancel := context.WithCancel(ws.ctx)
	what := "Fetching " + a.URL + "…"
	if a.SourcePath != "" {
		what = "Reading " + a.SourcePath + "…"
	}
	label := widget.NewLabel(what)
	label.Truncation = fyne.TextTruncateEllipsis
	content := container.NewVBox(label, widget.NewProgressBarInfinite(), container.NewCenter(widget.NewButton("Cancel", cancel)))
	prog := dialog.NewCustomWithoutButtons("Refreshing from source", content, ws.win)
	prog.Resize(fyne.NewSize(480, 150))
	ws.showDialogKeys(ws.win, prog, cancel, func() {})
	ws.jobs.Add(1)
	ws.background(func() {
		defer ws.jobs.Done()
		rep, unchanged, err := ws.refresh(ctx, a.ID)
		cancel()
		fyne.Do(func() {
			prog.Hide()
			switch {
			case errors.Is(err, context.Canceled):
			case err != nil:
				ws.showInfo("Refresh from source", "Not refreshed: "+err.Error())
			case unchanged:
				ws.showInfo("Refresh from source", unchangedText(a))
			default:
				ws.articleChanged(a.ID)
				ws.showReport("Refreshed from source", "Refreshed. ", rep)
			}
		})
	})
}

// refresh is importer.Refresh with the window's fetch settings.
func (ws *workspace) refresh(ctx context.Context, id int64) (edit.Report, bool, error) {
	return importer.Refresh(ctx, ws.store, id, fetch.Options{})
}

// unchangedText is what a refresh that found the same text says.
func unchangedText(a storage.Article) string {
	if a.SourcePath != "" {
		return "The file’s text is unchanged."
	}
	return "The page’s text is unchanged."
}
