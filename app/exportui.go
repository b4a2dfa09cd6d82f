package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/app/export"
	"scholia/storage"
)

// Export scopes and formats offered by File → Export….
const (
	scopeArticle = "This article"
	scopeShown   = "The articles listed in the sidebar"
	scopeLibrary = "The whole library"

	formatVault = "Markdown, one file per article (Obsidian vault)"
	formatOne   = "Markdown, one file"
	formatJSON  = "W3C Web Annotation JSON (complete backup)"
)

// prefExportFullText remembers the Export dialog's "Include the full
// article" box.
const prefExportFullText = "export.fulltext"

// libraryMedia reads the library's images for a full-text export, so they
// go out as attachments beside the notes.
func libraryMedia(s *storage.Store) export.MediaFunc {
	return s.MediaLoader(context.Background())
}

// exportDialog asks what to export and in which format, then where.
func (ws *workspace) exportDialog() {
	p := ws.app.Preferences()
	scope, format := ws.exportChoices()
	full := widget.NewCheck("Include the full article", nil)
	full.SetChecked(p.Bool(prefExportFullText))
	format.OnChanged = func(f string) {
		if f == formatJSON {
			full.Disable() // the JSON backup always holds the text
		} else {
			full.Enable()
		}
	}
	format.OnChanged(format.Selected)
	items := []*widget.FormItem{widget.NewFormItem("Export", scope), widget.NewFormItem("As", format),
		widget.NewFormItem("", full)}
	items[2].HintText = "its text, highlights marked, comments as footnotes"
	d := dialog.NewForm("Export", "Choose where…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		p.SetString(prefExportScope, scope.Selected)
		p.SetString(prefExportFormat, format.Selected)
		p.SetBool(prefExportFullText, full.Checked)
		ids := ws.exportScope(scope.Selected)
		if len(ids) == 0 {
			ws.showInfo("Nothing to export", "There are no articles in that selection.")
			return
		}
		ws.chooseExportTarget(ids, format.Selected)
	}, ws.win)
	d.Resize(fyne.NewSize(560, 260))
	ws.showDialog(d)
}

// exportChoices are the scope and format selects, on the choices made last
// time.
func (ws *workspace) exportChoices() (scope, format *widget.Select) {
	scopes := []string{scopeShown, scopeLibrary}
	if ws.current != nil {
		scopes = append([]string{scopeArticle}, scopes...)
	}
	p := ws.app.Preferences()
	scope = widget.NewSelect(scopes, nil)
	scope.SetSelectedIndex(0)
	selectRemembered(scope, p.String(prefExportScope))
	format = widget.NewSelect([]string{formatVault, formatOne, formatJSON}, nil)
	format.SetSelectedIndex(0)
	selectRemembered(format, p.String(prefExportFormat))
	return scope, format
}

func (ws *workspace) exportScope(scope string) []int64 {
	switch scope {
	case scopeArticle:
		if ws.current != nil {
			return []int64{ws.current.ID}
		}
	case scopeShown:
		var ids []int64
		for _, m := range ws.sidebar.rows {
			ids = append(ids, ws.sidebar.all[m.Index].ID)
		}
		return ids
	default:
		ids := make([]int64, 0, len(ws.sidebar.all))
		for i := len(ws.sidebar.all) - 1; i >= 0; i-- {
			ids = append(ids, ws.sidebar.all[i].ID)
		}
		return ids
	}
	return nil
}

func (ws *workspace) chooseExportTarget(ids []int64, format string) {
	name := ""
	if len(ids) == 1 && ws.current != nil && ids[0] == ws.current.ID {
		name = ws.current.Title
	}
	ws.askExportTarget(format, name, func(target string) { ws.runExport(ids, format, target) })
}

// askExportTarget asks for a folder (vault) or a file name, then calls done.
func (ws *workspace) askExportTarget(format, title string, done func(target string)) {
	if format == formatVault {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil {
				ws.showError(err)
			} else if u != nil {
				ws.app.Preferences().SetString(prefExportFolder, u.Path())
				done(u.Path())
			}
		}, ws.win)
		startIn(d, ws.exportFolder())
		ws.showDialog(d)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ws.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		ws.app.Preferences().SetString(prefExportFolder, filepath.Dir(path))
		done(path)
	}, ws.win)
	startIn(d, ws.exportFolder())
	name := "Scholia notes.md"
	switch {
	case format == formatJSON:
		name = "Scholia library.json"
	case title != "":
		name = export.FileName(title, nil)
	}
	d.SetFileName(name)
	ws.showDialog(d)
}

// runExport writes the export in the background with progress and Cancel,
// then says where the files went.
// Markdown includes the full text when the dialog's box was ticked.
func (ws *workspace) runExport(ids []int64, format, target string) {
	full := format != formatJSON && ws.app.Preferences().Bool(prefExportFullText)
	ws.runExportDocs(len(ids), format, target, func(ctx context.Context) ([]export.Doc, error) {
		docs, err := loadDocs(ctx, ws.store, ids)
		for i := range docs {
			docs[i].FullText = full
		}
		return docs, err
	})
}

