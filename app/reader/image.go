package reader

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	docpkg "scholia/storage/doc"
)

// ImageSource gives the reader the pictures of the open document, by the
// address an image block names (storage/doc's Block.Info). The reader asks
// for sizes when it lays the text out and for pixels only when a picture
// scrolls into view; it never goes to the network itself.
type ImageSource interface {
	// ImageSize is the picture's natural size in pixels, read without
	// decoding it; ok is false when it is not available (an address that
	// was never stored, a web address).
	ImageSize(src string) (w, h int, ok bool)
	// LoadImage decodes the picture. It is called off the Fyne goroutine.
	LoadImage(src string) (image.Image, error)
}

// SetImageSource sets where pictures come from; nil (the default) shows
// every image as its alt text in a quiet placeholder.
func (r *Reader) SetImageSource(s ImageSource) {
	r.lay.img.source = s
	r.lay.img.sizes = nil
	r.lay.img.cache.clear()
	r.rewrap()
	r.refreshView()
}

// imageLayout is the reader's picture state: which body blocks are
// images, where the last wrap put them, and the decoded pictures.
type imageLayout struct {
	source ImageSource
	blocks map[int]string // layout block index → image address
	// bare are the images without alt text, by the reading-text offset
	// they sit at (where the text before them ends): they have no line of
	// their own, so the picture is drawn in the gap before the next block.
	bare map[int][]string
	// inline are the images inside a block's text, by layout block: the
	// alt text is drawn in the line, the picture below the block.
	inline map[int][]string
	sizes  map[string]imSize // natural sizes asked for this document
	placed []placedImage     // from the last wrap, in y order
	cache  imageCache
	pics   pool[*canvas.Image]
	boxes  pool[*canvas.Rectangle]
}

type imSize struct {
	w, h int
	ok   bool
}

// placedImage is one image block after wrapping: a picture of w×h above
// its alt text (ok), or a placeholder box around the alt text.
type placedImage struct {
	block     int
	src       string
	ok        bool
	y, w, h   float32 // the picture's top and size (content coordinates)
	firstLine int     // the alt text's first line
}

// findImages notes which body blocks are image blocks, from the
// document's block list.
func (l *layout) findImages(d []docpkg.Block) {
	l.img.blocks, l.img.bare, l.img.sizes, l.img.placed = nil, nil, nil, l.img.placed[:0]
	starts := map[int]string{}
	for _, b := range d {
		switch {
		case b.Kind != docpkg.Image:
		case b.End > b.Start:
			starts[b.Start] = b.Info
		default:
			if l.img.bare == nil {
				l.img.bare = map[int][]string{}
			}
			l.img.bare[b.Start] = append(l.img.bare[b.Start], b.Info)
		}
	}
	if len(starts) == 0 {
		return
	}
	l.img.blocks = map[int]string{}
	for bi := l.firstBody; bi < len(l.blocks); bi++ {
		if src, ok := starts[l.blocks[bi].base]; ok && l.blocks[bi].fmt.image {
			l.img.blocks[bi] = src
		}
	}
}

// findInlineImages notes the images inside paragraphs (image spans that
// are not image blocks of their own), by the layout block they fall in.
// It returns the spans of the images that are blocks of their own.
func (l *layout) findInlineImages(spans []docpkg.Span, d []docpkg.Block) map[[2]int]bool {
	l.img.inline = nil
	own := map[[2]int]bool{}
	for _, b := range d {
		if b.Kind == docpkg.Image {
			own[[2]int{b.Start, b.End}] = true
		}
	}
	for _, s := range spans {
		if s.Kind != docpkg.Img || own[[2]int{s.Start, s.End}] || s.Info == "" {
			continue
		}
		bi := l.blockOf(s.Start)
		if bi < l.firstBody || bi >= len(l.blocks) {
			continue
		}
		if l.img.inline == nil {
			l.img.inline = map[int][]string{}
		}
		l.img.inline[bi] = append(l.img.inline[bi], s.Info)
	}
	return own
}

// placeBare is called by wrap before each body block (and a table's
// first cell): the pictures without alt text that sit in the gap before
// block bi take their height there; it returns the y after them.
func (l *layout) placeBare(bi int, m metrics, maxW, y float32) float32 {
	if len(l.img.bare) == 0 {
		return y
	}
	at := 0 // the offset of the gap before this block
	if bi > l.firstBody {
		at = l.blocks[bi-1].base + l.blocks[bi-1].runes
	}
	if bi == l.firstBody || at > 0 {
		y = l.placePictures(l.img.bare[at], bi, m, maxW, y)
	}
	return y
}

// placeTrailing places the pictures without alt text after the last
// block: an article ending in a bare image (or made of one) shows it.
func (l *layout) placeTrailing(m metrics, maxW, y float32) float32 {
	if len(l.img.bare) == 0 {
		return y
	}
	if last := len(l.blocks) - 1; last >= l.firstBody {
		if at := l.blocks[last].base + l.blocks[last].runes; at > 0 {
			return l.placePictures(l.img.bare[at], last, m, maxW-m.indent(&l.blocks[last]), y)
		}
		return y
	}
	return l.placePictures(l.img.bare[0], -1, m, maxW, y)
}

// placeInline places, below block bi's lines, the pictures of the images
// inside its text (their alt text stays in the line, drawn quietly).
func (l *layout) placeInline(bi int, m metrics, maxW, y float32) float32 {
	srcs := l.img.inline[bi]
	n := len(l.img.placed)
	if len(srcs) == 0 {
		return y
	}
	after := l.placePictures(srcs, bi, m, maxW, y+m.size*0.4)
	if len(l.img.placed) == n {
		return y
	}
	return after - m.paraGap
}

