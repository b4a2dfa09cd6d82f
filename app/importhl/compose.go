package importhl

import (
	"strings"
	"unicode/utf8"

	"scholia/app/anchor"
	"scholia/storage"
)

// Placed is an annotation made into a highlight of an article, with the
// origin id and locator the library remembers for it.
type Placed struct {
	Origin    string
	Locator   string
	Highlight storage.Highlight
	Status    anchor.Status // Exact for a composed article
}

// Compose makes an article out of the work's quotes: one paragraph per
// annotation in the work's order, each highlighted whole. It is what a
// Kindle book becomes, and a page that is not in the library.
func Compose(w Work) (storage.Article, []Placed) {
	var b strings.Builder
	placed := make([]Placed, 0, len(w.Annotations))
	pos := 0
	for _, an := range w.Annotations {
		// One paragraph each: the body separates paragraphs by a blank
		// line, so line breaks inside a quote become spaces.
		q := strings.Join(strings.Fields(an.Quote), " ")
		if q == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
			pos += 2
		}
		b.WriteString(q)
		n := utf8.RuneCountInString(q)
		placed = append(placed, Placed{Origin: an.Origin, Locator: an.Locator, Status: anchor.Exact,
			Highlight: highlight(an, pos, pos+n, q)})
		pos += n
	}
	body := b.String()
	// Context from one code point slice: anchor.Describe walks the body
	// from its start for each call, quadratic over a book of thousands.
	runes := []rune(body)
	for i := range placed {
		h := &placed[i].Highlight
		h.Prefix = string(runes[max(0, h.Start-anchor.ContextLen):h.Start])
		h.Suffix = string(runes[h.End:min(len(runes), h.End+anchor.ContextLen)])
	}
	a := storage.Article{Title: w.Title, Author: w.Author, URL: w.URL, Body: body, Note: w.Note, Tags: w.Tags}
	return a, placed
}

// Anchor places the work's annotations on an article body already in the
// library, by quote and context (exactly, else approximately, as a body
// edit re-anchors). What cannot be placed is kept orphaned with its quote.
func Anchor(body string, anns []Annotation) []Placed {
	sels := make([]anchor.Selector, len(anns))
	for i, an := range anns {
		start := max(an.Start, 0)
		sels[i] = anchor.Selector{Start: start, End: start + utf8.RuneCountInString(an.Quote), Exact: an.Quote, Prefix: an.Prefix, Suffix: an.Suffix}
	}
	res := anchor.ReanchorAll(body, body, sels)
	out := make([]Placed, len(anns))
	for i, an := range anns {
		r := res[i]
		h := highlight(an, r.Selector.Start, r.Selector.End, r.Selector.Exact)
		h.Prefix, h.Suffix = r.Selector.Prefix, r.Selector.Suffix
		if r.Status == anchor.Orphaned {
			h = highlight(an, 0, utf8.RuneCountInString(an.Quote), an.Quote)
			h.Prefix, h.Suffix, h.Orphaned = an.Prefix, an.Suffix, true
		}
		out[i] = Placed{Origin: an.Origin, Locator: an.Locator, Highlight: h, Status: r.Status}
	}
	return out
}

func highlight(an Annotation, start, end int, quote string) storage.Highlight {
	return storage.Highlight{Start: start, End: end, Quote: quote, Color: an.Color, Comment: an.Comment,
		Tags: an.Tags, Created: an.Created}
}
