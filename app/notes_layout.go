package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// minListHeight keeps about three highlight rows visible whatever else the
// panel shows; below that the whole panel scrolls rather than squeezing the
// list or letting its parts overlap.
const minListHeight = 180

// notesLayout stacks the notes panel: the fixed top (tags, note, the
// "Highlights" header), the list taking what is left, and the selected
// highlight's editor at the bottom when it is shown. It depends only on the
// objects' current minimum sizes and visibility, so every path that leads
// to the same state (select then deselect, a highlight opened from All
// highlights, a resize) gives the same geometry.
type notesLayout struct{}

// Layout places objects [top, list, editor] in size.
func (notesLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	top, list, editor := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	th := top.MinSize().Height
	top.Move(fyne.NewPos(0, 0))
	top.Resize(fyne.NewSize(size.Width, th))
	bottom := size.Height
	if editor.Visible() {
		eh := editor.MinSize().Height
		bottom = max(size.Height-eh, th+pad+minListHeight)
		editor.Move(fyne.NewPos(0, bottom))
		editor.Resize(fyne.NewSize(size.Width, eh))
		bottom -= pad
	}
	list.Move(fyne.NewPos(0, th+pad))
	list.Resize(fyne.NewSize(size.Width, max(bottom-th-pad, minListHeight)))
}

// MinSize is the top, the smallest list and the editor when shown.
func (notesLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	top, list, editor := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	w := max(top.MinSize().Width, list.MinSize().Width)
	h := top.MinSize().Height + pad + max(list.MinSize().Height, minListHeight)
	if editor.Visible() {
		w = max(w, editor.MinSize().Width)
		h += pad + editor.MinSize().Height
	}
	return fyne.NewSize(w, h)
}

// relayout places the panel's parts again after one of them was shown,
// hidden or changed height: a container does not lay itself out again when
// a child's visibility changes, which is what left the list squeezed.
func (n *notesPanel) relayout() {
	if n.body == nil {
		return
	}
	// The scroll only grows its content; it must also shrink back when the
	// editor hides, or the list keeps the room the editor had.
	min, view := n.body.MinSize(), n.scroll.Size()
	n.body.Resize(fyne.NewSize(max(min.Width, view.Width), max(min.Height, view.Height)))
	n.body.Layout.Layout(n.body.Objects, n.body.Size())
	n.scroll.Refresh()
}