// placePictures places the available pictures of srcs one below the other
// from y, drawn at block bi's indent (none for -1).
func (l *layout) placePictures(srcs []string, bi int, m metrics, maxW, y float32) float32 {
	for _, src := range srcs {
		if s := l.img.size(src); s.ok {
			p := placedImage{block: bi, src: src, ok: true, y: y, firstLine: -1}
			p.w, p.h = fitImage(s.w, s.h, maxW)
			l.img.placed = append(l.img.placed, p)
			y += p.h + m.paraGap
		}
	}
	return y
}

// placeImage is called by wrap before each body block's lines: an image
// block that is available takes its picture's height above the alt text;
// it returns the y where the text goes.
func (l *layout) placeImage(bi int, m metrics, maxW, y float32) float32 {
	src, isImage := l.img.blocks[bi]
	if !isImage {
		return y
	}
	p := placedImage{block: bi, src: src, y: y, firstLine: len(l.lines)}
	if s := l.img.size(src); s.ok {
		p.ok = true
		p.w, p.h = fitImage(s.w, s.h, maxW)
		y += p.h + m.size*0.4
	}
	l.img.placed = append(l.img.placed, p)
	return y
}

// size asks the source once per address and document.
func (im *imageLayout) size(src string) imSize {
	if s, ok := im.sizes[src]; ok {
		return s
	}
	var s imSize
	if im.source != nil && src != "" {
		s.w, s.h, s.ok = im.source.ImageSize(src)
		s.ok = s.ok && s.w > 0 && s.h > 0
	}
	if im.sizes == nil {
		im.sizes = map[string]imSize{}
	}
	im.sizes[src] = s
	return s
}

// fitImage scales a w×h picture to the column: never wider than maxW,
// never larger than its natural size (one pixel per unit), aspect kept.
func fitImage(w, h int, maxW float32) (float32, float32) {
	fw, fh := float32(w), float32(h)
	if maxW > 0 && fw > maxW {
		fh = fh * maxW / fw
		fw = maxW
	}
	return fw, max(fh, 1)
}

// drawImages places the pictures and placeholder boxes that are in view,
// and starts loading the pictures not decoded yet.
func (r *renderer) drawImages(top float32) []fyne.CanvasObject {
	w := r.w
	im := &w.lay.img
	im.pics.used, im.boxes.used = 0, 0
	if len(im.placed) == 0 {
		return nil
	}
	m := w.metrics()
	cx, cw := w.column()
	bg := w.themeColor(theme.ColorNameBackground)
	tint := mix(bg, w.themeColor(theme.ColorNameForeground), 0.05)
	edge := mix(bg, w.themeColor(theme.ColorNameForeground), 0.18)
	viewTop, viewBottom := w.offY-m.lineH, w.offY+w.viewHeight()+m.lineH
	var objs []fyne.CanvasObject
	for i := range im.placed {
		p := &im.placed[i]
		x0 := cx
		if p.block >= 0 {
			x0 += m.indent(&w.lay.blocks[p.block])
		}
		avail := cx + cw - x0
		if p.ok {
			if p.y > viewBottom || p.y+p.h < viewTop {
				continue
			}
			pos := fyne.NewPos(x0+max(avail-p.w, 0)/2, p.y-w.offY+top)
			if pic := im.cache.get(p.src); pic != nil {
				ci := im.pics.next(newPicture)
				if ci.Image != pic {
					ci.Image = pic
					ci.Refresh()
				}
				ci.Move(pos)
				ci.Resize(fyne.NewSize(p.w, p.h))
				objs = append(objs, ci)
				continue
			}
			// Not decoded yet, or undecodable: a quiet box of its size.
			objs = append(objs, r.placeholder(tint, edge, pos, fyne.NewSize(p.w, p.h)))
			im.cache.request(p.src, im.source, w.refreshView)
			continue
		}
		// Not available: a box around the alt text.
		b := &w.lay.blocks[p.block]
		last := p.firstLine
		for last+1 < len(w.lay.lines) && w.lay.lines[last+1].block == int32(p.block) {
			last++
		}
		if p.firstLine >= len(w.lay.lines) {
			continue
		}
		y0 := w.lay.lines[p.firstLine].y
		y1 := w.lay.lines[last].y + m.blockLineH(b)
		if y0 > viewBottom || y1 < viewTop {
			continue
		}
		pad := m.size * 0.4
		objs = append(objs, r.placeholder(tint, edge, fyne.NewPos(x0-pad, y0-w.offY+top-pad/2), fyne.NewSize(avail+pad, y1-y0+pad)))
	}
	return objs
}

func (r *renderer) placeholder(fill, edge color.Color, pos fyne.Position, size fyne.Size) fyne.CanvasObject {
	box := r.w.lay.img.boxes.next(func() *canvas.Rectangle {
		b := canvas.NewRectangle(fill)
		b.StrokeWidth, b.CornerRadius = 1, 4
		return b
	})
	if box.FillColor != fill || box.StrokeColor != edge {
		box.FillColor, box.StrokeColor = fill, edge
		box.Refresh()
	}
	box.Move(pos)
	box.Resize(size)
	return box
}

func newPicture() *canvas.Image {
	ci := canvas.NewImageFromImage(nil)
	ci.FillMode = canvas.ImageFillContain
	ci.ScaleMode = canvas.ImageScaleSmooth
	return ci
}
