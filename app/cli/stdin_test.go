package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/appdirs"
	"scholia/app/cli"
	"scholia/app/internal/seedtest"
)

func withStdin(t *testing.T, text string) {
	t.Helper()
	t.Cleanup(cli.SetStdin(strings.NewReader(text)))
}

func TestImportStandardInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	page := seedtest.OwnText(t, seedtest.Own[1].Name)
	withStdin(t, page)
	r := run(t, db, "import", "-", "--tag", "rail")
	if r.code != 0 || !strings.Contains(r.stdout, "imported 1\t-\t"+seedtest.Own[1].Title) || !strings.Contains(r.stdout, "1 imported, 0 skipped as duplicates, 0 failed") {
		t.Fatalf("import -: %+v", r)
	}
	a := showJSON(t, db, "1")
	if a.Title != seedtest.Own[1].Title || strings.Join(a.Tags, ",") != "rail" || !strings.Contains(a.Body, "Talks at the mediation service") {
		t.Errorf("imported from stdin: %+v", a.summary)
	}
	// The same text again is a duplicate; JSON says so.
	withStdin(t, page)
	r = run(t, db, "import", "-", "--json")
	var imp importOut
	decodeStrict(t, "import -", r.stdout, &imp)
	if r.code != 0 || imp.Skipped != 1 || imp.Results[0].Path != "-" || imp.Results[0].ID != 1 {
		t.Errorf("import - of a duplicate: %d %+v", r.code, imp)
	}
	// Markdown, with front matter.
	withStdin(t, "---\ntitle: From a pipe\ntags: [piped]\n---\n\nSome *text* that came through a pipe.\n")
	if r := run(t, db, "import", "-", "--as", "md"); r.code != 0 || !strings.Contains(r.stdout, "From a pipe") {
		t.Errorf("import - --as md: %+v", r)
	}
	// A text without a title line is named after its first sentence, not "pasted".
	withStdin(t, "This sentence has no title above it and goes on for a while, as pastes do. Then more.\n")
	if r := run(t, db, "import", "-", "--json"); r.code != 0 || strings.Contains(r.stdout, `"title": "Pasted`) || !strings.Contains(r.stdout, `"title": "This sentence`) {
		t.Errorf("import - without a title: %+v", r)
	}

	cases := map[string]struct {
		in   string
		args []string
		code int
		want string
	}{
		"empty input":        {"", []string{"import", "-"}, cli.ExitFail, "failed\t-\t"},
		"binary input":       {"GIF89a\x00\x01\x02\x00", []string{"import", "-"}, cli.ExitFail, "failed\t-\t"},
		"dash and a path":    {"x", []string{"import", "-", "a.txt"}, cli.ExitUsage, "alone"},
		"--as without dash":  {"x", []string{"import", "a.txt", "--as", "md"}, cli.ExitUsage, "--as"},
		"--as of a bad kind": {"x", []string{"import", "-", "--as", "pdf"}, cli.ExitUsage, "txt, md or html"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			withStdin(t, tc.in)
			r := run(t, db, tc.args...)
			if r.code != tc.code || !strings.Contains(r.stdout+r.stderr, tc.want) {
				t.Errorf("exit %d, want %d; output %q lacks %q", r.code, tc.code, r.stdout+r.stderr, tc.want)
			}
		})
	}
}

func TestListLimit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if r := run(t, db, append([]string{"import"}, ownSeeds(t).files...)...); r.code != 0 {
		t.Fatal(r)
	}
	all := listJSON(t, db)
	two := listJSON(t, db, "--limit", "2")
	if len(all) != 5 || len(two) != 2 || two[0].ID != all[0].ID || two[1].ID != all[1].ID {
		t.Errorf("list --limit 2 = %+v, want the first two of %d", two, len(all))
	}
	if r := run(t, db, "list", "--limit", "2"); r.code != 0 || strings.Count(r.stdout, "\n") > 4 || !strings.Contains(r.stdout, all[1].Title) {
		t.Errorf("list --limit 2 (text): %+v", r)
	}
	for _, bad := range []string{"0", "-1", "x"} {
		if r := run(t, db, "list", "--limit", bad); r.code != cli.ExitUsage {
			t.Errorf("list --limit %s: exit %d, want 2", bad, r.code)
		}
	}
}

// TestExportJSONToStdout is the W3C export on standard output: the whole
// JSON and nothing else, and the same bytes as the file export.
func TestExportJSONToStdout(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if r := run(t, db, append([]string{"import"}, ownSeeds(t).files...)...); r.code != 0 {
		t.Fatal(r)
	}
	run(t, db, "highlight", "1", "--quote", "Port Alder", "--comment", "where")
	r := run(t, db, "export", "--format", "json", "-o", "-")
	var coll struct {
		Type  string
		Total int
	}
	if err := json.Unmarshal([]byte(r.stdout), &coll); r.code != 0 || err != nil || coll.Type != "AnnotationCollection" || coll.Total != 1 {
		t.Fatalf("export --format json -o -: %d %v %+v\n%.300s", r.code, err, coll, r.stdout)
	}
	file := filepath.Join(dir, "x.json")
	run(t, db, "export", "--format", "json", "-o", file)
	if b, _ := os.ReadFile(file); !bytes.Equal(b, []byte(r.stdout)) {
		t.Error("-o - and -o FILE give different JSON")
	}
}

// TestSettingsLibrary: with neither --db nor SCHOLIA_DB, the command line
// works on the library chosen in the window (the settings file), and on
// the default library when none was chosen; relative XDG dirs are ignored.
func TestSettingsLibrary(t *testing.T) {
	home, cfg := t.TempDir(), t.TempDir()
	vars := map[string]string{"HOME": home, "XDG_CONFIG_HOME": cfg, "XDG_DATA_HOME": "relative/data"}
	getenv := func(k string) string { return vars[k] }
	runEnv := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		code := cli.Run(context.Background(), args, &out, &errb, getenv)
		return code, out.String() + errb.String()
	}
	note := filepath.Join(t.TempDir(), "n.txt")
	os.WriteFile(note, []byte("Default library\n\nIn the default place.\n"), 0o644)
	if code, out := runEnv("import", note); code != 0 {
		t.Fatal(out)
	}
	def := filepath.Join(home, ".local", "share", "scholia", "library.db")
	if _, err := os.Stat(def); err != nil {
		t.Fatalf("the default library is not at %s (a relative XDG_DATA_HOME must be ignored): %v", def, err)
	}
	chosen := filepath.Join(t.TempDir(), "chosen.db")
	withSeeds := append([]string{"import", "--db", chosen}, ownSeeds(t).files[:2]...)
	if code, out := runEnv(withSeeds...); code != 0 {
		t.Fatal(out)
	}
	if err := appdirs.SetLibrary(getenv, chosen); err != nil {
		t.Fatal(err)
	}
	if code, out := runEnv("list"); code != 0 || !strings.Contains(out, seedtest.Own[0].Title) || strings.Contains(out, "Default library") {
		t.Errorf("list after choosing %s in Preferences: %s", chosen, out)
	}
	if code, out := runEnv("list", "--db", def); code != 0 || !strings.Contains(out, "Default library") {
		t.Errorf("--db still wins: %s", out)
	}
	w, err := cli.WindowArgs(nil, getenv)
	if err != nil || w.Library != chosen || w.Explicit {
		t.Errorf("the window would open %+v (%v), want %s", w, err, chosen)
	}
}
