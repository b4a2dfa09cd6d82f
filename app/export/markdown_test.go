package export

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"scholia/storage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update if the change is intended)\n--- got ---\n%s", name, got)
	}
}

func TestArticleGoldenSeeds(t *testing.T) { articleSeeds(t, seedDocs(t), true) }

// TestArticleCorpusSeeds checks the shared corpus's seeds the same way,
// without golden files (the corpus is not copied into the repository).
func TestArticleCorpusSeeds(t *testing.T) { articleSeeds(t, corpusSeedDocs(t), false) }

func articleSeeds(t *testing.T, docs []Doc, withGolden bool) {
	for _, d := range docs {
		name := fmt.Sprintf("seed%d.md", d.Article.ID)
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Article(&b, d, storage.DefaultColors); err != nil {
				t.Fatal(err)
			}
			if withGolden {
				golden(t, name, b.Bytes())
			}
			checkArticle(t, b.Bytes(), d, storage.DefaultColors, false)
			var again bytes.Buffer
			if err := Article(&again, d, storage.DefaultColors); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
				t.Errorf("second export differs (err %v)", err)
			}
		})
	}
}

func TestMarkdownGoldenSeeds(t *testing.T) { markdownSeeds(t, seedDocs(t), true) }

// TestMarkdownCorpusSeeds is the same on the shared corpus's seeds,
// without the golden file.
func TestMarkdownCorpusSeeds(t *testing.T) { markdownSeeds(t, corpusSeedDocs(t), false) }

func markdownSeeds(t *testing.T, docs []Doc, withGolden bool) {
	// A renamed colour travels into the export by name.
	colors := slices.Clone(storage.DefaultColors)
	colors[0].Name = "Main claim"
	var b bytes.Buffer
	if err := Markdown(&b, docs, colors); err != nil {
		t.Fatal(err)
	}
	if withGolden {
		golden(t, "seeds.md", b.Bytes())
	}
	if !bytes.Contains(b.Bytes(), []byte("🟨 **Main claim**")) {
		t.Error("renamed colour name missing from the export")
	}
	checkOneFile(t, b.Bytes(), docs)
}

// checkOneFile parses a one-file export back: its front matter with the
// YAML library (article and highlight counts, the scholia_ids in order),
// and with goldmark one "## Title" per article, each followed by its
// properties as a list ending in its Scholia link (a note's own headings
// are the user's), and no code block of metadata anywhere.
func checkOneFile(t *testing.T, src []byte, docs []Doc) {
	t.Helper()
	yml, rest := splitFrontMatter(t, src)
	var fm exportFrontMatter
	if err := yaml.Unmarshal(yml, &fm); err != nil {
		t.Fatalf("export front matter: %v\n%s", err, yml)
	}
	var wantIDs []string
	hs := 0
	for _, d := range docs {
		wantIDs = append(wantIDs, ScholiaID(d.Article))
		hs += len(d.Highlights)
	}
	if fm.Articles != len(docs) || fm.Highlights != hs || !slices.Equal(fm.ScholiaIDs, wantIDs) {
		t.Errorf("export front matter %+v, want %d articles, %d highlights, ids %v", fm, len(docs), hs, wantIDs)
	}
	doc := goldmark.New().Parser().Parse(text.NewReader(rest))
	k := 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch x := n.(type) {
		case *ast.Heading:
			l, ok := n.NextSibling().(*ast.List)
			if x.Level != 2 || !ok || !strings.HasPrefix(normText(nodeText(l.LastChild(), rest)), "Scholia: sch-") {
				continue // a heading of a note's own
			}
			if k >= len(docs) {
				t.Fatalf("extra article heading %q", normText(nodeText(n, rest)))
			}
			title := normText(docs[k].Article.Title)
			if title == "" {
				title = "Untitled"
			}
			if got := normText(nodeText(n, rest)); got != title {
				t.Errorf("article %d heading %q, want %q", k+1, got, title)
			}
			last := normText(nodeText(l.LastChild(), rest))
			if want := "Scholia: " + wantIDs[k]; last != want {
				t.Errorf("article %d properties end in %q, want %q", k+1, last, want)
			}
			k++
		case *ast.FencedCodeBlock:
			if string(x.Language(rest)) == "yaml" {
				t.Errorf("a yaml code block after article %d", k)
			}
		}
	}
	if k != len(docs) {
		t.Errorf("found %d articles, want %d", k, len(docs))
	}
}

