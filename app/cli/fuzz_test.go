package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/cli"
	"scholia/app/export"
)

// FuzzImportJSON gives `scholia import-json` arbitrary files, as a user
// picking the wrong file would. It restores them or fails with one line on
// stderr and status 1; either way the library stays sound and holds
// exactly the backup's articles or none.
func FuzzImportJSON(f *testing.F) {
	lib, err := os.ReadFile("../export/testdata/library.jsonld")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(lib)
	for _, n := range []int{0, 40, len(lib) / 2, len(lib) - 3} {
		f.Add(lib[:n])
	}
	for _, v := range [][2]string{
		{`"start": `, `"start": -`},
		{`"scholia:article": 1`, `"scholia:article": 99`},
		{`"key": "pink"`, `"key": "no such colour"`},
		{`"version": 1`, `"version": 2`},
		// The limits of issue 22: ids that are not positive, a
		// target.source naming another article or page, metadata holding
		// control characters (restored, but cleaned).
		{`"id":42`, `"id":-42`},
		{`"scholia:article": 42`, `"scholia:article": -42`},
		{`"urn:scholia:highlight:1"`, `"urn:scholia:highlight:0"`},
		{`"source": "https://example.com/geneva"`, `"source": "urn:scholia:article:7"`},
		{`"source": "https://example.com/geneva"`, `"source": "https://elsewhere.example/"`},
		{`"title":"Talks`, `"title":"\u001b]0;PWNED\u0007Talks`},
	} {
		f.Add(bytes.Replace(lib, []byte(v[0]), []byte(v[1]), 1))
	}
	f.Add([]byte("just some notes\n"))

	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		file, db := filepath.Join(dir, "backup.json"), filepath.Join(dir, "library.db")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		r := run(t, db, "import-json", file)
		switch r.code {
		case cli.ExitFail:
			if msg := strings.TrimSuffix(r.stderr, "\n"); msg == "" || strings.Contains(msg, "\n") {
				t.Errorf("import-json failed without one line of reason: %q", r.stderr)
			}
		case 0:
		default:
			t.Fatalf("import-json exit %d: %s", r.code, r.stderr)
		}
		want := 0
		if r.code == 0 {
			docs, _, _ := export.ReadW3C(bytes.NewReader(data))
			want = len(docs)
		}
		if got := listJSON(t, db); len(got) != want {
			t.Errorf("after import-json (exit %d) the library holds %d articles, want %d", r.code, len(got), want)
		}
		checkLibrary(t, db)
	})
}
