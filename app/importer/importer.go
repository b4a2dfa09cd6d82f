// Package importer runs a batch import: files and folders in, articles in
// the library out, one result per file, with progress and cancellation. The
// command line and the window share it.
package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"

	"scholia/app/epub"
	"scholia/app/images"
	"scholia/app/ingest"
	"scholia/app/pdf"
	"scholia/storage"
)

// parseFile reads one file with the importer its kind needs: EPUB books
// through app/epub (one article per chapter with opts.EPUBChapters),
// everything else through ingest.
func parseFile(path string, opts Options) ([]ingest.Doc, error) {
	if epub.Is(path) && opts.EPUBChapters {
		return epub.ChapterFiles(path)
	}
	var d ingest.Doc
	var err error
	switch {
	case epub.Is(path):
		d, err = epub.File(path)
	case pdf.Is(path):
		d, err = pdf.File(path)
	default:
		d, err = ingest.FileWith(path, ingest.Options{Encoding: opts.Encoding, KeepDataImages: true})
		if err == nil {
			images.Localize(&d, images.FileResolver(path), nil)
		}
	}
	if err != nil {
		return nil, err
	}
	return []ingest.Doc{d}, nil
}

// ParseFile reads one file as Run would, without storing it (--dry-run).
func ParseFile(path string, opts Options) ([]ingest.Doc, error) { return parseFile(path, opts) }

// Status is what happened to one file.
type Status int

// The outcomes of one file.
const (
	Imported Status = iota
	Duplicate
	Failed
)

func (s Status) String() string {
	return [...]string{"imported", "skipped", "failed", "refreshed"}[s]
}

// Result is the outcome for one file.
type Result struct {
	Path     string
	Status   Status
	ID       int64  // the new article, or the existing one for a duplicate
	Title    string // of the imported article
	Err      error  // why it failed, one line naming the file
	Warnings []string
}

// Report sums up a batch.
type Report struct {
	Results  []Result
	Imported int
	Skipped  int // duplicates
	Failed   int
	Ignored  int // files in folders that are not importable
	// NotAttempted counts the files never stored because the batch stopped
	// (cancelled, or the library refused a write: locked past the busy
	// timeout, disk full, read-only). Run's error says why.
	NotAttempted int
}

// Library is what an import needs of the library (*storage.Store).
type Library interface {
	ImportArticles(ctx context.Context, arts []*storage.Article) ([]error, error)
}

// Progress is sent after each file: Done of Total, the file just finished.
type Progress struct {
	Done, Total int
	Last        Result
}

// Options change a batch.
type Options struct {
	Tags []string // added to every imported article
	// BatchSize is how many articles go into one transaction (default 256):
	// big enough to be fast, small enough that a crash or cancel loses
	// little and progress moves.
	BatchSize int
	// Encoding is the user's --encoding: the files are in it, whatever
	// detection would say.
	Encoding string
	// EPUBChapters imports each chapter of an EPUB book as its own
	// article, "Book — Chapter", tagged with the book's title.
	EPUBChapters bool
}

// Expand turns files and folders into the list of files to import, in order,
// counting the non-importable files found in folders. A path that does not
// exist becomes a failed result rather than stopping the batch.
func Expand(paths []string) (files []string, missing []Result, ignored int) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			missing = append(missing, Result{Path: p, Status: Failed, Err: fmt.Errorf("%s: %w", p, errors.Unwrap(err))})
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		fs, skipped, err := ingest.Walk(p)
		if err != nil {
			missing = append(missing, Result{Path: p, Status: Failed, Err: fmt.Errorf("%s: %v", p, err)})
		}
		files = append(files, fs...)
		ignored += skipped
	}
	return files, missing, ignored
}

