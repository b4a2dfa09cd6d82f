package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage/repository"
	"fyne.io/fyne/v2/widget"

	fstorage "fyne.io/fyne/v2/storage"
	"scholia/app/importer"
)

// importDialog is File → Import files…: Fyne's file picker takes one file
// at a time, so the dialog holds a list the user types or pastes into (one
// path, folder or glob per line, as a terminal user would) and that each
// Browse… pick adds a line to. It says live how many files that is and
// which line matches nothing; Import stays off until every line matches.
type importDialog struct {
	ws     *workspace
	entry  *widget.Entry
	status *widget.Label
	ok     *widget.Button
	// chapters imports each chapter of an EPUB book as its own article.
	chapters *widget.Check
	d        dialog.Dialog
	paths    []string
}

func (ws *workspace) importFiles() {
	if ws.refuseWrite() {
		return
	}
	v := ws.newImportDialog()
	// Enter in the list adds a line; with the focus elsewhere it imports.
	ws.showDialogKeys(ws.win, v.d, nil, v.submit)
	ws.win.Canvas().Focus(v.entry)
}

func (ws *workspace) newImportDialog() *importDialog {
	v := &importDialog{ws: ws}
	v.entry = widget.NewMultiLineEntry()
	v.entry.SetPlaceHolder("One file, folder or pattern per line, e.g.\n~/Downloads/*.html")
	v.entry.SetMinRowsVisible(5)
	v.entry.OnChanged = func(string) { v.check() }
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	browse := widget.NewButton("Browse…", v.browse)
	v.ok = widget.NewButton("Import", v.submit)
	v.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { v.d.Hide() })
	buttons := container.NewHBox(browse, layout.NewSpacer(), cancel, v.ok)
	v.chapters = widget.NewCheck("EPUB books: one article per chapter, tagged with the book’s title", nil)
	content := container.NewBorder(nil, container.NewVBox(v.status, v.chapters, buttons), nil, nil, v.entry)
	v.d = dialog.NewCustomWithoutButtons("Import files", content, ws.win)
	v.d.Resize(fyne.NewSize(600, 350))
	v.check()
	return v
}

// check expands the lines and says what Import would do.
func (v *importDialog) check() {
	home, _ := os.UserHomeDir()
	paths, unmatched := importer.ExpandPatterns(v.entry.Text, home)
	v.paths = paths
	switch {
	case len(unmatched) > 0:
		v.status.SetText(unmatched[0])
	case len(paths) == 0:
		v.status.SetText("Type or paste paths, or pick files with Browse…")
	default:
		files, folders := 0, 0
		for _, p := range paths {
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				folders++
			} else {
				files++
			}
		}
		var parts []string
		if files > 0 {
			parts = append(parts, plural(files, "file"))
		}
		if folders > 0 {
			parts = append(parts, plural(folders, "folder"))
		}
		v.status.SetText(fmt.Sprintf("Ready to import %s.", strings.Join(parts, " and ")))
	}
	if len(unmatched) == 0 && len(paths) > 0 {
		v.ok.Enable()
	} else {
		v.ok.Disable()
	}
}

// addPath puts a picked file on a line of its own.
func (v *importDialog) addPath(p string) {
	text := strings.TrimRight(v.entry.Text, "\n")
	if text != "" {
		text += "\n"
	}
	v.entry.SetText(text + p)
	v.ws.app.Preferences().SetString(prefLastFolder, filepath.Dir(p))
}

func (v *importDialog) browse() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			v.ws.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		v.addPath(r.URI().Path())
	}, v.ws.win)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{".txt", ".md", ".markdown", ".html", ".htm", ".epub", ".pdf"}))
	startIn(d, v.ws.app.Preferences().String(prefLastFolder))
	v.ws.showDialog(d)
}

func (v *importDialog) submit() {
	v.check()
	if len(v.paths) == 0 || v.ok.Disabled() {
		return
	}
	v.d.Hide()
	v.ws.runImportWith(v.paths, importer.Options{EPUBChapters: v.chapters.Checked})
}

// startIn opens a file dialog in folder, when it still exists: each dialog
// keeps its own folder (Fyne alone shares one between all of them, so the
// export dialog opened where the last import came from).
func startIn(d *dialog.FileDialog, folder string) {
	if folder == "" {
		return
	}
	if info, err := os.Stat(folder); err != nil || !info.IsDir() {
		return
	}
	if u, err := repository.ParseURI("file://" + folder); err == nil {
		if l, err := fstorage.ListerForURI(u); err == nil {
			d.SetLocation(l)
		}
	}
}
