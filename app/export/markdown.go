package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"scholia/storage"
)

// frontMatter holds the front matter keys Scholia owns in a vault file. It
// is marshalled by the YAML library, never assembled by hand, so no title
// can break it; values are single-line with control characters dropped.
// Tags are the Obsidian forms also used inline (see Tagger); when any of
// them differs from the tag as written, scholia_tags keeps the originals.
type frontMatter struct {
	Title       string   `yaml:"title"`
	Author      string   `yaml:"author,omitempty"`
	Source      string   `yaml:"source,omitempty"`
	URL         string   `yaml:"url,omitempty"`
	Published   string   `yaml:"published,omitempty"`
	Tags        []string `yaml:"tags,omitempty"`
	ScholiaTags []string `yaml:"scholia_tags,omitempty"`
	ScholiaID   string   `yaml:"scholia_id"`
	Highlights  int      `yaml:"highlights"`
}

// ownedKeys are the front matter keys Scholia writes and may rewrite;
// every other key in a vault file's front matter is the user's.
var ownedKeys = []string{"title", "author", "source", "url", "published", "tags", "scholia_tags", "scholia_id", "highlights"}

func isOwned(key string) bool {
	for _, k := range ownedKeys {
		if k == key {
			return true
		}
	}
	return false
}

func newFrontMatter(d Doc, tg *Tagger) frontMatter {
	a := d.Article
	one := func(s string) string { return strings.TrimSpace(clean(s, false)) }
	fm := frontMatter{
		Title:      one(a.Title),
		Author:     one(a.Author),
		Source:     one(a.Source),
		URL:        one(a.URL),
		Published:  one(a.Published),
		ScholiaID:  ScholiaID(a),
		Highlights: len(d.Highlights),
	}
	var mapped bool
	fm.Tags, mapped = tg.Tags(a.Tags)
	if mapped {
		fm.ScholiaTags = rawTags(a.Tags)
	}
	return fm
}

