package reader

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"scholia/storage/doc"
)

// renderer draws only the visible lines. Its canvas objects are pooled and
// reused as the view scrolls, so a long article costs no more to draw than a
// short one.
type renderer struct {
	w         *Reader
	decor     pool[*canvas.Rectangle] // code backgrounds and quote bars, under everything
	backs     pool[*canvas.Rectangle] // highlight, find and selection backgrounds
	texts     pool[*canvas.Text]
	marks     pool[*canvas.Rectangle] // underlines of the selected highlight
	pageTexts pool[*canvas.Text]      // page numbers in the margin (pages.go)
	thumb     *canvas.Rectangle
	caret     *canvas.Rectangle // caret browsing's caret
	bar       *swatchBar
	findBar   *findBar
	objects   []fyne.CanvasObject
	// the hovered link's address, made on first hover (links.go)
	statusBg   *canvas.Rectangle
	statusText *canvas.Text
}

// pool hands out recycled objects; used counts those in use this frame.
type pool[T fyne.CanvasObject] struct {
	items []T
	used  int
}

func (p *pool[T]) next(create func() T) T {
	if p.used == len(p.items) {
		p.items = append(p.items, create())
	}
	p.used++
	return p.items[p.used-1]
}

func newRenderer(w *Reader) *renderer {
	r := &renderer{w: w, thumb: canvas.NewRectangle(color.Transparent)}
	r.thumb.CornerRadius = 3
	r.caret = canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	r.caret.Hide()
	r.bar = newSwatchBar(w.colors, w.highlightFromBar)
	r.bar.Hide()
	r.findBar = newFindBar(w)
	r.findBar.Hide()
	return r
}

func (r *renderer) Destroy() { r.w.stopAutoScroll() }

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) MinSize() fyne.Size { return r.w.MinSize() }

func (r *renderer) Layout(size fyne.Size) {
	w := r.w
	_, cw := w.column()
	if cw != w.lay.wrapW || w.lay.size != w.TextSize() {
		w.rewrapKeepingPlace()
		return
	}
	r.update()
}

// Refresh re-reads the theme: colours always, sizes and fonts by re-wrapping.
func (r *renderer) Refresh() {
	w := r.w
	// A theme may change the font without changing the size: a probe
	// string's width tells, and then every cached word width is stale.
	if probe := measure(probeText, style{size: w.TextSize()}); probe != w.probeW || w.lay.size != w.TextSize() {
		w.probeW = probe
		w.widths.reset()
		w.rewrap()
	}
	for _, t := range r.texts.items {
		t.Refresh()
	}
	r.bar.setColors(w.colors)
	r.findBar.bg.FillColor = w.themeColor(theme.ColorNameOverlayBackground)
	r.findBar.Refresh()
	r.update()
}

