package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"scholia/app/anchor"
	"scholia/app/epub"
	"scholia/app/importhl"
	"scholia/app/ingest"
	"scholia/app/pdf"
	"scholia/storage"
)

// HighlightLibrary is what an import of highlights needs of the library
// (*storage.Store).
type HighlightLibrary interface {
	Origins(ctx context.Context, source string) (map[string]int64, error)
	ArticleByURL(ctx context.Context, url string) (storage.Article, error)
	Article(ctx context.Context, id int64) (storage.Article, error)
	ImportAnnotations(ctx context.Context, source string, works []storage.ImportedWork) (storage.ImportCounts, error)
}

// WorkPlan is what one book or page of the file will become.
type WorkPlan struct {
	Title     string
	ArticleID int64 // the article anchored onto; 0 for a new article
	New       int   // highlights to add
	Orphaned  int   // of those, kept orphaned
	Known     int   // imported before: skipped
}

// HighlightPlan is a highlights file read and matched against the library,
// nothing written yet: what a dry run prints and the window confirms.
type HighlightPlan struct {
	Path     string
	Format   importhl.Format
	Works    []WorkPlan
	Problems []string // bad rows skipped, one line each

	NewArticles int
	Anchored    int // highlights placed on articles already in the library
	Orphaned    int
	Known       int
	Added       int // all highlights to add

	store []storage.ImportedWork
}

// PlanHighlights matches a parsed file against the library: a book or page
// imported before, or one whose URL the library holds, has its new
// annotations anchored onto that article's text; any other becomes an
// article made of its quotes (with tags added). Annotations imported before
// are counted and left out.
func PlanHighlights(ctx context.Context, lib HighlightLibrary, path string, set importhl.Set, tags []string) (HighlightPlan, error) {
	p := HighlightPlan{Path: path, Format: set.Format, Problems: set.Problems}
	source := string(set.Format)
	known, err := lib.Origins(ctx, source)
	if err != nil {
		return p, err
	}
	for _, w := range set.Works {
		wp := WorkPlan{Title: w.Title}
		var fresh []importhl.Annotation
		for _, a := range w.Annotations {
			if _, ok := known[a.Origin]; ok {
				wp.Known++
				continue
			}
			known[a.Origin] = 0 // the same id twice in one file: once
			fresh = append(fresh, a)
		}
		p.Known += wp.Known
		if len(fresh) == 0 && (w.Body == "" || wp.Known > 0 || known[w.Origin] != 0) {
			p.Works = append(p.Works, wp)
			continue
		}
		target, err := existing(ctx, lib, known, w)
		if err != nil {
			return p, err
		}
		iw := storage.ImportedWork{Origin: w.Origin}
		var placed []importhl.Placed
		if target.ID != 0 {
			iw.ArticleID, wp.ArticleID, wp.Title = target.ID, target.ID, target.Title
			placed = importhl.Anchor(target.Body, fresh)
		} else if w.Body != "" {
			// A page that came with its text: the article is that text,
			// the highlights anchored onto it like onto any article.
			iw.Article = storage.Article{Title: w.Title, Author: w.Author, URL: w.URL, Body: w.Body, Markdown: w.Markdown, Blocks: w.Blocks, Note: w.Note,
				Tags: append(append([]string(nil), w.Tags...), tags...)}
			placed = importhl.Anchor(w.Body, fresh)
			p.NewArticles++
		} else {
			w.Annotations = fresh
			iw.Article, placed = importhl.Compose(w)
			iw.Article.Tags = append(iw.Article.Tags, tags...)
			p.NewArticles++
		}
		for _, pl := range placed {
			iw.Highlights = append(iw.Highlights, storage.ImportedHighlight{Origin: pl.Origin, Locator: pl.Locator, Highlight: pl.Highlight})
			if pl.Status == anchor.Orphaned {
				wp.Orphaned++
			} else if target.ID != 0 {
				p.Anchored++
			}
		}
		wp.New = len(placed)
		p.Added += wp.New
		p.Orphaned += wp.Orphaned
		p.Works = append(p.Works, wp)
		p.store = append(p.store, iw)
	}
	return p, nil
}

// existing is the article a work goes onto: the one it made before, else
// the one with its URL; the zero Article when there is none.
func existing(ctx context.Context, lib HighlightLibrary, known map[string]int64, w importhl.Work) (storage.Article, error) {
	if id := known[w.Origin]; id != 0 {
		a, err := lib.Article(ctx, id)
		if err == nil || !errors.Is(err, storage.ErrNotFound) {
			return a, err
		}
	}
	if w.URL == "" {
		return storage.Article{}, nil
	}
	a, err := lib.ArticleByURL(ctx, w.URL)
	if errors.Is(err, storage.ErrNotFound) {
		return storage.Article{}, nil
	}
	return a, err
}

// Summary is the plan in one line.
func (p HighlightPlan) Summary() string {
	return fmt.Sprintf("%s, %s added (%d anchored onto articles already in the library, %d orphaned), %d already imported, %s skipped",
		count(p.NewArticles, "new article"), count(p.Added, "highlight"), p.Anchored, p.Orphaned, p.Known, count(len(p.Problems), "bad row"))
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// CommitHighlights stores the plan, the whole file in one transaction.
func CommitHighlights(ctx context.Context, lib HighlightLibrary, p HighlightPlan) (storage.ImportCounts, error) {
	if len(p.store) == 0 {
		return storage.ImportCounts{}, nil
	}
	return lib.ImportAnnotations(ctx, string(p.Format), p.store)
}

// Articles lists the articles the plan stored into, after CommitHighlights
// (new ones get their IDs then), in the file's order.
func (p HighlightPlan) Articles() []int64 {
	var ids []int64
	for _, w := range p.store {
		if w.ArticleID != 0 {
			ids = append(ids, w.ArticleID)
		}
	}
	return ids
}

// IsHighlightsFile says whether an import should read path as highlights
// from another tool rather than as an article: a file (not a folder) whose
// content looks like one of importhl's formats, or whose extension no
// article importer takes (it is then refused by importhl, naming the
// formats, rather than as "unsupported file type").
func IsHighlightsFile(path string) bool {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	if epub.Is(path) || pdf.Is(path) {
		return false // a book or paper, read by app/epub or app/pdf
	}
	if !ingest.Importable(path) {
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, 64<<10))
	switch importhl.Detect(head) {
	case importhl.Kindle, importhl.Readwise:
		return true
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[') && filepath.Ext(path) != ".md"
}
