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

// sidebar is the left pane: a search field over the library, tag chips that
// filter it, and the virtualised list of matching articles, best first.
type sidebar struct {
	ws *workspace

	search   *searchEntry
	list     *widget.List
	hitList  *widget.List // full-text results
	textMode *widget.Button
	hits     []storage.Hit
	count    *widget.Label
	chips    *fyne.Container

	all        []storage.Summary
	load       summaryLoader                      // nil: the store's ListedSummaries
	loaded     func()                             // tests: called once loadAsync installed the list
	countLoad  func(context.Context) (int, error) // nil: the store's CountArticles
	loadGen    int                                // the latest load of the list (launch.go)
	dropped    func()                             // tests: a background load was older than a reload
	finder     *finder.Finder
	rows       []finder.Match // what the list shows
	tag        string         // the tag chip filtering the list, "" for none
	textModeOn bool           // the Text toggle: the query searches the full text
	cursor     int            // the row the arrow keys are on
	moving     bool           // a keyboard move selects a row without opening it

	mu      sync.Mutex
	cancel  context.CancelFunc
	queryID int
}

func newSidebar(ws *workspace) *sidebar { return &sidebar{ws: ws, cursor: -1} }

func (s *sidebar) buildUI() fyne.CanvasObject {
	s.search = newSearchEntry(s)
	s.search.SetPlaceHolder("Find articles   Ctrl+K   (/ for full text)")
	s.search.OnChanged = func(q string) { s.filter(q) }
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.chips = container.NewHBox()
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			title := widget.NewRichText(&widget.TextSegment{Text: "Title", Style: widget.RichTextStyleStrong})
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
			m := s.rows[i]
			sm := s.all[m.Index]
			box := o.(*fyne.Container)
			title := box.Objects[0].(*widget.RichText)
			title.Segments = emphasise(sm.Title, m.Title)
			title.Refresh()
			box.Objects[1].(*widget.Label).SetText(summaryMeta(sm))
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		s.cursor = i
		if s.moving || i >= len(s.rows) {
			return
		}
		s.ws.open(s.all[s.rows[i].Index].ID)
	}
	s.hitList = s.newHitList()
	s.hitList.Hide()
	s.textMode = widget.NewButtonWithIcon("", theme.DocumentIcon(), func() { s.setTextMode(!s.textModeOn) })
	s.textMode.Importance = widget.LowImportance
	field := container.NewBorder(nil, nil, nil, s.textMode, s.search)
	top := container.NewVBox(field, container.NewHScroll(s.chips), s.count)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(s.list, s.hitList))
}

// maxRows bounds the rows a typed query lists: the best matches are what a
// user looks at, and ranking only the top rows keeps each keystroke within
// a frame at 100,000 articles. The empty query lists every article.
const maxRows = 500

func rowLimit(q string) int {
	if q == "" {
		return 0
	}
	return maxRows
}

