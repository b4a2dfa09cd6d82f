package export

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"scholia/storage"
)

// The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
// has no place for a library's articles, so Scholia's own data travels in
// extension properties in the "scholia:" prefix, declared in the
// @context (w3ccontext.go). The model allows extra properties, and consumers that do not know
// them ignore them; ReadW3C needs them to rebuild the library.
const (
	annoContext     = "http://www.w3.org/ns/anno.jsonld"
	collectionID    = "urn:scholia:library"
	pageID          = "urn:scholia:library:page:1"
	highlightPrefix = "urn:scholia:highlight:"
	articlePrefix   = "urn:scholia:article:"
	libraryVersion  = 1
)

type w3cCollection struct {
	Context json.RawMessage `json:"@context"`
	ID      string          `json:"id"`
	Type    string          `json:"type"`
	Label   string          `json:"label"`
	Total   int             `json:"total"`
	First   *w3cPage        `json:"first,omitempty"`
	Library *w3cLibrary     `json:"scholia:library"`
}

type w3cPage struct {
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	StartIndex int             `json:"startIndex"`
	Items      []w3cAnnotation `json:"items"`
}

type w3cAnnotation struct {
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Created    string    `json:"created,omitempty"`
	Modified   string    `json:"modified,omitempty"`
	Body       []w3cBody `json:"body,omitempty"`
	Target     w3cTarget `json:"target"`
	Article    int64     `json:"scholia:article"`
	Color      *w3cColor `json:"scholia:color,omitempty"`
	Orphaned   bool      `json:"scholia:orphaned,omitempty"`
	Page       int       `json:"scholia:page,omitempty"` // a PDF paper's page the highlight starts on
	// Stale offsets of an orphaned highlight: kept so the backup is
	// complete, but not as a TextPositionSelector, which would point other
	// tools at text that is no longer the quote.
	StalePosition *w3cPosition `json:"scholia:stalePosition,omitempty"`
}

type w3cBody struct {
	Type    string `json:"type"`
	Value   string `json:"value"`
	Purpose string `json:"purpose"`
	Format  string `json:"format,omitempty"`
}

type w3cTarget struct {
	Source   string        `json:"source"`
	Selector []w3cSelector `json:"selector"`
}

// w3cSelector is a TextQuoteSelector or a TextPositionSelector; the
// pointers keep the other kind's fields out of the JSON.
type w3cSelector struct {
	Type   string  `json:"type"`
	Exact  *string `json:"exact,omitempty"`
	Prefix string  `json:"prefix,omitempty"`
	Suffix string  `json:"suffix,omitempty"`
	Start  *int    `json:"start,omitempty"`
	End    *int    `json:"end,omitempty"`
}

type w3cPosition struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

type w3cColor struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	Hex  string `json:"hex"`
}

type w3cLibrary struct {
	Version  int          `json:"version"`
	Colors   []w3cColor   `json:"colors"`
	Articles []w3cArticle `json:"articles"`
}

type w3cArticle struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Author    string   `json:"author,omitempty"`
	Source    string   `json:"source,omitempty"`
	URL       string   `json:"url,omitempty"`
	Published string   `json:"published,omitempty"`
	Added     string   `json:"added,omitempty"`
	Updated   string   `json:"updated,omitempty"`
	Opened    string   `json:"opened,omitempty"`
	Tags      []string `json:"tags,omitempty"`
	Note      string   `json:"note,omitempty"`
	Body      string   `json:"body"`
	Markdown  string   `json:"markdown,omitempty"` // the body's source (storage/doc); absent in files from before it
	Language  string   `json:"language,omitempty"` // BCP 47 tag the source declared; absent in files from before it
	Pages     []int    `json:"pages,omitempty"`    // a PDF's page starts in body (code points); absent in files from before it
}

// W3C writes the W3C Web Annotation Data Model JSON: an AnnotationCollection
// of every highlight as an Annotation (TextQuoteSelector and
// TextPositionSelector on the article, the comment and tags as
// TextualBody), plus the articles and colours under "scholia:library", so
// the file is a complete backup that ReadW3C reads back. Articles are
// ordered by ID and highlights by (Start, ID), orphaned last, so the same
// library always gives the same bytes. Two docs with one article ID are an
// error: the file could not say which highlights belong to which.
func W3C(w io.Writer, docs []Doc, colors []storage.Color) error {
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, func(a, b Doc) int { return cmp.Compare(a.Article.ID, b.Article.ID) })
	total := 0
	for i, d := range sorted {
		if i > 0 && sorted[i-1].Article.ID == d.Article.ID {
			return fmt.Errorf("export: w3c: article %d given twice", d.Article.ID)
		}
		total += len(d.Highlights)
	}
	wcolors := make([]w3cColor, 0, len(colors))
	for _, c := range colors {
		wcolors = append(wcolors, w3cColor{Key: utf(c.Key), Name: utf(c.Name), Hex: utf(c.Hex)})
	}
	// The collection is written piece by piece, each piece by
	// encoding/json, so a 100k-article library never sits in memory as
	// one JSON value. Annotations are indented for reading; articles are
	// one compact line each, since re-indenting megabytes of bodies was
	// most of the export's time.
	jw := newJSONWriter(w)
	jw.raw("{\n \"@context\": ")
	jw.value(" ", w3cContext)
	jw.raw(",\n \"id\": ")
	jw.value("", collectionID)
	jw.raw(",\n \"type\": \"AnnotationCollection\",\n \"label\": \"Scholia library\",\n \"total\": ")
	jw.value("", total)
	if total > 0 {
		jw.raw(",\n \"first\": {\n  \"id\": ")
		jw.value("", pageID)
		jw.raw(",\n  \"type\": \"AnnotationPage\",\n  \"startIndex\": 0,\n  \"items\": [")
		p := newPalette(colors)
		n := 0
		for _, d := range sorted {
			source := targetSource(d.Article)
			attached, orphaned := sortedHighlights(d.Highlights)
			for _, h := range append(attached, orphaned...) {
				if n > 0 {
					jw.raw(",")
				}
				n++
				jw.raw("\n   ")
				jw.value("   ", annotation(d.Article.ID, source, h, p, d.Article.Pages))
			}
		}
		jw.raw("\n  ]\n }")
	}
	jw.raw(",\n \"scholia:library\": {\n  \"version\": ")
	jw.value("", libraryVersion)
	jw.raw(",\n  \"colors\": ")
	jw.value("  ", wcolors)
	jw.raw(",\n  \"articles\": [")
	for i, d := range sorted {
		if i > 0 {
			jw.raw(",")
		}
		jw.raw("\n   ")
		a := d.Article
		jw.value("", w3cArticle{
			ID: a.ID, Title: utf(a.Title), Author: utf(a.Author), Source: utf(a.Source), URL: utf(a.URL),
			Published: utf(a.Published), Added: stamp(a.Added), Updated: stamp(a.Updated),
			Opened: stamp(a.Opened), Tags: utfTags(a.Tags), Note: utf(a.Note), Body: utf(a.Body), Markdown: utf(a.Markdown),
			Language: utf(a.Language), Pages: a.Pages,
		})
	}
	if len(sorted) > 0 {
		jw.raw("\n  ")
	}
	jw.raw("]\n }\n}\n")
	return jw.flush()
}

