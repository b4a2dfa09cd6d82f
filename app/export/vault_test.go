package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scholia/storage"
)

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestVaultHostileTitlesStayInside(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "vault")
	titles := []string{"../x", "a/b", "CON", "con", strings.Repeat("long ", 60), "a\x00b", "", "...", "..\\..\\evil", "/etc/passwd", "x", "X"}
	var docs []Doc
	for i, title := range titles {
		docs = append(docs, Doc{Article: storage.Article{ID: int64(i + 1), Title: title, Body: "b"}})
	}
	var calls []int
	rep, err := Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors, Progress: func(done, total int) {
		if total != len(docs) {
			t.Errorf("progress total %d, want %d", total, len(docs))
		}
		calls = append(calls, done)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Written != len(docs) || rep.Updated != 0 || rep.Unchanged != 0 {
		t.Errorf("report %+v, want %d written", rep, len(docs))
	}
	if len(calls) != len(docs) || calls[len(calls)-1] != len(docs) {
		t.Errorf("progress calls %v", calls)
	}
	if got := listDir(t, root); !slices.Equal(got, []string{"vault"}) {
		t.Errorf("files outside the vault: %v", got)
	}
	got := listDir(t, dir)
	if len(got) != len(docs) {
		t.Errorf("vault holds %v, want %d files", got, len(docs))
	}
	seen := map[string]bool{}
	for i, name := range rep.Files {
		checkSafeName(t, name)
		if seen[strings.ToLower(name)] {
			t.Errorf("name %q given twice", name)
		}
		seen[strings.ToLower(name)] = true
		if !strings.Contains(readFile(t, filepath.Join(dir, name)), "scholia_id: sch-"+itoa(i+1)+"\n") {
			t.Errorf("%s does not hold article %d", name, i+1)
		}
	}
}

func itoa(i int) string { return ScholiaID(storage.Article{ID: int64(i)})[4:] }

func TestVaultReexport(t *testing.T) {
	led := newLedger()
	dir := t.TempDir()
	// The user's own files: a note, a note with front matter but no
	// scholia_id, a non-Markdown file, a folder.
	user := map[string]string{
		"My note.md":                        "# Mine\n\nkeep me\n",
		"Front matter.md":                   "---\ntitle: Biden Team Cannot Tame Russia\ntags: [x]\n---\n\nmine too\n",
		"Biden Team Cannot Tame Russia.txt": "not markdown",
		"Broken.md":                         "---\nscholia_id: [unclosed\n",
	}
	for name, body := range user {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "Sub.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	docs := []Doc{
		{Article: storage.Article{ID: 1, Title: "Biden Team Cannot Tame Russia", Note: "first"}},
		{Article: storage.Article{ID: 2, Title: "Front matter", Note: "clashes with a user file"}},
		{Article: storage.Article{ID: 3, Title: "Geneva talks", Note: "will be renamed"}},
		{Article: storage.Article{ID: 4, Title: "Unchanged", Note: "same"}},
	}
	ctx := context.Background()
	rep, err := Vault(ctx, dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led})
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{"Biden Team Cannot Tame Russia.md", "Front matter 2.md", "Geneva talks.md", "Unchanged.md"}
	if rep.Written != 4 || !slices.Equal(rep.Files, wantFiles) {
		t.Fatalf("first export: %+v, want files %v", rep, wantFiles)
	}

	// The user renames one of our files: it keeps its new name.
	if err := os.Rename(filepath.Join(dir, "Unchanged.md"), filepath.Join(dir, "Renamed by me.md")); err != nil {
		t.Fatal(err)
	}
	docs[0].Article.Note = "edited note"
	docs[2].Article.Title = "Geneva talks: day two"
	// Docs in another order must not change names.
	slices.Reverse(docs)
	rep, err = Vault(ctx, dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Written != 0 || rep.Updated != 2 || rep.Unchanged != 2 {
		t.Errorf("re-export report %+v, want 0 written, 2 updated, 2 unchanged", rep)
	}
	wantFiles = []string{"Renamed by me.md", "Geneva talks - day two.md", "Front matter 2.md", "Biden Team Cannot Tame Russia.md"}
	if !slices.Equal(rep.Files, wantFiles) {
		t.Errorf("re-export files %v, want %v", rep.Files, wantFiles)
	}
	if s := readFile(t, filepath.Join(dir, "Biden Team Cannot Tame Russia.md")); !strings.Contains(s, "edited note") {
		t.Errorf("updated file lacks the new note:\n%s", s)
	}
	if _, err := os.Stat(filepath.Join(dir, "Geneva talks.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("old file of the retitled article still there (%v)", err)
	}
	for name, body := range user {
		if got := readFile(t, filepath.Join(dir, name)); got != body {
			t.Errorf("user file %s changed to %q", name, got)
		}
	}
	want := []string{"Biden Team Cannot Tame Russia.md", "Biden Team Cannot Tame Russia.txt", "Broken.md", "Front matter 2.md", "Front matter.md", "Geneva talks - day two.md", "My note.md", "Renamed by me.md", "Sub.md"}
	if got := listDir(t, dir); !slices.Equal(got, want) {
		t.Errorf("vault holds %v, want %v (no temporary or duplicate files)", got, want)
	}

	// A third export with nothing changed writes nothing.
	rep, err = Vault(ctx, dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led})
	if err != nil || rep.Unchanged != 4 {
		t.Errorf("third export %+v (%v), want 4 unchanged", rep, err)
	}
}

