package app

import (
	"context"
	"fmt"
	"runtime/debug"

	"fyne.io/fyne/v2"

	"scholia/app/finder"
	"scholia/storage"
)

// loadAsync installs the article list and the finder's index built off the
// UI goroutine, so a 100,000-article library's window appears at once. The
// finder field takes typing meanwhile: filter does nothing while the
// finder is nil, and the install runs the query typed so far. The count
// line says how many articles are coming as soon as a count(*) knows.
//
// Every load takes a generation (s.loadGen, UI goroutine only): a
// background load installs its list only if no load started after it, so a
// reload done meanwhile (an import, another process's change) is never
// replaced by the older list.
func (s *sidebar) loadAsync(done func()) {
	load := s.load
	if load == nil {
		load = s.ws.store.ListedSummaries
	}
	count := s.countLoad
	if count == nil {
		count = s.ws.store.CountArticles
	}
	if s.count != nil {
		s.count.SetText("Loading articles…")
	}
	gen := s.nextLoad()
	ctx := s.ws.ctx
	go func() {
		if n, err := count(ctx); err == nil {
			fyne.Do(func() {
				if s.count != nil && s.loadGen == gen && s.finder == nil {
					s.count.SetText(loadingText(n))
				}
			})
		}
		// The load's garbage is the size of the list: collect it sooner so
		// the peak stays nearer the steady size.
		gc := debug.SetGCPercent(30)
		all, err := load(ctx, "")
		var f *finder.Finder
		if err == nil {
			f = finderFor(all)
		}
		debug.SetGCPercent(gc)
		if err == nil {
			// The load's garbage (the driver's rows, the finder's parts)
			// is as big as what it keeps: hand those pages back now
			// rather than over minutes, so the steady size is the list's.
			debug.FreeOSMemory()
		}
		fyne.Do(func() {
			if s.loadGen != gen {
				// A newer load's list is (or will be) shown.
				if s.dropped != nil {
					s.dropped()
				}
				return
			}
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

// nextLoad starts a load of the list: its generation. Called on the UI
// goroutine by every load, synchronous or not.
func (s *sidebar) nextLoad() int {
	s.loadGen++
	return s.loadGen
}

// loadingText is the count line while the list loads.
func loadingText(n int) string {
	if n == 1 {
		return "Loading 1 article…"
	}
	return fmt.Sprintf("Loading %s articles…", groupDigits(n))
}

// groupDigits writes n with thousands separated: 100,000.
func groupDigits(n int) string {
	if n < 0 {
		return "-" + groupDigits(-n)
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
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

// finderFor indexes the loaded list in place, one summary at a time,
// straight into the finder's final arenas: no []finder.Item beside the
// list and no per-core parts copied into the arenas, which at 100,000
// articles were the load's peak above the steady size.
func finderFor(all []storage.Summary) *finder.Finder {
	b := finder.NewBuilder(len(all))
	for i := range all {
		b.Reserve(finderItem(&all[i]))
	}
	for i := range all {
		b.Add(finderItem(&all[i]))
	}
	return b.Done()
}

func finderItem(sm *storage.Summary) finder.Item {
	return finder.Item{ID: sm.ID, Title: sm.Title, Source: sm.Source, Author: sm.Author, Tags: sm.Tags}
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
