package importer

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"scholia/app/epub"
	"scholia/app/ingest"
	"scholia/app/pdf"
)

// ExpandPatterns turns what the user typed in the import dialog — one path
// or glob per line, "~/" for the home folder — into the paths to import, in
// the order typed, each once. A line that names nothing is reported in
// unmatched, with the reason, so the dialog can say which line was wrong.
func ExpandPatterns(text, home string) (paths []string, unmatched []string) {
	seen := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		p := strings.TrimSpace(line)
		if p == "" {
			continue
		}
		if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
			p = p[1 : len(p)-1] // a path pasted with quotes around it
		}
		if p == "~" || strings.HasPrefix(p, "~/") {
			if home == "" {
				unmatched = append(unmatched, line+": no home folder to expand ~ in")
				continue
			}
			p = filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
		var found []string
		if strings.ContainsAny(p, "*?[") {
			m, err := filepath.Glob(p)
			if err != nil {
				unmatched = append(unmatched, fmt.Sprintf("%s: not a valid pattern", strings.TrimSpace(line)))
				continue
			}
			found = m
		} else if _, err := os.Stat(p); err == nil {
			found = []string{p}
		}
		if len(found) == 0 {
			unmatched = append(unmatched, fmt.Sprintf("%s: no such file or folder", strings.TrimSpace(line)))
			continue
		}
		for _, f := range found {
			if !seen[f] {
				seen[f] = true
				paths = append(paths, f)
			}
		}
	}
	return paths, unmatched
}

// Unimportable is a file an import passed over, and why.
type Unimportable struct {
	Path   string
	Reason string
}

// ListUnimportable names the files inside the folders among paths that an
// import passes over (the ones Report.Ignored counts), with the reason for
// each, so a summary can say which they were. Hidden files and folders are
// left out, as the import leaves them out without counting them.
func ListUnimportable(paths []string) []Unimportable {
	var out []Unimportable
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil || !info.IsDir() {
			continue
		}
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path != root {
					out = append(out, Unimportable{Path: path, Reason: "could not be read: " + unwrapPath(err)})
					if d != nil && d.IsDir() {
						return fs.SkipDir
					}
				}
				return nil
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || ingest.Importable(d.Name()) || epub.Is(d.Name()) || pdf.Is(d.Name()) {
				return nil
			}
			out = append(out, Unimportable{Path: path, Reason: unsupportedReason(d.Name())})
			return nil
		})
	}
	return out
}

func unsupportedReason(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return "no file extension; Scholia imports .txt, .md, .markdown, .html and .htm"
	}
	return fmt.Sprintf("%s files are not supported; Scholia imports .txt, .md, .markdown, .html and .htm", ext)
}

func unwrapPath(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
