package ingest

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
)

// Walk lists the importable files under root (recursively, sorted, skipping
// hidden files/dirs) and counts the others it skipped. Hidden entries (names
// starting with ".") are not counted: a .git folder would drown the count
// the user sees. A root that is itself a file is listed if importable.
// Folders below root that cannot be read count as skipped rather than
// stopping the walk, so one bad folder never blocks a batch.
func Walk(root string) (files []string, skipped int, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			skipped++
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		// EPUB books and PDF papers are read by app/epub and app/pdf, which
		// the importer calls for them.
		if ext := filepath.Ext(d.Name()); Importable(d.Name()) || strings.EqualFold(ext, ".epub") || strings.EqualFold(ext, ".pdf") {
			files = append(files, path)
		} else {
			skipped++
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	sort.Strings(files)
	return files, skipped, nil
}
