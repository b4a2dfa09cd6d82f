package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scholia/storage"
)

// editDocs is the library of the edit suite: article 1 with two
// highlights, article 2 beside it.
func editDocs() []Doc {
	a := storage.Article{ID: 1, Title: "Geneva talks", Author: "A. Writer", Body: "one two three four",
		Note: "first note", Tags: []string{"c++", "talks"}}
	return []Doc{
		{Article: a, Highlights: []storage.Highlight{
			{ID: 11, ArticleID: 1, Start: 0, End: 3, Quote: "one", Color: "yellow", Comment: "first"},
			{ID: 12, ArticleID: 1, Start: 8, End: 13, Quote: "three", Color: "pink", Tags: []string{"to check"}},
		}},
		{Article: storage.Article{ID: 2, Title: "Other article", Note: "other"}},
	}
}

// TestVaultUserEdits makes the edits a user makes in Obsidian to an
// exported file, changes the article in the library, exports again and
// checks what the re-export kept: the user's text always, byte for byte.
func TestVaultUserEdits(t *testing.T) {
	const file = "Geneva talks.md"
	insert := func(s, at, text string) string {
		i := strings.Index(s, at)
		if i < 0 {
			panic("no " + at)
		}
		return s[:i] + text + s[i:]
	}
	type edit struct {
		// change edits the folder after the first export and returns the
		// path of the user's file (relative) and the text it must hold
		// after the re-export, or "" when the new version must be in it.
		change func(t *testing.T, dir string) (path, keep string)
		// kept is text of the user's that must still be in path.
		kept      string
		conflict  bool // the file is left alone and a conflict copy written
		written   int  // files newly written
		updated   int  // files updated
		copies    []string
		force     bool
		userFiles map[string]string // other files that must not change
	}
	edit1 := func(f func(string) string) func(t *testing.T, dir string) (string, string) {
		return func(t *testing.T, dir string) (string, string) {
			s := f(readFile(t, filepath.Join(dir, file)))
			writeTestFile(t, filepath.Join(dir, file), s)
			return file, ""
		}
	}
	tests := map[string]edit{
		"paragraph above": {
			change: edit1(func(s string) string { return insert(s, beginMarker, "My own intro.\n\n") }),
			kept:   "---\nMy own intro.\n\n%% scholia begin %%", updated: 1,
		},
		"paragraph below": {
			change: edit1(func(s string) string { return s + "\n## My thoughts\n\nThis is *mine*.\n" }),
			kept:   endMarker + "\n\n## My thoughts\n\nThis is *mine*.\n", updated: 1,
		},
		"paragraph between highlights": {
			change:   edit1(func(s string) string { return insert(s, "> three", "My remark in the middle.\n\n") }),
			conflict: true,
		},
		"front matter key": {
			change: edit1(func(s string) string {
				return insert(s, "scholia_id:", "rating: 5 # out of 5\naliases:\n- Geneva\n-   \"Talks\"\n")
			}),
			kept: "rating: 5 # out of 5\naliases:\n- Geneva\n-   \"Talks\"\n", updated: 1,
		},
		"front matter key first": {
			change: edit1(func(s string) string { return insert(s, "title:", "# my comment\ncssclasses: [wide]\n") }),
			kept:   "---\n# my comment\ncssclasses: [wide]\ntitle:", updated: 1,
		},
		"properties reformatted": {
			// Obsidian's property editor may quote values and reindent
			// lists: the same values, not an edit of Scholia's part.
			change: edit1(func(s string) string {
				s = strings.Replace(s, "title: Geneva talks", "title: \"Geneva talks\"", 1)
				return strings.Replace(s, "\n  - cpp\n  - talks", "\n- cpp\n- talks", 1)
			}),
			updated: 1,
		},
		"line ends made CRLF": {
			change: edit1(func(s string) string { return strings.ReplaceAll(s+"Mine.\n", "\n", "\r\n") }),
			kept:   endMarker + "\nMine.\r\n", updated: 1,
		},
		"saved with a byte-order mark": {
			// Windows editors (Notepad) start a UTF-8 file with U+FEFF: the
			// file is still the article's, and the mark is the user's.
			change: edit1(func(s string) string { return "\ufeff" + s + "Mine.\n" }),
			kept:   "\ufeff---\n", updated: 1,
		},
		"moved, and saved with a byte-order mark": {
			change: func(t *testing.T, dir string) (string, string) {
				s := readFile(t, filepath.Join(dir, file))
				if err := os.Remove(filepath.Join(dir, file)); err != nil {
					t.Fatal(err)
				}
				writeTestFile(t, filepath.Join(dir, "Mine.md"), "\ufeff"+s)
				return "Mine.md", ""
			},
			kept: "\ufeff---\n", updated: 1,
		},
		"quote edited": {
			change:   edit1(func(s string) string { return strings.Replace(s, "> three", "> three (sic)", 1) }),
			conflict: true,
		},
		"owned property edited": {
			change:   edit1(func(s string) string { return strings.Replace(s, "  - talks", "  - talks\n  - mine", 1) }),
			conflict: true,
		},
		"quote edited, forced": {
			change: edit1(func(s string) string {
				return strings.Replace(s, "> three", "> three (sic)", 1) + "\nMine below.\n"
			}),
			kept: endMarker + "\n\nMine below.\n", force: true, updated: 1,
		},
		"end marker deleted": {
			change:   edit1(func(s string) string { return strings.Replace(s, endMarker+"\n", "Mine.\n", 1) }),
			conflict: true,
		},
		"renamed": {
			change: func(t *testing.T, dir string) (string, string) {
				mustRename(t, filepath.Join(dir, file), filepath.Join(dir, "My name.md"))
				return "My name.md", ""
			},
			updated: 1,
		},
		"moved to a subfolder": {
			change: func(t *testing.T, dir string) (string, string) {
				if err := os.Mkdir(filepath.Join(dir, "Reading"), 0o755); err != nil {
					t.Fatal(err)
				}
				p := filepath.Join("Reading", file)
				mustRename(t, filepath.Join(dir, file), filepath.Join(dir, p))
				return p, ""
			},
			updated: 1,
		},
		"deleted": {
			change: func(t *testing.T, dir string) (string, string) {
				if err := os.Remove(filepath.Join(dir, file)); err != nil {
					t.Fatal(err)
				}
				return file, "" // written again
			},
			written: 1,
		},
		"copied": {
			change: func(t *testing.T, dir string) (string, string) {
				s := readFile(t, filepath.Join(dir, file))
				writeTestFile(t, filepath.Join(dir, "Copy of Geneva.md"), s+"my copy\n")
				return file, ""
			},
			updated: 1, copies: []string{"Copy of Geneva.md"},
		},
		"copied, and the original renamed": {
			change: func(t *testing.T, dir string) (string, string) {
				s := readFile(t, filepath.Join(dir, file))
				// "A…" sorts before "Z…": the copy is found first by name.
				writeTestFile(t, filepath.Join(dir, "A copy.md"), strings.Replace(s, "first note", "my edit", 1))
				mustRename(t, filepath.Join(dir, file), filepath.Join(dir, "Z renamed.md"))
				return "Z renamed.md", ""
			},
			updated: 1, copies: []string{"A copy.md"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			led := newLedger()
			docs := editDocs()
			rep, err := Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led})
			if err != nil || rep.Written != 2 {
				t.Fatalf("first export %+v %v", rep, err)
			}
			other := readFile(t, filepath.Join(dir, "Other article.md"))
			path, _ := tc.change(t, dir)
			before := map[string]string{}
			for _, f := range listTree(t, dir) {
				before[f] = readFile(t, filepath.Join(dir, f))
			}
			// The library changes too: the new version must reach the file.
			docs[0].Article.Note = "second note"
			docs[0].Highlights[0].Comment = "changed comment"
			rep, err = Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led, Force: tc.force})
			if err != nil {
				t.Fatal(err)
			}
			after := readFile(t, filepath.Join(dir, path))
			if rep.Written != tc.written || rep.Updated != tc.updated || rep.Unchanged != 1 {
				t.Errorf("report %d written, %d updated, %d unchanged; want %d, %d, 1",
					rep.Written, rep.Updated, rep.Unchanged, tc.written, tc.updated)
			}
			if rep.Files[0] != path {
				t.Errorf("article 1's file is %q, want %q", rep.Files[0], path)
			}
			if !slices.Equal(rep.Copies, tc.copies) {
				t.Errorf("copies %v, want %v", rep.Copies, tc.copies)
			}
			for _, c := range tc.copies {
				if readFile(t, filepath.Join(dir, c)) != before[c] {
					t.Errorf("the copy %s was changed", c)
				}
			}
			if got := readFile(t, filepath.Join(dir, "Other article.md")); got != other {
				t.Errorf("the other article's file changed")
			}
			conflictCopy := strings.TrimSuffix(path, ".md") + ".scholia-conflict.md"
			if tc.conflict {
				if after != before[path] {
					t.Errorf("the user's file was changed:\n%s", after)
				}
				if len(rep.Conflicts) != 1 || rep.Conflicts[0].File != path || rep.Conflicts[0].Copy != conflictCopy {
					t.Fatalf("conflicts %+v, want one for %s", rep.Conflicts, path)
				}
				cp := readFile(t, filepath.Join(dir, conflictCopy))
				if !strings.Contains(cp, "second note") || !strings.Contains(cp, "changed comment") {
					t.Errorf("the conflict copy lacks the new version:\n%s", cp)
				}
				// Exporting again changes nothing and reports it again.
				rep2, err := Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led})
				if err != nil || len(rep2.Conflicts) != 1 || readFile(t, filepath.Join(dir, path)) != before[path] {
					t.Errorf("second export after a conflict: %+v %v", rep2, err)
				}
				return
			}
			if len(rep.Conflicts) != 0 {
				t.Errorf("unexpected conflicts %+v", rep.Conflicts)
			}
			if _, err := os.Stat(filepath.Join(dir, conflictCopy)); err == nil {
				t.Errorf("a conflict copy was written")
			}
			if !strings.Contains(after, "second note") || !strings.Contains(after, "changed comment") {
				t.Errorf("the file lacks the new version:\n%s", after)
			}
			if tc.kept != "" && !strings.Contains(after, tc.kept) {
				t.Errorf("the user's text %q is gone:\n%s", tc.kept, after)
			}
			// Outside the managed part, the file is the user's to the byte.
			old, cur := parseVaultFile([]byte(before[path])), parseVaultFile([]byte(after))
			if before[path] != "" && (string(old.before) != string(cur.before) || string(old.after) != string(cur.after) || string(old.pre) != string(cur.pre)) {
				t.Errorf("text outside the region changed:\nbefore %q / %q\nafter  %q / %q", old.before, old.after, cur.before, cur.after)
			}
			for _, e := range old.entries {
				if !isOwned(e.key) && !strings.Contains(after, string(e.text)) {
					t.Errorf("front matter key %q not kept as written (%q)", e.key, e.text)
				}
			}
			checkArticleFile(t, []byte(after), docs[0])
			// A third export finds nothing to do.
			rep3, err := Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led})
			if err != nil || rep3.Unchanged != 2 || readFile(t, filepath.Join(dir, path)) != after {
				t.Errorf("third export %+v %v", rep3, err)
			}
		})
	}
}

