package export

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"scholia/storage"
)

// VaultReport counts what Vault did. Files holds the file name (relative
// to the vault folder) of each doc, in the order of the docs given.
type VaultReport struct {
	Written, Updated, Unchanged int
	Files                       []string
}

// maxFrontMatter bounds how much of an existing file Vault reads looking
// for front matter; a user's large note without it is not read whole.
const maxFrontMatter = 64 << 10

// ownFile is a Markdown file in the vault that Vault wrote before.
type ownFile struct {
	name  string // file name in the vault folder
	title string // the title recorded in its front matter
}

// Vault writes one .md per article into dir (an Obsidian vault), updating
// the files it wrote before (found by scholia_id in their front matter) and
// touching nothing else: other files, files without a scholia_id, and
// files of articles not in docs are left as they are. Only dir itself is
// scanned, not its subfolders. A file keeps its name (the user may have
// renamed it) unless the article's title changed, in which case it is
// renamed to the new title's file name rather than duplicated. Each file is
// written to a temporary name and renamed into place, so no half-written
// file is ever visible; a file whose content would not change is not
// rewritten. progress, if not nil, is called after each doc. Cancelling
// ctx stops between files and returns the report so far with ctx.Err().
func Vault(ctx context.Context, dir string, docs []Doc, colors []storage.Color, progress func(done, total int)) (VaultReport, error) {
	rep := VaultReport{Files: make([]string, len(docs))}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, fmt.Errorf("export: vault: %w", err)
	}
	own, taken, err := scanVault(dir)
	if err != nil {
		return rep, err
	}
	// Names are handed out in article ID order so that two titles that
	// clash get the same names whatever order the caller passes them in.
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(docs[a].Article.ID, docs[b].Article.ID)
	})
	p := newPalette(colors)
	var buf bytes.Buffer
	for done, i := range order {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		d := docs[i]
		buf.Reset()
		if err := renderArticle(&buf, d, p); err != nil {
			return rep, err
		}
		id := ScholiaID(d.Article)
		title := newFrontMatter(d).Title
		prev, found := own[id]
		name := prev.name
		switch {
		case !found:
			name = FileName(title, taken)
		case prev.title != title:
			// The title changed: free the old name first so an article
			// whose new title maps to the same name keeps its file.
			delete(taken, strings.ToLower(prev.name))
			name = FileName(title, taken)
		}
		rep.Files[i] = name
		if err := checkLocal(name); err != nil {
			return rep, err
		}
		path := filepath.Join(dir, name)
		if found && name == prev.name {
			old, err := os.ReadFile(path)
			if err == nil && bytes.Equal(old, buf.Bytes()) {
				rep.Unchanged++
				report(progress, done+1, len(docs))
				continue
			}
		}
		if err := writeAtomic(dir, path, buf.Bytes()); err != nil {
			return rep, err
		}
		if found {
			if name != prev.name {
				if err := os.Remove(filepath.Join(dir, prev.name)); err != nil && !errors.Is(err, os.ErrNotExist) {
					return rep, fmt.Errorf("export: vault: remove renamed file: %w", err)
				}
			}
			rep.Updated++
		} else {
			rep.Written++
		}
		// A later doc with the same scholia_id (a duplicate in docs) must
		// update this file rather than write a second one.
		own[id] = ownFile{name: name, title: title}
		report(progress, done+1, len(docs))
	}
	return rep, nil
}

func report(progress func(done, total int), done, total int) {
	if progress != nil {
		progress(done, total)
	}
}

// checkLocal is a last guard that a name cannot leave the vault folder,
// whatever FileName's rules become.
func checkLocal(name string) error {
	if name == "" || filepath.Base(name) != name || !filepath.IsLocal(name) || strings.ContainsAny(name, `/\`) {
		return fmt.Errorf("export: vault: unsafe file name %q", name)
	}
	return nil
}

// scanVault finds the .md files in dir that carry a scholia_id, and every
// name in dir (lower-cased) so new names never clash with existing ones.
// When several files claim one scholia_id (a user's copy), the first by
// name is ours and the others are left alone.
func scanVault(dir string) (map[string]ownFile, map[string]bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("export: vault: %w", err)
	}
	own := make(map[string]ownFile)
	taken := make(map[string]bool, len(entries))
	for _, e := range entries { // ReadDir sorts by name
		name := e.Name()
		taken[strings.ToLower(name)] = true
		if !e.Type().IsRegular() || !strings.EqualFold(filepath.Ext(name), ".md") {
			continue // symlinks and folders are never ours to rewrite
		}
		fm, err := readFrontMatter(filepath.Join(dir, name))
		if err != nil || fm.ScholiaID == "" {
			continue // unreadable or not ours: leave it alone
		}
		if _, dup := own[fm.ScholiaID]; !dup {
			own[fm.ScholiaID] = ownFile{name: name, title: fm.Title}
		}
	}
	return own, taken, nil
}

// readFrontMatter parses the YAML front matter at the start of path, if
// any. Only the front matter block is read.
func readFrontMatter(path string) (frontMatter, error) {
	var fm frontMatter
	f, err := os.Open(path)
	if err != nil {
		return fm, err
	}
	defer f.Close()
	r := bufio.NewReader(io.LimitReader(f, maxFrontMatter))
	first, err := r.ReadString('\n')
	if err != nil || strings.TrimRight(first, "\r\n") != "---" {
		return fm, errors.New("no front matter")
	}
	var yml strings.Builder
	for {
		line, err := r.ReadString('\n')
		if t := strings.TrimRight(line, "\r\n"); t == "---" || t == "..." {
			break
		}
		if err != nil {
			return fm, errors.New("unterminated front matter")
		}
		yml.WriteString(line)
	}
	err = yaml.Unmarshal([]byte(yml.String()), &fm)
	return fm, err
}

// writeAtomic writes data to a temporary file in dir and renames it to
// path, so readers (Obsidian, a sync tool) see the old or the new file,
// never a half-written one. It does not fsync each file: a vault is an
// export that can be redone, and fsync per file would cost seconds at 10k.
func writeAtomic(dir, path string, data []byte) error {
	f, err := os.CreateTemp(dir, ".scholia-*.tmp")
	if err != nil {
		return fmt.Errorf("export: vault: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("export: vault: write %s: %w", filepath.Base(path), err)
	}
	return nil
}
