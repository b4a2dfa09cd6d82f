package app

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"scholia/app/anchor"
	"scholia/app/reader"
	"scholia/storage"
	"scholia/storage/doc"
)

// defaultTextSize is the reading text size until the user changes it: a
// little larger than the interface text, as reading apps use.
const defaultTextSize = 16

// readingPane is the centre pane: the reader widget showing the open article,
// and the highlight actions it reports, saved at once and undoable.
type readingPane struct {
	ws     *workspace
	view   *reader.Reader
	undo   map[int64]*history // per article, kept for the whole run
	shown  []storage.Highlight
	loaded int64
	// progress is the thin line showing how far through the article the
	// view is.
	progress *canvas.Rectangle
}

func newReadingPane(ws *workspace) *readingPane {
	return &readingPane{ws: ws, undo: map[int64]*history{}}
}

func (p *readingPane) buildUI() fyne.CanvasObject {
	p.view = reader.NewReader()
	p.view.DefaultTextSize = defaultTextSize
	p.view.SetTextSize(float32(p.ws.app.Preferences().FloatWithFallback(prefTextSize, defaultTextSize)))
	p.view.SetColors(p.ws.paletteColors())
	p.view.SetImageSource(libraryImages{ctx: p.ws.ctx, store: p.ws.store})
	p.view.SetReadingWidth(float32(p.ws.app.Preferences().FloatWithFallback(prefReadingWidth, reader.DefaultReadingWidth)))
	p.view.OnHighlight = p.onHighlight
	p.view.OnHighlightTapped = func(id int64) { p.ws.notes.focusHighlight(id) }
	p.view.OnDeleteHighlight = p.onDelete
	p.view.OnContextMenu = p.ws.showParagraphMenu
	p.view.OnRune = p.ws.readerRune
	p.view.OnUndo = func() { p.history().undo(p) }
	p.view.OnRedo = func() { p.history().redo(p) }
	p.view.OnFontSizeChanged = func(size float32) {
		p.ws.app.Preferences().SetFloat(prefTextSize, float64(size))
	}
	return p.withProgress()
}

func (p *readingPane) show(a storage.Article, hs []storage.Highlight) {
	var meta []string
	for _, s := range []string{a.Source, a.Author, a.Published} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	// The stored block list draws the structure; one that cannot be read
	// (it never should) leaves the text shown as plain paragraphs.
	d, _ := doc.Decode(a.Blocks, a.Body)
	p.view.SetDocument(reader.Document{Title: a.Title, Meta: strings.Join(meta, " · "), URL: a.URL, Body: a.Body, Blocks: d.Blocks, Spans: d.Spans, Pages: a.Pages})
	p.loaded = a.ID
	p.setHighlights(hs)
}

func (p *readingPane) setHighlights(hs []storage.Highlight) {
	p.shown = hs
	out := make([]reader.Highlight, 0, len(hs))
	for _, h := range hs {
		if h.Orphaned {
			continue
		}
		out = append(out, reader.Highlight{ID: h.ID, Start: h.Start, End: h.End, Color: hexColor(p.ws.colorByKey(h.Color).Hex)})
	}
	p.view.SetHighlights(out)
}

func (p *readingPane) history() *history {
	h := p.undo[p.loaded]
	if h == nil {
		h = &history{}
		p.undo[p.loaded] = h
	}
	return h
}

// onHighlight saves a new highlight for the selection [start,end).
func (p *readingPane) onHighlight(start, end, colorIndex int) {
	a := p.ws.current
	if a == nil || end <= start || p.ws.refuseWrite() {
		return
	}
	if colorIndex < 0 || colorIndex >= len(p.ws.colors) {
		colorIndex = p.ws.defaultColor()
	}
	// A drag that starts in the gap between paragraphs should not make the
	// quote start with blank lines.
	start, end = trimRange(a.Body, start, end)
	if end <= start {
		return
	}
	sel, err := anchor.Describe(a.Body, start, end)
	if err != nil {
		p.ws.showError(err)
		return
	}
	h := storage.Highlight{ArticleID: a.ID, Start: sel.Start, End: sel.End, Quote: sel.Exact,
		Prefix: sel.Prefix, Suffix: sel.Suffix, Color: p.ws.colors[colorIndex].Key}
	if err := p.ws.store.CreateHighlight(p.ws.ctx, &h); err != nil {
		p.ws.showError(err)
		return
	}
	p.history().push(action{kind: actCreate, h: h})
	p.ws.highlightsChanged(a.ID)
	p.view.SelectHighlight(h.ID)
	p.ws.notes.focusHighlight(h.ID)
}

