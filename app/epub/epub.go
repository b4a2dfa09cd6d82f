// Package epub reads EPUB 2 and 3 books into one article each: the zip
// (bounded in entries, sizes and compression ratio), META-INF/container.xml,
// the OPF package (metadata, manifest, spine), the table of contents (EPUB 3
// nav or EPUB 2 NCX) for chapter titles, and every spine chapter in order
// through the same HTML ingest path as a saved web page. Broken, incomplete
// and DRM-encrypted books are refused with one line. It knows no fyne and
// no SQL.
package epub

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"scholia/app/ingest"
)

// Limits on what a book may unpack to: a zip bomb stops here.
const (
	maxEntries      = 10000
	maxEntryBytes   = 64 << 20  // one chapter or image, unpacked
	maxTotalBytes   = 256 << 20 // everything read from one book
	maxRatio        = 200       // unpacked:packed, for entries over 1 MB
	ratioCheckBytes = 1 << 20
)

// Error is a one-line reason a book was refused: "NAME: reason".
type Error struct{ Name, Reason string }

func (e *Error) Error() string { return e.Name + ": " + e.Reason }

// Is reports whether name is an EPUB file by its extension.
func Is(name string) bool { return strings.EqualFold(path.Ext(name), ".epub") }

// File reads and parses the book at p (a regular file of at most
// ingest.MaxSize bytes, like every import).
func File(p string) (ingest.Doc, error) {
	data, err := ingest.ReadImport(p)
	if err != nil {
		return ingest.Doc{}, err
	}
	return Parse(p, data)
}

// book is an open EPUB: its zip and the bytes read so far.
type book struct {
	name  string
	files map[string]*zip.File
	read  int64
}

// Parse reads one book's bytes. name is used in messages and as the
// fallback title.
func Parse(name string, data []byte) (ingest.Doc, error) {
	ob, err := openBook(name, data)
	if err != nil {
		return ingest.Doc{}, err
	}
	doc, err := ob.b.chapters(ob.pkg, ob.base, ob.toc)
	if err != nil {
		return ingest.Doc{}, err
	}
	ob.describe(&doc)
	return doc, nil
}

// openedBook is a book whose package document has been read.
type openedBook struct {
	b    *book
	name string
	pkg  *opfPackage
	base string            // the package document's folder
	toc  map[string]string // chapter file → its title in the table of contents
}

// openBook opens the zip, refuses DRM, and reads the package document and
// the table of contents.
func openBook(name string, data []byte) (*openedBook, error) {
	fail := func(format string, a ...any) (*openedBook, error) {
		return nil, &Error{Name: name, Reason: fmt.Sprintf(format, a...)}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fail("not an EPUB book (broken zip: %v)", err)
	}
	if len(zr.File) > maxEntries {
		return fail("not an EPUB book (%d files in the zip; limit %d)", len(zr.File), maxEntries)
	}
	b := &book{name: name, files: map[string]*zip.File{}}
	for _, f := range zr.File {
		b.files[f.Name] = f
	}
	if err := b.checkDRM(); err != nil {
		return nil, err
	}
	c, err := b.readFile("META-INF/container.xml")
	if err != nil {
		return fail("not an EPUB book (%v)", err)
	}
	opfPath, err := rootfile(c)
	if err != nil {
		return fail("broken EPUB: %v", err)
	}
	opfData, err := b.readFile(opfPath)
	if err != nil {
		return fail("broken EPUB: %v", err)
	}
	pkg, err := parseOPF(opfData)
	if err != nil {
		return fail("broken EPUB: package %s: %v", opfPath, err)
	}
	base := path.Dir(opfPath)
	return &openedBook{b: b, name: name, pkg: pkg, base: base, toc: b.tableOfContents(pkg, base)}, nil
}

// describe fills in the book's title, authors, publisher, date and
// language from its package document.
func (ob *openedBook) describe(doc *ingest.Doc) {
	pkg := ob.pkg
	doc.Title = oneLine(pkg.Metadata.Title)
	if doc.Title == "" {
		doc.Title = strings.TrimSuffix(path.Base(ob.name), path.Ext(ob.name))
	}
	var authors []string
	for _, c := range pkg.Metadata.Creators {
		if n := oneLine(c.Name); n != "" && (c.Role == "" || c.Role == "aut") {
			authors = append(authors, n)
		}
	}
	doc.Author = strings.Join(authors, ", ")
	doc.Source = oneLine(pkg.Metadata.Publisher)
	doc.Published = bookDate(pkg.Metadata.Dates)
	doc.Language = ingest.LanguageTag(pkg.Metadata.Language)
}

// readFile unpacks one entry within the limits.
func (b *book) readFile(name string) ([]byte, error) {
	f := b.files[name]
	if f == nil {
		// Some tools percent-encode names in the manifest, or not.
		for n, ff := range b.files {
			if strings.EqualFold(n, name) {
				f = ff
				break
			}
		}
	}
	if f == nil {
		return nil, fmt.Errorf("%s is missing", name)
	}
	if f.UncompressedSize64 > maxEntryBytes {
		return nil, fmt.Errorf("%s is too large (%d MB unpacked)", name, f.UncompressedSize64>>20)
	}
	if f.UncompressedSize64 > ratioCheckBytes && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxRatio {
		return nil, fmt.Errorf("%s is compressed %d:1 (a zip bomb?)", name, f.UncompressedSize64/f.CompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	defer rc.Close()
	// The sizes in the zip's directory may lie: read at most one byte more.
	data, err := io.ReadAll(io.LimitReader(rc, maxEntryBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(data) > maxEntryBytes {
		return nil, fmt.Errorf("%s is too large unpacked", name)
	}
	b.read += int64(len(data))
	if b.read > maxTotalBytes {
		return nil, errors.New("the book unpacks to more than 256 MB")
	}
	return data, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// bookDate is the first dc:date written as a full day ("2011-05-01",
// "2011-05-01T00:00:00Z"); a bare year is not a published date Scholia can
// store.
func bookDate(dates []opfDate) string {
	for _, d := range dates {
		v := strings.TrimSpace(d.Value)
		if len(v) >= 10 && v[4] == '-' && v[7] == '-' {
			if s, ok := ingest.ParseDate(v[:10]); ok {
				return s
			}
		}
	}
	return ""
}
