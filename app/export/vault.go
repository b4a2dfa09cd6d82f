package export

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"scholia/storage"
)

// Ledger remembers what Vault wrote: for each export folder and article,
// the file's path and the hash of its managed part. *storage.Store is one.
type Ledger interface {
	ExportFiles(ctx context.Context, folder string) (map[int64]storage.ExportFile, error)
	SetExportFiles(ctx context.Context, folder string, files []storage.ExportFile) error
	ArticlesExist(ctx context.Context, ids []int64) (map[int64]bool, error)
}

// VaultOptions are Vault's settings; the zero value works.
type VaultOptions struct {
	Colors   []storage.Color
	Template *Template // nil: the built-in template
	// Ledger, if not nil, is read for what the last export wrote and told
	// what this one wrote. Without it every existing file counts as the
	// user's: unchanged if it holds what this export would write, a
	// conflict otherwise.
	Ledger Ledger
	// Force overwrites the managed part of files the user changed rather
	// than writing a conflict copy. Text outside it is still kept.
	Force    bool
	Progress func(done, total int) // called on the caller's goroutine
	// Media reads the library's images of full-text docs, written to
	// attachments/ in the vault and linked relative to each note's folder;
	// nil keeps their scholia-media: links.
	Media MediaFunc
}

// VaultReport says what Vault did. Paths are relative to the vault folder.
type VaultReport struct {
	Written, Updated, Unchanged int
	// Files holds the file of each doc, in the order of the docs given;
	// after a cancel or an error it still names the files of docs not
	// reached.
	Files []string
	// Conflicts lists the files whose managed part the user changed: the
	// file was left as it was and the new version written next to it.
	Conflicts []Conflict
	// Copies are other files carrying the scholia_id of an exported
	// article (a user's copy), left alone.
	Copies []string
	// Gone are files of articles no longer in the library, left alone.
	Gone []string
}

// Conflict is one file Vault did not overwrite.
type Conflict struct {
	Article int64
	File    string // the user's file, untouched
	Copy    string // the new version, next to it
	Reason  string
}

type vaultOutcome int

const (
	unchanged vaultOutcome = iota
	wrote
	updated
	conflicted
)

// vaultJob is one article's file.
type vaultJob struct {
	doc    int
	path   string // the existing file ("" if none)
	target string // where to write: path, or a new or renamed name
	rec    *storage.ExportFile
	meta   frontMatter // Scholia's front matter
	fm     []byte      // the same, marshalled
	region []byte      // the managed region
	// Results.
	outcome  vaultOutcome
	record   *storage.ExportFile
	conflict *Conflict
}

// Vault writes one .md per article into dir (an Obsidian vault) and never
// destroys what the user wrote there. Each file has a managed part: the
// front matter keys Scholia owns and the text between the lines
// "%% scholia begin %%" and "%% scholia end %%". Text outside it and other
// front matter keys are kept byte for byte. A file is found again by its
// scholia_id anywhere under dir (renamed or moved); when several carry one,
// the file the ledger says Scholia last wrote is used and the others are
// left alone (Copies). If the managed part differs from what Scholia last
// wrote (by the ledger's hash) the user changed it: the file is left as
// it is and the new version written next to it as Title.scholia-conflict.md
// (Conflicts), unless opt.Force. A file from before managed regions is
// replaced only if it holds exactly what the old exporter wrote for the
// article. Files of articles not in docs are not touched; those of
// articles gone from the library are listed (Gone).
//
// Every article is rendered before anything is written, so a template that
// fails writes nothing. Existing files are replaced atomically (temporary
// file and rename), new ones created in place (never over a file that
// appeared meanwhile), by a few goroutines at once; a file whose content would not
// change is not rewritten. Cancelling ctx stops between files and returns
// the report so far with ctx.Err(); the ledger still learns what was
// written. Two docs with one article ID are an error.
func Vault(ctx context.Context, dir string, docs []Doc, opt VaultOptions) (VaultReport, error) {
	rep := VaultReport{Files: make([]string, len(docs))}
	tp := opt.Template
	if tp == nil {
		tp = defaultTemplate
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, fmt.Errorf("export: vault: %w", err)
	}
	folder, err := ledgerKey(dir)
	if err != nil {
		return rep, err
	}
	recs := map[int64]storage.ExportFile{}
	if opt.Ledger != nil {
		if recs, err = opt.Ledger.ExportFiles(ctx, folder); err != nil {
			return rep, err
		}
	}
	jobs, err := renderVault(ctx, docs, newPalette(opt.Colors), tp)
	if err != nil {
		return rep, err
	}
	sc, err := scanVault(ctx, dir)
	if err != nil {
		return rep, err
	}
	if err := planVault(dir, docs, jobs, sc, recs, &rep); err != nil {
		return rep, err
	}
	if err := relinkVault(ctx, docs, jobs, rep.Files, newPalette(opt.Colors), tp); err != nil {
		return rep, err
	}
	if err := reportGone(ctx, docs, sc, opt.Ledger, &rep); err != nil {
		return rep, err
	}
	// Images, now that each note's folder is known.
	var att *Attachments
	if opt.Media != nil {
		att = NewAttachments(dir)
	}
	for i := range jobs {
		if jobs[i].region, err = resolveMedia(jobs[i].region, relPrefix(jobs[i].target), att, opt.Media); err != nil {
			return rep, err
		}
	}
	p := newPalette(opt.Colors)
	done := 0
	err = forEach(ctx, len(jobs), func(i int) error {
		return jobs[i].run(dir, docs[jobs[i].doc], p, opt.Force)
	}, func(i int) {
		j := &jobs[i]
		rep.Files[j.doc] = j.target
		switch j.outcome {
		case wrote:
			rep.Written++
		case updated:
			rep.Updated++
		case conflicted:
			rep.Conflicts = append(rep.Conflicts, *j.conflict)
		default:
			rep.Unchanged++
		}
		done++
		report(opt.Progress, done, len(jobs))
	})
	slices.SortFunc(rep.Conflicts, func(a, b Conflict) int { return cmp.Compare(a.File, b.File) })
	if opt.Ledger != nil {
		var files []storage.ExportFile
		for _, j := range jobs {
			if j.record != nil {
				files = append(files, *j.record)
			}
		}
		// Recorded even after an error or a cancel: those files were written.
		if lerr := opt.Ledger.SetExportFiles(context.WithoutCancel(ctx), folder, files); lerr != nil && err == nil {
			err = lerr
		}
	}
	return rep, err
}

