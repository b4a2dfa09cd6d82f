// Package reader provides the reading pane: a custom Fyne widget that wraps a
// long article itself, draws only the visible lines, and lets the user select
// text and see highlights. It knows text and code point ranges only; saving,
// undo and preferences belong to its owner, which it informs through callbacks.
package reader

import (
	"image/color"
	"net/url"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/storage/doc"
)

// Document is what the reader shows: a title, an already formatted metadata
// line, an optional link and a plain-text body whose paragraphs are separated
// by blank lines.
type Document struct {
	Title string
	Meta  string // e.g. "Reuters · Jane Doe · 10 Jan 2022"
	URL   string
	Body  string
	// Blocks is the body's structure (storage/doc): headings, lists, quotes and
	// code are drawn from it. Without it every line is a plain paragraph.
	Blocks []doc.Block
	// Spans are the body's inline marks: links are underlined, inline code
	// set on a tint.
	Spans []doc.Span
	// Pages are a PDF paper's page starts (body offsets): numbers in the margin (pages.go).
	Pages []int
}

// Highlight is a coloured range of the body in Unicode code point offsets
// (End exclusive). A nil Color draws the first palette colour.
type Highlight struct {
	ID         int64
	Start, End int
	Color      color.Color
}

// Text size limits and defaults; sizes are in Fyne units.
const (
	MinTextSize = 10
	MaxTextSize = 32
	// DefaultReadingWidth is the column width at the theme's default text size;
	// it scales with the text size so line length in words stays the same.
	DefaultReadingWidth = 680
)

// DefaultColors are the five highlight colours used until SetColors is called:
// yellow, green, blue, pink and purple.
var DefaultColors = []color.Color{
	color.NRGBA{R: 0xf5, G: 0xc5, B: 0x18, A: 0xff},
	color.NRGBA{R: 0x4c, G: 0xbb, B: 0x5e, A: 0xff},
	color.NRGBA{R: 0x3d, G: 0x8b, B: 0xfd, A: 0xff},
	color.NRGBA{R: 0xf0, G: 0x62, B: 0x92, A: 0xff},
	color.NRGBA{R: 0x9b, G: 0x5d, B: 0xe5, A: 0xff},
}

// Reader is the reading pane widget. Create it with NewReader; all methods
// must be called on the Fyne goroutine (use fyne.Do from elsewhere). It
// scrolls itself: place it directly in a split or border, not in a
// container.Scroll. Size the window before showing it, so the first wrap
// happens at the real width.
type Reader struct {
	widget.BaseWidget

	// OnHighlight reports that the user asked to highlight [start,end) with
	// palette index color (0–4), or -1 for "the default colour" (Ctrl+H).
	OnHighlight func(start, end int, color int)
	// OnHighlightTapped reports a click inside highlight id, or 0 when a
	// click on plain text cleared the selected highlight.
	OnHighlightTapped func(id int64)
	// OnDeleteHighlight reports Delete/Backspace while highlight id is selected.
	OnDeleteHighlight func(id int64)
	// OnUndo and OnRedo report Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y.
	OnUndo, OnRedo func()
	// OnSelectionChanged reports every selection change made by the user.
	OnSelectionChanged func(start, end int)
	// OnFontSizeChanged reports a text size chosen with Ctrl+plus/minus/0.
	OnFontSizeChanged func(size float32)
	// OnContextMenu reports a right-click: the body offset under the
	// pointer (-1 off the body text) and where, in canvas coordinates.
	OnContextMenu func(offset int, at fyne.Position)
	// OnScrolled reports that the view moved (for a progress indicator).
	OnScrolled func()
	// OnRune reports a typed character the reader has no use for (it keeps
	// 1–5), e.g. C to make a cloze card of the selection.
	OnRune func(c rune)
	// DefaultTextSize is the size Ctrl+0 returns to; 0 means the theme's.
	DefaultTextSize float32
	// OpenURL opens a link the user clicked (http, https and mailto only);
	// nil means the app's OpenURL, the system browser.
	OpenURL func(*url.URL) error

	doc        Document
	nRunes     int
	textSize   float32 // 0 means the theme's text size
	readWidth  float32
	colors     []color.Color
	highlights []Highlight // sorted by Start
	selectedHL int64

	lay    layout
	widths widthCache
	offY   float32 // vertical scroll offset in content coordinates
	// pendingScroll is 1 + an offset to scroll to once laid out, or 0.
	pendingScroll int
	// pendingTop is 1 + an offset to show at the top once laid out, or 0.
	pendingTop int
	// caretMode is caret browsing (F7): a visible caret the arrows move,
	// Shift+arrows select from, as in a browser.
	caretMode bool

	anchor, caret int // selection is [min,max) of the two

	find findState

	// pointer state
	pressed    bool // a MouseDown was seen and not yet consumed by Tapped/DragEnd
	pressPos   fyne.Position
	lastPress  time.Time
	clicks     int
	unit       selectUnit
	unitS      int
	unitE      int
	shiftDown  bool
	pressShift bool
	dragging   bool
	dragMode   dragMode
	dragGrab   float32
	dragPos    fyne.Position
	autoStop   chan struct{}
	hoverPos   fyne.Position
	hoverLink  string // the body link under the pointer, shown at the bottom
	// pressHadSel and pressCtrl are the last press's state: a click opens
	// a link only when nothing was selected before it, or with Ctrl.
	pressHadSel bool
	pressCtrl   bool
	focused     bool
	flashID     int64
	flashLevel  float32
	flashAnim   *fyne.Animation
	rend        *renderer
	probeW      float32 // width of probeText when the widths were cached
}

