package app

import (
	"testing"
	"time"
)

// Month names stand over the week where a month begins; today is in the
// last column.
func TestHeatMapMonthLabels(t *testing.T) {
	h := newHeatMap()
	now := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC) // a Wednesday
	h.set(map[string]int{"2026-03-02": 3}, now)
	var labels []string
	for w, l := range h.months {
		if l.Text != "" {
			labels = append(labels, l.Text)
			// The week holds the 1st of the month named.
			monday := now.AddDate(0, 0, -2-7*(heatWeeks-1-w))
			first := false
			for k := range 7 {
				if d := monday.AddDate(0, 0, k); d.Day() == 1 && d.Month().String()[:3] == l.Text {
					first = true
				}
			}
			if !first {
				t.Errorf("week %d (Monday %s) is labelled %q", w, monday.Format("2 Jan"), l.Text)
			}
		}
	}
	// 20 weeks back from 2 March is 20 October: Nov, Dec, Jan, Feb, Mar begin
	// (1 March is in the week of 23 February).
	if got := len(labels); got != 5 || labels[len(labels)-1] != "Mar" {
		t.Errorf("month labels %v; want Nov … Mar", labels)
	}
	if n := h.counts[(heatWeeks-1)*7]; n != 3 {
		t.Errorf("Monday of this week has %d answers; want 3", n)
	}
}
