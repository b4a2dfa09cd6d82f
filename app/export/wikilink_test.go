package export

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/storage"
)

// Links between notes point at the files the vault export wrote, whose
// names differ from the titles when a title has characters a file name
// cannot hold or two titles are the same.
func TestVaultWikilinksToExportedFileNames(t *testing.T) {
	dir := t.TempDir()
	docs := []Doc{
		{Article: storage.Article{ID: 1, Title: "Ukraine: talks", Body: "b"}},
		{Article: storage.Article{ID: 2, Title: "Notes", Body: "b"}},
		{Article: storage.Article{ID: 3, Title: "Notes", Body: "b"}},
		{Article: storage.Article{ID: 4, Title: "Reading list", Body: "one two",
			Note: "See [[ukraine: talks]], [[Notes|the first notes]], [[Reading list]] and [[Not exported]]."},
			Highlights: []storage.Highlight{{ID: 9, ArticleID: 4, Start: 0, End: 3, Quote: "one",
				Comment: "as *argued* in [[Ukraine: talks|the talks]] and [[Nowhere]]"}}},
	}
	rep, err := Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files[0] != "Ukraine - talks.md" || rep.Files[1] != "Notes.md" || rep.Files[2] != "Notes 2.md" {
		t.Fatalf("files %v", rep.Files)
	}
	got := readFile(t, filepath.Join(dir, rep.Files[3]))
	for _, want := range []string{
		"See [[Ukraine - talks|ukraine: talks]], [[Notes|the first notes]], [[Reading list]] and [[Not exported]].",
		// The comment's own text is still escaped; its link is a link.
		`as \*argued\* in [[Ukraine - talks|the talks]] and \[\[Nowhere\]\]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the linking article's file lacks %q:\n%s", want, got)
		}
	}
	if strings.ContainsRune(got, '\ue000') {
		t.Errorf("a link token was left in the file:\n%s", got)
	}
	// Every link made resolves to a file of the vault.
	for _, m := range wikiLink.FindAllStringSubmatch(got, -1) {
		if m[1] == "Not exported" {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, m[1]+".md")); err != nil {
			t.Errorf("[[%s]] names no file of the vault", m[1])
		}
	}
	// Exporting again finds nothing to change.
	rep, err = Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors})
	if err != nil || rep.Unchanged != len(docs) {
		t.Errorf("second export: %+v, %v", rep, err)
	}
}

func TestLinkNamesTellFilesOfOneNameApart(t *testing.T) {
	docs := []Doc{
		{Article: storage.Article{ID: 5, Title: "Alpha"}},
		{Article: storage.Article{ID: 6, Title: "Beta"}},
		{Article: storage.Article{ID: 2, Title: "alpha"}},
	}
	names := LinkNames(docs, []string{"a/Same.md", "b/Same.md", "Alpha 2.md"})
	if names["alpha"] != "Alpha 2" { // the lower ID of the two "Alpha"s
		t.Errorf("alpha → %q", names["alpha"])
	}
	if names["beta"] != "b/Same" {
		t.Errorf("beta → %q; two files named Same.md need the path", names["beta"])
	}
}
