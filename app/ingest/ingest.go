// Package ingest turns the files a user imports (.txt, .md, .html, clipboard
// text) into article values, refusing bad input with a one-line reason.
package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"scholia/storage/media"
	"scholia/storage/safetext"
)

// Doc is an imported article before it is stored.
type Doc struct {
	Title, Author, Source, URL string
	Published                  string   // "YYYY-MM-DD" or ""
	Language                   string   // BCP 47 tag the source declared (LanguageTag), or ""
	Body                       string   // the reading text (storage/doc); for .txt plain paragraphs separated by exactly one blank line ("\n\n")
	Markdown                   string   // the source Body was derived from; "" for plain text (storage escapes it)
	Blocks                     []byte   // doc.Encode of Markdown's blocks and spans; nil with no Markdown
	Tags                       []string // from Markdown front matter
	Warnings                   []string // non-fatal problems, e.g. "broken front matter: ...; imported the body"
	Pages                      []int    // a PDF's pages: Pages[i] is the code point offset in Body where page i+1 starts; nil for other formats
	// Media are the images Markdown refers to as scholia-media:<hash>,
	// filled by whoever stored them into the Doc (app/images).
	Media []media.Image
}

// MaxSize is the largest file Scholia imports, in bytes.
const MaxSize = 20 << 20

// Error is a one-line reason an input was refused; Error() gives
// "NAME: reason", e.g. "notes/empty.txt: empty file".
type Error struct {
	Name, Reason string
}

func (e *Error) Error() string { return e.Name + ": " + e.Reason }

// Reasons shared by every format, so that callers and tests see one wording.
const (
	reasonEmpty     = "empty file"
	reasonBinary    = "binary file, not text"
	reasonNotUTF8   = "not UTF-8 text"
	reasonNoContent = "no readable content"
)

func tooLarge(name string, size int64) *Error {
	// Round up so that a file just over the limit never reads "20 MB; limit 20 MB".
	mb := (size + 1<<20 - 1) >> 20
	return &Error{Name: name, Reason: fmt.Sprintf("file too large (%d MB; limit %d MB)", mb, MaxSize>>20)}
}

// format is the parser chosen by a file name's extension.
type format int

const (
	formatNone format = iota
	formatTxt
	formatMarkdown
	formatHTML
)

func formatOf(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt":
		return formatTxt
	case ".md", ".markdown":
		return formatMarkdown
	case ".html", ".htm":
		return formatHTML
	}
	return formatNone
}

// Importable reports whether a file name has an extension Parse understands.
func Importable(name string) bool { return formatOf(name) != formatNone }

// Parse turns one file's bytes into a Doc, choosing the format by the name's
// extension (.txt, .md/.markdown, .html/.htm). name is used for messages and
// as the fallback title. It is safe for concurrent use.
func Parse(name string, data []byte) (Doc, error) { return ParseWith(name, data, Options{}) }

// ParseWith is Parse with the encoding options (--encoding, a fetched
// page's Content-Type).
func ParseWith(name string, data []byte, opts Options) (Doc, error) {
	f := formatOf(name)
	if f == formatNone {
		ext := filepath.Ext(name)
		if ext == "" {
			return Doc{}, &Error{Name: name, Reason: "unsupported file type (no extension)"}
		}
		return Doc{}, &Error{Name: name, Reason: fmt.Sprintf("unsupported file type (%s)", ext)}
	}
	text, err := decodeTextOpts(name, data, f, opts)
	if err != nil {
		return Doc{}, err
	}
	var d Doc
	switch f {
	case formatTxt:
		d, err = parseTxt(name, text)
	case formatMarkdown:
		d, err = parseMarkdown(name, text)
	default:
		d, err = parseHTML(name, text)
	}
	d = cleanMeta(d)
	if err == nil && !opts.KeepDataImages {
		dropDataImages(&d)
	}
	if err == nil && d.Title == "" {
		d.Title = titleFromName(name, paragraphs(d.Body)[0]) // the title was nothing but controls
	}
	return d, err
}

// cleanMeta strips control characters and bidi overrides from the fields
// that end up on one line of a list, a title bar or a terminal: every
// format can carry them (an HTML &#27;, a YAML "\e", a raw byte in a .txt
// title). Bodies were cleaned by NormalizeBody already.
func cleanMeta(d Doc) Doc {
	d.Title, d.Author, d.Source, d.URL = safetext.Meta(d.Title), safetext.Meta(d.Author), safetext.Meta(d.Source), safetext.Meta(d.URL)
	tags := d.Tags[:0:0]
	for _, t := range d.Tags {
		if t = safetext.Meta(t); t != "" {
			tags = append(tags, t)
		}
	}
	if d.Tags != nil {
		d.Tags = tags
	}
	return d
}

// File reads and parses one file: a regular file only (a named pipe,
// socket or device is refused unopened), at most MaxSize bytes, giving up
// on a read that stalls (see ReadTimeout).
func File(path string) (Doc, error) { return FileWith(path, Options{}) }

// FileWith is File with the encoding options.
func FileWith(path string, opts Options) (Doc, error) {
	if !Importable(path) {
		return Parse(path, nil) // gives the "unsupported file type" reason
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return Doc{}, &Error{Name: path, Reason: "is a folder, not a file"}
	}
	// The file may grow between Stat and Read: never read more than one byte
	// past the limit, so Parse can still refuse it.
	data, err := ReadFile(path, MaxSize+1)
	if err != nil {
		return Doc{}, err
	}
	return ParseWith(path, data, opts)
}

// ioError keeps the file name once: *fs.PathError would repeat it.
func ioError(path string, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Name: path, Reason: "cannot read: " + err.Error()}
}

// Clipboard makes a Doc from copied text (title = first line unless it is a
// date line or overlong, like .txt).
func Clipboard(text string) (Doc, error) {
	const name = "clipboard"
	decoded, err := decodeText(name, []byte(text), formatTxt)
	if err != nil {
		var e *Error
		if errors.As(err, &e) && e.Reason == reasonEmpty {
			e.Reason = "no text to import"
		}
		return Doc{}, err
	}
	d, err := parseTxt(name, decoded)
	return cleanMeta(d), err
}
