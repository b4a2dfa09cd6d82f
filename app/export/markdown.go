package export

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"scholia/storage"
)

// frontMatter is an article's metadata as written to YAML. It is marshalled
// by the YAML library, never assembled by hand, so no title can break it;
// values are single-line with control characters dropped, as in the text.
// Tags are the Obsidian-safe forms also used inline (see ObsidianTag), so
// Obsidian's tag pane and the #tags in the text agree.
type frontMatter struct {
	Title      string   `yaml:"title"`
	Author     string   `yaml:"author,omitempty"`
	Source     string   `yaml:"source,omitempty"`
	URL        string   `yaml:"url,omitempty"`
	Published  string   `yaml:"published,omitempty"`
	Tags       []string `yaml:"tags,omitempty"`
	ScholiaID  string   `yaml:"scholia_id"`
	Highlights int      `yaml:"highlights"`
}

func newFrontMatter(d Doc) frontMatter {
	a := d.Article
	one := func(s string) string { return strings.TrimSpace(clean(s, false)) }
	return frontMatter{
		Title:      one(a.Title),
		Author:     one(a.Author),
		Source:     one(a.Source),
		URL:        one(a.URL),
		Published:  one(a.Published),
		Tags:       obsidianTags(a.Tags),
		ScholiaID:  ScholiaID(a),
		Highlights: len(d.Highlights),
	}
}

// marshalYAML encodes fm with the 2-space indent Obsidian itself writes.
func marshalYAML(fm frontMatter) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Markdown writes docs to one Markdown file. The file has no front matter
// of its own: each article is a "# Title" section followed by its metadata
// as a fenced ```yaml block (the same fields as Article's front matter), so
// a reader sees where each article starts and no article's metadata can be
// mistaken for the file's front matter. Articles appear in the given order.
func Markdown(w io.Writer, docs []Doc, colors []storage.Color) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	p := newPalette(colors)
	var b bytes.Buffer
	for i, d := range docs {
		b.Reset()
		if i > 0 {
			b.WriteString("\n\n") // two blank lines before each next article
		}
		writeTitle(&b, d.Article.Title)
		yml, err := marshalYAML(newFrontMatter(d))
		if err != nil {
			return fmt.Errorf("export: article %d metadata: %w", d.Article.ID, err)
		}
		fence := fenceFor(yml)
		b.WriteString(fence)
		b.WriteString("yaml\n")
		b.Write(yml)
		b.WriteString(fence)
		b.WriteString("\n\n")
		writeArticleBody(&b, d, p)
		endLine(&b)
		if _, err := bw.Write(b.Bytes()); err != nil {
			return fmt.Errorf("export: write markdown: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: write markdown: %w", err)
	}
	return nil
}

// Article writes one article as a standalone Markdown file: YAML front
// matter, "# Title", a source line, the note, then the highlights.
func Article(w io.Writer, d Doc, colors []storage.Color) error {
	var b bytes.Buffer
	if err := renderArticle(&b, d, newPalette(colors)); err != nil {
		return err
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("export: write markdown: %w", err)
	}
	return nil
}

