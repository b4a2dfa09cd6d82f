package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// progressHeight is the reading progress line's thickness: visible, never
// in the way of the text.
const progressHeight = 3

// progressLayout draws the progress line across the top of the reading
// pane, as long as the share of the article read; the reader fills the rest.
type progressLayout struct{ p *readingPane }

func (l progressLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	view, line := objs[0], objs[1]
	view.Move(fyne.NewPos(0, 0))
	view.Resize(size)
	line.Move(fyne.NewPos(0, 0))
	line.Resize(fyne.NewSize(size.Width*l.p.view.Progress(), progressHeight))
}

func (l progressLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

// withProgress wraps the reader with its progress line.
func (p *readingPane) withProgress() fyne.CanvasObject {
	p.progress = canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	box := &fyne.Container{Layout: progressLayout{p}, Objects: []fyne.CanvasObject{p.view, p.progress}}
	p.view.OnScrolled = func() { p.updateProgress(box) }
	return box
}

// updateProgress resizes the line after a scroll; hidden when the article
// fits in the pane or none is open.
func (p *readingPane) updateProgress(box *fyne.Container) {
	if p.loaded == 0 || p.view.Fits() {
		p.progress.Hide()
		return
	}
	p.progress.Show()
	p.progress.Resize(fyne.NewSize(box.Size().Width*p.view.Progress(), progressHeight))
	p.progress.Refresh()
}

// savePosition remembers where the user is in the open article.
func (p *readingPane) savePosition() {
	if p.loaded == 0 {
		return
	}
	if err := p.ws.store.SetReadingPosition(context.WithoutCancel(p.ws.ctx), p.loaded, p.view.TopOffset()); err != nil {
		p.ws.showError(err)
	}
}

// restorePosition scrolls the article just shown back to where the user was.
func (p *readingPane) restorePosition() {
	pos, err := p.ws.store.ReadingPosition(p.ws.ctx, p.loaded)
	if err != nil || pos == 0 {
		return
	}
	p.view.ShowFromOffset(pos)
}
