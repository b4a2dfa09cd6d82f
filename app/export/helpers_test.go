package export

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"scholia/app/internal/seedtest"
	"scholia/storage"
)

const corpusDir = "../../../shared/corpus"

// corpus returns the path of a file or folder in the shared test corpus,
// skipping the test when a fresh clone has no corpus next to it.
func corpus(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{corpusDir}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf(seedtest.SkipNoCorpus+"%s is not there: %v", p, err)
	}
	return p
}

var t0 = time.Date(2022, 1, 10, 9, 30, 0, 0, time.UTC)

// seedDocs builds one Doc per seed article of the project's own (see
// seedtest): the first line is the title
// (or, after a date line, the first sentence), the other non-blank lines
// are paragraphs joined by "\n\n", and a few highlights sit at fixed
// offsets with comments, tags and an orphan, plus a note and tags.
func seedDocs(t testing.TB) []Doc { return docsOf(t, seedtest.OwnFiles(t)) }

// corpusSeedDocs is seedDocs on the shared corpus's seeds, or a skip.
func corpusSeedDocs(t testing.TB) []Doc {
	t.Helper()
	dir := corpus(t, "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("want 5 seeds in %s, got %d (%v)", dir, len(files), err)
	}
	return docsOf(t, files)
}

func docsOf(t testing.TB, files []string) []Doc {
	t.Helper()
	var docs []Doc
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(string(raw), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		title, published := lines[0], ""
		if d, err := time.Parse("Mon, 2 Jan 2006", title); err == nil {
			published = d.Format("2006-01-02")
			lines = lines[1:]
			title, _, _ = strings.Cut(lines[0], ",")
			if len(title) > 80 {
				title = title[:strings.LastIndexByte(title[:80], ' ')] + "…"
			}
		} else {
			lines = lines[1:]
		}
		body := strings.Join(lines, "\n\n")
		id := int64(i + 1)
		a := storage.Article{
			ID: id, Title: title, Author: "Staff writer", Source: "Seed " + string(rune('A'+i)),
			URL: "https://example.com/news/" + filepath.Base(f), Published: published,
			Added: t0, Updated: t0.Add(time.Hour), Body: body,
			Note: "Read for the *Geneva* brief.\n\n- check the troop numbers\n- compare with [[Other article]]",
			Tags: []string{"russia", "foreign policy", "Geneva 2022"},
		}
		docs = append(docs, Doc{Article: a, Highlights: []storage.Highlight{
			mkHighlight(a, id*10+3, 0, 40, "green", "", nil),
			mkHighlight(a, id*10+1, 120, 220, "yellow", "Key claim — compare with *other* sources.\nSecond line.", []string{"claims", "NATO"}),
			mkHighlight(a, id*10+2, 400, 470, "pink", "Is this true?", []string{"to check"}),
			func() storage.Highlight {
				h := mkHighlight(a, id*10+4, 50, 90, "purple", "Text was edited away.", nil)
				h.Orphaned = true
				return h
			}(),
		}})
	}
	return docs
}

// mkHighlight cuts a highlight out of a's body at code point offsets.
func mkHighlight(a storage.Article, id int64, start, end int, color, comment string, tags []string) storage.Highlight {
	r := []rune(a.Body)
	end = min(end, len(r))
	start = min(start, end)
	// Snap to word boundaries, as a reader's selection usually is.
	for start > 0 && !unicode.IsSpace(r[start-1]) {
		start--
	}
	for end < len(r) && !unicode.IsSpace(r[end]) && !unicode.IsPunct(r[end]) {
		end++
	}
	return storage.Highlight{
		ID: id, ArticleID: a.ID, Start: start, End: end,
		Quote:  string(r[start:end]),
		Prefix: string(r[max(0, start-32):start]),
		Suffix: string(r[end:min(len(r), end+32)]),
		Color:  color, Comment: comment, Tags: tags,
		Created: t0.Add(time.Duration(id) * time.Minute), Updated: t0.Add(time.Duration(id) * time.Hour),
	}
}

// normText is how the tests compare text: control characters dropped,
// whitespace runs folded to one space, trimmed; invalid UTF-8 becomes U+FFFD
// and NUL too (CommonMark replaces it).
func normText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			space = true
			continue
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// mdBlock is one block of a parsed Markdown document, with its text as a
// CommonMark renderer would show it.
type mdBlock struct {
	kind  ast.NodeKind
	level int // heading level
	text  string
}

// parseMarkdown parses src with goldmark and returns its top-level blocks
// (a blockquote's text is that of its paragraphs) and the count of every
// node kind found anywhere.
func parseMarkdown(src []byte) ([]mdBlock, map[ast.NodeKind]int) {
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	kinds := map[ast.NodeKind]int{}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			kinds[n.Kind()]++
		}
		return ast.WalkContinue, nil
	})
	var blocks []mdBlock
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		b := mdBlock{kind: n.Kind(), text: normText(nodeText(n, src))}
		if h, ok := n.(*ast.Heading); ok {
			b.level = h.Level
		}
		blocks = append(blocks, b)
	}
	return blocks, kinds
}

// nodeText collects the rendered text of n: escapes and entities decoded
// as goldmark's HTML writer does, line breaks and block ends as spaces.
func nodeText(n ast.Node, src []byte) string {
	var out bytes.Buffer
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch x := c.(type) {
		case *ast.Text:
			if entering {
				var h bytes.Buffer
				w := bufio.NewWriter(&h)
				html.DefaultWriter.Write(w, x.Segment.Value(src))
				w.Flush()
				out.WriteString(stdhtml.UnescapeString(h.String()))
				if x.SoftLineBreak() || x.HardLineBreak() {
					out.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				out.Write(x.Value)
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			if entering {
				lines := c.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					out.Write(seg.Value(src))
				}
			}
		default:
			if !entering && c.Type() == ast.TypeBlock {
				out.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return out.String()
}

// splitFrontMatter returns the YAML between the leading "---" lines and
// the Markdown after it.
func splitFrontMatter(t testing.TB, md []byte) (yml, rest []byte) {
	t.Helper()
	if !bytes.HasPrefix(md, []byte("---\n")) {
		t.Fatalf("no front matter at start:\n%.200s", md)
	}
	end := bytes.Index(md[4:], []byte("\n---\n"))
	if end < 0 {
		t.Fatalf("front matter not closed:\n%.400s", md)
	}
	return md[4 : 4+end+1], md[4+end+5:]
}

// hasLetter reports whether s has any letter or digit left to compare.
func hasLetter(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		s = s[n:]
	}
	return false
}
