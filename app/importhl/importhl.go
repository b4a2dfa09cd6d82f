// Package importhl reads the highlights other tools export — Kindle's
// My Clippings.txt, W3C Web Annotation JSON, Hypothesis JSON and Readwise
// CSV — into works (one per book or page) holding annotations with their
// origin ids. It knows formats, not SQL or windows: the importer decides
// where each work goes in the library.
package importhl

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"scholia/app/ingest"
	"scholia/storage/safetext"
)

// Format names a known annotation format.
type Format string

// The formats Detect recognises. Scholia is Scholia's own W3C export, which
// goes through import-json's path (it carries whole articles).
const (
	Unknown    Format = ""
	Kindle     Format = "kindle"
	W3C        Format = "w3c"
	Hypothesis Format = "hypothesis"
	Readwise   Format = "readwise"
	Scholia    Format = "scholia"
	Omnivore   Format = "omnivore"
)

// Known is the one line listing the formats, for refusals.
const Known = "Kindle My Clippings.txt, W3C Web Annotation JSON, Hypothesis JSON, Readwise CSV, an Omnivore export zip, or a Scholia JSON export"

// MaxSize is the largest annotation file read: far above any real export
// (a Kindle file of 100,000 clippings is about 40 MB), and a 200 MB file is
// refused before it is read.
const MaxSize = 64 << 20

// MaxDepth is the deepest JSON nesting accepted. Real annotation files nest
// five or six levels; a file nested thousands deep is refused before
// decoding rather than walked.
const MaxDepth = 64

// ErrUnknown is returned for a file that is no known format.
var ErrUnknown = errors.New("not a known highlights format (" + Known + ")")

// Annotation is one highlight from another tool.
type Annotation struct {
	Origin  string // the tool's id, or one derived from the content: unique within the source
	Quote   string
	Prefix  string // context, when the tool kept it
	Suffix  string
	Start   int // a position hint in code points, -1 when none
	Comment string
	Tags    []string
	Color   string // a Scholia colour key, "" for the default
	Created time.Time
	Locator string // where it was in the book ("page 12 · location 170-172"), "" for none
	order   int    // Kindle location, to sort by
}

// Work is what one article is made of or anchored onto: a book (Kindle,
// Readwise) or a page (by URL).
type Work struct {
	Origin      string // stable id of the book or page within the source
	Title       string
	Author      string
	URL         string
	Tags        []string
	Note        string // notes that belong to no highlight
	Body        string // the page's own reading text (Omnivore), "" to compose one from the quotes
	Markdown    string // Body's Markdown source and block list, as ingest made them
	Blocks      []byte
	Annotations []Annotation
}

// Set is a parsed file: its works, and one line per bad row that was
// skipped.
type Set struct {
	Format   Format
	Works    []Work
	Problems []string
}

// Count is how many annotations the set holds.
func (s Set) Count() int {
	n := 0
	for _, w := range s.Works {
		n += len(w.Annotations)
	}
	return n
}

// ReadFile reads and parses the file at path (a regular file, at most MaxSize).
func ReadFile(path string) (Set, error) {
	data, err := ingest.ReadFile(path, MaxSize+1)
	if err != nil {
		return Set{}, err
	}
	if len(data) > MaxSize {
		return Set{}, fmt.Errorf("%s: file too large (limit %d MB)", path, MaxSize>>20)
	}
	return Parse(data)
}

var bom = []byte("\xef\xbb\xbf")

// Detect tells the format from the content; the name is not consulted, so a
// renamed file is still recognised and a .json that is not annotations is not.
func Detect(data []byte) Format {
	data = bytes.TrimPrefix(data, bom)
	head := data[:min(len(data), 64<<10)]
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return Omnivore
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
		return detectJSON(data)
	case isReadwise(head):
		return Readwise
	case isKindle(trimmed):
		return Kindle
	}
	return Unknown
}

// Parse detects the format and parses the file.
func Parse(data []byte) (Set, error) {
	if len(data) > MaxSize {
		return Set{}, fmt.Errorf("file too large (limit %d MB)", MaxSize>>20)
	}
	f := Detect(data)
	data = bytes.TrimPrefix(data, bom)
	if f != Unknown && f != Omnivore && !utf8.Valid(data) {
		return Set{Format: f}, fmt.Errorf("%s file is not valid UTF-8", f)
	}
	var s Set
	var err error
	switch f {
	case Kindle:
		s = parseKindle(string(data))
	case Readwise:
		s, err = parseReadwise(data)
	case W3C, Hypothesis:
		s, err = parseJSON(data, f)
	case Scholia:
		return Set{Format: Scholia}, nil
	case Omnivore:
		s, err = parseOmnivore(data)
	default:
		return Set{}, ErrUnknown
	}
	s.Format = f
	if err != nil {
		return s, err
	}
	for i := range s.Works {
		clean(&s.Works[i])
	}
	return s, err
}

// clean keeps control characters and bidi overrides out of the metadata,
// as for a file import.
func clean(w *Work) {
	w.Title, w.Author, w.URL = safetext.Meta(w.Title), safetext.Meta(w.Author), safetext.Meta(w.URL)
	w.Title = strings.TrimSpace(w.Title)
	if w.Title == "" {
		w.Title = w.URL
	}
	if w.Title == "" {
		w.Title = "Untitled highlights"
	}
}

// isKindle looks for the shape of a clipping, not just the separator (a
// text file may hold a row of equals signs): a title line, then a header
// line "- … | …", and a separator line further on.
func isKindle(head []byte) bool {
	if !bytes.Contains(head, []byte("==========")) {
		return false
	}
	lines := bytes.SplitN(head, []byte("\n"), 3)
	if len(lines) < 2 {
		return false
	}
	meta := bytes.TrimSpace(lines[1])
	return bytes.HasPrefix(meta, []byte("-")) && bytes.Contains(meta, []byte("|"))
}
