package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/app/cli"
)

type reviewEntry struct {
	HighlightID int64  `json:"highlight_id"`
	Quote       string `json:"quote"`
	New         bool   `json:"new"`
	Due         string `json:"due"`
	Card        string `json:"card"`
	Reps        int    `json:"reps"`
}

func reviewJSON(t *testing.T, db string, args ...string) []reviewEntry {
	t.Helper()
	r := run(t, db, append([]string{"review", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("review %v: %+v", args, r)
	}
	var out []reviewEntry
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("review --json: %v\n%s", err, r.stdout)
	}
	return out
}

func TestReviewCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "cells.txt"), []byte("Cells\n\nThe mitochondria is the powerhouse of the cell. Ribosomes make proteins. Cells divide.\n"), 0o644)
	if r := run(t, db, "import", dir); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	for _, q := range []string{"The mitochondria is the powerhouse of the cell.", "Ribosomes make proteins."} {
		if r := run(t, db, "highlight", "1", "--quote", q); r.code != 0 {
			t.Fatalf("highlight: %+v", r)
		}
	}
	if r := run(t, db, "highlight", "1", "--quote", "Cells divide.", "--tag", "no-review"); r.code != 0 {
		t.Fatalf("highlight: %+v", r)
	}
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	clock := day
	defer cli.SetClock(func() time.Time { return clock })()

	q := reviewJSON(t, db)
	if len(q) != 2 || !q[0].New || q[0].Quote != "The mitochondria is the powerhouse of the cell." {
		t.Fatalf("queue %+v; want the two reviewable highlights, new, oldest first", q)
	}
	if due := reviewJSON(t, db, "--due"); len(due) != 0 {
		t.Fatalf("--due lists %+v before any answer", due)
	}
	r := run(t, db, "review", "answer", "1", "good")
	if r.code != 0 || !strings.Contains(r.stdout, "next due 2026-03-04 (in 2 days)") {
		t.Fatalf("answer: %+v", r)
	}
	if q := reviewJSON(t, db); len(q) != 1 || q[0].HighlightID != 2 {
		t.Fatalf("after answering: %+v", q)
	}
	clock = day.Add(50 * time.Hour)
	due := reviewJSON(t, db, "--due")
	if len(due) != 1 || due[0].HighlightID != 1 || due[0].Reps != 1 || due[0].Due == "" {
		t.Fatalf("two days later --due: %+v", due)
	}

	// Cards and the Anki export.
	if r := run(t, db, "card", "1", "--cloze", "powerhouse"); r.code != 0 || !strings.Contains(r.stdout, "{{c1::powerhouse}}") {
		t.Fatalf("card --cloze: %+v", r)
	}
	if r := run(t, db, "card", "2", "--question", "What makes proteins?", "--answer", "Ribosomes"); r.code != 0 {
		t.Fatalf("card --question: %+v", r)
	}
	out := filepath.Join(t.TempDir(), "anki.txt")
	if r := run(t, db, "export", "--format", "anki", "-o", out); r.code != 0 || !strings.Contains(r.stdout, "2 cards") {
		t.Fatalf("export anki: %+v", r)
	}
	b, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(b), "#separator:tab\n") || !strings.Contains(string(b), "\tCloze\t") || !strings.Contains(string(b), "\tBasic\t") {
		t.Errorf("anki file:\n%s", b)
	}

	md := filepath.Join(t.TempDir(), "notes.md")
	if r := run(t, db, "export", "-o", md); r.code != 0 {
		t.Fatalf("export md: %+v", r)
	}
	if b, _ := os.ReadFile(md); !strings.Contains(string(b), "#flashcards") || !strings.Contains(string(b), "==powerhouse==") ||
		!strings.Contains(string(b), "What makes proteins?::Ribosomes") {
		t.Errorf("Markdown export lacks the Obsidian cards:\n%s", b)
	}

	if r := run(t, db, "review", "retire", "2"); r.code != 0 {
		t.Fatalf("retire: %+v", r)
	}
	if r := run(t, db, "review", "answer", "2", "good"); r.code == 0 {
		t.Errorf("answering a retired highlight worked: %+v", r)
	}
	for name, args := range map[string][]string{
		"bad rating":       {"review", "answer", "1", "meh"},
		"bad id":           {"review", "answer", "x", "good"},
		"missing":          {"review", "answer", "99", "good"},
		"unknown action":   {"review", "frobnicate"},
		"cloze not inside": {"card", "1", "--cloze", "nucleus"},
		"both kinds":       {"card", "1", "--cloze", "cell", "--question", "q"},
		"question only":    {"card", "1", "--question", "q"},
		"anki without -o":  {"export", "--format", "anki", "--dir", dir},
	} {
		if r := run(t, db, args...); r.code == 0 || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("%s: %+v; want a one-line error", name, r)
		}
	}
	if r := run(t, filepath.Join(t.TempDir(), "none.db"), "review"); r.code == 0 {
		t.Errorf("review of a missing library: %+v", r)
	}
}