// renderArticle appends the standalone form of d to b.
func renderArticle(b *bytes.Buffer, d Doc, p palette) error {
	yml, err := marshalYAML(newFrontMatter(d))
	if err != nil {
		return fmt.Errorf("export: article %d front matter: %w", d.Article.ID, err)
	}
	b.WriteString("---\n")
	b.Write(yml)
	b.WriteString("---\n\n")
	writeTitle(b, d.Article.Title)
	writeArticleBody(b, d, p)
	endLine(b)
	return nil
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

func writeTitle(b *bytes.Buffer, title string) {
	b.WriteString("# ")
	if strings.TrimSpace(clean(title, false)) == "" {
		b.WriteString("Untitled")
	} else {
		writeLine(b, title)
	}
	b.WriteString("\n\n")
}

// writeArticleBody appends everything after the title: source line, note,
// highlights and orphaned highlights.
func writeArticleBody(b *bytes.Buffer, d Doc, p palette) {
	writeSourceLine(b, d.Article)
	writeNote(b, d.Article.Note)
	attached, orphaned := sortedHighlights(d.Highlights)
	if len(attached) > 0 {
		b.WriteString("## Highlights\n\n")
		for _, h := range attached {
			writeHighlight(b, h, p, false)
		}
	}
	if len(orphaned) > 0 {
		b.WriteString("## Orphaned highlights\n\n")
		b.WriteString("These passages are no longer in the article's text.\n\n")
		for _, h := range orphaned {
			writeHighlight(b, h, p, true)
		}
	}
}

// writeSourceLine appends "Author · Source · date · [Original](url)". Only
// http(s) URLs become links, so an imported "javascript:" URL stays text.
func writeSourceLine(b *bytes.Buffer, a storage.Article) {
	start := b.Len()
	sep := func() {
		if b.Len() > start {
			b.WriteString(" · ")
		}
	}
	for _, s := range []string{a.Author, a.Source, a.Published} {
		if strings.TrimSpace(clean(s, false)) != "" {
			sep()
			writeLine(b, s)
		}
	}
	if raw := strings.TrimSpace(clean(a.URL, false)); raw != "" {
		sep()
		if dest, ok := linkDestination(raw); ok {
			b.WriteString("[Original](<")
			b.WriteString(dest)
			b.WriteString(">)")
		} else {
			writeInline(b, raw)
		}
	}
	if b.Len() > start {
		b.WriteString("\n\n")
	}
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

// writeHighlight appends one highlight: the quote as a blockquote, then a
// line with its colour and tags, then its comment as paragraphs.
func writeHighlight(b *bytes.Buffer, h storage.Highlight, p palette, orphaned bool) {
	if strings.TrimSpace(clean(h.Quote, true)) == "" {
		b.WriteString(">\n")
	} else {
		writeBlock(b, h.Quote, "> ")
	}
	b.WriteByte('\n')
	c := p.lookup(h.Color)
	if sq := colorSquare(c.Hex); sq != "" {
		b.WriteString(sq)
		b.WriteByte(' ')
	}
	name := strings.TrimSpace(collapseSpaces(clean(c.Name, false)))
	if name == "" {
		name = strings.TrimSpace(clean(c.Key, false))
	}
	if name == "" {
		name = "Highlight"
	}
	b.WriteString("**")
	writeInline(b, name)
	b.WriteString("**")
	if orphaned {
		b.WriteString(" · *orphaned*")
	}
	if tags := obsidianTags(h.Tags); len(tags) > 0 {
		b.WriteString(" ·")
		for _, t := range tags {
			b.WriteString(" #")
			b.WriteString(t)
		}
	}
	b.WriteString("\n\n")
	if strings.TrimSpace(clean(h.Comment, true)) != "" {
		writeBlock(b, h.Comment, "")
		b.WriteByte('\n')
	}
}

// ObsidianTag turns a Scholia tag into an Obsidian tag name (without '#'):
// letters, digits, '-' and '/' (nested tags) only; spaces and other
// characters become '-', so "foreign policy" becomes "foreign-policy".
// Obsidian ignores all-digit tags, so "2022" becomes "tag-2022". It returns
// "" when nothing usable is left.
func ObsidianTag(tag string) string {
	out := make([]rune, 0, len(tag))
	pending, letter := false, false
	last := func() rune {
		if len(out) == 0 {
			return '/'
		}
		return out[len(out)-1]
	}
	for _, r := range clean(tag, false) {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			if pending && last() != '/' {
				out = append(out, '-')
			}
			pending = false
			letter = letter || !unicode.IsDigit(r)
			out = append(out, r)
		case r == '/':
			if last() != '/' {
				out = append(out, '/')
			}
			pending = false
		default:
			pending = true
		}
	}
	s := strings.TrimRight(string(out), "/")
	if s == "" {
		return ""
	}
	if !letter {
		return "tag-" + s
	}
	return s
}

// obsidianTags maps tags through ObsidianTag, sorted and without duplicates.
func obsidianTags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		out = append(out, ObsidianTag(t))
	}
	return sortedTags(out)
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

// colorSquare returns the coloured-square emoji nearest to hex ("#rrggbb"),
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
	case hue < 15 || hue >= 315:
		// There is no pink square: pinks read as red, which keeps them
		// apart from the purples ("Question" and "Disagree" by default).
		return "🟥"
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
