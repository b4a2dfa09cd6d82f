package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"scholia/app/cli"
)

// decodeStrict decodes out into v, refusing fields v does not know: the
// shapes the README documents must be exactly what is printed.
func decodeStrict(t *testing.T, what, out string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s --json: %v\n%s", what, err, out)
	}
	if dec.More() {
		t.Fatalf("%s --json printed more than one value:\n%s", what, out)
	}
}

type importOut struct {
	Imported, Skipped, Failed, Ignored int
	Results                            []struct {
		Path, Status, Title, Error string
		ID                         int64
		Warnings                   []string
	}
}

// TestJSONEverywhere runs every command that prints results with --json
// and decodes what it printed into the documented shape.
func TestJSONEverywhere(t *testing.T) {
	files := ownSeeds(t).files
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, nil, 0o644)

	r := run(t, db, append([]string{"import", "--json", "--tag", "news", bad}, files...)...)
	if r.code != cli.ExitFail {
		t.Errorf("import with a failed file: exit %d, want 1", r.code)
	}
	var imp importOut
	decodeStrict(t, "import", r.stdout, &imp)
	if imp.Imported != 5 || imp.Failed != 1 || len(imp.Results) != 6 {
		t.Fatalf("import --json = %+v", imp)
	}
	for _, res := range imp.Results {
		switch {
		case res.Path == bad && (res.Status != "failed" || res.Error == "" || res.ID != 0):
			t.Errorf("failed file: %+v", res)
		case res.Path != bad && (res.Status != "imported" || res.ID == 0 || res.Title == "" || res.Warnings == nil):
			t.Errorf("imported file: %+v", res)
		}
	}
	r = run(t, db, "import", "--json", files[0])
	decodeStrict(t, "import", r.stdout, &imp)
	if r.code != 0 || imp.Skipped != 1 || imp.Results[0].Status != "duplicate" || imp.Results[0].ID == 0 {
		t.Errorf("re-import --json: %d %+v", r.code, imp)
	}

	var found []summary
	r = run(t, db, "find", "national chess championship", "--json")
	decodeStrict(t, "find", r.stdout, &found)
	if r.code != 0 || len(found) == 0 || !strings.Contains(found[0].Title, "chess") || found[0].Tags == nil {
		t.Errorf("find --json: %d %+v", r.code, found)
	}
	r = run(t, db, "find", "zzzqqqxxx", "--json")
	decodeStrict(t, "find", r.stdout, &found)
	if r.code != cli.ExitFail || len(found) != 0 {
		t.Errorf("find without matches: %d %+v", r.code, found)
	}

	var hits []struct {
		ID        int64
		Title     string
		Where     string
		Highlight int64
		Snippet   string
		Marks     [][2]int
	}
	r = run(t, db, "search", "dredging", "--json")
	decodeStrict(t, "search", r.stdout, &hits)
	if r.code != 0 || len(hits) == 0 {
		t.Fatalf("search --json: %d %s", r.code, r.stderr)
	}
	for _, h := range hits {
		snip := []rune(h.Snippet)
		if len(h.Marks) == 0 || strings.ContainsAny(h.Snippet, "\x02\x03") {
			t.Errorf("hit %+v: no marks, or markers left in the snippet", h)
		}
		for _, m := range h.Marks {
			if m[0] < 0 || m[1] > len(snip) || m[0] >= m[1] || !strings.EqualFold(string(snip[m[0]:m[1]]), "dredging") {
				t.Errorf("mark %v in %q is not the matched word", m, h.Snippet)
			}
		}
	}

	id := found0(t, db, "national chess championship")
	var hl struct {
		Article                               int64
		ID                                    int64
		Start, End                            int
		Quote, Prefix, Suffix, Color, Comment string
		Tags                                  []string
		Orphaned                              bool
	}
	r = run(t, db, "highlight", id, "--quote", "village club", "--color", "2", "--tag", "who", "--json")
	decodeStrict(t, "highlight", r.stdout, &hl)
	if r.code != 0 || hl.ID == 0 || hl.Quote != "village club" || hl.Color != "green" || hl.End-hl.Start != 12 || len(hl.Tags) != 1 {
		t.Errorf("highlight --json: %d %+v", r.code, hl)
	}

	var tags struct {
		ID   int64
		Tags []string
	}
	r = run(t, db, "tag", id, "+chess", "-news", "--json")
	decodeStrict(t, "tag", r.stdout, &tags)
	if r.code != 0 || strings.Join(tags.Tags, ",") != "chess" {
		t.Errorf("tag --json: %d %+v", r.code, tags)
	}

	body := filepath.Join(dir, "body.txt")
	os.WriteFile(body, []byte("A club of eleven members.\n\nNothing else is left.\n"), 0o644)
	var ed struct {
		ID                     int64
		Exact, Moved, Orphaned int
		Changed                []struct {
			ID  int64
			Old string `json:"old_quote"`
			New string `json:"new_quote"`
		}
		NotPlaced []struct {
			ID    int64
			Quote string
		} `json:"not_placed"`
	}
	r = run(t, db, "edit", id, "--body-file", body, "--json")
	decodeStrict(t, "edit", r.stdout, &ed)
	if r.code != 0 || ed.Orphaned != 1 || len(ed.NotPlaced) != 1 || ed.NotPlaced[0].ID != hl.ID || ed.NotPlaced[0].Quote != "village club" || ed.Changed == nil || len(ed.Changed) != 0 {
		t.Errorf("edit --json: %d %+v", r.code, ed)
	}
	// A highlight whose first word is retyped is listed as changed, with
	// its old and new quote.
	var hl2 struct{ ID int64 }
	r = run(t, db, "highlight", id, "--quote", "club of eleven members", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &hl2); err != nil {
		t.Fatalf("highlight --json: %v: %s", err, r.stdout)
	}
	os.WriteFile(body, []byte("A group of eleven members.\n\nNothing else is left.\n"), 0o644)
	r = run(t, db, "edit", id, "--body-file", body, "--json")
	decodeStrict(t, "edit", r.stdout, &ed)
	if r.code != 0 || len(ed.Changed) != 1 || ed.Changed[0].ID != hl2.ID || ed.Changed[0].Old != "club of eleven members" || ed.Changed[0].New != "group of eleven members" {
		t.Errorf("edit --json after retyping a highlight's first word: %d %+v", r.code, ed)
	}

	var ex struct {
		Articles, Highlights                   int
		Format, To                             string
		Written, Updated, Unchanged, Conflicts int
	}
	out := filepath.Join(dir, "all.json")
	r = run(t, db, "export", "--format", "json", "-o", out, "--json")
	decodeStrict(t, "export", r.stdout, &ex)
	if r.code != 0 || ex.Articles != 5 || ex.Highlights != 2 || ex.Format != "json" || ex.To != out || ex.Written != 1 {
		t.Errorf("export -o --json: %d %+v", r.code, ex)
	}
	vault := filepath.Join(dir, "vault")
	r = run(t, db, "export", "--dir", vault, "--json")
	decodeStrict(t, "export", r.stdout, &ex)
	if r.code != 0 || ex.Written != 5 || ex.Format != "md" || ex.To != vault {
		t.Errorf("export --dir --json: %d %+v", r.code, ex)
	}
	if r := run(t, db, "export", "-o", "-", "--json"); r.code != cli.ExitUsage {
		t.Errorf("export -o - --json: exit %d, want 2", r.code)
	}

	var ij struct{ Restored, Imported, Skipped int }
	r = run(t, filepath.Join(dir, "b.db"), "import-json", out, "--json")
	decodeStrict(t, "import-json", r.stdout, &ij)
	if r.code != 0 || ij.Restored != 5 {
		t.Errorf("import-json --json: %d %+v", r.code, ij)
	}
	r = run(t, db, "import-json", out, "--json")
	decodeStrict(t, "import-json", r.stdout, &ij)
	if r.code != 0 || ij.Restored != 0 || ij.Skipped != 5 {
		t.Errorf("import-json --json into the same library: %d %+v", r.code, ij)
	}
}

func found0(t *testing.T, db, q string) string {
	t.Helper()
	var found []summary
	r := run(t, db, "find", q, "--json")
	decodeStrict(t, "find", r.stdout, &found)
	if len(found) == 0 {
		t.Fatalf("find %s: nothing", q)
	}
	return strconv.FormatInt(found[0].ID, 10)
}