// runExportDocs is runExport for docs loaded by load (off the UI goroutine).
func (ws *workspace) runExportDocs(n int, format, target string, load func(context.Context) ([]export.Doc, error)) {
	ws.notes.flush() // export what was just typed too
	tmpl := ws.app.Preferences().String(prefExportTemplate)
	ctx, cancel := context.WithCancel(ws.ctx)
	bar := widget.NewProgressBar()
	bar.Max = float64(n)
	status := widget.NewLabel(fmt.Sprintf("Reading %s…", plural(n, "article")))
	prog := dialog.NewCustomWithoutButtons("Exporting",
		container.NewVBox(status, bar, container.NewCenter(widget.NewButton("Cancel", cancel))), ws.win)
	prog.Resize(fyne.NewSize(460, 150))
	ws.showDialogKeys(ws.win, prog, cancel, func() {}) // Esc is Cancel
	ws.jobs.Add(1)
	ws.background(func() {
		defer ws.jobs.Done()
		docs, err := load(ctx)
		msg := ""
		var notes []string
		if err == nil {
			msg, notes, err = exportDocs(ctx, ws.store, docs, format, target, tmpl, func(done, total int) {
				fyne.Do(func() {
					bar.SetValue(float64(done))
					status.SetText(fmt.Sprintf("%d of %d articles", done, total))
				})
			})
		}
		cancel()
		fyne.Do(func() {
			prog.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				ws.showInfo("Export cancelled", "Nothing half-written was left behind. "+msg)
			case err != nil:
				ws.showError(err)
			case len(notes) > 0:
				ws.showExportNotes(msg, notes)
			default:
				ws.showInfo("Export finished", msg)
			}
		})
	})
}

// loadDocs reads the articles to export with their highlights.
func loadDocs(ctx context.Context, s *storage.Store, ids []int64) ([]export.Doc, error) {
	bundles, err := s.Bundles(ctx, ids)
	if err != nil {
		return nil, err
	}
	cards, err := s.CardMap(ctx)
	if err != nil {
		return nil, err
	}
	docs := make([]export.Doc, len(bundles))
	for i, b := range bundles {
		docs[i] = export.Doc{Article: b.Article, Highlights: b.Highlights, Cards: cards}
	}
	return docs, nil
}

// exportTo does the work of runExport off the UI goroutine and returns a
// sentence saying what was written where.
func exportTo(ctx context.Context, s *storage.Store, ids []int64, format, target string, progress func(done, total int)) (string, error) {
	docs, err := loadDocs(ctx, s, ids)
	if err != nil {
		return "", err
	}
	msg, _, err := exportDocs(ctx, s, docs, format, target, "", progress)
	return msg, err
}

// exportDocs writes docs in the format to target, with the template
// file tmpl ("" for the built-in one). notes lists, one line each, the
// files a vault export left alone (conflicts, copies, deleted articles).
func exportDocs(ctx context.Context, s *storage.Store, docs []export.Doc, format, target, tmpl string, progress func(done, total int)) (msg string, notes []string, err error) {
	colors, err := s.Colors(ctx)
	if err != nil {
		return "", nil, err
	}
	tp, err := loadExportTemplate(tmpl, format)
	if err != nil {
		return "", nil, err
	}
	if format == formatVault {
		rep, err := export.Vault(ctx, target, docs, export.VaultOptions{
			Colors: colors, Template: tp, Ledger: s, Progress: progress, Media: libraryMedia(s)})
		msg := fmt.Sprintf("%s in %s: %d new, %d updated, %d unchanged",
			plural(len(rep.Files), "file"), target, rep.Written, rep.Updated, rep.Unchanged)
		if n := len(rep.Conflicts); n > 0 {
			msg += ", " + plural(n, "conflict")
		}
		msg += "."
		return msg, vaultNotes(rep), err
	}
	err = export.WriteFile(target, func(w io.Writer) error {
		if format == formatJSON {
			return export.W3C(w, docs, colors)
		}
		return export.MarkdownWith(w, docs, export.MarkdownOptions{Colors: colors, Template: tp,
			Media: libraryMedia(s), AttachDir: filepath.Dir(target)})
	})
	progress(len(docs), len(docs))
	return fmt.Sprintf("%s written to %s.", plural(len(docs), "article"), target), nil, err
}

// exportFolder is where the export dialogs open: the folder last exported
// to, else the Documents folder (never the folder last imported from).
func (ws *workspace) exportFolder() string {
	if f := ws.app.Preferences().String(prefExportFolder); f != "" {
		return f
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// selectRemembered selects the option saved last time, if still offered
// ("This article" is offered only with an article open).
func selectRemembered(s *widget.Select, saved string) {
	for _, o := range s.Options {
		if o == saved {
			s.SetSelected(o)
		}
	}
}
