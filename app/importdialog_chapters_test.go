package app

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scholia/storage"
)

// TestImportDialogEPUBChapters: the dialog's checkbox imports a book's
// chapters as articles of their own, tagged with the book.
func TestImportDialogEPUBChapters(t *testing.T) {
	book := filepath.Join(t.TempDir(), "tides.epub")
	f, err := os.Create(book)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	ch := func(title, text string) string {
		return `<html><head><title>` + title + `</title></head><body><p>` + strings.Repeat(text+" ", 3) + `</p></body></html>`
	}
	for name, body := range map[string]string{
		"mimetype":               "application/epub+zip",
		"META-INF/container.xml": `<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>`,
		"content.opf": `<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tide Tables</dc:title></metadata>
<manifest><item id="a" href="a.html" media-type="application/xhtml+xml"/><item id="b" href="b.html" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>`,
		"a.html": ch("Spring", "The spring tides come twice a month, at the new and the full moon, and rise highest in the equinoxes."),
		"b.html": ch("Neap", "The neap tides fall between them, when the sun and the moon pull at right angles and the sea barely moves."),
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	f.Close()
	h := newHarness(t, "", func(s *storage.Store) { addArticles(t, s) })
	v := h.ws.newImportDialog()
	v.entry.SetText(book)
	test.Tap(v.chapters)
	test.Tap(v.ok)
	h.eventually("the import summary", func() bool { return strings.Contains(dialogText(t, h.win), "imported") })
	sums, err := h.store.Summaries(context.Background(), "Tide Tables")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, sm := range sums {
		titles = append(titles, sm.Title)
	}
	if len(titles) != 2 || !strings.Contains(strings.Join(titles, "|"), "Tide Tables — Spring") {
		t.Errorf("articles tagged with the book: %q", titles)
	}
}
