package importer_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/importer"
	"scholia/storage"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func open(t *testing.T) *storage.Store {
	t.Helper()
	s, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "lib.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRunFolderWithBadFilesAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "Alpha title\n\nAlpha body.\n")
	write(t, dir, "sub/b.md", "---\ntitle: Beta\ntags: [x]\n---\nBeta *body*.\n")
	write(t, dir, "sub/c.txt", "Alpha title\n\nAlpha body.\n") // same text as a.txt
	write(t, dir, "empty.txt", "")
	write(t, dir, "bin.txt", "\x00\x01\x02\x03")
	write(t, dir, "photo.jpg", "not imported")
	s := open(t)
	var seen []importer.Progress
	rep, err := importer.Run(context.Background(), s, []string{dir, filepath.Join(dir, "missing.txt")},
		importer.Options{Tags: []string{"batch"}}, func(p importer.Progress) { seen = append(seen, p) })
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 2 || rep.Skipped != 1 || rep.Failed != 3 || rep.Ignored != 1 {
		t.Errorf("report = %d imported, %d skipped, %d failed, %d ignored; want 2, 1, 3, 1",
			rep.Imported, rep.Skipped, rep.Failed, rep.Ignored)
	}
	if len(seen) != 6 || seen[5].Done != 6 || seen[5].Total != 6 {
		t.Errorf("progress = %+v", seen)
	}
	for _, r := range rep.Results {
		if r.Status == importer.Failed && (r.Err == nil || !strings.Contains(r.Err.Error(), filepath.Base(r.Path))) {
			t.Errorf("failure of %s does not name the file: %v", r.Path, r.Err)
		}
		if r.Err != nil && strings.Contains(r.Err.Error(), "\n") {
			t.Errorf("failure is not one line: %q", r.Err)
		}
	}
	sums, _ := s.Summaries(context.Background(), "batch")
	if len(sums) != 2 {
		t.Errorf("articles tagged batch = %d, want 2", len(sums))
	}
	for _, sm := range sums {
		if sm.Title == "Beta" && strings.Join(sm.Tags, ",") != "batch,x" {
			t.Errorf("Markdown tags and batch tag not both kept: %v", sm.Tags)
		}
	}
}

func TestRunCancelKeepsWhatWasStored(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 10; i++ {
		write(t, dir, filepath.Join("f", string(rune('a'+i))+".txt"), "Title "+string(rune('a'+i))+"\n\nBody "+string(rune('a'+i))+".\n")
	}
	s := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	rep, err := importer.Run(ctx, s, []string{dir}, importer.Options{BatchSize: 3}, func(p importer.Progress) {
		if p.Done == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	n, _ := s.CountArticles(context.Background())
	if rep.Imported != 3 || n != 3 {
		t.Errorf("imported %d, stored %d; want the first batch of 3 kept", rep.Imported, n)
	}
}