// hostile strings: each one tries to become markup, break the YAML, or
// hide in control characters.
var hostile = map[string]string{
	"atx heading":     "# heading",
	"setext heading":  "para\n===",
	"setext dash":     "para\n---",
	"bullet":          "- list",
	"plus":            "+ list",
	"star":            "* list",
	"ordered":         "1. list",
	"ordered paren":   "12) list",
	"year start":      "2022. was a year",
	"link":            "[link](http://x)",
	"ref link":        "[a]: http://x \"t\"\n\n[a]",
	"image":           "![img](http://x/y.png)",
	"autolink":        "<http://x>",
	"script":          "<script>alert(1)</script>",
	"html comment":    "<!-- open",
	"html div":        "<div>\nx\n</div>",
	"fence":           "```",
	"fence lang":      "```go\ncode\n```",
	"tilde fence":     "~~~",
	"thematic":        "---",
	"stars":           "***",
	"underscores":     "___",
	"table":           "| a | b |\n|---|---|\n| 1 | 2 |",
	"emphasis":        "*emph* _u_ **b** __bb__",
	"backslash":       "\\",
	"trailing bslash": "line\\\nnext",
	"code span":       "`code`",
	"entities":        "&amp; &#65; &copy; AT&T",
	"controls":        "a\x00b\x01c\x7fd\u0085e\x1bf",
	"crlf":            "a\r\nb\rc",
	"rtl":             "abc \u202edcba\u202c \u200fשלום",
	"emoji":           "👍🏽 family 👨\u200d👩\u200d👧 🟨",
	"long line":       strings.Repeat("word ", 2000) + strings.Repeat("x", 10000),
	"indented code":   "    code",
	"tab code":        "\tcode",
	"blockquote":      "> quoted",
	"front matter":    "---\ntitle: x\n---",
	"obsidian":        "[[Wiki]] ![[embed]] ==hl== %%hidden%% $x$ #tag ^block-id",
	"footnote":        "[^1] and [^1]: note",
	"callout":         "[!note] title",
	"pipes":           "a|b",
	"hard break":      "a  \nb",
	"only spaces":     "   ",
	"empty":           "",
	"invalid utf8":    "a\xffb\xc0",
	"yaml":            "key: value\n- item\n? x",
	"yaml bool":       "yes",
	"yaml doc":        "...",
	"nbsp":            "\u00a0x \u2028y",
	"lt gt":           "a < b > c",
	"quotes":          "\"'\"",
	"dollars":         "$5 million and $3 billion",
	"percent":         "100% sure %%",
	"equals":          "==",
	"tildes":          "~~strike~~",
	"braces":          "{{template}} ${x}",
	"colon":           "Note: this",
	"exclamation":     "Wow!",
	"many blanks":     "a\n\n\n\nb",
	"newline only":    "\n\n",
	"url text":        "http://example.com/a_b_c",
	"nested quote":    ">> x\n> > y",
	"list in quote":   "> - a\n>\n> ```",
	"hash only":       "#",
	"hashes closing":  "title ##",
	"js url":          "javascript:alert(1)",
	"odd url":         "https://example.com/a b)<c>&amp;\\x?q=`1`",
	"data url":        "data:text/html,<script>alert(1)</script>",
}

// hostileDoc puts s into one field of an otherwise plain article.
func hostileDoc(field, s string) (Doc, []storage.Color) {
	a := storage.Article{ID: 7, Title: "Plain title", Author: "A. Writer", Source: "Site",
		URL: "https://example.com/a?b=1&c=2", Published: "2022-01-18", Added: t0, Body: "body text",
		Note: "A plain note.", Tags: []string{"plain"}}
	h := storage.Highlight{ID: 1, ArticleID: 7, Start: 0, End: 4, Quote: "body", Color: "yellow",
		Comment: "plain comment", Tags: []string{"tag"}}
	colors := slices.Clone(storage.DefaultColors)
	switch field {
	case "title":
		a.Title = s
	case "author":
		a.Author = s
	case "url":
		a.URL = s
	case "note":
		a.Note = s
	case "article tag":
		a.Tags = []string{s, "plain"}
	case "quote":
		h.Quote = s
	case "comment":
		h.Comment = s
	case "tag":
		h.Tags = []string{s}
	case "colour name":
		colors[0].Name = s
	case "colour key":
		h.Color = s
	}
	orphan := h
	orphan.ID, orphan.Orphaned = 2, true
	return Doc{Article: a, Highlights: []storage.Highlight{h, orphan}}, colors
}

var hostileFields = []string{"title", "author", "url", "note", "article tag", "quote", "comment", "tag", "colour name", "colour key"}

func TestArticleHostile(t *testing.T) {
	for name, s := range hostile {
		for _, field := range hostileFields {
			t.Run(field+"/"+name, func(t *testing.T) {
				d, colors := hostileDoc(field, s)
				var b bytes.Buffer
				if err := Article(&b, d, colors); err != nil {
					t.Fatal(err)
				}
				checkArticle(t, b.Bytes(), d, colors, true)
				checkNoteKept(t, b.Bytes(), d.Article.Note)
			})
		}
	}
}

// checkNoteKept: a note that needed no neutralising reads back, block by
// block, as the note alone does.
func checkNoteKept(t *testing.T, md []byte, note string) {
	t.Helper()
	n := strings.TrimLeft(strings.TrimRight(clean(note, true), " \t\n"), "\n")
	if strings.TrimSpace(n) != "" && neutralNote(note) == n {
		checkNoteBlocks(t, md, n)
	}
}

