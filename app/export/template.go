package export

import (
	"bytes"
	_ "embed"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"

	"scholia/storage"
)

// DefaultTemplateText is the built-in export template, the text that
// `scholia export --print-template` prints.
//
//go:embed article.tmpl
var DefaultTemplateText string

// ArticleData is what an export template sees for one article. Text
// fields are the user's text with control characters removed and single-
// line fields trimmed to one line; they are not escaped: use the helper
// functions (inline, text, quote, note) to write them as Markdown.
type ArticleData struct {
	ID        int64  // the library's article ID
	ScholiaID string // "sch-<ID>", also in the front matter
	Title     string
	Author    string
	Source    string
	URL       string
	Published string
	Added     string   // the day the article was added, YYYY-MM-DD
	Byline    []string // Author, Source and Published, those not empty
	Tags      []string // Obsidian tags (see Tagger), sorted
	RawTags   []string // the tags as written in Scholia, sorted
	Note      string   // the article note, the user's Markdown
	// FullText is the article's text as Markdown with the highlights
	// marked ==…== and their footnotes ([^h-ID]), followed by the
	// highlights it has no place for; "" unless the export asked for it.
	FullText string
	Link     string // scholia://open?article=ID
	Heading  string // "#" in a vault file, "##" in the one-file export
	OneFile  bool   // true in the one-file export

	Highlights []HighlightData // attached highlights, in text order
	Orphaned   []HighlightData // highlights whose text is gone
	// Flashcards is "#flashcards" when a highlight is a card (the tag the
	// Obsidian spaced-repetition plugin looks for), else "".
	Flashcards string
}

// HighlightData is one highlight as a template sees it.
type HighlightData struct {
	ID        int64
	Quote     string
	Comment   string
	Color     string   // the colour's key ("yellow")
	ColorName string   // its name in this library ("Key point")
	Symbol    string   // an emoji square of that colour ("🟨"), or ""
	Tags      []string // Obsidian tags, sorted
	RawTags   []string
	BlockID   string // "h-<ID>": write "^" + BlockID to make it a block id
	Link      string // scholia://open?article=A&highlight=H
	Orphaned  bool
	Page      int // a PDF paper's page the highlight starts on (cite "p. 12"); 0 for other articles
	// Flashcard is the highlight's card in the Obsidian spaced-repetition
	// plugin's syntax ("question::answer", or the text with ==hidden==
	// parts), "" when it is no card.
	Flashcard string
}

// Link returns the URL that opens an article (and, when highlight is not
// 0, scrolls to that highlight) in Scholia.
func Link(article, highlight int64) string {
	s := "scholia://open?article=" + strconv.FormatInt(article, 10)
	if highlight != 0 {
		s += "&highlight=" + strconv.FormatInt(highlight, 10)
	}
	return s
}

// BlockID is the Obsidian block id of a highlight, without the '^'.
func BlockID(h storage.Highlight) string { return "h-" + strconv.FormatInt(h.ID, 10) }

func newArticleData(d Doc, p palette, tg *Tagger, oneFile bool) ArticleData {
	a := d.Article
	one := func(s string) string { return strings.TrimSpace(collapseSpaces(clean(s, false))) }
	ad := ArticleData{
		ID: a.ID, ScholiaID: ScholiaID(a),
		Title: one(a.Title), Author: one(a.Author), Source: one(a.Source),
		URL: one(a.URL), Published: one(a.Published),
		Note: clean(a.Note, true), Link: Link(a.ID, 0),
		Heading: "#", OneFile: oneFile,
	}
	if !a.Added.IsZero() {
		ad.Added = a.Added.UTC().Format(time.DateOnly)
	}
	if oneFile {
		ad.Heading = "##"
	}
	for _, s := range []string{ad.Author, ad.Source, ad.Published} {
		if s != "" {
			ad.Byline = append(ad.Byline, s)
		}
	}
	ad.Tags, _ = tg.Tags(a.Tags)
	ad.RawTags = rawTags(a.Tags)
	attached, orphaned := sortedHighlights(d.Highlights)
	hd := func(h storage.Highlight) HighlightData {
		c := p.lookup(h.Color)
		name := one(c.Name)
		if name == "" {
			name = one(c.Key)
		}
		if name == "" {
			name = "Highlight"
		}
		tags, _ := tg.Tags(h.Tags)
		return HighlightData{
			ID: h.ID, Quote: clean(h.Quote, true), Comment: clean(h.Comment, true),
			Color: one(h.Color), ColorName: name, Symbol: colorSquare(c.Hex),
			Tags: tags, RawTags: rawTags(h.Tags),
			BlockID: BlockID(h), Link: Link(a.ID, h.ID), Orphaned: h.Orphaned, Page: storage.PageAt(a.Pages, h.Start),
			Flashcard: srCard(d.Cards[h.ID]),
		}
	}
	if len(attached) > 0 {
		ad.Highlights = make([]HighlightData, 0, len(attached))
	}
	for _, h := range attached {
		ad.Highlights = append(ad.Highlights, hd(h))
		if ad.Highlights[len(ad.Highlights)-1].Flashcard != "" {
			ad.Flashcards = srTag
		}
	}
	for _, h := range orphaned {
		ad.Orphaned = append(ad.Orphaned, hd(h))
	}
	if d.FullText {
		byID := make(map[int64]storage.Highlight, len(attached))
		for _, h := range attached {
			byID[h.ID] = h
		}
		ad.FullText = fullText(a, ad.Highlights, ad.Orphaned, byID)
	}
	return ad
}

func rawTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		out = append(out, strings.TrimSpace(clean(t, false)))
	}
	return sortedTags(out)
}

// templateFuncs are the helpers an export template can call. Each returns
// Markdown without a trailing newline.
var templateFuncs = template.FuncMap{
	// inline writes one line of text so it reads back as that text.
	"inline": func(s string) string { return render(func(b *bytes.Buffer) { writeLine(b, s) }) },
	// text writes text as paragraphs, escaped.
	"text": func(s string) string { return render(func(b *bytes.Buffer) { writeBlock(b, s, "") }) },
	// quote writes text as a blockquote, escaped.
	"quote": func(s string) string {
		if q := render(func(b *bytes.Buffer) { writeBlock(b, s, "> ") }); q != "" {
			return q
		}
		return ">"
	},
	// note writes the user's Markdown as it is, neutralising only what
	// would break the file.
	"note": neutralNote,
	// dest is a URL as a link destination for <…>, or "" if it is not http(s).
	"dest": func(s string) string { d, _ := linkDestination(s); return d },
	// tag maps any text to an Obsidian tag.
	"tag": ObsidianTag,
}

func render(f func(b *bytes.Buffer)) string {
	var b bytes.Buffer
	f(&b)
	return strings.TrimRight(b.String(), "\n")
}

// Template is a parsed export template.
type Template struct {
	t *template.Template
	// builtin is set when the text is the built-in template's, which then
	// renders through renderBuiltin (the same bytes, without reflection).
	builtin bool
}

// defaultTemplate is parsed once; it is part of the binary.
var defaultTemplate = func() *Template {
	t, err := ParseTemplate("built-in", DefaultTemplateText)
	if err != nil {
		panic(err)
	}
	return t
}()

// ParseTemplate parses an export template. name (the file it came from)
// prefixes errors, which carry the line and column as "name:line:col: …"
// (see templateError).
func ParseTemplate(name, src string) (*Template, error) {
	base := filepath.Base(name)
	t, err := template.New(base).Funcs(templateFuncs).Option("missingkey=error").Parse(src)
	if err != nil {
		return nil, templateError(name, base, src, err)
	}
	tp := &Template{t: t, builtin: src == DefaultTemplateText}
	// Try it on an article with every field set, so a misspelt field or a
	// helper called wrongly is found now, before any file is written.
	var b bytes.Buffer
	if err := tp.execute(&b, sampleData()); err != nil {
		return nil, templateError(name, base, src, err)
	}
	return tp, nil
}

func (tp *Template) execute(b *bytes.Buffer, ad ArticleData) error {
	if tp.builtin {
		renderBuiltin(b, &ad)
		return nil
	}
	return tp.t.Execute(b, ad)
}

// sampleData is an article with every field of the data model set.
func sampleData() ArticleData {
	h := storage.Highlight{ID: 2, ArticleID: 1, Quote: "A quote.", Comment: "A comment.", Color: "yellow", Tags: []string{"tag"}}
	o := h
	o.ID, o.Orphaned = 3, true
	d := Doc{Article: storage.Article{ID: 1, Title: "Title", Author: "Author", Source: "Source",
		URL: "https://example.com/", Published: "2022-01-01", Added: time.Date(2022, 1, 2, 0, 0, 0, 0, time.UTC),
		Note: "A note.", Tags: []string{"tag"}, Body: "A quote."}, Highlights: []storage.Highlight{h, o}, FullText: true}
	d.Highlights[0].End = 8
	return newArticleData(d, newPalette(storage.DefaultColors), NewTagger([]Doc{d}), false)
}
