package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/app/export"
	"scholia/storage"
)

const anyOption = "Any"

// allHighlights is Library → All highlights: every highlight in the library
// in one virtualised list, filtered by colour, tag, the open article and
// words; a click opens the article at the highlight.
type allHighlights struct {
	ws  *workspace
	win fyne.Window

	color, tag  *widget.Select
	onlyCurrent *widget.Check
	text        *widget.Entry
	list        *widget.List
	count       *widget.Label
	sort        *widget.Select
	group       *widget.Check

	rows    []storage.LibraryHighlight
	view    []hlRow // rows as sorted and grouped
	mu      sync.Mutex
	cancel  context.CancelFunc
	queryID int
}

func (ws *workspace) showAllHighlights() {
	if ws.allHL != nil {
		ws.allHL.reload()
		ws.allHL.win.Show()
		ws.allHL.win.RequestFocus()
		return
	}
	v := &allHighlights{ws: ws}
	v.win = ws.app.NewWindow("All highlights — Scholia")
	v.win.Resize(fyne.NewSize(760, 640))
	v.win.SetContent(v.buildUI())
	v.win.SetOnClosed(func() { ws.allHL = nil })
	ws.allHL = v
	v.reload()
	v.win.Show()
}

func (v *allHighlights) buildUI() fyne.CanvasObject {
	colors := []string{anyOption}
	for _, c := range v.ws.colors {
		colors = append(colors, c.Name)
	}
	v.color = widget.NewSelect(colors, func(string) { v.reload() })
	v.color.SetSelected(anyOption)
	v.tag = widget.NewSelect(append([]string{anyOption}, v.ws.tagNames()...), func(string) { v.reload() })
	v.tag.SetSelected(anyOption)
	v.onlyCurrent = widget.NewCheck("Only the open article", func(bool) { v.reload() })
	v.text = widget.NewEntry()
	v.text.SetPlaceHolder("Words in the quote or comment")
	v.text.OnChanged = func(string) { v.reload() }
	v.count = widget.NewLabel("")
	v.count.SizeName = theme.SizeNameCaptionText
	exportBtn := widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), v.export)
	p := v.ws.app.Preferences()
	v.sort = widget.NewSelect(hlSorts, func(o string) {
		p.SetString(prefHLSort, o)
		v.arrange()
	})
	v.group = widget.NewCheck("Group by article", func(on bool) {
		p.SetBool(prefHLGroup, on)
		v.arrange()
	})
	v.list = widget.NewList(
		func() int { return len(v.view) },
		func() fyne.CanvasObject {
			header := heading("")
			header.Truncation = fyne.TextTruncateEllipsis
			header.Hide()
			bar := canvas.NewRectangle(color.Transparent)
			bar.SetMinSize(fyne.NewSize(5, 0))
			quote := widget.NewLabel("")
			quote.Wrapping = fyne.TextWrapWord
			quote.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("")
			meta.SizeName = theme.SizeNameCaptionText
			meta.Truncation = fyne.TextTruncateEllipsis
			// A header row hides the highlight's parts (a Border lays out
			// only what is visible) and shows the header.
			return container.NewBorder(header, meta, bar, nil, quote)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(v.view) {
				return
			}
			box := o.(*fyne.Container)
			quote, header := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			meta, bar := box.Objects[2].(*widget.Label), box.Objects[3].(*canvas.Rectangle)
			r := v.view[i]
			if r.hl < 0 {
				header.SetText(shorten(r.header, 90) + " · " + plural(r.count, "highlight"))
				header.Show()
				quote.Hide()
				meta.Hide()
				bar.Hide()
				box.Refresh()
				return
			}
			header.Hide()
			quote.Show()
			meta.Show()
			bar.Show()
			h := v.rows[r.hl]
			c := v.ws.colorByKey(h.Color)
			bar.FillColor = hexColor(c.Hex)
			bar.Refresh()
			quote.SetText("“" + shorten(h.Quote, 200) + "”")
			meta.SetText(hlMeta(c, h, v.group.Checked))
			box.Refresh()
		},
	)
	v.list.OnSelected = func(i widget.ListItemID) {
		if i < len(v.view) && v.view[i].hl >= 0 {
			h := v.rows[v.view[i].hl]
			v.ws.open(h.ArticleID)
			if !h.Orphaned {
				v.ws.reading.reveal(h.ID)
			}
			v.ws.notes.focusHighlight(h.ID)
			v.ws.win.RequestFocus()
		}
		v.list.UnselectAll()
	}
	filters := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("Colour"), nil, v.color),
		container.NewBorder(nil, nil, widget.NewLabel("Tag"), nil, v.tag))
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, v.onlyCurrent, v.text),
		container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("Sort"),
			// Wide enough for "Document order": a Select is as narrow as its
			// placeholder and would cut the name short.
			container.NewGridWrap(fyne.NewSize(170, v.sort.MinSize().Height), v.sort), v.group, exportBtn), v.count))
	v.sort.SetSelected(p.StringWithFallback(prefHLSort, hlSortNewest))
	v.group.SetChecked(p.BoolWithFallback(prefHLGroup, false))
	return container.NewBorder(top, nil, nil, nil, v.list)
}

