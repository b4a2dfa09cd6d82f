package importer

import (
	"context"
	"errors"
	"fmt"

	"scholia/app/edit"
	"scholia/app/fetch"
	"scholia/app/ingest"
	"scholia/storage"
	sdoc "scholia/storage/doc"
)

// ErrNoSource says an article has no web address or file to read again.
var ErrNoSource = errors.New("it was not imported from a web address or a file, so there is no source to read again")

// Refresh reads article id's source again — the file it was imported from
// (refreshFile), else its web address — and replaces its text with the new
// one through edit.Apply, as `import --refresh` does: every highlight
// follows its words, and one whose words are gone is kept, orphaned.
// unchanged reports a source whose text is the same. A page that cannot be
// fetched (gone, moved away, not an article any more) or a file that is
// gone (FileGoneError) is an error of one line naming it, and nothing
// changes.
func Refresh(ctx context.Context, s *storage.Store, id int64, opts fetch.Options) (rep edit.Report, unchanged bool, err error) {
	a, err := s.Article(ctx, id)
	if err != nil {
		return rep, false, err
	}
	if a.SourcePath != "" {
		// Imported from a file: the file is its source, even when the
		// file named a web address (an HTML page's canonical URL).
		return refreshFile(ctx, s, a)
	}
	if !fetch.IsURL(a.URL) {
		return rep, false, ErrNoSource
	}
	doc, err := fetch.Article(ctx, a.URL, opts)
	if err != nil {
		return rep, false, err
	}
	if doc.URL == "" {
		doc.URL = a.URL
	}
	if doc.Body == a.Body && (doc.Markdown == a.Markdown || doc.Markdown == "") {
		return rep, true, nil // nothing to re-anchor, nothing to save
	}
	return replaceText(ctx, s, id, doc)
}

// replaceText puts a fetched page's text and details in place of article
// id's. A page whose text is another article's is refused.
func replaceText(ctx context.Context, s *storage.Store, id int64, doc ingest.Doc) (edit.Report, bool, error) {
	return replaceWith(ctx, s, id, doc, doc.URL, nil)
}

// replaceWith is replaceText for a source named name (its address or file),
// with the new text's own page starts when it has them (nil: the old ones
// follow the edit).
func replaceWith(ctx context.Context, s *storage.Store, id int64, doc ingest.Doc, name string, pages []int) (edit.Report, bool, error) {
	meta := storage.Article{Title: doc.Title, Author: doc.Author, Source: doc.Source, URL: doc.URL, Published: doc.Published}
	// edit.Apply takes the Markdown source; a plain page (text/plain)
	// has none, and its text is escaped so that a "*" stays a "*".
	md := doc.Markdown
	if md == "" {
		md = sdoc.Escape(doc.Body)
	}
	// The new text's images go in first: an edit that then fails leaves
	// them unreferenced (Store.PruneMedia), never a reference without its
	// image.
	for _, m := range doc.Media {
		if _, err := s.PutMedia(ctx, m.Data); err != nil {
			return edit.Report{}, false, err
		}
	}
	er, err := edit.ApplyPages(ctx, s, id, meta, md, pages)
	var dup *storage.DuplicateError
	switch {
	case errors.As(err, &dup) && dup.ID == id:
		return er, true, nil
	case errors.As(err, &dup):
		return er, false, &TextTakenError{URL: name, ID: dup.ID}
	}
	return er, false, err
}

// TextTakenError refuses a refresh whose new text is another article's.
type TextTakenError struct {
	URL string
	ID  int64
}

func (e *TextTakenError) Error() string {
	return fmt.Sprintf("%s: its new text is already article %d", e.URL, e.ID)
}
