package importer

import (
	"context"
	"errors"
	"fmt"

	"scholia/app/fetch"
	"scholia/storage"
)

// Refreshed is a page fetched again whose new text replaced the stored
// one (URLOptions.Refresh), its highlights re-anchored.
const Refreshed Status = Failed + 1

// URLOptions change a batch of web addresses.
type URLOptions struct {
	Tags []string
	// Refresh replaces the text of a page already in the library (found by
	// its canonical URL) with the new one; highlights follow their words
	// through edit.Apply's re-anchoring, and those whose words are gone are
	// orphaned, never dropped. Without it such a page is skipped.
	Refresh bool
	Fetch   fetch.Options
}

// URLResult adds, for a refreshed page, what happened to its highlights.
type URLResult struct {
	Result
	Highlights string // edit.Report.Summary() of a refresh
}

// RunURLs fetches the addresses one after another and stores each page as
// an article, reporting each through progress (which may be nil). One
// failure never stops the batch; cancelling ctx does, between pages, or
// in the middle of a download.
func RunURLs(ctx context.Context, s *storage.Store, urls []string, opts URLOptions, progress func(done, total int, r URLResult)) (Report, error) {
	var rep Report
	for i, u := range urls {
		if err := ctx.Err(); err != nil {
			rep.NotAttempted = len(urls) - i
			return rep, err
		}
		r, err := importURL(ctx, s, u, opts)
		if err != nil { // the library itself failed: stop, like Run
			rep.NotAttempted = len(urls) - i
			return rep, err
		}
		rep.Results = append(rep.Results, r.Result)
		switch r.Status {
		case Imported, Refreshed:
			rep.Imported++
		case Duplicate:
			rep.Skipped++
		default:
			rep.Failed++
		}
		if progress != nil {
			progress(i+1, len(urls), r)
		}
	}
	return rep, nil
}

// importURL handles one address. Its error is the library's (locked,
// read-only, disk full); the page's own problems are in the result.
func importURL(ctx context.Context, s *storage.Store, u string, opts URLOptions) (URLResult, error) {
	r := URLResult{Result: Result{Path: u}}
	// An address already stored is skipped without going to the network.
	if !opts.Refresh {
		if id, err := articleIDByURL(ctx, s, u); err != nil {
			return r, err
		} else if id != 0 {
			return skipped(r, u, id), nil
		}
	}
	doc, err := fetch.Article(ctx, u, opts.Fetch)
	if err != nil {
		if ctx.Err() != nil {
			return r, ctx.Err()
		}
		r.Status, r.Err = Failed, err
		return r, nil
	}
	r.Title, r.Warnings = doc.Title, doc.Warnings
	id, err := articleIDByURL(ctx, s, doc.URL)
	if err != nil {
		return r, err
	}
	if id != 0 && !opts.Refresh {
		return skipped(r, u, id), nil
	}
	if id != 0 {
		er, unchanged, err := replaceText(ctx, s, id, doc)
		var taken *TextTakenError
		switch {
		case errors.As(err, &taken):
			taken.URL = u
			r.Status, r.Err = Failed, taken
		case err != nil:
			return r, err
		case unchanged:
			r.Status, r.ID, r.Highlights = Refreshed, id, "text unchanged"
		default:
			r.Status, r.ID, r.Highlights = Refreshed, id, er.Summary()
		}
		return r, nil
	}
	a := FromDoc(doc, opts.Tags)
	errs, err := s.ImportArticles(ctx, []*storage.Article{a})
	if err != nil {
		return r, err
	}
	var dup *storage.DuplicateError
	switch {
	case errors.As(errs[0], &dup):
		return skipped(r, u, dup.ID), nil
	case errs[0] != nil:
		r.Status, r.Err = Failed, fmt.Errorf("%s: %v", u, errs[0])
	default:
		r.Status, r.ID = Imported, a.ID
	}
	return r, nil
}

func skipped(r URLResult, u string, id int64) URLResult {
	r.Status, r.ID = Duplicate, id
	r.Err = fmt.Errorf("%s: already in the library as article %d", u, id)
	return r
}

// articleIDByURL is the article already stored at this address (also
// without its fragment or trailing slash), or 0.
func articleIDByURL(ctx context.Context, s *storage.Store, u string) (int64, error) {
	a, err := s.ArticleByURL(ctx, u)
	if errors.Is(err, storage.ErrNotFound) || u == "" {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return a.ID, nil
}
