package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/app/importer"
	"scholia/app/importhl"
)

// importHighlights asks for a file of highlights from another tool
// (File → Import highlights from…); the format is found from its content,
// so no filter hides a renamed file.
func (ws *workspace) importHighlights() {
	if ws.refuseWrite() {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			ws.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		ws.planHighlights(r.URI().Path())
	}, ws.win)
	startIn(d, ws.app.Preferences().String(prefLastFolder))
	ws.showDialog(d)
}

// planHighlights reads the file and matches it against the library in the
// background, then asks before writing anything.
func (ws *workspace) planHighlights(path string) {
	ws.jobs.Add(1)
	ws.background(func() {
		defer ws.jobs.Done()
		set, err := importhl.ReadFile(path)
		if err == nil && set.Format == importhl.Scholia {
			err = errors.New("a Scholia JSON export: restore it with scholia import-json")
		}
		var plan importer.HighlightPlan
		if err == nil {
			plan, err = importer.PlanHighlights(ws.ctx, ws.store, path, set, nil)
		}
		fyne.Do(func() {
			if err != nil {
				ws.showError(fmt.Errorf("%s: %s", filepath.Base(path), oneLine(err)))
				return
			}
			ws.confirmHighlights(plan)
		})
	})
}

// confirmHighlights shows what the import would create, anchor and leave
// orphaned, and imports only on Import.
func (ws *workspace) confirmHighlights(plan importer.HighlightPlan) {
	var details []string
	for _, w := range plan.Works {
		switch {
		case w.New == 0:
			details = append(details, fmt.Sprintf("unchanged: %s (%d already imported)", w.Title, w.Known))
		case w.ArticleID == 0:
			details = append(details, fmt.Sprintf("new article: %s — %s", w.Title, plural(w.New, "highlight")))
		default:
			details = append(details, fmt.Sprintf("onto %s — %s, %d orphaned", w.Title, plural(w.New, "highlight"), w.Orphaned))
		}
	}
	for _, p := range plan.Problems {
		details = append(details, "bad row skipped: "+p)
	}
	head := fmt.Sprintf("%s (%s): %s.", filepath.Base(plan.Path), plan.Format, plan.Summary())
	body := container.NewVBox(wrapLabel(head))
	if len(details) > 0 {
		text := widget.NewLabel(strings.Join(details, "\n"))
		scroll := container.NewVScroll(text)
		scroll.SetMinSize(fyne.NewSize(520, 160))
		acc := widget.NewAccordion(widget.NewAccordionItem(fmt.Sprintf("Details (%d)", len(details)), scroll))
		body.Add(acc)
	}
	if plan.Added == 0 {
		d := dialog.NewCustom("Import highlights", "OK", body, ws.win)
		d.Resize(fyne.NewSize(560, 200))
		ws.showDialog(d)
		return
	}
	d := dialog.NewCustomConfirm("Import highlights", "Import", "Cancel", body, func(ok bool) {
		if ok {
			ws.commitHighlights(plan)
		}
	}, ws.win)
	d.Resize(fyne.NewSize(560, 220))
	ws.showDialog(d)
}

// commitHighlights stores the plan (one transaction) in the background and
// opens the first article it went into.
func (ws *workspace) commitHighlights(plan importer.HighlightPlan) {
	if ws.refuseWrite() {
		return
	}
	ws.jobs.Add(1)
	ws.background(func() {
		defer ws.jobs.Done()
		_, err := importer.CommitHighlights(ws.ctx, ws.store, plan)
		fyne.Do(func() {
			if err != nil {
				ws.showError(fmt.Errorf("%s: nothing imported: %s", filepath.Base(plan.Path), oneLine(err)))
				return
			}
			ws.tagsChanged()
			if ids := plan.Articles(); len(ids) > 0 {
				ws.open(ids[0])
			}
		})
	})
}
