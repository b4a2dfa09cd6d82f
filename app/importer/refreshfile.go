package importer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"scholia/app/edit"
	"scholia/storage"
)

// FileGoneError says the file an article was imported from is no longer
// where it was: nothing to read again, and nothing changed.
type FileGoneError struct{ Path string }

func (e *FileGoneError) Error() string {
	return fmt.Sprintf("%s is gone: the file this article was imported from is no longer there", e.Path)
}

// refreshFile reads the file article a was imported from again and, when
// its text changed, puts the new text in place through edit.ApplyPages:
// highlights follow their words (an orphan is kept), a PDF's pages are its
// new ones, another file's page starts follow the edit.
func refreshFile(ctx context.Context, s *storage.Store, a storage.Article) (edit.Report, bool, error) {
	info, err := os.Stat(a.SourcePath)
	if errors.Is(err, fs.ErrNotExist) {
		return edit.Report{}, false, &FileGoneError{Path: a.SourcePath}
	}
	if err != nil {
		return edit.Report{}, false, err
	}
	if !info.Mode().IsRegular() {
		return edit.Report{}, false, fmt.Errorf("%s is no longer a file", a.SourcePath)
	}
	docs, err := parseFile(a.SourcePath, Options{})
	if err != nil {
		return edit.Report{}, false, err
	}
	if err := ctx.Err(); err != nil {
		return edit.Report{}, false, err
	}
	d := docs[0]
	if d.Body == a.Body && (d.Markdown == a.Markdown || d.Markdown == "") {
		return edit.Report{}, true, nil
	}
	return replaceWith(ctx, s, a.ID, d, a.SourcePath, d.Pages)
}

// absPath is path made absolute, kept as given when that fails.
func absPath(path string) string {
	if p, err := filepath.Abs(path); err == nil {
		return p
	}
	return path
}