// jsonWriter writes JSON values with encoding/json and keeps the first
// error, so W3C reads as the document it writes.
type jsonWriter struct {
	bw  *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	jw := &jsonWriter{bw: bufio.NewWriterSize(w, 64<<10)}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(false) // keep quotes readable: "<" not "\u003c"
	return jw
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.bw.WriteString(s)
	}
}

// value writes v indented by one space per level, continuation lines
// starting with prefix; an empty prefix writes v compactly on one line.
func (jw *jsonWriter) value(prefix string, v any) {
	if jw.err != nil {
		return
	}
	jw.buf.Reset()
	if prefix == "" {
		jw.enc.SetIndent("", "")
	} else {
		jw.enc.SetIndent(prefix, " ")
	}
	if jw.err = jw.enc.Encode(v); jw.err != nil {
		return
	}
	_, jw.err = jw.bw.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
}

func (jw *jsonWriter) flush() error {
	if jw.err == nil {
		jw.err = jw.bw.Flush()
	}
	if jw.err != nil {
		return fmt.Errorf("export: w3c: %w", jw.err)
	}
	return nil
}

func annotation(articleID int64, source string, h storage.Highlight, p palette, pages []int) w3cAnnotation {
	an := w3cAnnotation{
		ID:         highlightPrefix + strconv.FormatInt(h.ID, 10),
		Type:       "Annotation",
		Motivation: "highlighting",
		Created:    stamp(h.Created),
		Modified:   stamp(h.Updated),
		Article:    articleID,
		Orphaned:   h.Orphaned,
		Page:       storage.PageAt(pages, h.Start),
	}
	if h.Comment != "" {
		an.Motivation = "commenting"
		an.Body = append(an.Body, w3cBody{Type: "TextualBody", Value: utf(h.Comment), Purpose: "commenting", Format: "text/plain"})
	}
	for _, t := range utfTags(h.Tags) {
		an.Body = append(an.Body, w3cBody{Type: "TextualBody", Value: t, Purpose: "tagging"})
	}
	exact := utf(h.Quote)
	an.Target = w3cTarget{Source: source, Selector: []w3cSelector{
		{Type: "TextQuoteSelector", Exact: &exact, Prefix: utf(h.Prefix), Suffix: utf(h.Suffix)},
	}}
	if h.Orphaned {
		an.StalePosition = &w3cPosition{Start: h.Start, End: h.End}
	} else {
		start, end := h.Start, h.End
		an.Target.Selector = append(an.Target.Selector, w3cSelector{Type: "TextPositionSelector", Start: &start, End: &end})
	}
	if h.Color != "" {
		c := p.lookup(h.Color)
		an.Color = &w3cColor{Key: utf(c.Key), Name: utf(c.Name), Hex: utf(c.Hex)}
	}
	return an
}

// utf replaces invalid UTF-8 with U+FFFD before encoding/json would
// (as "\ufffd"), so a file read back and written again is byte-identical.
func utf(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// utfTags is sortedTags of valid UTF-8 tags.
func utfTags(tags []string) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = utf(t)
	}
	return sortedTags(out)
}

// targetSource is the article's URL when it is a clean absolute http(s)
// URL, which lets other annotation tools find the page; otherwise an URN
// naming the article in this library.
func targetSource(a storage.Article) string {
	u, err := url.Parse(a.URL)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && isPlainURI(a.URL) {
		return a.URL
	}
	return articlePrefix + strconv.FormatInt(a.ID, 10)
}

// isPlainURI reports whether s has only characters a URI may contain
// unescaped (RFC 3986), so schema validators accept it as format "uri".
func isPlainURI(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"<>\^`+"`{|}", c) >= 0 {
			return false
		}
	}
	return true
}

// stamp formats t as RFC 3339 in UTC, keeping sub-seconds so a round trip
// through ReadW3C loses nothing; the zero time is left out.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