// NewReader returns an empty reader.
func NewReader() *Reader {
	r := &Reader{readWidth: DefaultReadingWidth, colors: DefaultColors}
	r.ExtendBaseWidget(r)
	return r
}

// SetDocument shows doc from its top, clearing the selection, the find state
// and the highlights (set the new document's highlights afterwards).
func (r *Reader) SetDocument(doc Document) {
	r.doc = doc
	r.lay.build(doc)
	r.nRunes = r.lay.nRunes
	r.highlights = nil
	r.selectedHL = 0
	r.anchor, r.caret = 0, 0
	r.offY = 0
	r.pendingScroll = 0
	r.pendingTop = 0
	r.find.reset()
	r.rewrap()
	r.refreshView()
	r.scrolled()
}

// Document returns the document shown.
func (r *Reader) Document() Document { return r.doc }

// SetHighlights replaces the highlights drawn over the body.
func (r *Reader) SetHighlights(hs []Highlight) {
	r.highlights = append(r.highlights[:0:0], hs...)
	sort.SliceStable(r.highlights, func(i, j int) bool { return r.highlights[i].Start < r.highlights[j].Start })
	if r.selectedHL != 0 && r.highlightByID(r.selectedHL) == nil {
		r.selectedHL = 0
	}
	r.refreshView()
}

// SelectHighlight marks highlight id as selected (0 for none) without
// reporting it; Delete then reports OnDeleteHighlight(id).
func (r *Reader) SelectHighlight(id int64) {
	r.selectedHL = id
	r.refreshView()
}

// SelectedHighlight returns the selected highlight's ID, or 0.
func (r *Reader) SelectedHighlight() int64 { return r.selectedHL }

// SetColors sets the five palette colours used by the colour keys, the
// floating toolbar and highlights without a colour of their own.
func (r *Reader) SetColors(cs []color.Color) {
	if len(cs) == 0 {
		cs = DefaultColors
	}
	r.colors = append([]color.Color(nil), cs...)
	if r.rend != nil {
		r.rend.bar.setColors(r.colors)
	}
	r.refreshView()
}

