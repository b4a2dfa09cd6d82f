// Package edit changes an article's text and metadata and carries its
// highlights along: every highlight is re-anchored in the new body and the
// whole change is saved in one transaction, with what is needed to undo it.
// The window and the command line both edit through this package; it knows
// no fyne.
package edit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"scholia/app/anchor"
	"scholia/storage"
	"scholia/storage/doc"
)

// Report says what an edit did to the article's highlights. Exact ones kept
// their offsets, Moved ones kept their words at other offsets, Fuzzy ones
// were re-anchored with changes: placed on changed words, their quote is
// now the new text, and Changed lists each with its old and new quote.
// Orphaned ones could not be placed and are listed in Orphans. Before is the
// article and its highlights as they were, for Undo.
type Report struct {
	Exact, Moved, Fuzzy, Orphaned int
	Changed                       []Change
	Orphans                       []storage.Highlight
	Before                        storage.Bundle
}

// Change is a highlight re-anchored with changes: the words it quoted were
// edited, so its quote went from Old to New.
type Change struct {
	ID  int64  `json:"id"`
	Old string `json:"old_quote"`
	New string `json:"new_quote"`
}

// Summary is the one line shown to the user: "N highlights moved, M could
// not be placed", with "K re-anchored with changes" between them when an
// edit changed the words of some.
func (r Report) Summary() string {
	word := "highlights"
	if r.Moved == 1 {
		word = "highlight"
	}
	changed := ""
	if r.Fuzzy > 0 {
		changed = fmt.Sprintf(", %d re-anchored with changes", r.Fuzzy)
	}
	return fmt.Sprintf("%d %s moved%s, %d could not be placed", r.Moved, word, changed, r.Orphaned)
}

// ErrEmpty is returned for an edit that would leave the article without text.
var ErrEmpty = errors.New("the article text is empty")

// CheckPublished accepts "" (unknown) or a real date written YYYY-MM-DD, the
// only forms stored as an article's published date.
func CheckPublished(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("published date %q is not a date written YYYY-MM-DD", s)
	}
	return nil
}

// Apply saves new metadata (meta's Title, Author, Source, URL and Published;
// its other fields are ignored) and a new Markdown source for article id.
// The reading text is derived from the Markdown (storage/doc), every highlight
// is re-anchored in it, and the article and highlights are saved in one
// transaction: a failure changes nothing.
//
// A PDF's page starts follow the text the same way (anchor.MapPositions):
// each page still starts at its words after the edit.
func Apply(ctx context.Context, s *storage.Store, id int64, meta storage.Article, markdown string) (Report, error) {
	return ApplyPages(ctx, s, id, meta, markdown, nil)
}

// ApplyPages is Apply for a new text that brings its own page starts (a
// PDF read again from its file): pages, when not nil, replace the old ones
// instead of being mapped from them.
func ApplyPages(ctx context.Context, s *storage.Store, id int64, meta storage.Article, markdown string, pages []int) (Report, error) {
	if err := CheckPublished(meta.Published); err != nil {
		return Report{}, err
	}
	markdown = strings.ReplaceAll(strings.ReplaceAll(markdown, "\r\n", "\n"), "\r", "\n")
	d, err := doc.Parse(markdown)
	if err != nil {
		return Report{}, err
	}
	body := d.Text
	if strings.TrimFunc(body, invisible) == "" {
		return Report{}, ErrEmpty
	}
	bs, err := s.Bundles(ctx, []int64{id})
	if err != nil {
		return Report{}, err
	}
	before := bs[0]
	hs, rep := Reanchor(before.Article.Body, body, before.Highlights)
	a := before.Article
	a.Title, a.Author, a.Source, a.URL, a.Published = meta.Title, meta.Author, meta.Source, meta.URL, meta.Published
	a.Body, a.Markdown, a.Blocks = body, markdown, doc.Encode(d)
	a.Pages = pages
	if a.Pages == nil {
		a.Pages = anchor.MapPositions(before.Article.Body, body, before.Article.Pages)
	}
	if err := s.EditArticle(ctx, a, hs); err != nil {
		return Report{}, err
	}
	rep.Before = before
	return rep, nil
}

// invisible: what shows nothing on the page — spaces, and the zero-width
// characters web pastes bring along.
func invisible(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0x2060 || r == 0xFEFF || r == 0xAD
}

// Reanchor places highlights made on oldBody in newBody and counts how they
// fared. Placed highlights get fresh offsets, quote and context; orphaned
// ones keep their quote and stale offsets. Highlights that were already
// orphaned are looked for too (their words may have come back) and count as
// moved when found. The report's Before is left empty.
func Reanchor(oldBody, newBody string, hs []storage.Highlight) ([]storage.Highlight, Report) {
	sels := make([]anchor.Selector, len(hs))
	for i, h := range hs {
		sels[i] = anchor.Selector{Start: h.Start, End: h.End, Exact: h.Quote, Prefix: h.Prefix, Suffix: h.Suffix}
	}
	var rep Report
	out := make([]storage.Highlight, len(hs))
	for i, r := range anchor.ReanchorAll(oldBody, newBody, sels) {
		out[i] = rep.count(hs[i], r)
	}
	return out, rep
}

// count records how highlight h fared (placed as r) and returns it as it
// is now: fresh offsets, quote and context, or orphaned with its old ones.
func (rep *Report) count(h storage.Highlight, r anchor.Result) storage.Highlight {
	st := r.Status
	if st == anchor.Orphaned {
		h.Orphaned = true
		rep.Orphaned++
		rep.Orphans = append(rep.Orphans, h)
		return h
	}
	if h.Orphaned && st == anchor.Exact {
		st = anchor.Moved // found again: it was nowhere before
	}
	switch st {
	case anchor.Exact:
		rep.Exact++
	case anchor.Moved:
		rep.Moved++
	case anchor.Fuzzy:
		rep.Fuzzy++
		rep.Changed = append(rep.Changed, Change{ID: h.ID, Old: h.Quote, New: r.Selector.Exact})
	}
	sel := r.Selector
	h.Start, h.End, h.Quote, h.Prefix, h.Suffix, h.Orphaned = sel.Start, sel.End, sel.Exact, sel.Prefix, sel.Suffix, false
	return h
}

// Undo puts the article back as before holds it (a Report's Before):
// metadata, body and every highlight's offsets, quote and context, exactly.
// Highlights deleted since the edit stay deleted; highlights made since are
// re-anchored into the old body, so none is lost.
func Undo(ctx context.Context, s *storage.Store, before storage.Bundle) error {
	bs, err := s.Bundles(ctx, []int64{before.Article.ID})
	if err != nil {
		return err
	}
	cur := bs[0]
	was := make(map[int64]storage.Highlight, len(before.Highlights))
	for _, h := range before.Highlights {
		was[h.ID] = h
	}
	var hs, later []storage.Highlight
	for _, h := range cur.Highlights {
		if old, ok := was[h.ID]; ok {
			hs = append(hs, old)
		} else {
			later = append(later, h)
		}
	}
	placed, _ := Reanchor(cur.Article.Body, before.Article.Body, later)
	b := before
	b.Highlights = append(hs, placed...)
	return s.RevertEdit(ctx, b)
}
