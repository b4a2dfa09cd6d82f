package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"scholia/app/ingest"
	"scholia/storage"
	"scholia/storage/doc"
)

// maxText is the most an article's body or note may hold, as for a file
// import: a backup is no way around the limit.
const maxText = ingest.MaxSize

func parseStamp(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// ReadW3C reads a file written by W3C back into docs (in article ID order,
// highlights in the file's order) and colours. It needs the
// "scholia:library" extension: plain annotation collections from other
// tools carry no articles to attach highlights to.
func ReadW3C(r io.Reader) (docs []Doc, colors []storage.Color, err error) {
	var coll w3cCollection
	dec := json.NewDecoder(r)
	if err := dec.Decode(&coll); err != nil {
		return nil, nil, fmt.Errorf("export: read w3c: %w", err)
	}
	if err := checkContext(coll.Context); err != nil || coll.Type != "AnnotationCollection" {
		return nil, nil, fmt.Errorf("export: read w3c: not a W3C AnnotationCollection (%v, type %q)", err, coll.Type)
	}
	lib := coll.Library
	if lib == nil {
		return nil, nil, fmt.Errorf("export: read w3c: no scholia:library: not a Scholia export")
	}
	if lib.Version != libraryVersion {
		return nil, nil, fmt.Errorf("export: read w3c: library format version %d is not supported (want %d)", lib.Version, libraryVersion)
	}
	for _, c := range lib.Colors {
		colors = append(colors, storage.Color(c))
	}
	index := make(map[int64]int, len(lib.Articles))
	urls := make([]string, 0, len(lib.Articles)) // as written, for target.source
	for _, wa := range lib.Articles {
		if err := validArticle(wa); err != nil {
			return nil, nil, fmt.Errorf("export: read w3c: %w", err)
		}
		if _, dup := index[wa.ID]; dup {
			return nil, nil, fmt.Errorf("export: read w3c: article %d appears twice", wa.ID)
		}
		a := storage.Article{
			ID: wa.ID, Title: wa.Title, Author: wa.Author, Source: wa.Source, URL: wa.URL,
			Published: wa.Published, Tags: wa.Tags, Note: wa.Note, Body: wa.Body, Markdown: wa.Markdown,
			Language: wa.Language, Pages: wa.Pages,
		}
		if wa.Markdown != "" {
			// The highlights count in the body: a source that reads as
			// anything else would move them.
			d, err := doc.Parse(wa.Markdown)
			if err != nil {
				return nil, nil, fmt.Errorf("export: read w3c: article %d: %w", wa.ID, err)
			}
			if d.Text != wa.Body {
				return nil, nil, fmt.Errorf("export: read w3c: article %d: its markdown does not read as its body", wa.ID)
			}
			a.Blocks = doc.Encode(d)
		}
		urls = append(urls, wa.URL)
		for _, f := range []struct {
			dst *time.Time
			s   string
		}{{&a.Added, wa.Added}, {&a.Updated, wa.Updated}, {&a.Opened, wa.Opened}} {
			if *f.dst, err = parseStamp(f.s); err != nil {
				return nil, nil, fmt.Errorf("export: read w3c: article %d: %w", wa.ID, err)
			}
		}
		index[wa.ID] = len(docs)
		docs = append(docs, Doc{Article: a})
	}
	if coll.First != nil {
		for _, an := range coll.First.Items {
			h, err := readAnnotation(an)
			if err != nil {
				return nil, nil, fmt.Errorf("export: read w3c: %s: %w", an.ID, err)
			}
			i, ok := index[an.Article]
			if !ok {
				return nil, nil, fmt.Errorf("export: read w3c: %s: unknown article %d", an.ID, an.Article)
			}
			if src := an.Target.Source; src != articlePrefix+strconv.FormatInt(an.Article, 10) && (urls[i] == "" || src != urls[i]) {
				return nil, nil, fmt.Errorf("export: read w3c: %s: target.source %q is neither article %d's URN nor its URL", an.ID, src, an.Article)
			}
			docs[i].Highlights = append(docs[i].Highlights, h)
		}
	}
	return docs, colors, nil
}

func readAnnotation(an w3cAnnotation) (storage.Highlight, error) {
	h := storage.Highlight{ArticleID: an.Article, Orphaned: an.Orphaned}
	idText, ok := strings.CutPrefix(an.ID, highlightPrefix)
	if !ok {
		return h, fmt.Errorf("id is not %s<n>", highlightPrefix)
	}
	var err error
	if h.ID, err = strconv.ParseInt(idText, 10, 64); err != nil {
		return h, fmt.Errorf("bad id: %w", err)
	}
	if h.ID <= 0 {
		return h, fmt.Errorf("highlight id %d is not positive", h.ID)
	}
	if h.Created, err = parseStamp(an.Created); err != nil {
		return h, err
	}
	if h.Updated, err = parseStamp(an.Modified); err != nil {
		return h, err
	}
	for _, b := range an.Body {
		switch b.Purpose {
		case "commenting":
			h.Comment = b.Value
		case "tagging":
			h.Tags = append(h.Tags, b.Value)
		}
	}
	for _, s := range an.Target.Selector {
		switch s.Type {
		case "TextQuoteSelector":
			if s.Exact == nil {
				return h, fmt.Errorf("TextQuoteSelector without exact")
			}
			h.Quote, h.Prefix, h.Suffix = *s.Exact, s.Prefix, s.Suffix
		case "TextPositionSelector":
			if s.Start == nil || s.End == nil {
				return h, fmt.Errorf("TextPositionSelector without start or end")
			}
			h.Start, h.End = *s.Start, *s.End
		}
	}
	if an.StalePosition != nil {
		h.Start, h.End = an.StalePosition.Start, an.StalePosition.End
	}
	if an.Color != nil {
		h.Color = an.Color.Key
	}
	return h, nil
}

// validArticle refuses what no command could address or no import would
// take: an ID that is not positive, a body or note over the import limit,
// page starts that are not in order inside the body.
func validArticle(wa w3cArticle) error {
	if wa.ID <= 0 {
		return fmt.Errorf("article id %d is not positive", wa.ID)
	}
	if err := validPages(wa.Pages, utf8.RuneCountInString(wa.Body)); err != nil {
		return fmt.Errorf("article %d: %w", wa.ID, err)
	}
	if len(wa.Language) > 64 {
		return fmt.Errorf("article %d: language %.20q… is no language tag", wa.ID, wa.Language)
	}
	for _, f := range []struct{ what, text string }{{"body", wa.Body}, {"note", wa.Note}} {
		if len(f.text) > maxText {
			return fmt.Errorf("article %d: %s is %d MB, more than the %d MB an article may hold", wa.ID, f.what, (len(f.text)+1<<20-1)>>20, maxText>>20)
		}
	}
	return nil
}

// validPages accepts page starts that begin at 0 and never go back or past
// the body's n code points (pages left empty by an edit share a start).
func validPages(p []int, n int) error {
	for i, v := range p {
		if (i == 0 && v != 0) || v < 0 || v > n || (i > 0 && v < p[i-1]) {
			return fmt.Errorf("page %d starts at %d, out of order or outside the %d characters of the text", i+1, v, n)
		}
	}
	return nil
}
