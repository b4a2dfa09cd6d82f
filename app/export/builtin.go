package export

import (
	"bytes"
	"strconv"
)

// renderBuiltin writes exactly what article.tmpl writes for ad, without the
// template engine: text/template reaches every field and helper through
// reflection, which made it most of an export's CPU time. The template
// stays the documented form users copy and change (and the one that runs
// for any other text); TestBuiltinMatchesTemplate and FuzzBuiltinTemplate
// hold this function to the template's bytes. A change to article.tmpl
// must be made here too: those tests fail until it is.
func renderBuiltin(b *bytes.Buffer, ad *ArticleData) {
	// {{.Heading}} {{inline (or .Title "Untitled")}}
	b.WriteString(ad.Heading)
	b.WriteByte(' ')
	title := ad.Title
	if title == "" {
		title = "Untitled"
	}
	writeHelper(b, func() { writeLine(b, title) })
	b.WriteString("\n\n")
	if ad.OneFile {
		for _, p := range [...]struct{ label, v string }{{"Author", ad.Author}, {"Source", ad.Source}, {"Published", ad.Published}} {
			if p.v != "" {
				b.WriteString("- ")
				b.WriteString(p.label)
				b.WriteString(": ")
				writeHelper(b, func() { writeLine(b, p.v) })
				b.WriteByte('\n')
			}
		}
		if ad.URL != "" {
			b.WriteString("- URL: ")
			writeURL(b, ad.URL, "")
			b.WriteByte('\n')
		}
		if len(ad.Tags) > 0 {
			b.WriteString("- Tags:")
			writeTags(b, ad.Tags)
			b.WriteByte('\n')
		}
		b.WriteString("- Scholia: [")
		b.WriteString(ad.ScholiaID)
		b.WriteString("](<")
		b.WriteString(ad.Link)
		b.WriteString(">)\n")
	} else {
		for _, s := range ad.Byline {
			writeHelper(b, func() { writeLine(b, s) })
			b.WriteString(" · ")
		}
		if ad.URL != "" {
			writeURL(b, ad.URL, "Original")
			b.WriteString(" · ")
		}
		b.WriteString("[Open in Scholia](<")
		b.WriteString(ad.Link)
		b.WriteString(">)\n")
	}
	b.WriteByte('\n')
	if n := neutralNote(ad.Note); n != "" {
		if ad.OneFile {
			b.WriteString(ad.Heading)
			b.WriteString("# Note\n\n")
		}
		b.WriteString(n)
		b.WriteString("\n\n")
	}
	if ad.FullText != "" {
		b.WriteString(ad.Heading)
		b.WriteString("# Article\n\n")
		b.WriteString(ad.FullText)
		b.WriteString("\n\n")
	}
	if len(ad.Highlights) > 0 {
		b.WriteString(ad.Heading)
		b.WriteString("# Highlights\n\n")
		if ad.Flashcards != "" {
			b.WriteString(ad.Flashcards)
			b.WriteString("\n\n")
		}
		for i := range ad.Highlights {
			renderBuiltinHighlight(b, &ad.Highlights[i])
		}
	}
	if len(ad.Orphaned) > 0 {
		b.WriteString(ad.Heading)
		b.WriteString("# Orphaned highlights\n\nThese passages are no longer in the article's text.\n\n")
		for i := range ad.Orphaned {
			renderBuiltinHighlight(b, &ad.Orphaned[i])
		}
	}
	b.WriteByte('\n')
}

// renderBuiltinHighlight is the template's "highlight" block.
func renderBuiltinHighlight(b *bytes.Buffer, h *HighlightData) {
	// {{quote .Quote}}: the blockquote, or a bare ">" for an empty quote.
	start := b.Len()
	writeHelper(b, func() { writeBlock(b, h.Quote, "> ") })
	if b.Len() == start {
		b.WriteByte('>')
	}
	b.WriteString("\n\n^")
	b.WriteString(h.BlockID)
	b.WriteString("\n\n")
	if h.Symbol != "" {
		b.WriteString(h.Symbol)
		b.WriteByte(' ')
	}
	b.WriteString("**")
	writeHelper(b, func() { writeLine(b, h.ColorName) })
	b.WriteString("**")
	if h.Page > 0 { // {{with .Page}} · p. {{.}}{{end}}
		b.WriteString(" · p. " + strconv.Itoa(h.Page))
	}
	if h.Orphaned {
		b.WriteString(" · *orphaned*")
	}
	if len(h.Tags) > 0 {
		b.WriteString(" ·")
		writeTags(b, h.Tags)
	}
	b.WriteString(" · [Open in Scholia](<")
	b.WriteString(h.Link)
	b.WriteString(">)\n\n")
	// {{with text .Comment}}{{.}}\n\n{{end}}
	start = b.Len()
	writeHelper(b, func() { writeBlock(b, h.Comment, "") })
	if b.Len() > start {
		b.WriteString("\n\n")
	}
	if h.Flashcard != "" {
		b.WriteString(h.Flashcard)
		b.WriteString("\n\n")
	}
}

// writeURL is {{with dest .}}[label](<{{.}}>){{else}}{{inline .URL}}{{end}};
// label "" stands for the URL itself, written inline.
func writeURL(b *bytes.Buffer, url, label string) {
	d, ok := linkDestination(url)
	if !ok || d == "" {
		writeHelper(b, func() { writeLine(b, url) })
		return
	}
	b.WriteByte('[')
	if label == "" {
		writeHelper(b, func() { writeLine(b, url) })
	} else {
		b.WriteString(label)
	}
	b.WriteString("](<")
	b.WriteString(d)
	b.WriteString(">)")
}

// writeTags is {{range .}} #{{.}}{{end}}.
func writeTags(b *bytes.Buffer, tags []string) {
	for _, t := range tags {
		b.WriteString(" #")
		b.WriteString(t)
	}
}

// writeHelper runs write and drops the newlines it left at the end, as
// the template helpers (render) do with what they return.
func writeHelper(b *bytes.Buffer, write func()) {
	start := b.Len()
	write()
	n := b.Len()
	for n > start && b.Bytes()[n-1] == '\n' {
		n--
	}
	b.Truncate(n)
}
