package importer_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/fetch"
	"scholia/app/importer"
	"scholia/storage"
)

// TestRefreshFromFile: an article imported from a file keeps the file's
// absolute path; Refresh from source reads the file again — new text in,
// highlights following their words or kept orphaned — says "unchanged"
// for the same text, and one line naming the file once it is gone,
// changing nothing.
func TestRefreshFromFile(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	write := func(text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("# Harbour notes\n\nThe old harbour again filled with boats in spring.\n\nThe keeper asked the university for help.\n")
	// Imported by a relative name, stored absolute.
	wd, _ := os.Getwd()
	t.Chdir(dir)
	rep, err := importer.Run(ctx, s, []string{"notes.md"}, importer.Options{}, nil)
	t.Chdir(wd)
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	id := rep.Results[0].ID
	a, _ := s.Article(ctx, id)
	if a.SourcePath != path {
		t.Fatalf("source path = %q, want %q", a.SourcePath, path)
	}
	for _, q := range []string{"old harbour again", "asked the university"} {
		st := len([]rune(a.Body[:strings.Index(a.Body, q)]))
		h := storage.Highlight{ArticleID: id, Start: st, End: st + len([]rune(q)), Quote: q, Color: "yellow"}
		if err := s.CreateHighlight(ctx, &h); err != nil {
			t.Fatal(err)
		}
	}

	if _, unchanged, err := importer.Refresh(ctx, s, id, fetch.Options{}); err != nil || !unchanged {
		t.Fatalf("refresh of the same file: unchanged %v, %v", unchanged, err)
	}
	write("# Harbour notes\n\nA paragraph added at the top by the editors.\n\nThe old harbour again filled with boats in spring.\n\nThe keeper wrote to the town instead.\n")
	er, unchanged, err := importer.Refresh(ctx, s, id, fetch.Options{})
	if err != nil || unchanged {
		t.Fatalf("refresh: unchanged %v, %v", unchanged, err)
	}
	a, _ = s.Article(ctx, id)
	if !strings.Contains(a.Body, "added at the top") {
		t.Fatalf("the new text is not in: %q", a.Body)
	}
	hs, _ := s.Highlights(ctx, id)
	got := map[string]storage.Highlight{}
	for _, h := range hs {
		got[h.Quote] = h
	}
	if h := got["old harbour again"]; h.Orphaned || string([]rune(a.Body)[h.Start:h.End]) != "old harbour again" {
		t.Errorf("the kept words' highlight: %+v", h)
	}
	if h, ok := got["asked the university"]; !ok || !h.Orphaned || er.Orphaned != 1 {
		t.Errorf("the gone words' highlight should be kept orphaned: %+v (report %+v)", h, er)
	}

	before, _ := s.Article(ctx, id)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	_, _, err = importer.Refresh(ctx, s, id, fetch.Options{})
	var gone *importer.FileGoneError
	if !errors.As(err, &gone) || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), path) {
		t.Fatalf("refresh of a gone file: %v", err)
	}
	if after, _ := s.Article(ctx, id); after.Body != before.Body {
		t.Error("a failed refresh changed the article")
	}
}

// A PDF read again brings its own pages: a page added at the end is there,
// and a highlight still names the page its words are on.
func TestRefreshPDFFromFile(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	path := filepath.Join(t.TempDir(), "paper.pdf")
	put := func(fixture string) {
		b, err := os.ReadFile(filepath.Join("testdata", fixture))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("refresh-v1.pdf")
	rep, err := importer.Run(ctx, s, []string{path}, importer.Options{}, nil)
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	id := rep.Results[0].ID
	a, _ := s.Article(ctx, id)
	if len(a.Pages) != 3 {
		t.Fatalf("version 1 has pages %v in %q", a.Pages, a.Body)
	}
	q := "holds the results"
	st := len([]rune(a.Body[:strings.Index(a.Body, q)]))
	h := storage.Highlight{ArticleID: id, Start: st, End: st + len(q), Quote: q, Color: "yellow"}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	put("refresh-v2.pdf")
	if _, unchanged, err := importer.Refresh(ctx, s, id, fetch.Options{}); err != nil || unchanged {
		t.Fatalf("refresh: unchanged %v, %v", unchanged, err)
	}
	a, _ = s.Article(ctx, id)
	if len(a.Pages) != 4 || !strings.HasPrefix(string([]rune(a.Body)[a.Pages[3]:]), "Delta page") {
		t.Fatalf("version 2's pages %v in %q", a.Pages, a.Body)
	}
	got, _ := s.Highlight(ctx, h.ID)
	if got.Orphaned || storage.PageAt(a.Pages, got.Start) != 3 {
		t.Errorf("the highlight is on page %d (orphaned %v), want 3", storage.PageAt(a.Pages, got.Start), got.Orphaned)
	}
}
