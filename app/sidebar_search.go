package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// maxHits bounds a full-text result list: the best matches, not every one.
const maxHits = 200

// fullTextQuery says whether the sidebar query is a full-text search (it
// starts with "/", or the Text toggle is on) and returns the words.
func (s *sidebar) fullTextQuery(q string) (string, bool) {
	if strings.HasPrefix(q, "/") {
		return strings.TrimPrefix(q, "/"), true
	}
	return q, s.textModeOn && strings.TrimSpace(q) != ""
}

// newHitList is the list of full-text hits: title, where the words were
// found, and a snippet with them in bold.
func (s *sidebar) newHitList() *widget.List {
	l := widget.NewList(
		func() int { return len(s.hits) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("Title")
			title.TextStyle = fyne.TextStyle{Bold: true}
			title.Truncation = fyne.TextTruncateEllipsis
			where := widget.NewLabel("in the body")
			where.SizeName = theme.SizeNameCaptionText
			snippet := widget.NewRichText()
			snippet.Wrapping = fyne.TextWrapWord
			return newHitRow(title, where, snippet)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.hits) {
				return
			}
			h := s.hits[i]
			row := o.(*hitRow)
			row.title.SetText(h.Title)
			if h.Under { // a note or highlight of the article above
				row.title.SetText("    • also " + whereText(h))
				row.where.Hide()
			} else {
				row.where.SetText(whereText(h))
				row.where.Show()
			}
			row.snippet.Segments = snippetSegments(h.Snippet)
			row.snippet.Refresh()
		},
	)
	l.OnSelected = func(i widget.ListItemID) {
		if i < len(s.hits) && !s.moving {
			s.openHit(s.hits[i])
		}
	}
	return l
}

func whereText(h storage.Hit) string {
	switch h.Where {
	case "title":
		return "in the title"
	case "note":
		return "in your note"
	case "highlight":
		return "in a highlight or its comment"
	}
	return "in the text"
}

// snippetSegments renders a snippet with the matched words bold.
func snippetSegments(snippet string) []widget.RichTextSegment {
	plain := widget.RichTextStyleInline
	bold := widget.RichTextStyleInline
	bold.TextStyle = fyne.TextStyle{Bold: true}
	bold.ColorName = theme.ColorNamePrimary
	snippet = strings.Join(strings.Fields(snippet), " ")
	var segs []widget.RichTextSegment
	for snippet != "" {
		before, rest, found := strings.Cut(snippet, storage.SnippetOpen)
		if before != "" {
			segs = append(segs, &widget.TextSegment{Text: before, Style: plain})
		}
		if !found {
			break
		}
		word, after, _ := strings.Cut(rest, storage.SnippetClose)
		segs = append(segs, &widget.TextSegment{Text: word, Style: bold})
		snippet = after
	}
	return segs
}

// firstMatch is the first word the snippet marks, as written in the text.
func firstMatch(snippet string) string {
	_, rest, ok := strings.Cut(snippet, storage.SnippetOpen)
	if !ok {
		return ""
	}
	word, _, _ := strings.Cut(rest, storage.SnippetClose)
	return word
}

// searchText runs a full-text query off the UI goroutine; ctx is cancelled
// by the next keystroke, which interrupts SQLite.
func (s *sidebar) searchText(ctx context.Context, id int, words string) {
	hits, err := s.ws.store.Search(ctx, words, maxHits)
	if ctx.Err() != nil {
		return
	}
	fyne.Do(func() {
		s.mu.Lock()
		stale := id != s.queryID
		s.mu.Unlock()
		if stale {
			return
		}
		s.showHits(hits, err)
	})
}

func (s *sidebar) showHits(hits []storage.Hit, err error) {
	if s.tag != "" {
		kept := hits[:0:0]
		tagged := map[int64]bool{}
		for _, sm := range s.all {
			for _, t := range sm.Tags {
				if strings.EqualFold(t, s.tag) {
					tagged[sm.ID] = true
				}
			}
		}
		for _, h := range hits {
			if tagged[h.ArticleID] {
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	s.hits = hits
	s.cursor = -1
	s.showList(s.hitList)
	s.hitList.UnselectAll()
	s.hitList.ScrollToTop()
	s.hitList.Refresh()
	var refused *storage.QueryError
	switch {
	case errors.As(err, &refused):
		s.count.SetText(refused.Msg)
	case errors.Is(err, storage.ErrBadQuery):
		s.count.SetText("Type words to search the full text")
	case errors.Is(err, storage.ErrSearchTimeout):
		s.count.SetText(storage.ErrSearchTimeout.Error())
	case err != nil:
		s.count.SetText("Search failed: " + oneLine(err))
	case len(hits) == 1:
		s.count.SetText("1 text match")
	case len(hits) == 0:
		s.count.SetText("No text matches")
	case len(hits) == maxHits:
		s.count.SetText(fmt.Sprintf("Best %d text matches", maxHits))
	default:
		s.count.SetText(fmt.Sprintf("%d text matches", len(hits)))
	}
}

// openHit opens the article of a hit and shows where the words are: the
// match in the body (the reader's find marks every occurrence), or the
// highlight.
func (s *sidebar) openHit(h storage.Hit) {
	s.ws.open(h.ArticleID)
	switch h.Where {
	case "highlight":
		s.ws.reading.reveal(h.HighlightID)
		s.ws.notes.focusHighlight(h.HighlightID)
	case "body", "title":
		if w := firstMatch(h.Snippet); w != "" {
			s.ws.reading.view.Find(w)
		}
	}
}

// hitRow lays out one hit: title, where, and up to three lines of snippet.
type hitRow struct {
	widget.BaseWidget
	title, where *widget.Label
	snippet      *widget.RichText
}

func newHitRow(title, where *widget.Label, snippet *widget.RichText) *hitRow {
	r := &hitRow{title: title, where: where, snippet: snippet}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer stacks the parts; the snippet gets a fixed three lines so
// every row has the same height and the list stays cheap to lay out.
func (r *hitRow) CreateRenderer() fyne.WidgetRenderer {
	box := container.NewVBox(r.title, r.where)
	snippetBox := container.New(&fixedHeight{lines: 3}, r.snippet)
	return widget.NewSimpleRenderer(container.NewBorder(box, nil, nil, nil, snippetBox))
}

// fixedHeight gives its content a height of n text lines.
type fixedHeight struct{ lines int }

func (f *fixedHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(0, float32(f.lines)*(h+theme.LineSpacing())+2*theme.InnerPadding())
}

func (f *fixedHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}
