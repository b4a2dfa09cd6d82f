package app

import (
	"context"
	"runtime/debug"

	"fyne.io/fyne/v2"

	"scholia/app/finder"
	"scholia/storage"
)

// loadAsync installs the article list and the finder's index built off the
// UI goroutine, so a 100,000-article library's window appears at once. The
// finder field takes typing meanwhile: filter does nothing while the
// finder is nil, and the install runs the query typed so far.
func (s *sidebar) loadAsync(done func()) {
	load := s.load
	if load == nil {
		load = s.ws.store.Summaries
	}
	if s.count != nil {
		s.count.SetText("Loading articles…")
	}
	ctx := s.ws.ctx
	go func() {
		// The load's garbage is the size of the list: collect it sooner so
		// the peak stays nearer the steady size.
		gc := debug.SetGCPercent(30)
		all, err := load(ctx, "")
		var f *finder.Finder
		if err == nil {
			f = finder.New(finderItems(all))
		}
		debug.SetGCPercent(gc)
		fyne.Do(func() {
			if err != nil {
				s.ws.showError(err)
				return
			}
			s.install(all, f)
			if done != nil {
				done()
			}
			if s.loaded != nil {
				s.loaded()
			}
		})
	}()
}

// install shows a loaded list, answering the query typed while it loaded.
func (s *sidebar) install(all []storage.Summary, f *finder.Finder) {
	s.mu.Lock()
	s.all = all
	s.finder = f
	s.mu.Unlock()
	s.reloadChips()
	s.apply(f.Search(s.ws.ctx, s.query(), rowLimit(s.query())))
}

func finderItems(all []storage.Summary) []finder.Item {
	items := make([]finder.Item, len(all))
	for i, sm := range all {
		items[i] = finder.Item{ID: sm.ID, Title: sm.Title, Source: sm.Source, Author: sm.Author, Tags: sm.Tags}
	}
	return items
}

// summaryLoader reads the article list; tests inject a slow one.
type summaryLoader func(ctx context.Context, tag string) ([]storage.Summary, error)
