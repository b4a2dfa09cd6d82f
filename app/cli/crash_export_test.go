package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"scholia/app/export"
	"scholia/storage"
)

// TestExportSurvivesSIGKILL kills `scholia export -o FILE` at spread-out
// moments. Whenever it dies, FILE is what it was before (absent, or the
// previous export) or the complete new export; never a prefix of it. Only a
// hidden temporary file may be left beside it.
func TestExportSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("crash trials: skipped in -short mode")
	}
	dir, _ := crashCorpus(t)
	tmp := t.TempDir()
	db := filepath.Join(tmp, "library.db")
	runToEnd(t, filepath.Join(tmp, "import.out"), "import", "--db", db, dir)
	annotate(t, db)

	// Reference exports, and the length of an export to spread kills over.
	ref := map[string][]byte{}
	var whole time.Duration
	for _, format := range []string{"md", "json"} {
		path := filepath.Join(tmp, "ref."+format)
		whole = max(whole, runToEnd(t, filepath.Join(tmp, "ref.out"), "export", "--db", db, "--format", format, "-o", path))
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ref[format] = b
		checkComplete(t, format, b, b)
	}
	t.Logf("an uninterrupted export of %d articles takes up to %v (%d bytes of Markdown, %d of JSON)",
		crashFiles, whole.Round(time.Millisecond), len(ref["md"]), len(ref["json"]))

	previous := []byte("# An earlier export\n\nkept until the new one is complete\n")
	leftover := regexp.MustCompile(`^\.out\.(md|json)\.[0-9]+\.tmp$`)
	passed, outcomes := 0, map[string]int{}
	for i, d := range crashDelays(crashTrials, whole, crashSeed+1) {
		format := []string{"md", "json"}[i%2]
		hadPrevious := i%4 >= 2
		ok := t.Run(fmt.Sprintf("trial%02d_%s", i, format), func(t *testing.T) {
			outDir := filepath.Join(tmp, fmt.Sprintf("trial%02d", i))
			if err := os.Mkdir(outDir, 0o700); err != nil {
				t.Fatal(err)
			}
			target := filepath.Join(outDir, "out."+format)
			if hadPrevious {
				if err := os.WriteFile(target, previous, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			killAfter(t, d, filepath.Join(tmp, fmt.Sprintf("trial%02d.out", i)), "export", "--db", db, "--format", format, "-o", target)
			got, err := os.ReadFile(target)
			outcome := "complete"
			switch {
			case os.IsNotExist(err) && !hadPrevious:
				outcome = "absent"
			case err != nil:
				t.Fatalf("export target after the kill: %v", err)
			case hadPrevious && bytes.Equal(got, previous):
				outcome = "previous"
			default:
				checkComplete(t, format, got, ref[format])
			}
			outcomes[outcome]++
			entries, _ := os.ReadDir(outDir)
			for _, e := range entries {
				switch {
				case leftover.MatchString(e.Name()):
					outcomes["temporary file left"]++
				case e.Name() != "out."+format:
					t.Errorf("after the kill the folder holds %q", e.Name())
				}
			}
			t.Logf("killed after %v: target %s", d.Round(time.Millisecond), outcome)
		})
		if ok {
			passed++
		}
	}
	t.Logf("export crash trials: %d/%d passed; target afterwards: %v", passed, crashTrials, outcomes)
	if outcomes["complete"] == crashTrials {
		t.Error("every export finished before its kill; the kills are not testing much")
	}
}

// checkComplete: a Markdown export equals the uninterrupted one byte for
// byte; a JSON export reads back with every article and body.
func checkComplete(t *testing.T, format string, got, want []byte) {
	t.Helper()
	if format == "md" {
		if !bytes.Equal(got, want) {
			t.Errorf("Markdown export is %d bytes, not the complete %d", len(got), len(want))
		}
		return
	}
	docs, _, err := export.ReadW3C(bytes.NewReader(got))
	if err != nil {
		t.Fatalf("JSON export does not read back: %v", err)
	}
	if len(docs) != crashFiles {
		t.Errorf("JSON export holds %d articles, want %d", len(docs), crashFiles)
	}
	hs := 0
	for _, d := range docs {
		if d.Article.Body == "" {
			t.Fatalf("JSON export: article %q has no body", d.Article.Title)
		}
		hs += len(d.Highlights)
	}
	if hs != 10 {
		t.Errorf("JSON export holds %d highlights, want 10", hs)
	}
}

// annotate gives ten articles a highlight and a note, so the export carries
// annotations as well as texts.
func annotate(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for id := int64(1); id <= 10; id++ {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		h := storage.Highlight{ArticleID: id, Start: 0, End: 5, Quote: string([]rune(a.Body)[:5]), Color: "green", Comment: fmt.Sprint("comment ", id)}
		if err := s.CreateHighlight(ctx, &h); err != nil {
			t.Fatal(err)
		}
		if err := s.SetNote(ctx, id, fmt.Sprint("note ", id)); err != nil {
			t.Fatal(err)
		}
	}
}