// marshalYAML encodes v with the 2-space indent Obsidian itself writes.
func marshalYAML(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// exportFrontMatter is the front matter of the one-file export.
type exportFrontMatter struct {
	Title       string   `yaml:"title"`
	Articles    int      `yaml:"articles"`
	Highlights  int      `yaml:"highlights"`
	Tags        []string `yaml:"tags,omitempty"`
	ScholiaTags []string `yaml:"scholia_tags,omitempty"`
	ScholiaIDs  []string `yaml:"scholia_ids,omitempty"`
}

// Markdown writes docs to one Markdown file with the built-in template.
func Markdown(w io.Writer, docs []Doc, colors []storage.Color) error {
	return MarkdownTemplate(w, docs, colors, nil)
}

// MarkdownTemplate writes docs to one Markdown file: front matter for the
// export (its article and highlight counts, every article tag, the
// articles' scholia_ids), then each article as a "## Title" section with
// its properties as a list, rendered by tp (nil: the built-in template).
// Articles appear in the given order. Every article is rendered before
// anything is written, so a template that fails on one writes nothing.
func MarkdownTemplate(w io.Writer, docs []Doc, colors []storage.Color, tp *Template) error {
	return MarkdownWith(w, docs, MarkdownOptions{Colors: colors, Template: tp})
}

// MarkdownOptions are MarkdownWith's settings.
type MarkdownOptions struct {
	Colors   []storage.Color
	Template *Template // nil: the built-in one
	// Media reads the library's images of full-text docs; with AttachDir
	// (the folder the Markdown file goes into) they are written to
	// AttachDir/attachments and linked from there. Without either, images
	// keep their scholia-media: links.
	Media     MediaFunc
	AttachDir string
}

// MarkdownWith is MarkdownTemplate with images for full-text docs.
func MarkdownWith(w io.Writer, docs []Doc, opt MarkdownOptions) error {
	colors, tp := opt.Colors, opt.Template
	if tp == nil {
		tp = defaultTemplate
	}
	p := newPalette(colors)
	tg := NewTagger(docs)
	fm := exportFrontMatter{Title: "Scholia export", Articles: len(docs)}
	var tags []string
	mapped := false
	for _, d := range docs {
		fm.Highlights += len(d.Highlights)
		fm.ScholiaIDs = append(fm.ScholiaIDs, ScholiaID(d.Article))
		t, m := tg.Tags(d.Article.Tags)
		tags = append(tags, t...)
		mapped = mapped || m
		if m {
			fm.ScholiaTags = append(fm.ScholiaTags, rawTags(d.Article.Tags)...)
		}
	}
	fm.Tags = sortedTags(tags)
	fm.ScholiaTags = sortedTags(fm.ScholiaTags)
	yml, err := marshalYAML(fm)
	if err != nil {
		return fmt.Errorf("export: front matter: %w", err)
	}
	// Sections are rendered on a few goroutines (templates cost CPU, not
	// I/O), all before the first byte is written.
	sections := make([][]byte, len(docs))
	err = forEach(context.Background(), len(docs), func(i int) error {
		var b bytes.Buffer
		b.WriteString("\n")
		if err := tp.execute(&b, newArticleData(docs[i], p, tg, true)); err != nil {
			return fmt.Errorf("export: article %d: %w", docs[i].Article.ID, err)
		}
		endLine(&b)
		sections[i] = b.Bytes()
		return nil
	}, func(int) {})
	if err != nil {
		return err
	}
	var att *Attachments
	if opt.Media != nil && opt.AttachDir != "" {
		att = NewAttachments(opt.AttachDir)
	}
	for i := range sections {
		if sections[i], err = resolveMedia(sections[i], "", att, opt.Media); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("---\n")
	bw.Write(yml)
	bw.WriteString("---\n")
	for _, s := range sections {
		if _, err := bw.Write(s); err != nil {
			return fmt.Errorf("export: write markdown: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: write markdown: %w", err)
	}
	return nil
}

// Article writes one article as a standalone vault file: front matter,
// then the managed region holding "# Title", a source line, the note and
// the highlights.
func Article(w io.Writer, d Doc, colors []storage.Color) error {
	var b bytes.Buffer
	region, err := renderRegion(d, newPalette(colors), NewTagger([]Doc{d}), defaultTemplate)
	if err != nil {
		return err
	}
	meta := newFrontMatter(d, NewTagger([]Doc{d}))
	fm, err := meta.yaml(nil)
	if err != nil {
		return fmt.Errorf("export: article %d front matter: %w", d.Article.ID, err)
	}
	if region, err = resolveMedia(region, "", nil, nil); err != nil {
		return err
	}
	b.Write(composeFile(nil, fm, region))
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("export: write markdown: %w", err)
	}
	return nil
}

// renderRegion renders the managed region of d's vault file: the text
// between the marker lines, starting and ending with a blank line.
func renderRegion(d Doc, p palette, tg *Tagger, tp *Template) ([]byte, error) {
	var b bytes.Buffer
	// About what the built-in template writes, so the buffer grows once.
	b.Grow(384 + len(d.Article.Note) + 256*len(d.Highlights))
	b.WriteByte('\n')
	if err := tp.execute(&b, newArticleData(d, p, tg, false)); err != nil {
		return nil, fmt.Errorf("export: article %d: %w", d.Article.ID, err)
	}
	endLine(&b)
	b.WriteByte('\n')
	// Only a template of the user's can do this (the built-in one escapes
	// every marker); such a file could not be read back, so refuse it. A
	// marker line holds "%%" (no other character folds to '%').
	if !bytes.Contains(b.Bytes(), []byte("%%")) {
		return b.Bytes(), nil
	}
	for _, l := range splitLines(b.Bytes()) {
		if isMarker(lineText(l), beginMarker) || isMarker(lineText(l), endMarker) {
			return nil, fmt.Errorf("export: article %d: the template wrote the line %q, which marks Scholia's part of a file", d.Article.ID, lineText(l))
		}
	}
	return b.Bytes(), nil
}

// linkDestination returns raw as a CommonMark pointy-bracket destination,
// or false when it is not an absolute http(s) URL. Characters that could end
// the destination or the line are percent-encoded; '\\' is backslash-escaped
// and '&' written as "&amp;", so that decoding escapes and entity references
// (which renderers do to destinations, some in either order) gives the URL
// back exactly.
func linkDestination(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c <= ' ' || c == '<' || c == '>' || c == 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '&':
			b.WriteString("&amp;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// fenceFor returns a backtick fence longer than any backtick run in text,
// so the text cannot close the fence early.
func fenceFor(text []byte) string {
	longest, run := 0, 0
	for _, c := range text {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// colorSquare returns the coloured-square emoji nearest to hex ("#rrggbb")
// (for pinks a pink heart),
// so the colour itself is visible in any Markdown viewer; "" if hex is not
// a colour.
func colorSquare(hex string) string {
	if len(hex) != 7 || hex[0] != '#' {
		return ""
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return ""
	}
	r, g, bl := float64(v>>16&0xff)/255, float64(v>>8&0xff)/255, float64(v&0xff)/255
	hi, lo := max(r, g, bl), min(r, g, bl)
	light, chroma := (hi+lo)/2, hi-lo
	switch {
	case chroma < 0.12 && light < 0.5:
		return "⬛"
	case chroma < 0.12:
		return "⬜"
	}
	var hue float64
	switch hi {
	case r:
		hue = 60 * (g - bl) / chroma
	case g:
		hue = 60 * ((bl-r)/chroma + 2)
	default:
		hue = 60 * ((r-g)/chroma + 4)
	}
	if hue < 0 {
		hue += 360
	}
	switch {
	case hue >= 290 && hue < 345 && light >= 0.5:
		// There is no pink square: the pink heart (Unicode 15) is the one
		// emoji that is plainly pink, and it is unlike every other symbol
		// here, so "Question" (pink) no longer reads as a red.
		return "🩷"
	case hue < 15 || hue >= 345:
		return "🟥"
	case hue >= 290:
		return "🟪" // a dark magenta reads as purple
	case hue < 45 && light < 0.35:
		return "🟫"
	case hue < 45:
		return "🟧"
	case hue < 70:
		return "🟨"
	case hue < 170:
		return "🟩"
	case hue < 255:
		return "🟦"
	default:
		return "🟪"
	}
}

// endLine leaves b ending in exactly one newline, as editors write files.
func endLine(b *bytes.Buffer) {
	n := b.Len()
	for n > 0 && b.Bytes()[n-1] == '\n' {
		n--
	}
	b.Truncate(n)
	b.WriteByte('\n')
}