// ledgerKey is the folder as the ledger knows it: absolute, symlinks
// resolved, so two spellings of one folder share their records.
func ledgerKey(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("export: vault: %w", err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return filepath.Clean(abs), nil
}

// renderVault renders every doc's front matter and region, in parallel,
// before anything is written. The jobs come back in article ID order, so
// names are handed out the same way whatever order docs are given in.
func renderVault(ctx context.Context, docs []Doc, p palette, tp *Template) ([]vaultJob, error) {
	jobs := make([]vaultJob, len(docs))
	for i := range jobs {
		jobs[i].doc = i
	}
	slices.SortStableFunc(jobs, func(a, b vaultJob) int {
		return cmp.Compare(docs[a.doc].Article.ID, docs[b.doc].Article.ID)
	})
	for k := 1; k < len(jobs); k++ {
		if id := docs[jobs[k].doc].Article.ID; id == docs[jobs[k-1].doc].Article.ID {
			return nil, fmt.Errorf("export: vault: article %d given twice", id)
		}
	}
	tg := NewTagger(docs)
	err := forEach(ctx, len(jobs), func(i int) error {
		d := docs[jobs[i].doc]
		var err error
		if jobs[i].region, err = renderRegion(d, p, tg, tp); err != nil {
			return err
		}
		jobs[i].meta = newFrontMatter(d, tg)
		if jobs[i].fm, err = jobs[i].meta.yaml(nil); err != nil {
			return fmt.Errorf("export: article %d front matter: %w", d.Article.ID, err)
		}
		return nil
	}, func(int) {})
	return jobs, err
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// run decides what to do with one article's file and does it.
func (j *vaultJob) run(dir string, d Doc, p palette, force bool) error {
	fresh := composeFile(nil, j.fm, j.region)
	want := j.meta.hash(j.region)
	record := func(path string) {
		// Unchanged records are not written again.
		if j.rec == nil || j.rec.Path != path || j.rec.Hash != want {
			j.record = &storage.ExportFile{ArticleID: d.Article.ID, Path: path, Hash: want}
		}
	}
	if j.path == "" {
		if err := j.write(dir, fresh); err != nil {
			return err
		}
		j.outcome = wrote
		record(j.target)
		return nil
	}
	data, err := os.ReadFile(filepath.Join(dir, j.path))
	if err != nil {
		return fmt.Errorf("export: vault: %w", err)
	}
	if j.target == j.path && bytes.Equal(data, fresh) {
		// The common case, a file nobody touched: nothing to parse.
		j.outcome = unchanged
		record(j.path)
		return nil
	}
	old := parseVaultFile(data)
	var next []byte
	reason := ""
	switch {
	case old.hasRegion:
		next = composeFile(&old, j.fm, j.region)
		cur := managedHash(&old)
		switch {
		case cur == want && j.target == j.path:
			j.outcome = unchanged
			record(j.path)
			return nil
		case j.rec != nil && cur == j.rec.Hash, force, cur == want:
		case j.rec == nil:
			reason = "Scholia has no record of writing it"
		default:
			reason = "its Scholia part was edited"
		}
	case old.broken:
		next, reason = fresh, "its \""+endMarker+"\" line is missing"
	default:
		next = fresh
		var legacy bytes.Buffer
		if err := legacyRender(&legacy, d, p); err != nil || !bytes.Equal(legacy.Bytes(), data) {
			reason = "it was written before Scholia kept its part apart, and edited since"
		}
	}
	if reason != "" && !force {
		return j.writeConflict(dir, d, fresh, reason)
	}
	if err := j.write(dir, next); err != nil {
		return err
	}
	j.outcome = updated
	record(j.target)
	return nil
}

// write writes data to the job's target and, if the file moved to a new
// name, removes the old one.
func (j *vaultJob) write(dir string, data []byte) error {
	path := filepath.Join(dir, j.target)
	write := writeAtomic
	if j.target != j.path {
		// A new name (a first export, or a renamed title): the scan saw no
		// file there, so nothing is replaced and no temporary file is needed.
		write = writeNew
	}
	if err := write(filepath.Dir(path), path, data); err != nil {
		return err
	}
	if j.path != "" && j.path != j.target {
		if err := os.Remove(filepath.Join(dir, j.path)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("export: vault: remove renamed file: %w", err)
		}
	}
	return nil
}

// writeConflict leaves the user's file alone and writes the new version
// next to it.
func (j *vaultJob) writeConflict(dir string, d Doc, fresh []byte, reason string) error {
	cp := strings.TrimSuffix(j.path, filepath.Ext(j.path)) + conflictSuffix
	path := filepath.Join(dir, cp)
	if same, _ := sameContent(path, fresh); !same {
		if err := writeAtomic(filepath.Dir(path), path, fresh); err != nil {
			return err
		}
	}
	j.outcome = conflicted
	j.target = j.path
	j.conflict = &Conflict{Article: d.Article.ID, File: j.path, Copy: cp, Reason: reason}
	return nil
}