// update positions the pooled objects for the current scroll position,
// selection, highlights and find matches.
func (r *renderer) update() {
	w := r.w
	size := w.Size()
	r.decor.used, r.backs.used, r.texts.used, r.marks.used, r.pageTexts.used = 0, 0, 0, 0, 0
	var pictures []fyne.CanvasObject
	if len(w.lay.lines) > 0 {
		top := w.topInset()
		pictures = r.drawImages(top)
		first := w.lineAtY(w.offY - w.metrics().lineH)
		last := w.lineAtY(w.offY + w.viewHeight())
		first = w.lay.rowStart(first)
		r.drawTables(top)
		r.drawDecor(first, last, top)
		r.drawBackgrounds(first, last, top)
		r.drawTexts(first, last, top)
		r.drawPages(first, last, top)
	}
	r.placeScrollbar(size)
	r.placeCaret()
	r.placeBar(size)
	if w.find.open {
		r.findBar.Move(fyne.NewPos(0, 0))
		r.findBar.Resize(fyne.NewSize(size.Width, r.findBar.MinSize().Height))
	}

	r.objects = r.objects[:0]
	for _, o := range r.decor.items[:r.decor.used] {
		r.objects = append(r.objects, o)
	}
	r.objects = append(r.objects, pictures...) // image.go
	for _, o := range r.backs.items[:r.backs.used] {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.texts.items[:r.texts.used] {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.marks.items[:r.marks.used] {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.pageTexts.items[:r.pageTexts.used] {
		r.objects = append(r.objects, o)
	}
	r.objects = append(r.objects, r.caret, r.thumb, r.bar, r.findBar.Container)
	r.placeStatus(size)
	// One refresh marks the canvas dirty without freeing every text texture.
	r.thumb.Refresh()
}

// text places one pooled text object.
func (r *renderer) text(s string, col color.Color, st style, pos fyne.Position, width float32) {
	t := r.texts.next(func() *canvas.Text { return canvas.NewText("", col) })
	ts := st.textStyle()
	if t.Text != s || t.Color != col || t.TextSize != st.size || t.TextStyle != ts {
		t.Text, t.Color, t.TextSize, t.TextStyle = s, col, st.size, ts
		t.Refresh()
	}
	t.Move(pos)
	t.Resize(fyne.NewSize(width, st.size*1.3))
}

// drawDecor draws what structure adds around the text of visible lines: a
// tinted box behind code and a bar left of each quote level.
func (r *renderer) drawDecor(first, last int, top float32) {
	w := r.w
	m := w.metrics()
	cx, cw := w.column()
	// Solid mixes, not translucent ones: boxes of adjacent lines meet
	// without a seam where they overlap.
	bg := w.themeColor(theme.ColorNameBackground)
	tint := mix(bg, w.themeColor(theme.ColorNameForeground), 0.07)
	bar := mix(bg, w.themeColor(theme.ColorNameForeground), 0.3)
	for li := max(first, w.lay.bodyLine); li <= last; li++ {
		l := &w.lay.lines[li]
		b := &w.lay.blocks[l.block]
		if (!b.fmt.code && b.fmt.quote == 0) || b.fmt.table > 0 {
			continue
		}
		y := l.y - w.offY + top
		h := m.blockLineH(b)
		// Run on to the next line, through the gap, while the box or the
		// bar goes on there.
		toNext, nextQuote := h, 0
		if li+1 < len(w.lay.lines) {
			toNext = w.lay.lines[li+1].y - l.y
			nextQuote = w.lay.blocks[w.lay.lines[li+1].block].fmt.quote
		}
		if b.fmt.code {
			ch := h
			if li+1 < len(w.lay.lines) && (w.lay.lines[li+1].block == l.block || b.fmt.tight) {
				ch = toNext
			}
			x := cx + m.indent(b) - m.size*0.6
			r.rect(tint, fyne.NewPos(x, y), fyne.NewSize(cx+cw-x, ch))
		}
		for q := range b.fmt.quote {
			bh := h
			if nextQuote > q {
				bh = toNext
			}
			r.rect(bar, fyne.NewPos(cx+float32(q)*m.size*1.2+m.size*0.2, y), fyne.NewSize(3, bh))
		}
	}
}

func (r *renderer) rect(c color.Color, pos fyne.Position, size fyne.Size) {
	rect := r.decor.next(newRect)
	if rect.FillColor != c {
		rect.FillColor = c
		rect.Refresh()
	}
	rect.Move(pos)
	rect.Resize(size)
}

// drawBackgrounds draws, in this order, highlights, find matches and the
// selection, so the selection stays visible over everything else.
func (r *renderer) drawBackgrounds(first, last int, top float32) {
	w := r.w
	if last < w.lay.bodyLine {
		return
	}
	first = max(first, w.lay.bodyLine)
	visS, visE := int(w.lay.lines[first].rStart), int(w.lay.lines[last].rEnd)
	spans := w.lay.visibleInline(visS, visE)
	tint := mix(w.themeColor(theme.ColorNameBackground), w.themeColor(theme.ColorNameForeground), 0.08)
	for _, s := range spans {
		if s.Kind == doc.InlineCode || s.Kind == doc.Img {
			r.drawRange(s.Start, s.End, first, last, top, tint, false)
		}
	}
	for i := range w.highlights {
		h := &w.highlights[i]
		if h.Start >= visE || h.End <= visS || h.End <= h.Start {
			continue
		}
		c := w.highlightColor(h)
		alpha := uint8(0x66)
		if h.ID == w.selectedHL {
			alpha = 0xa0
		}
		if h.ID == w.flashID && w.flashLevel > 0 {
			alpha = uint8(float32(alpha) + (0xf0-float32(alpha))*w.flashLevel)
		}
		r.drawRange(h.Start, h.End, first, last, top, withAlpha(c, alpha), false)
		if h.ID == w.selectedHL {
			r.drawRange(h.Start, h.End, first, last, top, withAlpha(c, 0xff), true)
		}
	}
	for i, mt := range w.find.visible(visS, visE) {
		a := uint8(0x70)
		if i+w.find.firstVisible == w.find.cur {
			a = 0xe0
		}
		r.drawRange(mt.start, mt.end, first, last, top, color.NRGBA{R: 0xff, G: 0x8c, B: 0x00, A: a}, false)
	}
	if s, e := w.Selection(); s < e {
		r.drawRange(s, e, first, last, top, w.themeColor(theme.ColorNameSelection), false)
	}
	link := w.themeColor(theme.ColorNameHyperlink)
	for _, s := range spans {
		if s.Kind == doc.Link {
			r.drawRange(s.Start, s.End, first, last, top, link, true)
		}
	}
}

// drawRange covers [s,e) on the visible lines, as backgrounds or, when
// underline is set, as a bar under the text.
func (r *renderer) drawRange(s, e, first, last int, top float32, c color.Color, underline bool) {
	w := r.w
	m := w.metrics()
	li := max(w.lay.lineOf(s), first)
	for ; li <= last; li++ {
		l := &w.lay.lines[li]
		if int(l.rStart) >= e {
			break
		}
		a, b := max(s, int(l.rStart)), min(e, int(l.rEnd))
		if a >= b && e <= int(l.rEnd) {
			continue
		}
		x1 := w.xAt(li, a)
		x2 := w.xAt(li, b)
		if e > int(l.rEnd) {
			// The range goes on: reach the end of the line, and past the
			// end of a paragraph, so the break itself looks selected.
			if l.rtl {
				x2 -= m.size * 0.3
			} else {
				x2 += m.size * 0.3
			}
		}
		if x2 < x1 {
			x1, x2 = x2, x1
		}
		y := l.y - w.offY + top
		lh := w.lineH(li)
		var rect *canvas.Rectangle
		if underline {
			rect = r.marks.next(newRect)
			y += lh - 2
		} else {
			rect = r.backs.next(newRect)
		}
		if rect.FillColor != c {
			rect.FillColor = c
			rect.Refresh()
		}
		rect.Move(fyne.NewPos(w.lineX(li)+x1, y))
		h := lh
		if underline {
			h = 2
		}
		rect.Resize(fyne.NewSize(max(x2-x1, 1), h))
	}
}

func (r *renderer) placeScrollbar(size fyne.Size) {
	w := r.w
	viewH := w.viewHeight()
	if w.lay.height <= viewH || len(w.lay.lines) == 0 {
		r.thumb.Hide()
		return
	}
	y, h := w.thumbGeometry()
	c := w.themeColor(theme.ColorNameScrollBar)
	if r.thumb.FillColor != c {
		r.thumb.FillColor = c
	}
	r.thumb.Show()
	r.thumb.Move(fyne.NewPos(size.Width-9, y))
	r.thumb.Resize(fyne.NewSize(6, h))
}

// thumbGeometry returns the scrollbar thumb's top and height in widget space.
func (w *Reader) thumbGeometry() (y, h float32) {
	viewH := w.viewHeight()
	h = max(viewH*viewH/w.lay.height, 24)
	travel := viewH - h
	frac := float32(0)
	if ms := w.maxScroll(); ms > 0 {
		frac = w.offY / ms
	}
	return w.topInset() + travel*frac, h
}

// placeBar shows the colour toolbar under the end of a non-empty selection.
func (r *renderer) placeBar(size fyne.Size) {
	w := r.w
	s, e := w.Selection()
	if s == e || w.dragging || len(w.lay.lines) == 0 {
		r.bar.Hide()
		return
	}
	end := w.caret
	li := w.lay.lineOf(end)
	if li < 0 {
		r.bar.Hide()
		return
	}
	p := w.PositionOf(end)
	m := w.metrics()
	bs := r.bar.MinSize()
	y := p.Y + m.lineH/2 + 4
	if y+bs.Height > size.Height {
		y = p.Y - m.lineH/2 - bs.Height - 4
	}
	if y < w.topInset() || y+bs.Height > size.Height {
		r.bar.Hide()
		return
	}
	x := max(0, min(p.X-bs.Width/2, size.Width-bs.Width-scrollZone))
	r.bar.Move(fyne.NewPos(x, y))
	r.bar.Resize(bs)
	r.bar.Show()
}

func (w *Reader) highlightColor(h *Highlight) color.Color {
	if h.Color != nil {
		return h.Color
	}
	return w.colors[0]
}

// withAlpha keeps a colour's hue but sets its opacity, so overlapping
// highlights blend and text stays readable in light and dark themes.
func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

const probeText = "The quick brown fox, 0123 — ÀÉ"

func newRect() *canvas.Rectangle { return canvas.NewRectangle(color.Transparent) }

// mix is a solid colour a fraction f of the way from a to b.
func mix(a, b color.Color, f float32) color.Color {
	x := color.NRGBAModel.Convert(a).(color.NRGBA)
	y := color.NRGBAModel.Convert(b).(color.NRGBA)
	m := func(p, q uint8) uint8 { return uint8(float32(p) + (float32(q)-float32(p))*f) }
	return color.NRGBA{R: m(x.R, y.R), G: m(x.G, y.G), B: m(x.B, y.B), A: 0xff}
}
