package edit

import (
	"context"
	"errors"
	"fmt"

	"scholia/app/anchor"
	"scholia/app/cleanup"
	"scholia/storage"
	"scholia/storage/doc"
)

// ErrChanged is returned when the paragraphs to remove are no longer the
// article's: it was edited since they were chosen.
var ErrChanged = errors.New("the article changed since its paragraphs were listed; look again")

// ErrStructured is returned when paragraphs would be removed from an
// article with structure: its Markdown has to be edited instead.
var ErrStructured = errors.New("this article has headings, lists or tables: remove its paragraphs in Edit → Edit article text, which edits its Markdown")

// RemoveParagraphs removes paragraphs from article id's body as one edit
// (undone with Undo and the Report's Before, like Apply). drop lists them
// as the caller saw them (cleanup.Paragraphs of the body): if any is no
// longer there, word for word, nothing is changed and ErrChanged returned.
// Highlights on the remaining text keep their words exactly, at offsets
// shifted by what was removed before them; the rest (inside or across a
// removed paragraph) are re-anchored as by Apply, so one inside a removed
// copy of a repeated paragraph moves to the copy that stays, and one whose
// words are gone is orphaned, never dropped.
func RemoveParagraphs(ctx context.Context, s *storage.Store, id int64, drop []cleanup.Paragraph) (Report, error) {
	bs, err := s.Bundles(ctx, []int64{id})
	if err != nil {
		return Report{}, err
	}
	before := bs[0]
	old := before.Article.Body
	ps := cleanup.Paragraphs(old)
	gone := map[int]bool{}
	for _, p := range drop {
		if p.Index < 0 || p.Index >= len(ps) || ps[p.Index] != p {
			return Report{}, ErrChanged
		}
		gone[p.Index] = true
	}
	if len(gone) == 0 {
		return Report{}, fmt.Errorf("no paragraphs to remove")
	}
	body := cleanup.Remove(old, gone)
	if body == "" {
		return Report{}, ErrEmpty
	}
	// Paragraphs are cut from the reading text. A plain article's Markdown
	// is that text escaped, so escaping the shorter text is exact; the
	// source of a structured one (headings, lists, tables) cannot be cut
	// by reading-text paragraphs without losing its structure.
	if md := before.Article.Markdown; md != "" && md != doc.Escape(old) {
		return Report{}, ErrStructured
	}
	hs, rep := carry(old, body, ps, gone, before.Highlights)
	a := before.Article
	a.Body, a.Markdown, a.Blocks = body, "", nil // storage escapes the plain text
	a.Pages = anchor.MapPositions(old, body, before.Article.Pages)
	if err := s.EditArticle(ctx, a, hs); err != nil {
		return Report{}, err
	}
	rep.Before = before
	return rep, nil
}

// carry places the highlights of old in body, which is old without the
// paragraphs in gone.
func carry(old, body string, ps []cleanup.Paragraph, gone map[int]bool, hs []storage.Highlight) ([]storage.Highlight, Report) {
	// newStart[i] is where kept paragraph i begins in body.
	newStart := make([]int, len(ps))
	at := 0
	for i, p := range ps {
		if !gone[i] {
			newStart[i] = at
			at += p.End - p.Start + 2
		}
	}
	// where maps a highlight lying on kept paragraphs only, with none
	// removed between its ends.
	where := func(h storage.Highlight) (int, int, bool) {
		first, last := -1, -1
		for i, p := range ps {
			if p.Start <= h.Start && h.Start < p.End {
				first = i
			}
			if p.Start < h.End && h.End <= p.End {
				last = i
			}
		}
		if h.Orphaned || first < 0 || last < first {
			return 0, 0, false
		}
		for i := first; i <= last; i++ {
			if gone[i] {
				return 0, 0, false
			}
		}
		return newStart[first] + h.Start - ps[first].Start, newStart[last] + h.End - ps[last].Start, true
	}
	var rep Report
	out := make([]storage.Highlight, len(hs))
	var rest []int
	for i, h := range hs {
		s, e, ok := where(h)
		if ok {
			if sel, err := anchor.Describe(body, s, e); err == nil && sel.Exact == h.Quote {
				st := anchor.Moved
				if s == h.Start {
					st = anchor.Exact
				}
				out[i] = rep.count(h, anchor.Result{Selector: sel, Status: st, Score: 1})
				continue
			}
		}
		rest = append(rest, i)
	}
	if len(rest) > 0 {
		sels := make([]anchor.Selector, len(rest))
		for j, i := range rest {
			h := hs[i]
			sels[j] = anchor.Selector{Start: h.Start, End: h.End, Exact: h.Quote, Prefix: h.Prefix, Suffix: h.Suffix}
		}
		for j, r := range anchor.ReanchorAll(old, body, sels) {
			out[rest[j]] = rep.count(hs[rest[j]], r)
		}
	}
	return out, rep
}
