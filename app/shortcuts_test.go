package app

import (
	"flag"
	"os"
	"strings"
	"testing"

	"scholia/storage"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the shortcuts table in ../README.md")

const (
	readmeStart = "<!-- shortcuts:start (generated from app/shortcuts.go by: go test ./app -run TestShortcutsDocumented -update-readme) -->"
	readmeEnd   = "<!-- shortcuts:end -->"
)

// shortcutsTable renders the shortcuts table as Markdown for the README.
func shortcutsTable(ws *workspace) string {
	var b strings.Builder
	b.WriteString("| Keys | Action | Menu |\n|---|---|---|\n")
	for _, s := range ws.shortcuts() {
		menu := s.menu
		if menu == "" {
			menu = "—"
		}
		keys := "`" + keysOf(s) + "`"
		if keysOf(s) == "" {
			keys = "(menu)"
		}
		b.WriteString("| " + keys + " | " + s.name + " | " + menu + " |\n")
	}
	return b.String()
}

// TestShortcutsDocumented checks that every shortcut in the table that
// registers them is in the README and in Help → Keyboard shortcuts.
func TestShortcutsDocumented(t *testing.T) {
	h := newHarness(t, "", func(s *storage.Store) { addArticles(t, s, "x") })
	want := shortcutsTable(h.ws)
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start, end := strings.Index(text, readmeStart), strings.Index(text, readmeEnd)
	if start < 0 || end < start {
		t.Fatalf("README.md lacks the generated shortcuts section (%q … %q)", readmeStart, readmeEnd)
	}
	got := strings.TrimSpace(text[start+len(readmeStart) : end])
	if *updateReadme {
		text = text[:start+len(readmeStart)] + "\n" + want + text[end:]
		if err := os.WriteFile("../README.md", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		got = strings.TrimSpace(want)
	}
	if got != strings.TrimSpace(want) {
		t.Errorf("README shortcuts table is out of date; run go test ./app -run TestShortcutsDocumented -update-readme\nwant:\n%s", want)
	}

	h.ws.showShortcuts()
	shown := dialogText(t, h.win)
	for _, s := range h.ws.shortcuts() {
		if !strings.Contains(shown, keysOf(s)) || !strings.Contains(shown, s.name) {
			t.Errorf("the Keyboard shortcuts dialog lacks %q for %q", keysOf(s), s.name)
		}
	}
}
