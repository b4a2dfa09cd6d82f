// Package pdf reads PDF papers into the Markdown body every import stores:
// PDFium (WebAssembly, started on the first PDF) gives each character with
// its box and font; this package rebuilds lines, reading order (two
// columns read column by column), paragraphs without the typesetter's
// hyphenation, headings from font size and weight, references as a list,
// and the offsets where each page starts. Running heads, feet and page
// numbers are left out. It knows no fyne and no SQL.
package pdf

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"scholia/app/ingest"
	"scholia/storage/doc"
)

// Error is a one-line reason a PDF was refused: "NAME: reason".
type Error struct{ Name, Reason string }

func (e *Error) Error() string { return e.Name + ": " + e.Reason }

// ReasonNoText is the refusal of a PDF whose pages are only images.
const ReasonNoText = "no text layer: needs OCR"

// Is reports whether name is a PDF by its extension.
func Is(name string) bool { return strings.EqualFold(filepath.Ext(name), ".pdf") }

// Sniff reports whether data starts like a PDF: "%PDF-" within its first
// kilobyte, as readers allow.
func Sniff(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// File reads and parses the PDF at p (a regular file of at most
// ingest.MaxSize bytes, like every import).
func File(p string) (ingest.Doc, error) {
	data, err := ingest.ReadImport(p)
	if err != nil {
		return ingest.Doc{}, err
	}
	return Parse(p, data)
}

// Parse reads one PDF's bytes. name is used in messages and as the
// fallback title. Doc.Pages holds where each page starts in the body.
func Parse(name string, data []byte) (ingest.Doc, error) {
	fail := func(reason string) (ingest.Doc, error) {
		return ingest.Doc{}, &Error{Name: name, Reason: reason}
	}
	if len(data) == 0 {
		return fail("empty file")
	}
	if !Sniff(data) {
		return fail("not a PDF (no %PDF- header)")
	}
	rd, err := read(context.Background(), data)
	if err != nil {
		return fail(err.Error())
	}
	return convert(name, rd)
}

// convert is everything after PDFium: pure layout work.
func convert(name string, rd *rawDoc) (ingest.Doc, error) {
	pages := make([][]line, len(rd.pages))
	heights := make([]float64, len(rd.pages))
	chars := 0
	for i, p := range rd.pages {
		pages[i] = order(buildLines(p, i))
		heights[i] = p.h
		for _, l := range pages[i] {
			chars += utf8.RuneCountInString(l.text)
		}
	}
	if chars < 3 {
		return ingest.Doc{}, &Error{Name: name, Reason: ReasonNoText}
	}
	pages = dropMargins(pages, heights)
	m := findMeta(rd.info, pages)
	var all []line
	for _, ls := range pages {
		all = append(all, ls...)
	}
	st := findStyles(all)
	blocks := buildBlocks(all, st, collectWords(all))
	md := markdown(blocks)
	if strings.TrimSpace(md) == "" {
		return ingest.Doc{}, &Error{Name: name, Reason: ReasonNoText}
	}
	parsed, err := doc.Parse(md)
	if err != nil {
		return ingest.Doc{}, &Error{Name: name, Reason: strings.TrimPrefix(err.Error(), "doc: ")}
	}
	d := ingest.Doc{
		Title: m.title, Author: m.author, Published: m.date,
		Markdown: md, Body: parsed.Text, Blocks: doc.Encode(parsed),
		Pages: pageStarts(blocks, parsed, len(rd.pages)),
	}
	if d.Title == "" {
		d.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	return d, nil
}

// markdown writes the blocks: headings as "#", references as a list,
// everything else a paragraph, the text escaped so it reads as written.
func markdown(blocks []block) string {
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		bl.text = strings.ReplaceAll(bl.text, "\u0002", "-") // a hyphen PDFium saw at a line's end
		text := doc.EscapeLineStart(doc.EscapeInline(bl.text))
		switch bl.kind {
		case heading:
			b.WriteString(strings.Repeat("#", bl.level) + " " + doc.EscapeInline(bl.text))
		case reference:
			b.WriteString("- " + text)
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

// pageStarts turns the blocks' page breaks into code point offsets of the
// reading text: starts[i] is where page i+1 begins. A page without text
// starts where the next one does.
func pageStarts(blocks []block, parsed doc.Doc, n int) []int {
	starts := make([]int, n)
	for i := range starts {
		starts[i] = -1
	}
	textLen := utf8.RuneCountInString(parsed.Text)
	sameShape := len(parsed.Blocks) == len(blocks)
	cursor := 0 // bytes of parsed.Text already passed, when searching
	for bi, bl := range blocks {
		for _, br := range bl.breaks {
			if br.page >= n || starts[br.page] >= 0 {
				continue
			}
			var at int
			if sameShape {
				at = parsed.Blocks[bi].Start + br.offset
			} else {
				at, cursor = findRunes(parsed.Text, cursor, bl.text, br.offset)
			}
			starts[br.page] = min(at, textLen)
		}
	}
	starts[0] = 0
	next := textLen
	for i := n - 1; i > 0; i-- {
		if starts[i] < 0 {
			starts[i] = next
		}
		next = starts[i]
	}
	for i := 1; i < n; i++ { // never backwards
		starts[i] = max(starts[i], starts[i-1])
	}
	return starts
}

// findRunes finds where the block text sits in the reading text, from
// byte from on (blocks come in order: a table of contents must not catch
// a heading's page), and returns the code point offset of off within it
// and where the next search starts. Not found, it gives the start of the
// search.
func findRunes(text string, from int, block string, off int) (int, int) {
	probe := []rune(block)
	if len(probe) > 40 {
		probe = probe[:40]
	}
	i := strings.Index(text[from:], string(probe))
	if i < 0 {
		return utf8.RuneCountInString(text[:from]), from
	}
	return utf8.RuneCountInString(text[:from+i]) + off, from + i
}
