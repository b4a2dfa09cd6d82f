package app

import (
	"strconv"

	"scholia/storage"
)

// cardPage is the page a highlight card names ("p. 12 · "), quietly, in
// front of its colour: only for an article that has pages (a PDF paper),
// and not for an orphan, whose offsets no longer point at its words.
func cardPage(a *storage.Article, h storage.Highlight) string {
	if a == nil || a.ID != h.ArticleID || len(a.Pages) == 0 || h.Orphaned {
		return ""
	}
	return "p. " + strconv.Itoa(storage.PageAt(a.Pages, h.Start)) + " · "
}
