package app

import (
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/app/export"
)

// prefExportTemplate is the export template file chosen in Preferences
// ("" for the built-in template).
const prefExportTemplate = "export.template"

// loadExportTemplate reads and checks the template file for a Markdown
// export; JSON exports and "" use none.
func loadExportTemplate(path, format string) (*export.Template, error) {
	if path == "" || format == formatJSON {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("export template: %w", err)
	}
	return export.ParseTemplate(path, string(b))
}

// vaultNotes says, one line each, which files a vault export left alone.
func vaultNotes(rep export.VaultReport) []string {
	var out []string
	for _, k := range rep.Conflicts {
		out = append(out, fmt.Sprintf("%s: kept as you edited it (%s); the new version is in %s", k.File, k.Reason, k.Copy))
	}
	for _, f := range rep.Copies {
		out = append(out, f+": a copy of an exported file, left alone")
	}
	for _, f := range rep.Gone {
		out = append(out, f+": its article is no longer in the library, left alone")
	}
	return out
}

// showExportNotes is the "Export finished" dialog when some files were left
// alone: the summary, then the list of those files.
func (ws *workspace) showExportNotes(msg string, notes []string) {
	conflicts := 0
	for _, n := range notes {
		if strings.Contains(n, "kept as you edited it") {
			conflicts++
		}
	}
	head := msg
	switch {
	case conflicts == 1:
		head += "\n\n1 file was not overwritten because you edited its Scholia part: compare it with its .scholia-conflict.md copy."
	case conflicts > 1:
		head += fmt.Sprintf("\n\n%d files were not overwritten because you edited their Scholia part: compare each with its .scholia-conflict.md copy.", conflicts)
	}
	summary := widget.NewLabel(head)
	summary.Wrapping = fyne.TextWrapWord
	// Wrapped labels rather than a List: each line names two files and
	// must be read whole. Past a few hundred, the rest is counted.
	const maxShown = 300
	rows := container.NewVBox()
	for i, n := range notes {
		if i == maxShown {
			rows.Add(widget.NewLabel(fmt.Sprintf("… and %d more", len(notes)-maxShown)))
			break
		}
		l := widget.NewLabel("• " + n)
		l.Wrapping = fyne.TextWrapWord
		rows.Add(l)
	}
	list := container.NewVScroll(rows)
	d := dialog.NewCustom("Export finished", "OK", container.NewBorder(summary, nil, nil, nil, list), ws.win)
	d.Resize(fyne.NewSize(640, 420))
	ws.showDialog(d)
}

// exportTemplateRow is Preferences → Export template: which template file
// Markdown exports use. A file is checked when chosen; a broken one is
// refused with its line and column.
func (ws *workspace) exportTemplateRow() fyne.CanvasObject {
	p := ws.app.Preferences()
	label := wrapLabel("")
	show := func() {
		if path := p.String(prefExportTemplate); path != "" {
			label.SetText(path)
		} else {
			label.SetText("Built-in (scholia export --print-template prints it)")
		}
	}
	show()
	choose := widget.NewButton("Choose a template file…", func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				ws.showError(err)
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			if _, err := loadExportTemplate(path, formatVault); err != nil {
				ws.showError(err)
				return
			}
			p.SetString(prefExportTemplate, path)
			show()
		}, ws.win)
		ws.showDialog(d)
	})
	builtin := widget.NewButton("Use the built-in template", func() {
		p.SetString(prefExportTemplate, "")
		show()
	})
	return container.NewVBox(label, container.NewHBox(choose, builtin))
}