// SetTextSize sets the body text size (clamped to 10–32) and re-wraps,
// keeping the first visible line in view. It does not call OnFontSizeChanged.
func (r *Reader) SetTextSize(size float32) {
	r.textSize = clampSize(size)
	r.rewrapKeepingPlace()
}

// TextSize returns the body text size in use.
func (r *Reader) TextSize() float32 {
	if r.textSize > 0 {
		return r.textSize
	}
	return r.themeTextSize()
}

// SetReadingWidth sets the maximum column width in pixels at the theme's
// default text size (it scales with the text size).
func (r *Reader) SetReadingWidth(px float32) {
	if px < 200 {
		px = 200
	}
	r.readWidth = px
	r.rewrapKeepingPlace()
}

// Selection returns the selected range in code point offsets (start<=end).
func (r *Reader) Selection() (start, end int) {
	if r.anchor <= r.caret {
		return r.anchor, r.caret
	}
	return r.caret, r.anchor
}

// SetSelection selects [start,end) without calling OnSelectionChanged.
func (r *Reader) SetSelection(start, end int) {
	r.anchor, r.caret = r.clampOff(start), r.clampOff(end)
	r.refreshView()
}

// Text returns the body text between two code point offsets.
func (r *Reader) Text(start, end int) string {
	start, end = r.clampOff(start), r.clampOff(end)
	if end <= start {
		return ""
	}
	return r.doc.Body[r.lay.runeToByte(start):r.lay.runeToByte(end)]
}

// ScrollToOffset scrolls so that the code point offset sits about a third
// of the way down the pane.
func (r *Reader) ScrollToOffset(offset int) {
	li := r.lay.lineOf(r.clampOff(offset))
	if li < 0 {
		// Not laid out yet (no size): scroll once the first wrap happens.
		r.pendingScroll = offset + 1
		return
	}
	r.pendingScroll = 0
	r.setScroll(r.lay.lines[li].y - r.viewHeight()/3)
}

// Focus gives the reader keyboard focus.
func (r *Reader) Focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r)
	}
}

// MinSize is small: the pane is meant to be stretched by its container.
func (r *Reader) MinSize() fyne.Size {
	r.ExtendBaseWidget(r)
	return fyne.NewSize(120, 120)
}

// CreateRenderer is part of fyne.Widget.
func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	r.ExtendBaseWidget(r)
	r.rend = newRenderer(r)
	return r.rend
}

func (r *Reader) clampOff(o int) int {
	return max(0, min(o, r.nRunes))
}

func (r *Reader) highlightByID(id int64) *Highlight {
	for i := range r.highlights {
		if r.highlights[i].ID == id {
			return &r.highlights[i]
		}
	}
	return nil
}

func (r *Reader) themeTextSize() float32 {
	return r.Theme().Size(theme.SizeNameText)
}

func (r *Reader) themeColor(n fyne.ThemeColorName) color.Color {
	return r.Theme().Color(n, fyne.CurrentApp().Settings().ThemeVariant())
}

func clampSize(s float32) float32 {
	return max(MinTextSize, min(s, MaxTextSize))
}

// refreshView redraws the visible part if the widget has been rendered.
func (r *Reader) refreshView() {
	if r.rend != nil {
		r.rend.update()
	}
}

// FlashHighlight scrolls highlight id into view and pulses it briefly, so
// the eye finds it after a jump from the notes panel.
func (r *Reader) FlashHighlight(id int64) {
	h := r.highlightByID(id)
	if h == nil {
		return
	}
	r.ScrollToOffset(h.Start)
	if r.flashAnim != nil {
		r.flashAnim.Stop()
	}
	r.flashID = id
	r.flashAnim = fyne.NewAnimation(900*time.Millisecond, func(f float32) {
		// Two pulses that fade out by the end.
		p := f * 2
		if p > 1 {
			p -= 1
		}
		r.flashLevel = (1 - f) * (1 - abs32(2*p-1))
		if f >= 1 {
			r.flashLevel = 0
		}
		r.refreshView()
	})
	r.flashAnim.Start()
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}