func (p *readingPane) onDelete(id int64) {
	if p.ws.refuseWrite() {
		return
	}
	h, err := p.ws.store.Highlight(p.ws.ctx, id)
	if err != nil {
		p.ws.showError(err)
		return
	}
	if err := p.ws.store.DeleteHighlight(p.ws.ctx, id); err != nil {
		p.ws.showError(err)
		return
	}
	p.history().push(action{kind: actDelete, h: h})
	p.ws.highlightsChanged(h.ArticleID)
}

// recolor changes a highlight's colour (undoable).
func (p *readingPane) recolor(id int64, key string) {
	h, err := p.ws.store.Highlight(p.ws.ctx, id)
	if err != nil || h.Color == key || p.ws.refuseWrite() {
		return
	}
	if err := p.ws.store.SetHighlightColor(p.ws.ctx, id, key); err != nil {
		p.ws.showError(err)
		return
	}
	p.history().push(action{kind: actRecolor, h: h, color: key})
	p.ws.highlightsChanged(h.ArticleID)
}

// hexColor parses "#rrggbb"; anything else is a neutral yellow.
func hexColor(s string) color.Color {
	var c color.NRGBA
	c.A = 0xff
	if len(s) == 7 && s[0] == '#' {
		v := func(i int) uint8 {
			var n uint8
			for _, ch := range s[i : i+2] {
				n <<= 4
				switch {
				case ch >= '0' && ch <= '9':
					n |= uint8(ch - '0')
				case ch >= 'a' && ch <= 'f':
					n |= uint8(ch - 'a' + 10)
				case ch >= 'A' && ch <= 'F':
					n |= uint8(ch - 'A' + 10)
				}
			}
			return n
		}
		c.R, c.G, c.B = v(1), v(3), v(5)
		return c
	}
	return color.NRGBA{R: 0xf9, G: 0xd8, B: 0x4a, A: 0xff}
}

// clear shows no article.
func (p *readingPane) clear() {
	p.view.SetDocument(reader.Document{})
	p.loaded = 0
	p.shown = nil
}

// zoom changes the reading text size by step points; 0 resets it.
func (p *readingPane) zoom(step int) {
	size := p.view.TextSize() + float32(step)
	if step == 0 {
		size = defaultTextSize
	}
	p.setTextSize(size)
}

func (p *readingPane) setTextSize(size float32) {
	size = min(max(size, reader.MinTextSize), reader.MaxTextSize)
	p.view.SetTextSize(size)
	p.ws.app.Preferences().SetFloat(prefTextSize, float64(size))
}

func (p *readingPane) setReadingWidth(px float32) {
	p.view.SetReadingWidth(px)
	p.ws.app.Preferences().SetFloat(prefReadingWidth, float64(px))
}

// reveal scrolls to a highlight, selects and flashes it.
func (p *readingPane) reveal(id int64) {
	p.view.SelectHighlight(id)
	p.view.FlashHighlight(id)
}

func (p *readingPane) focus() { p.view.Focus() }

// trimRange shrinks the code point range [start,end) of body so it neither
// starts nor ends with white space.
func trimRange(body string, start, end int) (int, int) {
	rs := []rune(body)
	end = min(end, len(rs))
	for start < end && unicode.IsSpace(rs[start]) {
		start++
	}
	for end > start && unicode.IsSpace(rs[end-1]) {
		end--
	}
	return start, end
}
