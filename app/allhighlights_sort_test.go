package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

func TestArrangeHighlights(t *testing.T) {
	at := func(min int) time.Time { return time.Date(2026, 1, 1, 0, min, 0, 0, time.UTC) }
	hl := func(id, article int64, title, color string, start, min int) storage.LibraryHighlight {
		return storage.LibraryHighlight{ArticleTitle: title, Highlight: storage.Highlight{ID: id, ArticleID: article,
			Color: color, Start: start, Created: at(min)}}
	}
	// As the query returns them: newest first.
	rows := []storage.LibraryHighlight{
		hl(5, 2, "beta", "blue", 10, 50),
		hl(4, 1, "Alpha", "yellow", 90, 40),
		hl(3, 2, "beta", "yellow", 5, 30),
		hl(2, 1, "Alpha", "pink", 20, 20),
		hl(1, 3, "Gamma", "green", 0, 10),
	}
	ids := func(out []hlRow) string {
		var s []string
		for _, r := range out {
			if r.hl < 0 {
				s = append(s, fmt.Sprintf("[%s %d]", r.header, r.count))
			} else {
				s = append(s, fmt.Sprint(rows[r.hl].ID))
			}
		}
		return strings.Join(s, " ")
	}
	cases := map[string]struct {
		order string
		group bool
		want  string
	}{
		"newest":          {hlSortNewest, false, "5 4 3 2 1"},
		"document":        {hlSortDocument, false, "2 4 3 5 1"},
		"colour":          {hlSortColour, false, "4 3 1 5 2"},
		"newest grouped":  {hlSortNewest, true, "[beta 2] 5 3 [Alpha 2] 4 2 [Gamma 1] 1"},
		"document groups": {hlSortDocument, true, "[Alpha 2] 2 4 [beta 2] 3 5 [Gamma 1] 1"},
		"colour grouped":  {hlSortColour, true, "[Alpha 2] 4 2 [beta 2] 3 5 [Gamma 1] 1"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if got := ids(arrangeHighlights(rows, c.order, c.group, storage.DefaultColors)); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func TestAllHighlightsTagsSortAndGroup(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) {
		ids = addArticles(t, s, "Zeta article", "Alpha article")
		addHighlights(t, s, ids[0], "evidence")
		addHighlights(t, s, ids[1])
	})
	h.ws.showAllHighlights()
	v := h.ws.allHL
	defer v.win.Close()
	if len(v.rows) != 6 {
		t.Fatalf("rows = %d", len(v.rows))
	}
	// The rows show the highlights' tags.
	tagged := 0
	for i := range v.view {
		o := v.list.CreateItem()
		v.list.UpdateItem(i, o)
		meta := o.(*fyne.Container).Objects[2].(*widget.Label).Text
		if strings.Contains(meta, "#evidence") {
			tagged++
		}
	}
	if tagged != 3 {
		t.Errorf("%d rows show #evidence, want 3", tagged)
	}
	// Document order, grouped by article: a header, then the highlights
	// in their order in the article.
	v.sort.SetSelected(hlSortDocument)
	v.group.SetChecked(true)
	if len(v.view) != 8 || v.view[0].header != "Alpha article" || v.view[4].header != "Zeta article" {
		t.Fatalf("grouped view = %+v", v.view)
	}
	for k := 1; k < 3; k++ {
		if a, b := v.rows[v.view[k].hl], v.rows[v.view[k+1].hl]; a.Start > b.Start {
			t.Errorf("row %d starts at %d after %d", k, a.Start, b.Start)
		}
	}
	// A header is not a highlight: selecting it opens nothing.
	h.ws.open(ids[1])
	v.list.Select(4)
	if h.ws.current.ID != ids[1] {
		t.Errorf("selecting a header opened article %d", h.ws.current.ID)
	}
	v.list.Select(5)
	if h.ws.current.ID != ids[0] || h.ws.notes.editor.current() != v.rows[v.view[5].hl].ID {
		t.Errorf("selecting a highlight under Zeta opened %d / %d", h.ws.current.ID, h.ws.notes.editor.current())
	}
	// Sort and grouping are remembered for the next time.
	p := h.app.Preferences()
	if p.String(prefHLSort) != hlSortDocument || !p.Bool(prefHLGroup) {
		t.Errorf("remembered sort %q group %v", p.String(prefHLSort), p.Bool(prefHLGroup))
	}
}