func (v *allHighlights) filter() storage.HighlightFilter {
	var f storage.HighlightFilter
	for _, c := range v.ws.colors {
		if c.Name == v.color.Selected {
			f.Color = c.Key
		}
	}
	if v.tag.Selected != anyOption {
		f.Tag = v.tag.Selected
	}
	if v.onlyCurrent.Checked && v.ws.current != nil {
		f.ArticleID = v.ws.current.ID
	}
	f.Text = v.text.Text
	return f
}

// reload runs the query off the UI goroutine; a newer change cancels it.
func (v *allHighlights) reload() {
	if v.list == nil {
		return
	}
	f := v.filter()
	v.mu.Lock()
	if v.cancel != nil {
		v.cancel()
	}
	ctx, cancel := context.WithCancel(v.ws.ctx)
	v.cancel = cancel
	v.queryID++
	id := v.queryID
	v.mu.Unlock()
	v.ws.background(func() {
		rows, err := v.ws.store.AllHighlights(ctx, f)
		if ctx.Err() != nil {
			return
		}
		fyne.Do(func() {
			v.mu.Lock()
			stale := id != v.queryID
			v.mu.Unlock()
			if !stale {
				v.show(rows, err)
			}
		})
	})
}

func (v *allHighlights) show(rows []storage.LibraryHighlight, err error) {
	v.rows = rows
	v.arrange()
	switch {
	case errors.Is(err, storage.ErrBadQuery):
		v.count.SetText("Type words to search for")
	case err != nil:
		v.count.SetText(oneLine(err))
	case len(rows) == 1:
		v.count.SetText("1 highlight")
	default:
		v.count.SetText(fmt.Sprintf("%d highlights", len(rows)))
	}
}

// export writes the articles of the listed highlights, each with only the
// listed highlights.
func (v *allHighlights) export() {
	if len(v.rows) == 0 {
		return
	}
	byArticle := map[int64][]storage.Highlight{}
	var order []int64
	for _, h := range v.rows {
		if _, ok := byArticle[h.ArticleID]; !ok {
			order = append(order, h.ArticleID)
		}
		byArticle[h.ArticleID] = append(byArticle[h.ArticleID], h.Highlight)
	}
	ws := v.ws
	ws.askExportTarget(formatOne, "Highlights", func(target string) {
		ws.runExportDocs(len(order), formatOne, target, func(ctx context.Context) ([]export.Doc, error) {
			docs, err := loadDocs(ctx, ws.store, order)
			for i := range docs {
				docs[i].Highlights = byArticle[docs[i].Article.ID]
			}
			return docs, err
		})
	})
}

// arrange sorts and groups the rows for the list, keeping the query.
func (v *allHighlights) arrange() {
	if v.list == nil || v.group == nil {
		return
	}
	v.view = arrangeHighlights(v.rows, v.sort.Selected, v.group.Checked, v.ws.colors)
	// Header rows keep the highlight rows' height: a row whose height
	// changes under a wrapping, truncating label makes Fyne 2.8.1's
	// RichText index out of range.
	v.list.Refresh()
}
