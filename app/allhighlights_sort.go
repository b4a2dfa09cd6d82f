package app

import (
	"cmp"
	"slices"
	"strings"

	"scholia/storage"
)

// The orders All highlights offers.
const (
	hlSortNewest   = "Newest first"
	hlSortDocument = "Document order"
	hlSortColour   = "Colour"
)

var hlSorts = []string{hlSortNewest, hlSortDocument, hlSortColour}

// hlRow is one row of All highlights: an article's header when grouping,
// else a highlight (hl >= 0 indexes the rows the query returned).
type hlRow struct {
	header string
	count  int // highlights under the header
	hl     int
}

// arrangeHighlights orders the query's rows (which come newest first) and,
// when group is set, puts them under one header per article. Document
// order goes by article title, then place in the article; colour goes by
// the palette's order, newest first within a colour. Groups keep the order
// of their first row.
func arrangeHighlights(rows []storage.LibraryHighlight, order string, group bool, colors []storage.Color) []hlRow {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	rank := map[string]int{}
	for i, c := range colors {
		rank[c.Key] = i
	}
	byDoc := func(a, b storage.LibraryHighlight) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.ArticleTitle), strings.ToLower(b.ArticleTitle)),
			cmp.Compare(a.ArticleID, b.ArticleID), cmp.Compare(a.Start, b.Start), cmp.Compare(a.ID, b.ID))
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := rows[i], rows[j]
		switch order {
		case hlSortDocument:
			return byDoc(a, b)
		case hlSortColour:
			ra, okA := rank[a.Color]
			rb, okB := rank[b.Color]
			if !okA {
				ra = len(colors)
			}
			if !okB {
				rb = len(colors)
			}
			return cmp.Compare(ra, rb) // stable: newest first within a colour
		}
		return 0 // newest first, as queried
	})
	if !group {
		out := make([]hlRow, len(idx))
		for k, i := range idx {
			out[k] = hlRow{hl: i}
		}
		return out
	}
	var articles []int64
	members := map[int64][]int{}
	for _, i := range idx {
		id := rows[i].ArticleID
		if _, ok := members[id]; !ok {
			articles = append(articles, id)
		}
		members[id] = append(members[id], i)
	}
	out := make([]hlRow, 0, len(idx)+len(articles))
	for _, id := range articles {
		m := members[id]
		out = append(out, hlRow{header: rows[m[0]].ArticleTitle, count: len(m), hl: -1})
		for _, i := range m {
			out = append(out, hlRow{hl: i})
		}
	}
	return out
}

// hlMeta is the caption under a quote: colour, article (unless grouped
// under it), the comment's first line and the highlight's tags.
func hlMeta(c storage.Color, h storage.LibraryHighlight, grouped bool) string {
	meta := c.Name
	if !grouped {
		meta += " · " + shorten(h.ArticleTitle, 60)
	}
	if h.Comment != "" {
		meta += " — " + firstLine(h.Comment)
	}
	for _, t := range h.Tags {
		meta += "  #" + t
	}
	if h.Orphaned {
		meta = "orphaned · " + meta
	}
	return meta
}
