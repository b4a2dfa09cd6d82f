package app

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/app/finder"
	"scholia/storage"
)

// sidebar is the left pane: a search field over the library and the list of
// matching articles.
type sidebar struct {
	ws *workspace

	search *widget.Entry
	list   *widget.List
	count  *widget.Label

	all     []storage.Summary
	finder  *finder.Finder
	rows    []finder.Match // what the list shows, best first
	openID  int64
	mu      sync.Mutex
	cancel  context.CancelFunc
	queryID int
}

func newSidebar(ws *workspace) *sidebar {
	return &sidebar{ws: ws}
}

func (s *sidebar) buildUI() fyne.CanvasObject {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Find articles (Ctrl+K)")
	s.search.OnChanged = func(q string) { s.filter(q) }
	s.search.OnSubmitted = func(string) {
		if len(s.rows) > 0 {
			s.list.Select(0)
		}
	}
	s.count = widget.NewLabel("")
	s.count.TextStyle = fyne.TextStyle{Italic: true}
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("Title")
			title.TextStyle = fyne.TextStyle{Bold: true}
			title.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("source · date")
			meta.Truncation = fyne.TextTruncateEllipsis
			meta.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(title, meta)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rows) {
				return
			}
			sm := s.all[s.rows[i].Index]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(sm.Title)
			box.Objects[1].(*widget.Label).SetText(summaryMeta(sm))
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.rows) {
			s.ws.open(s.all[s.rows[i].Index].ID)
		}
	}
	return container.NewBorder(container.NewVBox(s.search, s.count), nil, nil, nil, s.list)
}

// summaryMeta is a row's second line: source · date · highlights.
func summaryMeta(sm storage.Summary) string {
	var parts []string
	if sm.Source != "" {
		parts = append(parts, sm.Source)
	}
	if sm.Published != "" {
		parts = append(parts, sm.Published)
	} else if !sm.Added.IsZero() {
		parts = append(parts, sm.Added.Local().Format("2006-01-02"))
	}
	switch sm.Highlights {
	case 0:
	case 1:
		parts = append(parts, "1 highlight")
	default:
		parts = append(parts, fmt.Sprintf("%d highlights", sm.Highlights))
	}
	return strings.Join(parts, " · ")
}

// reload reads the article list again (after an import, delete or edit).
func (s *sidebar) reload() {
	all, err := s.ws.store.Summaries(s.ws.ctx, "")
	if err != nil {
		s.ws.showError(err)
		return
	}
	items := make([]finder.Item, len(all))
	for i, sm := range all {
		items[i] = finder.Item{ID: sm.ID, Title: sm.Title, Source: sm.Source, Author: sm.Author, Tags: sm.Tags}
	}
	s.all = all
	s.finder = finder.New(items)
	q := ""
	if s.search != nil {
		q = s.search.Text
	}
	s.apply(s.finder.Search(s.ws.ctx, q, 0))
}

// filter runs the query off the UI goroutine; a newer keystroke cancels an
// older search so typing never waits for it.
func (s *sidebar) filter(q string) {
	s.mu.Lock()
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(s.ws.ctx)
	s.cancel = cancel
	s.queryID++
	id, f := s.queryID, s.finder
	s.mu.Unlock()
	go func() {
		rows := f.Search(ctx, q, 0)
		if ctx.Err() != nil {
			return
		}
		fyne.Do(func() {
			s.mu.Lock()
			stale := id != s.queryID
			s.mu.Unlock()
			if !stale {
				s.apply(rows)
			}
		})
	}()
}

func (s *sidebar) apply(rows []finder.Match) {
	s.rows = rows
	if s.list == nil {
		return
	}
	s.list.UnselectAll()
	s.list.Refresh()
	switch n := len(rows); {
	case len(s.all) == 0:
		s.count.SetText("No articles yet: File → Import")
	case n == len(s.all):
		s.count.SetText(fmt.Sprintf("%d articles", n))
	default:
		s.count.SetText(fmt.Sprintf("%d of %d articles", n, len(s.all)))
	}
}

func (s *sidebar) first() int64 {
	if len(s.rows) == 0 {
		return 0
	}
	return s.all[s.rows[0].Index].ID
}

func (s *sidebar) markOpen(id int64) { s.openID = id }

func (s *sidebar) focus() { s.ws.win.Canvas().Focus(s.search) }
