package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/app/importer"
	"scholia/app/ingest"
	"scholia/storage"
)

func (ws *workspace) importFolder() {
	if ws.refuseWrite() {
		return
	}
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			ws.showError(err)
			return
		}
		if u == nil {
			return
		}
		ws.app.Preferences().SetString(prefLastFolder, u.Path())
		ws.runImport([]string{u.Path()})
	}, ws.win)
	startIn(d, ws.app.Preferences().String(prefLastFolder))
	ws.showDialog(d)
}

// onDropped imports the files and folders dropped on the window.
func (ws *workspace) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths, urls []string
	for _, u := range uris {
		switch u.Scheme() {
		case "file":
			paths = append(paths, u.Path())
		case "http", "https": // a link dragged from a browser
			urls = append(urls, u.String())
		}
	}
	if len(paths) > 0 {
		ws.runImport(paths)
	}
	if len(urls) > 0 {
		ws.runURLImport(urls, false)
	}
}

// runImport imports paths in the background with a progress dialog that
// can cancel, then shows what happened. The window stays responsive.
func (ws *workspace) runImport(paths []string) { ws.runImportWith(paths, importer.Options{}) }

// runImportWith is runImport with the import dialog's options.
func (ws *workspace) runImportWith(paths []string, opts importer.Options) {
	if ws.refuseWrite() {
		return
	}
	// Highlights from other tools go through their own summary first.
	var articles []string
	for _, p := range paths {
		if importer.IsHighlightsFile(p) {
			ws.planHighlights(p)
		} else {
			articles = append(articles, p)
		}
	}
	if paths = articles; len(paths) == 0 {
		return
	}
	ctx, cancel := context.WithCancel(ws.ctx)
	bar := widget.NewProgressBar()
	current := widget.NewLabel("Looking for files…")
	current.Truncation = fyne.TextTruncateEllipsis
	stop := widget.NewButton("Cancel", cancel)
	content := container.NewVBox(current, bar, container.NewCenter(stop))
	prog := dialog.NewCustomWithoutButtons("Importing", content, ws.win)
	prog.Resize(fyne.NewSize(480, 160))
	ws.showDialogKeys(ws.win, prog, cancel, func() {}) // Esc is Cancel
	ws.jobs.Add(1)
	ws.background(func() {
		defer ws.jobs.Done()
		var passed []importer.Unimportable
		rep, err := importer.Run(ctx, ws.store, paths, opts, func(p importer.Progress) {
			fyne.Do(func() {
				bar.Max = float64(p.Total)
				bar.SetValue(float64(p.Done))
				current.SetText(fmt.Sprintf("%d of %d — %s", p.Done, p.Total, p.Last.Path))
			})
		})
		cancel()
		if rep.Ignored > 0 {
			passed = importer.ListUnimportable(paths)
		}
		fyne.Do(func() {
			prog.Hide()
			ws.tagsChanged()
			ws.importFinished(rep, err, passed...)
		})
	})
}

// importFinished opens the first imported article and shows the summary,
// with the details (every skipped or failed file and why) folded away.
func (ws *workspace) importFinished(rep importer.Report, err error, passed ...importer.Unimportable) {
	for _, r := range rep.Results {
		if r.Status == importer.Imported {
			ws.open(r.ID)
			break
		}
	}
	summary := importSummary(rep, passed...)
	if errors.Is(err, context.Canceled) {
		summary = "Import cancelled. " + summary
	} else if err != nil {
		summary += "\nThe import stopped: " + oneLine(err)
	}
	var details []string
	for _, r := range rep.Results {
		switch r.Status {
		case importer.Duplicate:
			details = append(details, fmt.Sprintf("skipped: %s (already in the library)", r.Path))
		case importer.Failed:
			details = append(details, "failed: "+oneLine(r.Err))
		}
		for _, w := range r.Warnings {
			details = append(details, fmt.Sprintf("warning: %s: %s", r.Path, w))
		}
	}
	for _, u := range passed {
		details = append(details, fmt.Sprintf("not importable: %s (%s)", u.Path, u.Reason))
	}
	body := container.NewVBox(wrapLabel(summary))
	if len(details) > 0 {
		text := widget.NewLabel(strings.Join(details, "\n"))
		scroll := container.NewVScroll(text)
		scroll.SetMinSize(fyne.NewSize(520, 160))
		acc := widget.NewAccordion(widget.NewAccordionItem(fmt.Sprintf("Details (%d)", len(details)), scroll))
		body.Add(acc)
	}
	d := dialog.NewCustom("Import finished", "OK", body, ws.win)
	d.Resize(fyne.NewSize(560, 200))
	ws.showDialog(d)
}

// importSummary says what an import did; the files it passed over are
// named (the first, with its reason, in the summary; all in the details).
func importSummary(rep importer.Report, passed ...importer.Unimportable) string {
	s := fmt.Sprintf("%s imported, %d skipped as duplicates, %d failed.",
		plural(rep.Imported, "article"), rep.Skipped, rep.Failed)
	switch {
	case rep.Ignored == 1 && len(passed) == 1:
		s += fmt.Sprintf(" 1 other file was not importable: %s (%s).", filepath.Base(passed[0].Path), passed[0].Reason)
	case rep.Ignored == 1:
		s += " 1 other file was not importable."
	case rep.Ignored > 1 && len(passed) > 0:
		s += fmt.Sprintf(" %d other files were not importable, e.g. %s (%s); see Details.", rep.Ignored, filepath.Base(passed[0].Path), passed[0].Reason)
	case rep.Ignored > 1:
		s += fmt.Sprintf(" %d other files were not importable.", rep.Ignored)
	}
	if rep.NotAttempted > 0 {
		s += fmt.Sprintf(" %s not attempted.", plural(rep.NotAttempted, "file"))
	}
	return s
}

// newFromClipboard makes an article from the copied text, asking for its
// title (proposed from the first line).
func (ws *workspace) newFromClipboard() {
	if ws.refuseWrite() {
		return
	}
	text := ws.app.Clipboard().Content()
	if urls := clipboardURLs(text); len(urls) > 0 {
		ws.runURLImport(urls, false) // a copied link: fetch the page
		return
	}
	doc, err := ingest.Clipboard(text)
	if err != nil {
		ws.showError(errors.New("the clipboard has no text to make an article from"))
		return
	}
	title := ws.newDialogEntry(ws.win)
	title.SetText(doc.Title)
	items := []*widget.FormItem{widget.NewFormItem("Title", title)}
	d := dialog.NewForm("New article from clipboard", "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		a := importer.FromDoc(doc, nil)
		if t := strings.TrimSpace(title.Text); t != "" {
			a.Title = t
		}
		err := ws.store.CreateArticle(ws.ctx, a)
		var dup *storage.DuplicateError
		if errors.As(err, &dup) {
			ws.showInfo("Already in the library", "This text is already in your library; opening it.")
			ws.open(dup.ID)
			return
		}
		if err != nil {
			ws.showError(err)
			return
		}
		ws.tagsChanged()
		ws.open(a.ID)
	}, ws.win)
	ws.showDialog(d)
}
