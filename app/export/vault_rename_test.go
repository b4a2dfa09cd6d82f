package export

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"scholia/storage"
)

// A file the user renamed keeps the user's name for good, not just for
// the first export after the rename: once that export has recorded the
// new path, a later change of the article's title must not rename the
// file back to the title (it would break the vault's [[links]] to it). A
// file that still has Scholia's name follows the title, in whatever
// folder the user moved it to.
func TestVaultUserNameSurvivesRetitle(t *testing.T) {
	for name, tc := range map[string]struct {
		moveTo, want string // want: the file after the retitle
	}{
		"renamed":                {moveTo: "My name.md", want: "My name.md"},
		"renamed in a subfolder": {moveTo: filepath.Join("Reading", "My name.md"), want: filepath.Join("Reading", "My name.md")},
		"moved, not renamed":     {moveTo: filepath.Join("Reading", "Geneva talks.md"), want: filepath.Join("Reading", "Geneva talks, day two.md")},
		"not touched":            {moveTo: "Geneva talks.md", want: "Geneva talks, day two.md"},
	} {
		t.Run(name, func(t *testing.T) {
			dir, led := t.TempDir(), newLedger()
			docs := []Doc{{Article: storage.Article{ID: 1, Title: "Geneva talks", Note: "first"}}}
			export := func() VaultReport {
				t.Helper()
				rep, err := Vault(context.Background(), dir, docs, VaultOptions{Colors: storage.DefaultColors, Ledger: led})
				if err != nil {
					t.Fatal(err)
				}
				return rep
			}
			export()
			if err := os.MkdirAll(filepath.Join(dir, "Reading"), 0o755); err != nil {
				t.Fatal(err)
			}
			if tc.moveTo != "Geneva talks.md" {
				mustRename(t, filepath.Join(dir, "Geneva talks.md"), filepath.Join(dir, tc.moveTo))
			}
			docs[0].Article.Note = "second"
			if rep := export(); rep.Files[0] != tc.moveTo {
				t.Fatalf("after the move the file is %q, want %q", rep.Files[0], tc.moveTo)
			}
			docs[0].Article.Title = "Geneva talks, day two"
			rep := export()
			if rep.Files[0] != tc.want {
				t.Errorf("after the retitle the file is %q, want %q (vault: %v)", rep.Files[0], tc.want, listTree(t, dir))
			}
			if got := listTree(t, dir); len(got) != 1 || got[0] != tc.want {
				t.Errorf("vault holds %v, want just %s", got, tc.want)
			}
		})
	}
}
