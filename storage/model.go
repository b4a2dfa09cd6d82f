package storage

import (
	"errors"
	"time"
)

// ErrNotFound is returned when an article, highlight or tag does not exist.
var ErrNotFound = errors.New("not found")

// ErrDuplicate is returned when an article with the same body is already in the library.
var ErrDuplicate = errors.New("duplicate article")

// Article is one imported text with its metadata and the user's note.
// Published is "YYYY-MM-DD" (or "" when unknown).
//
// Body is the reading text: what the reading pane shows, what highlight
// offsets count in and what full-text search indexes (storage/doc describes
// it). Markdown is its source, the text the user owns and edits, and Blocks
// the encoded block and span list (doc.Encode) with offsets into Body.
// When an article is stored, a missing Markdown means Body is plain text
// (paragraphs separated by "\n\n") and missing Blocks are derived.
type Article struct {
	ID        int64
	Title     string
	Author    string
	Source    string
	URL       string
	Published string
	Language  string // BCP 47 tag the source declared ("en", "de-CH"), "" if none
	Added     time.Time
	Updated   time.Time
	Opened    time.Time // zero when never opened in the window
	Body      string
	Markdown  string
	Blocks    []byte
	Note      string
	Tags      []string
	Pages     []int // a PDF's pages: where each starts in Body (code points); see PageAt
	// SourcePath is the file the article was imported from (absolute), ""
	// when it came from elsewhere; see Article → Refresh from source.
	SourcePath string
	// Media are the images the Markdown refers to as scholia-media:<hash>,
	// stored with the article in the same transaction (checked again, and
	// once per hash). They are not loaded back with the article: see
	// Store.Media.
	Media []Media
}

// Summary is the narrow view of an article used by lists and the finder:
// everything but the body and note, so it loads without reading bodies.
type Summary struct {
	ID         int64
	Title      string
	Author     string
	Source     string
	URL        string
	Published  string
	Added      time.Time
	Opened     time.Time
	Tags       []string
	Highlights int
}

// Highlight is a marked passage of an article body. Start and End are
// Unicode code point offsets into the body (as the W3C TextPositionSelector
// counts); Quote is the exact text between them, Prefix and Suffix about 32
// code points of context on either side (as the W3C TextQuoteSelector).
// An orphaned highlight's text could not be found after the body changed:
// its Start and End are stale, its Quote and Comment are kept.
type Highlight struct {
	ID        int64
	ArticleID int64
	Start     int
	End       int
	Quote     string
	Prefix    string
	Suffix    string
	Color     string // a Color key, e.g. "yellow"
	Comment   string
	Tags      []string
	Orphaned  bool
	Created   time.Time
	Updated   time.Time
}

// Color is one of the highlight colours: a stable key stored on highlights,
// a user-visible name the user can rename, and an RGB hex value ("#rrggbb").
type Color struct {
	Key  string
	Name string
	Hex  string
}

// DefaultColors are the five colours a new library starts with, in key order 1–5.
var DefaultColors = []Color{
	{Key: "yellow", Name: "Key point", Hex: "#f9d84a"},
	{Key: "green", Name: "Evidence", Hex: "#7ccf7a"},
	{Key: "blue", Name: "Definition", Hex: "#6fb3f2"},
	{Key: "pink", Name: "Question", Hex: "#f28fb8"},
	{Key: "purple", Name: "Disagree", Hex: "#b39af0"},
}
