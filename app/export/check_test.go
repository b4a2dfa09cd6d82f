package export

import (
	"bytes"
	stdhtml "html"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"scholia/storage"
)

var hrefRE = regexp.MustCompile(`<a href="([^"]*)"`)

// unpercent decodes %XX escapes, so URLs compare whatever a renderer
// chose to percent-encode.
func unpercent(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

var tagName = regexp.MustCompile(`^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}/-]*$`)

// wantBlock is one top-level block the exporter itself writes.
type wantBlock struct {
	kind    ast.NodeKind
	level   int
	text    string
	allowed []ast.NodeKind // node kinds allowed anywhere inside the block
	what    string
}

var (
	textOnly  = []ast.NodeKind{ast.KindParagraph, ast.KindText}
	quoteOnly = []ast.NodeKind{ast.KindBlockquote, ast.KindParagraph, ast.KindText}
	metaOnly  = []ast.NodeKind{ast.KindParagraph, ast.KindText, ast.KindEmphasis}
	headOnly  = []ast.NodeKind{ast.KindHeading, ast.KindText}
)

// checkArticle parses a standalone article export back, with the YAML
// library and with goldmark, and checks that the user's text comes back as
// the same text in the place the exporter put it, with no markup of its
// own: no heading, link, list, HTML, code or thematic break beyond the
// ones the exporter writes. The note is the user's Markdown; it is only
// checked not to reach into the highlights after it.
func checkArticle(t *testing.T, md []byte, d Doc, colors []storage.Color, strict bool) {
	t.Helper()
	a := d.Article
	yml, rest := splitFrontMatter(t, md)
	rest = splitRegion(t, rest)
	// The hash Vault records from the values is the hash of the file read back.
	tg := NewTagger([]Doc{d})
	if vf := parseVaultFile(md); managedHash(&vf) != newFrontMatter(d, tg).hash(vf.region) {
		t.Errorf("the recorded hash differs from the hash of the file read back")
	}
	var fm frontMatter
	if err := yaml.Unmarshal(yml, &fm); err != nil {
		t.Fatalf("front matter does not parse: %v\n%s", err, yml)
	}
	for _, f := range []struct{ name, got, want string }{
		{"title", fm.Title, a.Title}, {"author", fm.Author, a.Author},
		{"source", fm.Source, a.Source}, {"url", fm.URL, a.URL},
	} {
		if normText(f.got) != normText(f.want) {
			t.Errorf("front matter %s = %q, want %q", f.name, f.got, normText(f.want))
		}
	}
	if fm.ScholiaID != ScholiaID(a) || fm.Highlights != len(d.Highlights) {
		t.Errorf("front matter scholia_id %q highlights %d, want %q %d", fm.ScholiaID, fm.Highlights, ScholiaID(a), len(d.Highlights))
	}
	for _, tag := range fm.Tags {
		if !tagName.MatchString(tag) {
			t.Errorf("front matter tag %q is not an Obsidian tag", tag)
		}
	}
	// The tags as written come back: from scholia_tags when any was mapped.
	want := rawTags(a.Tags)
	got := fm.Tags
	if fm.ScholiaTags != nil {
		got = fm.ScholiaTags
	}
	if len(got) != len(want) {
		t.Errorf("front matter tags %q (scholia_tags %q), want %q", fm.Tags, fm.ScholiaTags, want)
	} else {
		for i := range want {
			if normText(got[i]) != normText(want[i]) {
				t.Errorf("front matter tag %q, want %q", got[i], want[i])
			}
		}
	}

	doc := goldmark.New().Parser().Parse(text.NewReader(rest))
	var top []ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		top = append(top, n)
	}
	var head []wantBlock
	title := normText(a.Title)
	if title == "" {
		title = "Untitled"
	}
	head = append(head, wantBlock{kind: ast.KindHeading, level: 1, text: title, allowed: headOnly, what: "title"})
	head = append(head, wantBlock{kind: ast.KindParagraph, allowed: append(slices.Clone(textOnly), ast.KindLink), what: "source line"})
	tail := wantTail(d, colors)
	if len(top) < len(head)+len(tail) {
		t.Fatalf("export has %d blocks, want at least %d: structure broken\n%s", len(top), len(head)+len(tail), md)
	}
	for i, w := range head {
		checkBlock(t, top[i], rest, w)
	}
	for i, w := range tail {
		checkBlock(t, top[len(top)-len(tail)+i], rest, w)
	}
	{
		links := 0
		ast.Walk(top[1], func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := n.(*ast.Link); ok && entering {
				links++
			}
			return ast.WalkContinue, nil
		})
		if links > 2 {
			t.Errorf("source line has %d links", links)
		}
		var html bytes.Buffer
		if err := goldmark.Convert(rest, &html); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(html.Bytes(), []byte(`<a href="`+stdhtml.EscapeString(Link(a.ID, 0))+`">`)) {
			t.Errorf("no link back to article %d in\n%s", a.ID, html.Bytes())
		}
		if links == 2 {
			// The renderer, not the AST, decodes escapes in destinations.
			var html bytes.Buffer
			if err := goldmark.Convert(rest, &html); err != nil {
				t.Fatal(err)
			}
			m := hrefRE.FindSubmatch(html.Bytes())
			if m == nil {
				t.Fatalf("no href in rendered source line")
			}
			if got, want := unpercent(stdhtml.UnescapeString(string(m[1]))), unpercent(strings.TrimSpace(oneLine(a.URL))); got != want {
				t.Errorf("source link goes to %q, want %q", got, want)
			}
		}
	}
	note := top[len(head) : len(top)-len(tail)]
	if strings.TrimSpace(normText(a.Note)) == "" && len(note) > 0 {
		t.Errorf("no note, but %d blocks where it would be", len(note))
	}
	if strict && len(note) == 1 {
		if fc, ok := note[0].(*ast.FencedCodeBlock); ok && string(fc.Language(rest)) == "markdown" {
			if got := normText(nodeText(fc, rest)); got != normText(a.Note) {
				t.Errorf("note shown as source = %q, want %q", got, normText(a.Note))
			}
		}
	}
}

