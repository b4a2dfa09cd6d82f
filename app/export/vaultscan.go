package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxFrontMatter bounds how much of an existing file Vault reads looking
// for front matter; a user's large note without it is not read whole.
const maxFrontMatter = 64 << 10

// foundFile is a Markdown file under the vault folder that carries a
// scholia_id.
type foundFile struct {
	path  string // relative to the vault folder
	id    string // its scholia_id
	title string // the title in its front matter
}

// vaultScan is what Vault knows of the folder before writing.
type vaultScan struct {
	byID  map[string][]foundFile     // by scholia_id, sorted by path
	taken map[string]map[string]bool // folder (relative) → lower-cased names in it
}

// scanVault walks dir and its subfolders (not hidden ones such as
// .obsidian or .trash, and not through symlinks) for .md files with a
// scholia_id in their front matter. Conflict copies are not articles'
// files and are skipped.
func scanVault(ctx context.Context, dir string) (vaultScan, error) {
	sc := vaultScan{byID: map[string][]foundFile{}, taken: map[string]map[string]bool{}}
	var md []string
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			return nil // an unreadable subfolder is not ours
		}
		rel, _ := filepath.Rel(dir, path)
		if rel == "." {
			return nil
		}
		name := e.Name()
		folder := filepath.Dir(rel)
		if sc.taken[folder] == nil {
			sc.taken[folder] = map[string]bool{}
		}
		sc.taken[folder][strings.ToLower(name)] = true
		if e.IsDir() {
			if strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		lower := strings.ToLower(name)
		if e.Type().IsRegular() && strings.HasSuffix(lower, ".md") && !strings.HasSuffix(lower, conflictSuffix) {
			md = append(md, rel)
		}
		return ctx.Err()
	})
	if err != nil {
		return sc, fmt.Errorf("export: vault: %w", err)
	}
	found := make([]foundFile, len(md))
	err = forEach(ctx, len(md), func(i int) error {
		// An unreadable file or one without front matter is not ours.
		found[i], _ = readFrontMatter(filepath.Join(dir, md[i]))
		found[i].path = md[i]
		return nil
	}, func(int) {})
	if err != nil {
		return sc, err
	}
	for _, f := range found { // md is in walk order: sorted by path
		if f.id != "" {
			sc.byID[f.id] = append(sc.byID[f.id], f)
		}
	}
	return sc, nil
}

// readFrontMatter reads scholia_id and title from the YAML front matter
// at the start of path, if any. Only the front matter block is read.
func readFrontMatter(path string) (foundFile, error) {
	var ff foundFile
	f, err := os.Open(path)
	if err != nil {
		return ff, err
	}
	defer f.Close()
	r := bufio.NewReader(io.LimitReader(f, maxFrontMatter))
	first, err := r.ReadString('\n')
	first = strings.TrimPrefix(first, "\ufeff") // see parseVaultFile
	if err != nil || strings.TrimRight(first, "\r\n") != "---" {
		return ff, errors.New("no front matter")
	}
	var yml strings.Builder
	for {
		line, err := r.ReadString('\n')
		if t := strings.TrimRight(line, "\r\n"); t == "---" || t == "..." {
			break
		}
		if err != nil {
			return ff, errors.New("unterminated front matter")
		}
		yml.WriteString(line)
	}
	var fm struct {
		ID    string `yaml:"scholia_id"`
		Title string `yaml:"title"`
	}
	err = yaml.Unmarshal([]byte(yml.String()), &fm)
	ff.id, ff.title = fm.ID, fm.Title
	return ff, err
}

// newName gives a file name for title in folder (relative), unique there.
func (sc *vaultScan) newName(folder, title string) string {
	if sc.taken[folder] == nil {
		sc.taken[folder] = map[string]bool{}
	}
	name := FileName(title, sc.taken[folder])
	if folder == "." {
		return name
	}
	return filepath.Join(folder, name)
}

// checkLocal is a last guard that a path cannot leave the vault folder,
// whatever FileName's rules become.
func checkLocal(rel string) error {
	if rel == "" || !filepath.IsLocal(rel) || strings.ContainsRune(filepath.Base(rel), '\\') {
		return fmt.Errorf("export: vault: unsafe file name %q", rel)
	}
	return nil
}
