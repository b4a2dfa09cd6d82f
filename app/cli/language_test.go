package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestShowJSONLanguage: a page's declared language is kept at import and
// shown by show --json; a text file has none.
func TestShowJSONLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	p := "<p>Die Hafenbehörde bewahrt die einunddreißig Tagebücher des Leuchtturmwärters auf, mit Schnur gebunden, in einem Regal am Fenster.</p>"
	page := `<!doctype html><html lang="de-AT"><head><title>Tagebücher</title></head><body><article><h1>Tagebücher</h1>` +
		strings.Repeat(p, 6) + `</article></body></html>`
	files := map[string]string{"page.html": page, "note.txt": "A note\n\nWith a paragraph of plain text that says nothing of its language."}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := run(t, db, "import", filepath.Join(dir, name)); r.code != 0 {
			t.Fatalf("import %s: %d %s", name, r.code, r.stderr)
		}
	}
	got := map[string]string{}
	for _, s := range listJSON(t, db) {
		r := run(t, db, "show", strconv.FormatInt(s.ID, 10), "--json")
		var a struct {
			Title    string  `json:"title"`
			Language *string `json:"language"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &a); err != nil || a.Language == nil {
			t.Fatalf("show --json of %q: %v, language field present: %v", s.Title, err, a.Language != nil)
		}
		got[a.Title] = *a.Language
	}
	if got["Tagebücher"] != "de-AT" || got["A note"] != "" || len(got) != 2 {
		t.Errorf("languages by title: %q", got)
	}
}
