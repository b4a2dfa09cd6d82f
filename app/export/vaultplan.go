package export

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"scholia/storage"
)

// planVault picks each article's existing file and the name to write.
func planVault(dir string, docs []Doc, jobs []vaultJob, sc vaultScan, recs map[int64]storage.ExportFile, rep *VaultReport) error {
	for k := range jobs {
		j := &jobs[k]
		a := docs[j.doc].Article
		found := sc.byID[ScholiaID(a)]
		if r, ok := recs[a.ID]; ok {
			j.rec = &r
		}
		chosen := -1
		if j.rec != nil {
			for i, f := range found {
				if f.path == j.rec.Path {
					chosen = i
				}
			}
			if chosen < 0 && len(found) > 1 {
				// Moved or renamed, and copied: the one holding what
				// Scholia last wrote is ours.
				for i, f := range found {
					if hashFile(filepath.Join(dir, f.path)) == j.rec.Hash {
						chosen = i
						break
					}
				}
			}
		}
		if chosen < 0 && len(found) > 0 {
			chosen = 0
		}
		title := strings.TrimSpace(clean(a.Title, false))
		if chosen >= 0 {
			f := found[chosen]
			j.path, j.target = f.path, f.path
			for i, c := range found {
				if i != chosen {
					rep.Copies = append(rep.Copies, c.path)
				}
			}
			// Scholia's own file keeps following the title; a file the
			// user renamed keeps the user's name, also once the ledger has
			// recorded it there: only a file still named for its old title
			// is renamed (in whatever folder the user moved it to).
			if j.rec != nil && j.rec.Path == f.path && f.title != title && namedFor(filepath.Base(f.path), f.title) {
				// Its own name may be given again (the new title maps to
				// it); otherwise the old name stays taken for this run, so
				// no other article's file is written where this one is
				// still being read or removed.
				folder, own := filepath.Dir(f.path), strings.ToLower(filepath.Base(f.path))
				delete(sc.taken[folder], own)
				j.target = sc.newName(folder, title)
				sc.taken[folder][own] = true
			}
		} else {
			j.target = sc.newName(".", title)
		}
		if err := checkLocal(j.target); err != nil {
			return err
		}
		rep.Files[j.doc] = j.target
	}
	slices.Sort(rep.Copies)
	return nil
}

// reportGone lists the files of articles that are no longer in the library.
func reportGone(ctx context.Context, docs []Doc, sc vaultScan, l Ledger, rep *VaultReport) error {
	if l == nil {
		return nil
	}
	in := make(map[string]bool, len(docs))
	for _, d := range docs {
		in[ScholiaID(d.Article)] = true
	}
	var ids []int64
	files := map[int64][]string{}
	for sid, fs := range sc.byID {
		var id int64
		if in[sid] || !strings.HasPrefix(sid, "sch-") {
			continue
		}
		if _, err := fmt.Sscanf(sid, "sch-%d", &id); err != nil || ScholiaID(storage.Article{ID: id}) != sid {
			continue
		}
		ids = append(ids, id)
		for _, f := range fs {
			files[id] = append(files[id], f.path)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	exist, err := l.ArticlesExist(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !exist[id] {
			rep.Gone = append(rep.Gone, files[id]...)
		}
	}
	slices.Sort(rep.Gone)
	return nil
}

// hashFile is the managed hash of the file at path, "" if it has none.
func hashFile(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	f := parseVaultFile(data)
	if !f.hasRegion {
		return ""
	}
	return managedHash(&f)
}

// namedFor reports whether base is a name FileName gives title: the name
// itself or one with a number added to tell it from another ("Title 2.md").
func namedFor(base, title string) bool {
	taken := map[string]bool{}
	for range 64 {
		if strings.EqualFold(FileName(title, taken), base) {
			return true
		}
	}
	return false
}
