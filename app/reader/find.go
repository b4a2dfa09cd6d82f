package reader

import (
	"fmt"
	"sort"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// span is a body range in code points.
type span struct{ start, end int }

// findState holds the matches of the find bar's query.
type findState struct {
	open         bool
	query        string
	matches      []span
	cur          int
	firstVisible int
}

func (f *findState) reset() {
	f.query, f.matches, f.cur = "", nil, -1
}

// visible returns the matches overlapping [s,e) and records the index of
// the first so the current match can be told apart.
func (f *findState) visible(s, e int) []span {
	i := sort.Search(len(f.matches), func(i int) bool { return f.matches[i].end > s })
	j := i
	for j < len(f.matches) && f.matches[j].start < e {
		j++
	}
	f.firstVisible = i
	return f.matches[i:j]
}

// Find searches the body for query, ignoring case, draws every match, makes
// the first match at or after the top of the view current and scrolls it into
// view. It returns the number of matches.
func (r *Reader) Find(query string) int {
	r.find.query = query
	r.find.matches = r.search(query)
	r.find.cur = -1
	if len(r.find.matches) > 0 {
		from := 0
		if li := r.lineAtY(r.offY); li >= r.lay.bodyLine && li >= 0 {
			from = int(r.lay.lines[li].rStart)
		}
		r.find.cur = sort.Search(len(r.find.matches), func(i int) bool { return r.find.matches[i].start >= from })
		if r.find.cur == len(r.find.matches) {
			r.find.cur = 0
		}
		r.revealMatch()
	}
	r.updateFindLabel()
	r.refreshView()
	return len(r.find.matches)
}

// FindNext makes the next match current (wrapping round) and returns its
// index, or -1 without matches.
func (r *Reader) FindNext() int { return r.stepMatch(1) }

// FindPrev makes the previous match current and returns its index.
func (r *Reader) FindPrev() int { return r.stepMatch(-1) }

// FindMatch returns the current match's range, or ok=false.
func (r *Reader) FindMatch() (start, end int, ok bool) {
	if r.find.cur < 0 || r.find.cur >= len(r.find.matches) {
		return 0, 0, false
	}
	m := r.find.matches[r.find.cur]
	return m.start, m.end, true
}

// ShowFind opens the find bar and focuses its field.
func (r *Reader) ShowFind() {
	if r.rend == nil {
		return
	}
	r.find.open = true
	r.rend.findBar.Show()
	r.refreshView()
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r.rend.findBar.entry)
	}
}

// HideFind closes the find bar, clears the matches and focuses the text.
func (r *Reader) HideFind() {
	if r.rend == nil || !r.find.open {
		return
	}
	// The current match stays selected, as browsers leave it: the keys
	// 1–5 (or Ctrl+H, Ctrl+C) then act on it, so a found phrase is
	// highlighted without the mouse.
	if m, e, ok := r.FindMatch(); ok {
		r.setSelection(m, e)
	}
	r.find.open = false
	r.find.reset()
	r.rend.findBar.Hide()
	r.refreshView()
	r.Focus()
}

func (r *Reader) stepMatch(d int) int {
	n := len(r.find.matches)
	if n == 0 {
		return -1
	}
	r.find.cur = ((r.find.cur+d)%n + n) % n
	r.revealMatch()
	r.updateFindLabel()
	r.refreshView()
	return r.find.cur
}

// revealMatch scrolls the current match into view when it is not visible.
func (r *Reader) revealMatch() {
	m := r.find.matches[r.find.cur]
	li := r.lay.lineOf(m.start)
	if li < 0 {
		return
	}
	y := r.lay.lines[li].y
	if y < r.offY || y+r.metrics().lineH > r.offY+r.viewHeight() {
		r.ScrollToOffset(m.start)
	}
}

func (r *Reader) updateFindLabel() {
	if r.rend == nil {
		return
	}
	txt := ""
	switch {
	case len(r.find.matches) > 0:
		txt = fmt.Sprintf("%d of %d", r.find.cur+1, len(r.find.matches))
	case r.find.query != "":
		txt = "no matches"
	}
	r.rend.findBar.count.SetText(txt)
}

// search returns the case-insensitive matches of query, comparing rune by
// rune so offsets stay code point offsets.
func (r *Reader) search(query string) []span {
	q := []rune(query)
	if len(q) == 0 {
		return nil
	}
	for i, c := range q {
		q[i] = unicode.ToLower(c)
	}
	if r.lay.lowerCache == nil {
		low := make([]rune, 0, r.nRunes)
		for _, c := range r.doc.Body {
			low = append(low, unicode.ToLower(c))
		}
		r.lay.lowerCache = low
	}
	low := r.lay.lowerCache
	var out []span
	for i := 0; i+len(q) <= len(low); i++ {
		if low[i] != q[0] {
			continue
		}
		k := 1
		for k < len(q) && low[i+k] == q[k] {
			k++
		}
		if k == len(q) {
			out = append(out, span{i, i + len(q)})
			i += len(q) - 1
		}
	}
	return out
}

// findBar is the strip shown at the top by Ctrl+F.
type findBar struct {
	*fyne.Container
	entry *findEntry
	count *widget.Label
	bg    *canvas.Rectangle
}

func newFindBar(w *Reader) *findBar {
	fb := &findBar{entry: newFindEntry(), count: widget.NewLabel("")}
	fb.entry.SetPlaceHolder("Find in article")
	fb.entry.OnChanged = func(s string) { w.Find(s) }
	fb.entry.onNext = func() { w.FindNext() }
	fb.entry.onPrev = func() { w.FindPrev() }
	fb.entry.onClose = w.HideFind
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { w.FindPrev() })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { w.FindNext() })
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), w.HideFind)
	fb.bg = canvas.NewRectangle(w.themeColor(theme.ColorNameOverlayBackground))
	row := container.NewBorder(nil, nil, nil, container.NewHBox(fb.count, prev, next, closeB), fb.entry)
	fb.Container = container.NewStack(fb.bg, container.NewPadded(row))
	return fb
}

// findEntry is the find field: Enter goes to the next match, Shift+Enter to
// the previous one, Escape closes the bar.
type findEntry struct {
	widget.Entry
	shift                   bool
	onNext, onPrev, onClose func()
}

func newFindEntry() *findEntry {
	e := &findEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles the find bar's own keys before the entry sees them.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		e.onClose()
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.shift {
			e.onPrev()
		} else {
			e.onNext()
		}
	default:
		e.Entry.TypedKey(k)
	}
}

// KeyDown tracks Shift for Shift+Enter.
func (e *findEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp tracks Shift for Shift+Enter.
func (e *findEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// FocusLost forgets a Shift held while focus moved away.
func (e *findEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}