// Run imports the paths (files or folders) into the store. Files are parsed
// in parallel and stored in batches; each file's result is reported through
// progress (which may be nil) in input order. Cancelling ctx stops after the
// current batch: what was stored stays stored and is reported. When the
// batch stops early the error says why and Report.NotAttempted how many
// files were left.
func Run(ctx context.Context, s Library, paths []string, opts Options, progress func(Progress)) (Report, error) {
	files, missing, ignored := Expand(paths)
	rep := Report{Ignored: ignored}
	total := len(files) + len(missing)
	emit := func(r Result) {
		rep.Results = append(rep.Results, r)
		switch r.Status {
		case Imported:
			rep.Imported++
		case Duplicate:
			rep.Skipped++
		default:
			rep.Failed++
		}
		if progress != nil {
			progress(Progress{Done: len(rep.Results), Total: total, Last: r})
		}
	}
	for _, m := range missing {
		emit(m)
	}
	size := opts.BatchSize
	if size <= 0 {
		size = 256
	}
	stop := func(err error) (Report, error) {
		rep.NotAttempted = total - len(rep.Results)
		return rep, err
	}
	for start := 0; start < len(files); start += size {
		if err := ctx.Err(); err != nil {
			return stop(err)
		}
		batch := files[start:min(start+size, len(files))]
		results, arts := parseAll(batch, opts)
		var toStore []*storage.Article
		var idx []int
		for i, as := range arts {
			for _, a := range as {
				toStore = append(toStore, a)
				idx = append(idx, i)
			}
		}
		if len(toStore) > 0 {
			errs, err := s.ImportArticles(ctx, toStore)
			if err != nil {
				return stop(err)
			}
			// A file is imported when one of its articles (a book's
			// chapters) is new; its result names the first new one.
			stored := make([]bool, len(batch))
			for k, i := range idx {
				var dup *storage.DuplicateError
				switch {
				case stored[i]:
				case errors.As(errs[k], &dup):
					results[i].Status, results[i].ID = Duplicate, dup.ID
					results[i].Err = fmt.Errorf("%s: already in the library as article %d", batch[i], dup.ID)
				case errs[k] != nil:
					results[i].Status, results[i].Err = Failed, fmt.Errorf("%s: %v", batch[i], errs[k])
				default:
					results[i].Status, results[i].ID, results[i].Err = Imported, toStore[k].ID, nil
					stored[i] = true
				}
			}
		}
		for _, r := range results {
			emit(r)
		}
	}
	return rep, nil
}

// parseAll parses files on all cores; arts[i] is nil where results[i]
// failed, and holds a book's chapters with opts.EPUBChapters.
func parseAll(files []string, opts Options) ([]Result, [][]*storage.Article) {
	results := make([]Result, len(files))
	arts := make([][]*storage.Article, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = Result{Path: files[i]}
				docs, err := parseFile(files[i], opts)
				if err != nil {
					results[i].Status, results[i].Err = Failed, err
					continue
				}
				results[i].Title = docs[0].Title
				if len(docs) > 1 {
					results[i].Title = fmt.Sprintf("%s (%d chapters)", docs[0].Tags[0], len(docs))
				}
				for _, d := range docs {
					results[i].Warnings = append(results[i].Warnings, d.Warnings...)
					arts[i] = append(arts[i], FromDoc(d, opts.Tags))
				}
				// A file read whole is kept as the article's source, for
				// Refresh; a book split into chapters is not one article's.
				if len(docs) == 1 {
					arts[i][0].SourcePath = absPath(files[i])
				}
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results, arts
}

// FromDoc makes the article to store from a parsed document.
func FromDoc(d ingest.Doc, extraTags []string) *storage.Article {
	return &storage.Article{
		Title: d.Title, Author: d.Author, Source: d.Source, URL: d.URL, Published: d.Published, Language: d.Language,
		Body: d.Body, Markdown: d.Markdown, Blocks: d.Blocks, Pages: d.Pages, Tags: append(append([]string(nil), d.Tags...), extraTags...),
		Media: d.Media,
	}
}