// emphasise renders a title with the matched characters (rune indexes) bold.
func emphasise(title string, matched []int) []widget.RichTextSegment {
	plain := widget.RichTextStyleInline
	plain.TextStyle = fyne.TextStyle{}
	bold := widget.RichTextStyleInline
	bold.TextStyle = fyne.TextStyle{Bold: true}
	bold.ColorName = theme.ColorNamePrimary
	if len(matched) == 0 {
		return []widget.RichTextSegment{&widget.TextSegment{Text: title, Style: plain}}
	}
	var segs []widget.RichTextSegment
	rs := []rune(title)
	next := 0
	var run []rune
	inMatch := false
	flush := func() {
		if len(run) == 0 {
			return
		}
		st := plain
		if inMatch {
			st = bold
		}
		segs = append(segs, &widget.TextSegment{Text: string(run), Style: st})
		run = nil
	}
	for i, r := range rs {
		m := next < len(matched) && matched[next] == i
		if m {
			next++
		}
		if m != inMatch {
			flush()
			inMatch = m
		}
		run = append(run, r)
	}
	flush()
	return segs
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
		parts = append(parts, "added "+sm.Added.Local().Format("2006-01-02"))
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

// reload reads the article list again (after an import, delete or edit),
// keeping the query and tag filter.
func (s *sidebar) reload() {
	s.nextLoad()
	all, err := s.ws.store.ListedSummaries(s.ws.ctx, "")
	if err != nil {
		s.ws.showError(err)
		return
	}
	f := finder.New(finderItems(all))
	s.mu.Lock()
	s.all = all
	s.finder = f
	s.mu.Unlock()
	s.reloadChips()
	s.apply(s.finder.Search(s.ws.ctx, s.query(), rowLimit(s.query())))
}

// refreshOne updates one article's row after it changed (a highlight, a
// tag, an edit) instead of reloading the whole list: at 100,000 articles a
// reload takes a third of a second, too long after every highlight. The
// finder is rebuilt only when what it matches on changed.
func (s *sidebar) refreshOne(id int64) {
	sm, err := s.ws.store.Summary(s.ws.ctx, id)
	if err != nil {
		s.reload() // deleted, or not listed yet
		return
	}
	at := -1
	for i := range s.all {
		if s.all[i].ID == id {
			at = i
			break
		}
	}
	if at < 0 {
		s.reload()
		return
	}
	old := s.all[at]
	s.all[at] = sm
	if old.Title == sm.Title && old.Source == sm.Source && old.Author == sm.Author &&
		strings.Join(old.Tags, "\x00") == strings.Join(sm.Tags, "\x00") {
		if s.list != nil {
			s.list.Refresh()
		}
		return
	}
	items := make([]finder.Item, len(s.all))
	for i, x := range s.all {
		items[i] = finder.Item{ID: x.ID, Title: x.Title, Source: x.Source, Author: x.Author, Tags: x.Tags}
	}
	s.mu.Lock()
	s.finder = finder.New(items)
	s.mu.Unlock()
	if s.query() == "" && s.tag == "" {
		// The unfiltered list's order does not depend on what changed.
		if s.list != nil {
			s.list.Refresh()
		}
		return
	}
	s.filter(s.query())
}

func (s *sidebar) query() string {
	if s.search == nil {
		return ""
	}
	return s.search.Text
}

// reloadChips shows one chip per tag with its article count.
func (s *sidebar) reloadChips() {
	if s.chips == nil {
		return
	}
	var objs []fyne.CanvasObject
	found := false
	for _, t := range s.ws.tags {
		if t.Articles == 0 {
			continue
		}
		name := t.Name
		b := widget.NewButton(fmt.Sprintf("#%s %d", name, t.Articles), func() { s.setTag(name) })
		b.Importance = widget.LowImportance
		if strings.EqualFold(name, s.tag) {
			b.Importance = widget.HighImportance
			found = true
		}
		objs = append(objs, b)
	}
	if !found {
		s.tag = ""
	}
	s.chips.Objects = objs
	s.chips.Refresh()
}

// setTag toggles the tag filter.
func (s *sidebar) setTag(name string) {
	if strings.EqualFold(s.tag, name) {
		s.tag = ""
	} else {
		s.tag = name
	}
	s.reloadChips()
	s.filter(s.query())
}

// filter runs the query off the UI goroutine; a newer keystroke cancels an
// older search, so typing never waits for it.
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
	if f == nil {
		return
	}
	if words, ok := s.fullTextQuery(q); ok {
		s.ws.background(func() { s.searchText(ctx, id, words) })
		return
	}
	s.ws.background(func() {
		rows := f.Search(ctx, q, rowLimit(q))
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
	})
}

func (s *sidebar) apply(rows []finder.Match) {
	if s.tag != "" {
		kept := rows[:0:0]
		for _, m := range rows {
			for _, t := range s.all[m.Index].Tags {
				if strings.EqualFold(t, s.tag) {
					kept = append(kept, m)
					break
				}
			}
		}
		rows = kept
	}
	s.rows = rows
	s.cursor = -1
	if s.list == nil {
		return
	}
	s.showList(s.list)
	s.list.UnselectAll()
	s.list.ScrollToTop()
	s.list.Refresh()
	switch n := len(rows); {
	case len(s.all) == 0:
		s.count.SetText("No articles yet: import some from the File menu")
	case n == 0:
		s.count.SetText("No matches")
	case n == maxRows && s.query() != "":
		s.count.SetText(fmt.Sprintf("Best %d of %s", n, plural(len(s.all), "article")))
	case n == len(s.all):
		s.count.SetText(plural(n, "article"))
	default:
		s.count.SetText(fmt.Sprintf("%d of %s", n, plural(len(s.all), "article")))
	}
}

// showList shows the article list or the full-text hits.
func (s *sidebar) showList(l *widget.List) {
	for _, x := range []*widget.List{s.list, s.hitList} {
		if x == l {
			x.Show()
		} else {
			x.Hide()
		}
	}
}

// setTextMode switches the query between titles (fuzzy) and full text.
func (s *sidebar) setTextMode(on bool) {
	s.textModeOn = on
	if on {
		s.textMode.Importance = widget.HighImportance
		s.search.SetPlaceHolder("Search the full text   Ctrl+K")
	} else {
		s.textMode.Importance = widget.LowImportance
		s.search.SetPlaceHolder("Find articles   Ctrl+K   (/ for full text)")
	}
	s.textMode.Refresh()
	s.filter(s.query())
}