// wantTail lists the blocks of the highlight sections, from the exporter's
// contract rather than its code: a blockquote per quote, a line with the
// colour (name from colors) and tags, then the comment's paragraphs.
func wantTail(d Doc, colors []storage.Color) []wantBlock {
	attached, orphaned := sortedHighlights(d.Highlights)
	tg := NewTagger([]Doc{d})
	metaLink := append(slices.Clone(metaOnly), ast.KindLink)
	var out []wantBlock
	section := func(title string, hs []storage.Highlight, orphan bool) {
		if len(hs) == 0 {
			return
		}
		out = append(out, wantBlock{kind: ast.KindHeading, level: 2, text: title, allowed: headOnly, what: "section"})
		if orphan {
			out = append(out, wantBlock{kind: ast.KindParagraph, text: "These passages are no longer in the article's text.", allowed: textOnly, what: "orphan note"})
		}
		for _, h := range hs {
			out = append(out, wantBlock{kind: ast.KindBlockquote, text: normText(h.Quote), allowed: quoteOnly, what: "quote"})
			out = append(out, wantBlock{kind: ast.KindParagraph, text: "^h-" + strconv.FormatInt(h.ID, 10), allowed: textOnly, what: "block id"})
			var c storage.Color
			for _, x := range colors {
				if x.Key == h.Color {
					c = x
					break
				}
			}
			name := normText(c.Name)
			if name == "" {
				name = normText(h.Color)
			}
			if name == "" {
				name = "Highlight"
			}
			meta := name
			if sq := colorSquare(c.Hex); sq != "" {
				meta = sq + " " + meta
			}
			if orphan {
				meta += " · orphaned"
			}
			var tags []string
			for _, tag := range h.Tags {
				if o := tg.Tag(tag); o != "" {
					tags = append(tags, "#"+o)
				}
			}
			slices.Sort(tags)
			if tags = slices.Compact(tags); len(tags) > 0 {
				meta += " · " + strings.Join(tags, " ")
			}
			meta += " · Open in Scholia"
			out = append(out, wantBlock{kind: ast.KindParagraph, text: meta, allowed: metaLink, what: "colour line"})
			for _, p := range paragraphs(h.Comment) {
				out = append(out, wantBlock{kind: ast.KindParagraph, text: p, allowed: textOnly, what: "comment"})
			}
		}
	}
	section("Highlights", attached, false)
	section("Orphaned highlights", orphaned, true)
	return out
}

// paragraphs splits text at blank lines, as CommonMark does.
func paragraphs(s string) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	var cur []string
	flush := func() {
		if p := normText(strings.Join(cur, "\n")); p != "" {
			out = append(out, p)
		}
		cur = nil
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.Trim(dropControls(line), " \t") == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// oneLine is user text as a single line: line breaks and tabs are
// spaces, other control characters gone.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	return dropControls(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s))
}

func dropControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r >= 0x7f && r <= 0x9f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

func checkBlock(t *testing.T, n ast.Node, src []byte, w wantBlock) {
	t.Helper()
	if n.Kind() != w.kind {
		t.Errorf("%s: got a %v block, want %v (text %q)", w.what, n.Kind(), w.kind, normText(nodeText(n, src)))
		return
	}
	if h, ok := n.(*ast.Heading); ok && h.Level != w.level {
		t.Errorf("%s: heading level %d, want %d", w.what, h.Level, w.level)
	}
	if got := normText(nodeText(n, src)); w.what != "source line" && got != w.text {
		t.Errorf("%s: text\n got %q\nwant %q", w.what, got, w.text)
	}
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && !slices.Contains(w.allowed, c.Kind()) {
			t.Errorf("%s: unexpected %v node in %q", w.what, c.Kind(), normText(nodeText(n, src)))
		}
		return ast.WalkContinue, nil
	})
}

// splitRegion checks that the Markdown after the front matter is the
// managed region, between its marker lines, and returns what is inside.
func splitRegion(t testing.TB, md []byte) []byte {
	t.Helper()
	begin, end := []byte("%% scholia begin %%\n"), []byte("%% scholia end %%\n")
	if !bytes.HasPrefix(md, begin) || !bytes.HasSuffix(md, end) {
		t.Fatalf("no managed region markers around the text:\n%s", md)
	}
	inner := md[len(begin) : len(md)-len(end)]
	if bytes.Contains(inner, []byte("\n%% scholia")) {
		t.Errorf("a stray region marker inside the region:\n%s", inner)
	}
	return inner
}
