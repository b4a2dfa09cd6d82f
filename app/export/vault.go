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
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"

	"scholia/storage"
)

// VaultReport counts what Vault did. Files holds the file name (relative
// to the vault folder) of each doc, in the order of the docs given; after
// a cancel or an error it still names the files of docs not reached.
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
// rewritten; one that would is replaced whole, edits made to it in the vault
// included (the library is the source). Files are written by a few
// goroutines at once; progress, if not nil, is called on the caller's
// goroutine after each doc. Cancelling ctx stops between files and returns
// the report so far with ctx.Err(). Two docs with one article ID are an
// error, checked before anything is written.
func Vault(ctx context.Context, dir string, docs []Doc, colors []storage.Color, progress func(done, total int)) (VaultReport, error) {
	rep := VaultReport{Files: make([]string, len(docs))}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, fmt.Errorf("export: vault: %w", err)
	}
	own, taken, err := scanVault(ctx, dir)
	if err != nil {
		return rep, err
	}
	jobs, err := planVault(docs, own, taken)
	if err != nil {
		return rep, err
	}
	// Names given out in this run: a retitled article's old file is only
	// removed when no other article now owns that name, since the other
	// article's write replaces it anyway and removing it could race.
	given := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		rep.Files[j.doc] = j.name
		given[strings.ToLower(j.name)] = true
	}
	p := newPalette(colors)
	outcome := make([]vaultOutcome, len(jobs))
	done := 0
	err = forEach(ctx, len(jobs), func(i int) error {
		var err error
		outcome[i], err = jobs[i].run(dir, docs[jobs[i].doc], p, given)
		return err
	}, func(i int) {
		switch outcome[i] {
		case wrote:
			rep.Written++
		case updated:
			rep.Updated++
		default:
			rep.Unchanged++
		}
		done++
		report(progress, done, len(jobs))
	})
	return rep, err
}

type vaultOutcome int

const (
	unchanged vaultOutcome = iota
	wrote
	updated
)

// vaultJob is one article's file: its name in this export, and the name
// of the file it had before (if found).
type vaultJob struct {
	doc   int
	name  string
	prev  string
	found bool
}

// planVault decides every file name before anything is written. Names are
// handed out in article ID order so that two titles that clash get the
// same names whatever order the caller passes the docs in.
func planVault(docs []Doc, own map[string]ownFile, taken map[string]bool) ([]vaultJob, error) {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(docs[a].Article.ID, docs[b].Article.ID)
	})
	jobs := make([]vaultJob, 0, len(docs))
	for k, i := range order {
		a := docs[i].Article
		if k > 0 && docs[order[k-1]].Article.ID == a.ID {
			return nil, fmt.Errorf("export: vault: article %d given twice", a.ID)
		}
		title := strings.TrimSpace(clean(a.Title, false))
		prev, found := own[ScholiaID(a)]
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
		if err := checkLocal(name); err != nil {
			return nil, err
		}
		jobs = append(jobs, vaultJob{doc: i, name: name, prev: prev.name, found: found})
	}
	return jobs, nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// run renders the article and writes it unless the file already holds
// exactly that.
func (j vaultJob) run(dir string, d Doc, p palette, given map[string]bool) (vaultOutcome, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	if err := renderArticle(buf, d, p); err != nil {
		return 0, err
	}
	path := filepath.Join(dir, j.name)
	if j.found && j.name == j.prev {
		if same, _ := sameContent(path, buf.Bytes()); same {
			return unchanged, nil
		}
	}
	if err := writeAtomic(dir, path, buf.Bytes()); err != nil {
		return 0, err
	}
	if !j.found {
		return wrote, nil
	}
	if j.name != j.prev && !given[strings.ToLower(j.prev)] {
		if err := os.Remove(filepath.Join(dir, j.prev)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return 0, fmt.Errorf("export: vault: remove renamed file: %w", err)
		}
	}
	return updated, nil
}

// sameContent reports whether the file at path holds exactly data, reading
// no more than needed.
func sameContent(path string, data []byte) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || fi.Size() != int64(len(data)) {
		return false, err
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(f); err != nil {
		return false, err
	}
	return bytes.Equal(buf.Bytes(), data), nil
}

// forEach runs fn(i) for every i in [0, n) on a few goroutines: file
// writes wait on the disk, so more workers than cores keeps both busy.
// ok(i) runs on the caller's goroutine after each success, in completion
// order. The first error, or ctx ending, stops new work; work already
// started finishes, so ok has seen every file that was written.
func forEach(ctx context.Context, n int, fn func(i int) error, ok func(i int)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		err error
	}
	results := make(chan result)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, max(2, min(8, 2*runtime.GOMAXPROCS(0)))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				results <- result{i, fn(i)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var first error
	for r := range results {
		if r.err != nil {
			if first == nil {
				first = r.err
				cancel()
			}
			continue
		}
		ok(r.i)
	}
	if first != nil {
		return first
	}
	return context.Cause(ctx)
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
func scanVault(ctx context.Context, dir string) (map[string]ownFile, map[string]bool, error) {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return nil, nil, fmt.Errorf("export: vault: %w", err)
	}
	taken := make(map[string]bool, len(entries))
	var md []string
	for _, e := range entries {
		name := e.Name()
		taken[strings.ToLower(name)] = true
		// Symlinks and folders are never ours to rewrite.
		if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(name), ".md") {
			md = append(md, name)
		}
	}
	fms := make([]frontMatter, len(md))
	err = forEach(ctx, len(md), func(i int) error {
		// An unreadable file or one without front matter is not ours.
		fms[i], _ = readFrontMatter(filepath.Join(dir, md[i]))
		return nil
	}, func(int) {})
	if err != nil {
		return nil, nil, err
	}
	own := make(map[string]ownFile)
	for i, fm := range fms {
		if _, dup := own[fm.ScholiaID]; fm.ScholiaID != "" && !dup {
			own[fm.ScholiaID] = ownFile{name: md[i], title: fm.Title}
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
