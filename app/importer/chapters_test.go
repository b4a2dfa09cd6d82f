package importer_test

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/importer"
)

func writeBook(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	ch := func(title, text string) string {
		return `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + title + `</title></head><body><h2>` + title + `</h2><p>` +
			strings.Repeat(text+" ", 3) + `</p></body></html>`
	}
	for name, body := range map[string]string{
		"mimetype":               "application/epub+zip",
		"META-INF/container.xml": `<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>`,
		"content.opf": `<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tide Tables</dc:title><dc:language>nb</dc:language></metadata>
<manifest><item id="a" href="a.html" media-type="application/xhtml+xml"/><item id="b" href="b.html" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>`,
		"a.html": ch("Spring", "The spring tides come twice a month, at the new and the full moon, and rise highest in the equinoxes."),
		"b.html": ch("Neap", "The neap tides fall between them, when the sun and the moon pull at right angles and the sea barely moves."),
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestImportEPUBChapters: with EPUBChapters a book becomes one article per
// chapter, tagged with its title; without, one article; again, skipped.
func TestImportEPUBChapters(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	book := filepath.Join(dir, "tides.epub")
	writeBook(t, book)
	s := open(t)
	rep, err := importer.Run(ctx, s, []string{book}, importer.Options{EPUBChapters: true}, nil)
	if err != nil || rep.Imported != 1 || rep.Results[0].Title != "Tide Tables (2 chapters)" {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	sums, err := s.Summaries(ctx, "Tide Tables")
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, sm := range sums {
		titles[sm.Title] = true
	}
	if len(sums) != 2 || !titles["Tide Tables — Spring"] || !titles["Tide Tables — Neap"] {
		t.Errorf("articles tagged with the book: %v", titles)
	}
	if a, _ := s.Article(ctx, rep.Results[0].ID); a.Language != "nb" || !strings.Contains(a.Body, "spring tides") {
		t.Errorf("first chapter: language %q, body %q", a.Language, a.Body)
	}
	rep, err = importer.Run(ctx, s, []string{book}, importer.Options{EPUBChapters: true}, nil)
	if err != nil || rep.Skipped != 1 || rep.Imported != 0 {
		t.Errorf("the same book again: %+v, %v", rep, err)
	}
	rep, err = importer.Run(ctx, s, []string{book}, importer.Options{}, nil)
	if err != nil || rep.Imported != 1 || rep.Results[0].Title != "Tide Tables" {
		t.Errorf("as one article: %+v, %v", rep, err)
	}
}