// checkArticleFile checks a vault file that may carry user text around
// its region: the region and Scholia's keys read back as the article.
func checkArticleFile(t *testing.T, data []byte, d Doc) {
	t.Helper()
	f := parseVaultFile(data)
	if !f.hasRegion || f.scalar("scholia_id") != ScholiaID(d.Article) || f.scalar("title") != d.Article.Title {
		t.Errorf("file does not read back as article %d", d.Article.ID)
	}
}

func writeTestFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

// listTree lists the files under dir, relative, sorted.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// TestVaultLegacyFiles: files written before managed regions are replaced
// only when they hold exactly what the old exporter wrote.
func TestVaultLegacyFiles(t *testing.T) {
	d := editDocs()[0]
	var old bytes.Buffer
	if err := legacyRender(&old, d, newPalette(storage.DefaultColors)); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		file     string
		conflict bool
	}{
		"as the old exporter wrote it": {file: old.String()},
		"edited by the user":           {file: old.String() + "\nMy own paragraph.\n", conflict: true},
		"note changed since":           {file: strings.Replace(old.String(), "first note", "older note", 1), conflict: true},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeTestFile(t, filepath.Join(dir, "Geneva talks.md"), tc.file)
			rep, err := Vault(context.Background(), dir, []Doc{d}, VaultOptions{Colors: storage.DefaultColors, Ledger: newLedger()})
			if err != nil {
				t.Fatal(err)
			}
			got := readFile(t, filepath.Join(dir, "Geneva talks.md"))
			if tc.conflict {
				if got != tc.file || len(rep.Conflicts) != 1 {
					t.Errorf("user's old file changed or no conflict: %+v", rep)
				}
				if cp := readFile(t, filepath.Join(dir, "Geneva talks.scholia-conflict.md")); !strings.Contains(cp, beginMarker) {
					t.Errorf("conflict copy:\n%s", cp)
				}
				return
			}
			if rep.Updated != 1 || !strings.Contains(got, beginMarker) || len(listDir(t, dir)) != 1 {
				t.Errorf("old file not upgraded: %+v\n%s", rep, got)
			}
		})
	}
}

