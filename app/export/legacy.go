package export

// The exporter before managed regions (schema 2 and earlier). A vault file
// it wrote has no %% scholia begin %% marker; Vault renders what this code
// would have written for the article now and replaces the file only when it
// holds exactly that, so text a user added to such a file is never lost.
// Keep this code as it was: changing it turns old files into conflicts.

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"scholia/storage"
)

// legacyFM is an article's metadata as written to YAML. It is marshalled
// by the YAML library, never assembled by hand, so no title can break it;
// values are single-line with control characters dropped, as in the text.
// Tags are the Obsidian-safe forms also used inline (see legacyTag), so
// Obsidian's tag pane and the #tags in the text agree.
type legacyFM struct {
	Title      string   `yaml:"title"`
	Author     string   `yaml:"author,omitempty"`
	Source     string   `yaml:"source,omitempty"`
	URL        string   `yaml:"url,omitempty"`
	Published  string   `yaml:"published,omitempty"`
	Tags       []string `yaml:"tags,omitempty"`
	ScholiaID  string   `yaml:"scholia_id"`
	Highlights int      `yaml:"highlights"`
}

// legacyRender appends the standalone form of d to b.
func legacyRender(b *bytes.Buffer, d Doc, p palette) error {
	yml, err := marshalLegacyFM(newLegacyFM(d))
	if err != nil {
		return fmt.Errorf("export: article %d front matter: %w", d.Article.ID, err)
	}
	b.WriteString("---\n")
	b.Write(yml)
	b.WriteString("---\n\n")
	legacyTitle(b, d.Article.Title)
	legacyBody(b, d, p)
	endLine(b)
	return nil
}

func legacyTitle(b *bytes.Buffer, title string) {
	b.WriteString("# ")
	if strings.TrimSpace(clean(title, false)) == "" {
		b.WriteString("Untitled")
	} else {
		writeLine(b, title)
	}
	b.WriteString("\n\n")
}

// legacyBody appends everything after the title: source line, note,
// highlights and orphaned highlights.
func legacyBody(b *bytes.Buffer, d Doc, p palette) {
	legacySourceLine(b, d.Article)
	legacyNote(b, d.Article.Note)
	attached, orphaned := sortedHighlights(d.Highlights)
	if len(attached) > 0 {
		b.WriteString("## Highlights\n\n")
		for _, h := range attached {
			legacyHighlight(b, h, p, false)
		}
	}
	if len(orphaned) > 0 {
		b.WriteString("## Orphaned highlights\n\n")
		b.WriteString("These passages are no longer in the article's text.\n\n")
		for _, h := range orphaned {
			legacyHighlight(b, h, p, true)
		}
	}
}

// legacySourceLine appends "Author · Source · date · [Original](url)". Only
// http(s) URLs become links, so an imported "javascript:" URL stays text.
func legacySourceLine(b *bytes.Buffer, a storage.Article) {
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

// legacyHighlight appends one highlight: the quote as a blockquote, then a
// line with its colour and tags, then its comment as paragraphs.
func legacyHighlight(b *bytes.Buffer, h storage.Highlight, p palette, orphaned bool) {
	if strings.TrimSpace(clean(h.Quote, true)) == "" {
		b.WriteString(">\n")
	} else {
		writeBlock(b, h.Quote, "> ")
	}
	b.WriteByte('\n')
	c := p.lookup(h.Color)
	if sq := legacySquare(c.Hex); sq != "" {
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
	if tags := legacyTags(h.Tags); len(tags) > 0 {
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

// legacyTag turns a Scholia tag into an Obsidian tag name (without '#'):
// letters, digits, '-' and '/' (nested tags) only; spaces and other
// characters become '-', so "foreign policy" becomes "foreign-policy".
// Obsidian ignores all-digit tags, so "2022" becomes "tag-2022". It returns
// "" when nothing usable is left.
func legacyTag(tag string) string {
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

// legacyTags maps tags through legacyTag, sorted and without duplicates.
func legacyTags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		out = append(out, legacyTag(t))
	}
	return sortedTags(out)
}

// legacySquare returns the coloured-square emoji nearest to hex ("#rrggbb"),
// so the colour itself is visible in any Markdown viewer; "" if hex is not
// a colour.
func legacySquare(hex string) string {
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

func newLegacyFM(d Doc) legacyFM {
	a := d.Article
	one := func(s string) string { return strings.TrimSpace(clean(s, false)) }
	return legacyFM{
		Title:      one(a.Title),
		Author:     one(a.Author),
		Source:     one(a.Source),
		URL:        one(a.URL),
		Published:  one(a.Published),
		Tags:       legacyTags(a.Tags),
		ScholiaID:  ScholiaID(a),
		Highlights: len(d.Highlights),
	}
}

// marshalLegacyFM encodes fm with the 2-space indent Obsidian itself writes.
func marshalLegacyFM(fm legacyFM) ([]byte, error) {
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

// legacyNote appends the article note. The note is the user's own Markdown
// and is kept as written, but it must not reach past its place: an unclosed
// code fence or an HTML block that only ends at a marker (<script>, <!--,
// <?...) would swallow the highlights after it, and so would an unpaired
// %% or $$ in Obsidian. When the note could do that,
// it is shown as its source in a fenced ```markdown block instead, which
// nothing inside can close. Front matter cannot be faked: the title heading
// always comes first.
func legacyNote(b *bytes.Buffer, note string) {
	note = strings.TrimRight(clean(note, true), " \t\n")
	note = strings.TrimLeft(note, "\n")
	if strings.TrimSpace(note) == "" {
		return
	}
	if noteContained(note) {
		b.WriteString(note)
		b.WriteString("\n\n")
		return
	}
	fence := fenceFor([]byte(note))
	b.WriteString(fence)
	b.WriteString("markdown\n")
	b.WriteString(note)
	b.WriteByte('\n')
	b.WriteString(fence)
	b.WriteString("\n\n")
}