func FuzzArticle(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, s)
	}
	f.Add("# a\n- b", "<x>\n```")
	f.Fuzz(func(t *testing.T, s1, s2 string) {
		for i, field := range hostileFields {
			d, colors := hostileDoc(field, s1)
			// The second string goes into another field at the same time.
			d2, _ := hostileDoc(hostileFields[(i+3)%len(hostileFields)], s2)
			d.Highlights[0].Comment = d2.Highlights[0].Comment
			d.Article.Note = d2.Article.Note
			var b bytes.Buffer
			if err := Article(&b, d, colors); err != nil {
				t.Fatal(err)
			}
			checkArticle(t, b.Bytes(), d, colors, true)
			checkNoteKept(t, b.Bytes(), d.Article.Note)
			// The same article in a one-file export, after a plain one.
			plain, _ := hostileDoc("title", "Plain")
			plain.Article.ID = 1
			b.Reset()
			if err := Markdown(&b, []Doc{plain, d}, colors); err != nil {
				t.Fatal(err)
			}
			checkOneFile(t, b.Bytes(), []Doc{plain, d})
		}
	})
}

func TestMarkdownHostileOneFile(t *testing.T) {
	// Every hostile string as title, quote, comment and tag of its own
	// article: each article still starts with its "# Title" and its
	// metadata block, in order, and nothing else looks like one.
	var docs []Doc
	var titles []string
	for i, name := range slices.Sorted(mapKeys(hostile)) {
		d, colors := hostileDoc("title", hostile[name])
		_ = colors
		d.Article.ID = int64(i + 1)
		d.Highlights[0].Quote = hostile[name]
		d.Highlights[0].Comment = hostile[name]
		d.Highlights[0].Tags = []string{hostile[name]}
		docs = append(docs, d)
		title := normText(hostile[name])
		if title == "" {
			title = "Untitled"
		}
		titles = append(titles, title)
	}
	var b bytes.Buffer
	if err := Markdown(&b, docs, storage.DefaultColors); err != nil {
		t.Fatal(err)
	}
	checkOneFile(t, b.Bytes(), docs)
	_ = titles
}

func TestObsidianTag(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"space":       {"foreign policy", "foreign-policy"},
		"digits":      {"2022", "tag-2022"},
		"nested":      {"topic/sub topic", "topic/sub-topic"},
		"slashes":     {"/a//b/", "a/b"},
		"hash":        {"#nato", "nato"},
		"accents":     {"économie", "économie"},
		"punctuation": {"C++ & Go!", "Cpp-and-Go"},
		"c++":         {"c++", "cpp"},
		"c#":          {"C#", "Csharp"},
		"plus inside": {"a+b", "a-plus-b"},
		"leading +":   {"+1", "tag-1"},
		"hash inside": {"x#y", "x-y"},
		"ampersand":   {"R&D", "R-and-D"},
		"underscore":  {"snake_case", "snake-case"},
		"emoji only":  {"🙂", "tag"},
		"empty":       {"", "tag"},
		"controls":    {"a\x00b\nc", "ab-c"},
		"markup":      {"[x](y) <b>", "x-y-b"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := ObsidianTag(tc.in)
			if got != tc.want {
				t.Errorf("ObsidianTag(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got != "" && !tagName.MatchString(got) {
				t.Errorf("%q is not an Obsidian tag", got)
			}
		})
	}
}

func TestTagger(t *testing.T) {
	doc := func(tags ...string) Doc { return Doc{Article: storage.Article{Tags: tags}} }
	docs := []Doc{
		doc("foreign policy", "foreign-policy", "c++", "cpp", "NATO"),
		{Article: storage.Article{Tags: []string{"nato", "🙂", "tag", "2022"}},
			Highlights: []storage.Highlight{{Tags: []string{"c++", "Foreign Policy", "🌍"}}}},
	}
	tg := NewTagger(docs)
	want := map[string]string{
		// Valid as written: kept, whatever sorts first.
		"foreign-policy": "foreign-policy", "cpp": "cpp", "tag": "tag",
		// Mapped, and told apart from the tags that were there already.
		"foreign policy": "Foreign-Policy-2", "Foreign Policy": "Foreign-Policy-2",
		"c++": "cpp-2", "🌍": "tag-2", "🙂": "tag-3", "2022": "tag-2022",
		// One tag in Scholia (tags ignore case), one in Obsidian.
		"NATO": "NATO", "nato": "NATO",
	}
	forms := map[string]string{}
	for in, w := range want {
		got := tg.Tag(in)
		if got != w {
			t.Errorf("Tag(%q) = %q, want %q", in, got, w)
		}
		if !tagName.MatchString(got) {
			t.Errorf("Tag(%q) = %q is not an Obsidian tag", in, got)
		}
		k, lower := strings.ToLower(got), strings.ToLower(in)
		if prev, ok := forms[k]; ok && prev != lower {
			t.Errorf("%q and %q both map to %q", prev, in, got)
		}
		forms[k] = lower
	}
	// The mapping depends on the set of tags, not on the order of docs.
	again := NewTagger([]Doc{docs[1], docs[0]})
	for in := range want {
		if tg.Tag(in) != again.Tag(in) {
			t.Errorf("Tag(%q) depends on the order of docs", in)
		}
	}
}
