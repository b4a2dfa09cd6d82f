package reader

import (
	"image/color"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"scholia/storage/doc"
)

// Links in the body are underlined in the link colour. Hovering one shows
// its address in a quiet line at the bottom of the pane; a click on it
// when nothing was selected, or a Ctrl+click, opens it in the system
// browser. Only http, https and mailto addresses are opened. A drag that
// starts on a link selects, as anywhere else: only a tap opens.

// linkAt returns the destination of the body link under p, or "".
func (r *Reader) linkAt(p fyne.Position) string {
	if len(r.lay.inline) == 0 || p.X >= r.Size().Width-scrollZone {
		return ""
	}
	_, under := r.hit(p)
	if under < 0 {
		return ""
	}
	href := ""
	for _, s := range r.lay.visibleInline(under, under+1) {
		if s.Kind == doc.Link && s.Start <= under && under < s.End {
			href = s.Info // the innermost link wins: visibleInline lists outer ones first
		}
	}
	return href
}

// openable parses an address the reader may hand to the system browser.
func openable(href string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return nil, false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u, u.Host != ""
	case "mailto":
		return u, u.Opaque != "" || u.Path != ""
	}
	return nil, false
}

// openBodyLink opens the link under p when the click asks for it: no
// selection before the press, or Ctrl held. It reports whether it did.
func (r *Reader) openBodyLink(p fyne.Position) bool {
	if r.pressHadSel && !r.pressCtrl {
		return false
	}
	u, ok := openable(r.linkAt(p))
	if !ok {
		return false
	}
	r.open(u)
	return true
}

// open hands u to the opener: OpenURL when set, else the app's browser.
func (r *Reader) open(u *url.URL) {
	if r.OpenURL != nil {
		_ = r.OpenURL(u)
		return
	}
	_ = openURL(u)
}

// hoverLinkTo shows href in the status line ("" hides it).
func (r *Reader) hoverLinkTo(href string) {
	if href == r.hoverLink {
		return
	}
	r.hoverLink = href
	r.refreshView()
}

// HoveredLink returns the address shown in the status line, or "".
func (r *Reader) HoveredLink() string { return r.hoverLink }

// placeStatus shows the hovered link's address at the bottom left.
func (r *renderer) placeStatus(size fyne.Size) {
	w := r.w
	if w.hoverLink == "" || w.dragging {
		return
	}
	if r.statusText == nil {
		r.statusText = canvas.NewText("", color.Transparent)
		r.statusBg = canvas.NewRectangle(color.Transparent)
		r.statusBg.CornerRadius = 3
	}
	ts := w.TextSize() * 0.85
	t := r.statusText
	t.Text, t.TextSize = ellipsize(w.hoverLink, 200), ts
	t.Color = w.themeColor(theme.ColorNameForeground)
	r.statusBg.FillColor = w.themeColor(theme.ColorNameOverlayBackground)
	r.statusBg.StrokeColor = w.themeColor(theme.ColorNameSeparator)
	r.statusBg.StrokeWidth = 1
	tw := min(fyne.MeasureText(t.Text, ts, fyne.TextStyle{}).Width, size.Width-scrollZone-16)
	h := ts * 1.6
	r.statusBg.Move(fyne.NewPos(2, size.Height-h-2))
	r.statusBg.Resize(fyne.NewSize(tw+12, h))
	t.Move(fyne.NewPos(8, size.Height-h-2+(h-ts*1.3)/2))
	t.Resize(fyne.NewSize(tw, ts*1.3))
	r.statusBg.Refresh()
	t.Refresh()
	r.objects = append(r.objects, r.statusBg, t)
}

// ellipsize cuts s to n code points, marking the cut.
func ellipsize(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
