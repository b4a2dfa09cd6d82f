// Package export turns articles and their highlights into files a user can
// keep outside Scholia: Markdown (one file, or one file per article in an
// Obsidian vault) and W3C Web Annotation JSON that reads back as a library.
//
// It works on model values only: no fyne, no SQL. Output is deterministic:
// the same input always gives the same bytes.
package export

import (
	"cmp"
	"slices"
	"strconv"

	"scholia/storage"
)

// Doc is one article with its highlights (any order; export sorts by Start,
// orphaned apart).
type Doc struct {
	Article    storage.Article
	Highlights []storage.Highlight
	Cards      map[int64]storage.Card // flashcards by highlight ID; may be nil
	// FullText puts the article's text in the export, its highlights
	// marked (see fullText); Article.Body and Markdown must be loaded.
	FullText bool
}

// ScholiaID is the stable identifier written to an article's front matter
// ("sch-<article ID>"). It is derived from the library's article ID rather
// than from the title or body, so it survives edits to either; re-exporting
// into a vault finds the file it wrote before by this value. IDs belong to
// one library, so two libraries exporting into the same folder would collide:
// that is a documented limit, not a case we try to merge.
func ScholiaID(a storage.Article) string {
	return "sch-" + strconv.FormatInt(a.ID, 10)
}

// sortedHighlights returns the attached and the orphaned highlights, each
// ordered by (Start, ID) so the output does not depend on the caller's order.
func sortedHighlights(hs []storage.Highlight) (attached, orphaned []storage.Highlight) {
	attached = make([]storage.Highlight, 0, len(hs))
	for _, h := range hs {
		if h.Orphaned {
			orphaned = append(orphaned, h)
		} else {
			attached = append(attached, h)
		}
	}
	byPos := func(a, b storage.Highlight) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	}
	slices.SortFunc(attached, byPos)
	slices.SortFunc(orphaned, byPos)
	return attached, orphaned
}

// sortedTags returns a sorted copy of tags without duplicates or empty
// entries; callers' slices are never reordered in place.
func sortedTags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if t != "" {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// palette looks colours up by key. The first colour with a key wins, so a
// duplicated key cannot make the output depend on map order.
type palette map[string]storage.Color

func newPalette(colors []storage.Color) palette {
	p := make(palette, len(colors))
	for _, c := range colors {
		if _, ok := p[c.Key]; !ok {
			p[c.Key] = c
		}
	}
	return p
}

// lookup returns the colour for key; an unknown key stands for itself so a
// highlight never loses its colour information on export.
func (p palette) lookup(key string) storage.Color {
	if c, ok := p[key]; ok {
		return c
	}
	return storage.Color{Key: key, Name: key}
}
