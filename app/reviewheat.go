package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// heatWeeks is how many weeks the review heat-map shows.
const heatWeeks = 20

const (
	heatCell = 11 // px, one day
	heatGap  = 3
)

// heatMap draws the days reviewed as a calendar grid: one column per week,
// Monday at the top, today in the last column; darker green = more answers.
type heatMap struct {
	widget.BaseWidget
	cells  []*canvas.Rectangle // column-major: week*7 + weekday
	counts []int               // answers on each cell's day, -1 for days after today
}

func newHeatMap() *heatMap {
	h := &heatMap{}
	for range heatWeeks * 7 {
		r := canvas.NewRectangle(color.Transparent)
		r.CornerRadius = 2
		h.cells = append(h.cells, r)
	}
	h.counts = make([]int, len(h.cells))
	h.ExtendBaseWidget(h)
	return h
}

// set colours the cells from answers per day ("YYYY-MM-DD" → count).
func (h *heatMap) set(days map[string]int, now time.Time) {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	weekday := (int(today.Weekday()) + 6) % 7 // Monday 0
	last := (heatWeeks-1)*7 + weekday         // today's cell
	for i := range h.cells {
		d := today.AddDate(0, 0, i-last)
		if i > last {
			h.counts[i] = -1
		} else {
			h.counts[i] = days[storage.DayKey(d)]
		}
		h.cells[i].FillColor = heatColor(h.counts[i])
	}
	h.Refresh()
}

// heatColor: none → a faint grey box, then four greens.
func heatColor(n int) color.Color {
	switch {
	case n < 0:
		return color.Transparent
	case n == 0:
		return color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0x40}
	case n <= 2:
		return color.NRGBA{R: 0x9b, G: 0xe9, B: 0xa8, A: 0xff}
	case n <= 5:
		return color.NRGBA{R: 0x40, G: 0xc4, B: 0x63, A: 0xff}
	case n <= 10:
		return color.NRGBA{R: 0x30, G: 0xa1, B: 0x4e, A: 0xff}
	}
	return color.NRGBA{R: 0x21, G: 0x6e, B: 0x39, A: 0xff}
}

func (h *heatMap) CreateRenderer() fyne.WidgetRenderer {
	objs := make([]fyne.CanvasObject, len(h.cells))
	for i, c := range h.cells {
		objs[i] = c
	}
	return &heatRenderer{h: h, objs: objs}
}

type heatRenderer struct {
	h    *heatMap
	objs []fyne.CanvasObject
}

func (r *heatRenderer) Layout(fyne.Size) {
	for i, c := range r.h.cells {
		col, row := i/7, i%7
		c.Move(fyne.NewPos(float32(col*(heatCell+heatGap)), float32(row*(heatCell+heatGap))))
		c.Resize(fyne.NewSize(heatCell, heatCell))
	}
}

func (r *heatRenderer) MinSize() fyne.Size {
	return fyne.NewSize(heatWeeks*(heatCell+heatGap)-heatGap, 7*(heatCell+heatGap)-heatGap)
}

func (r *heatRenderer) Refresh() {
	for _, c := range r.h.cells {
		c.Refresh()
	}
}

func (r *heatRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *heatRenderer) Destroy()                     {}
