package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// heatWeeks is how many weeks the review heat-map shows.
const heatWeeks = 20

const (
	heatCell   = 12 // px, one day
	heatGap    = 3
	heatLeft   = 30 // the weekday labels' column
	heatTop    = 16 // the month labels' row
	heatLabelS = 10 // their text size
)

// heatMap draws the days reviewed as a calendar grid: one column per week,
// Monday at the top, today in the last column; darker green = more answers.
type heatMap struct {
	widget.BaseWidget
	cells  []*canvas.Rectangle // column-major: week*7 + weekday
	counts []int               // answers on each cell's day, -1 for days after today
	months []*canvas.Text      // per week: the month's name where one begins
	days   []*canvas.Text      // Mon, Wed, Fri
}

func newHeatMap() *heatMap {
	h := &heatMap{}
	for range heatWeeks * 7 {
		r := canvas.NewRectangle(color.Transparent)
		r.CornerRadius = 2
		h.cells = append(h.cells, r)
	}
	h.counts = make([]int, len(h.cells))
	for range heatWeeks {
		h.months = append(h.months, heatLabel(""))
	}
	for _, d := range []string{"Mon", "Wed", "Fri"} {
		h.days = append(h.days, heatLabel(d))
	}
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
	for w, t := range h.months {
		t.Text = "" // the month whose 1st is in this week
		for k := range 7 {
			if d := today.AddDate(0, 0, w*7+k-last); d.Day() == 1 {
				t.Text = d.Month().String()[:3]
			}
		}
	}
	h.Refresh()
}

func heatLabel(s string) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNamePlaceHolder))
	t.TextSize = heatLabelS
	return t
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
	var objs []fyne.CanvasObject
	for _, c := range h.cells {
		objs = append(objs, c)
	}
	for _, t := range append(append([]*canvas.Text{}, h.months...), h.days...) {
		objs = append(objs, t)
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
		c.Move(fyne.NewPos(heatLeft+float32(col*(heatCell+heatGap)), heatTop+float32(row*(heatCell+heatGap))))
		c.Resize(fyne.NewSize(heatCell, heatCell))
	}
	for w, t := range r.h.months {
		t.Move(fyne.NewPos(heatLeft+float32(w*(heatCell+heatGap)), 0))
	}
	for k, t := range r.h.days {
		row := 2 * k // Monday, Wednesday, Friday
		t.Move(fyne.NewPos(0, heatTop+float32(row*(heatCell+heatGap))+(heatCell-t.MinSize().Height)/2))
	}
}

func (r *heatRenderer) MinSize() fyne.Size {
	return fyne.NewSize(heatLeft+heatWeeks*(heatCell+heatGap)-heatGap, heatTop+7*(heatCell+heatGap)-heatGap)
}

func (r *heatRenderer) Refresh() {
	for _, c := range r.h.cells {
		c.Refresh()
	}
	for _, t := range append(append([]*canvas.Text{}, r.h.months...), r.h.days...) {
		t.Color = theme.Color(theme.ColorNamePlaceHolder)
		t.Refresh()
	}
}

func (r *heatRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *heatRenderer) Destroy()                     {}