// TestVaultGoneAndUnknown: the files of deleted articles are listed and
// left alone; without a record, a file that differs is not overwritten.
func TestVaultGoneAndUnknown(t *testing.T) {
	dir := t.TempDir()
	led := newLedger()
	docs := editDocs()
	if _, err := Vault(context.Background(), dir, docs, VaultOptions{Ledger: led}); err != nil {
		t.Fatal(err)
	}
	other := readFile(t, filepath.Join(dir, "Other article.md"))
	led.gone[2] = true
	rep, err := Vault(context.Background(), dir, docs[:1], VaultOptions{Ledger: led})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Gone, []string{"Other article.md"}) || readFile(t, filepath.Join(dir, "Other article.md")) != other {
		t.Errorf("gone %v; the deleted article's file must be listed and kept", rep.Gone)
	}
	// A library that never wrote here (no record) meets a changed file.
	docs[0].Article.Note = "changed"
	before := readFile(t, filepath.Join(dir, "Geneva talks.md"))
	rep, err = Vault(context.Background(), dir, docs[:1], VaultOptions{Ledger: newLedger()})
	if err != nil || len(rep.Conflicts) != 1 || readFile(t, filepath.Join(dir, "Geneva talks.md")) != before {
		t.Errorf("unknown file overwritten or no conflict: %+v %v", rep, err)
	}
}