func TestVaultCancel(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	docs := syntheticDocs(300, 1)
	rep, err := Vault(ctx, dir, docs, VaultOptions{Progress: func(done, total int) {
		if done == 1 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	files := listDir(t, dir)
	if rep.Written == 0 || rep.Written >= len(docs) {
		t.Errorf("after cancel %d written, want some but not all %d", rep.Written, len(docs))
	}
	if len(files) != rep.Written {
		t.Errorf("report says %d written, folder holds %d files: %v", rep.Written, len(files), files)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".tmp") {
			t.Errorf("temporary file %s left behind", f)
		}
	}
}

func TestVaultDuplicateArticle(t *testing.T) {
	led := newLedger()
	docs := []Doc{{Article: storage.Article{ID: 1, Title: "a"}}, {Article: storage.Article{ID: 1, Title: "b"}}}
	if _, err := Vault(context.Background(), t.TempDir(), docs, VaultOptions{Ledger: led}); err == nil {
		t.Error("two docs with one article ID exported without error")
	}
}

func TestVaultTitleSwap(t *testing.T) {
	led := newLedger()
	// Two articles swap titles: each file moves to the other's old name
	// and neither is lost.
	dir := t.TempDir()
	docs := []Doc{{Article: storage.Article{ID: 1, Title: "Alpha", Note: "one"}}, {Article: storage.Article{ID: 2, Title: "Beta", Note: "two"}}}
	if _, err := Vault(context.Background(), dir, docs, VaultOptions{Ledger: led}); err != nil {
		t.Fatal(err)
	}
	docs[0].Article.Title, docs[1].Article.Title = "Beta", "Alpha"
	rep, err := Vault(context.Background(), dir, docs, VaultOptions{Ledger: led})
	if err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); len(got) != 2 {
		t.Fatalf("vault holds %v, want 2 files", got)
	}
	for i, name := range rep.Files {
		body := readFile(t, filepath.Join(dir, name))
		if !strings.Contains(body, docs[i].Article.Note) || !strings.Contains(body, "# "+docs[i].Article.Title) {
			t.Errorf("%s does not hold article %d:\n%s", name, i+1, body)
		}
	}
}

func TestVaultSymlinkNotFollowed(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	target := filepath.Join(outside, "secret.md")
	body := "---\nscholia_id: sch-1\ntitle: A\n---\nprecious\n"
	if err := os.WriteFile(target, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(dir, "A.md")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	rep, err := Vault(context.Background(), dir, []Doc{{Article: storage.Article{ID: 1, Title: "A"}}}, VaultOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, target); got != body {
		t.Errorf("file outside the vault was written through a symlink: %q", got)
	}
	if rep.Written != 1 || rep.Files[0] != "A 2.md" {
		t.Errorf("report %+v, want a new file beside the link", rep)
	}
}
