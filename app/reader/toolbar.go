package reader

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const (
	swatchSize = 22
	swatchGap  = 6
)

// swatchBar is the small floating toolbar of colour swatches shown under a
// selection; tapping a swatch highlights the selection in that colour.
type swatchBar struct {
	widget.BaseWidget
	colors []color.Color
	onPick func(i int)
	bg     *canvas.Rectangle
	dots   []*canvas.Rectangle
}

func newSwatchBar(cs []color.Color, onPick func(int)) *swatchBar {
	b := &swatchBar{onPick: onPick, bg: canvas.NewRectangle(color.Transparent)}
	b.bg.CornerRadius = 6
	b.bg.StrokeWidth = 1
	b.setColors(cs)
	b.ExtendBaseWidget(b)
	return b
}

func (b *swatchBar) setColors(cs []color.Color) {
	b.colors = cs
	for len(b.dots) < len(cs) {
		d := canvas.NewRectangle(color.Transparent)
		d.CornerRadius = swatchSize / 2
		b.dots = append(b.dots, d)
	}
	b.dots = b.dots[:len(cs)]
	for i, d := range b.dots {
		d.FillColor = cs[i]
		d.Refresh()
	}
	b.Refresh()
}

// MinSize fits the swatches in one row.
func (b *swatchBar) MinSize() fyne.Size {
	n := float32(len(b.colors))
	return fyne.NewSize(n*swatchSize+(n+1)*swatchGap, swatchSize+2*swatchGap)
}

// Tapped picks the swatch under the pointer.
func (b *swatchBar) Tapped(e *fyne.PointEvent) {
	i := int((e.Position.X - swatchGap/2) / (swatchSize + swatchGap))
	if i >= 0 && i < len(b.colors) && b.onPick != nil {
		b.onPick(i)
	}
}

// CreateRenderer is part of fyne.Widget.
func (b *swatchBar) CreateRenderer() fyne.WidgetRenderer {
	return &swatchRenderer{b: b}
}

type swatchRenderer struct{ b *swatchBar }

func (r *swatchRenderer) Destroy() {}

func (r *swatchRenderer) MinSize() fyne.Size { return r.b.MinSize() }

func (r *swatchRenderer) Layout(size fyne.Size) {
	r.b.bg.Resize(size)
	for i, d := range r.b.dots {
		d.Move(fyne.NewPos(swatchGap+float32(i)*(swatchSize+swatchGap), swatchGap))
		d.Resize(fyne.NewSize(swatchSize, swatchSize))
	}
}

func (r *swatchRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.b.bg}
	for _, d := range r.b.dots {
		objs = append(objs, d)
	}
	return objs
}

func (r *swatchRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.b.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.b.bg.StrokeColor = th.Color(theme.ColorNameShadow, v)
	r.b.bg.Refresh()
	r.Layout(r.b.Size())
}
