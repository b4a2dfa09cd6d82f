package app

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Reading widths offered in Preferences, in pixels at the default text size.
var readingWidths = []struct {
	label string
	px    float32
}{
	{"Narrow", 560}, {"Medium", 680}, {"Wide", 840}, {"Full width", 4000},
}

// showPreferences edits theme, text size, reading width, the Ctrl+H
// colour, the colour names and which library is open. Changes apply at once.
func (ws *workspace) showPreferences() {
	p := ws.app.Preferences()
	themes := map[string]string{"Follow the system": themeSystem, "Light": themeLight, "Dark": themeDark}
	themeSel := widget.NewSelect([]string{"Follow the system", "Light", "Dark"}, func(s string) { ws.applyTheme(themes[s]) })
	for label, key := range themes {
		if key == p.StringWithFallback(prefTheme, themeSystem) {
			themeSel.SetSelected(label)
		}
	}

	var sizes []string
	for s := 10; s <= 32; s++ {
		sizes = append(sizes, strconv.Itoa(s))
	}
	sizeSel := widget.NewSelect(sizes, func(s string) {
		n, _ := strconv.Atoi(s)
		ws.reading.setTextSize(float32(n))
	})
	sizeSel.SetSelected(strconv.Itoa(int(ws.reading.view.TextSize())))

	var widthLabels []string
	for _, w := range readingWidths {
		widthLabels = append(widthLabels, w.label)
	}
	widthSel := widget.NewSelect(widthLabels, func(s string) {
		for _, w := range readingWidths {
			if w.label == s {
				ws.reading.setReadingWidth(w.px)
			}
		}
	})
	cur := float32(p.FloatWithFallback(prefReadingWidth, 680))
	for _, w := range readingWidths {
		if w.px == cur {
			widthSel.SetSelected(w.label)
		}
	}

	var names []string
	for _, c := range ws.colors {
		names = append(names, c.Name)
	}
	defSel := widget.NewSelect(names, func(s string) {
		for i, c := range ws.colors {
			if c.Name == s {
				p.SetInt(prefDefaultColor, i)
			}
		}
	})
	defSel.SetSelectedIndex(ws.defaultColor())

	form := widget.NewForm(
		widget.NewFormItem("Theme", themeSel),
		widget.NewFormItem("Reading text size", sizeSel),
		widget.NewFormItem("Reading width", widthSel),
		widget.NewFormItem("Ctrl+H highlights in", defSel),
	)
	colorsBox := container.NewVBox()
	for i, c := range ws.colors {
		key := c.Key
		swatch := canvas.NewRectangle(hexColor(c.Hex))
		swatch.SetMinSize(fyne.NewSize(22, 22))
		swatch.CornerRadius = 4
		name := ws.newDialogEntry(ws.win)
		name.SetText(c.Name)
		name.OnSubmitted = func(s string) { ws.renameColor(key, s) }
		name.OnChanged = func(s string) {
			if s != "" {
				ws.renameColor(key, s)
			}
		}
		colorsBox.Add(container.NewBorder(nil, nil,
			container.NewHBox(widget.NewLabel(strconv.Itoa(i+1)), container.NewCenter(swatch)), nil, name))
	}
	library := wrapLabel(ws.store.Path())
	open := widget.NewButton("Open another library…", ws.openLibraryDialog)
	content := container.NewVBox(form,
		heading("Highlight colours (keys 1–5)"), colorsBox,
		heading("Export template"), ws.exportTemplateRow(),
		heading("Review"), ws.reviewPrefs(),
		heading("Library"), library, open)
	d := dialog.NewCustom("Preferences", "Close", container.NewVScroll(content), ws.win)
	d.Resize(fyne.NewSize(560, 640))
	ws.showDialog(d)
}

// defaultColor is the palette index Ctrl+H uses.
func (ws *workspace) defaultColor() int {
	i := ws.app.Preferences().IntWithFallback(prefDefaultColor, 0)
	if i < 0 || i >= len(ws.colors) {
		return 0
	}
	return i
}

// renameColor gives a colour a new name, everywhere at once.
func (ws *workspace) renameColor(key, name string) {
	if err := ws.store.RenameColor(ws.ctx, key, name); err != nil {
		ws.showError(err)
		return
	}
	if cs, err := ws.store.Colors(ws.ctx); err == nil {
		ws.colors = cs
	}
	ws.notes.editor.setColorNames()
	if ws.current != nil {
		ws.highlightsChanged(ws.current.ID)
	}
	if ws.allHL != nil {
		ws.allHL.reload()
	}
}

// paletteColors is the colours in key order, for the reader.
func (ws *workspace) paletteColors() []color.Color {
	cs := make([]color.Color, len(ws.colors))
	for i, c := range ws.colors {
		cs[i] = hexColor(c.Hex)
	}
	return cs
}

func (ws *workspace) openLibraryDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			ws.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		if err := ws.switchLibrary(r.URI().Path()); err != nil {
			ws.showError(fmt.Errorf("cannot open %s: %w", r.URI().Path(), err))
		}
	}, ws.win)
	ws.showDialog(d)
}
