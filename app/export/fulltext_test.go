package export

import (
	"strings"
	"testing"
	"unicode"

	"scholia/storage"
	"scholia/storage/doc"
)

// fullTextOf exports md with highlights at the given rune ranges.
func fullTextOf(t testing.TB, md string, ranges [][2]int) (doc.Doc, []storage.Highlight, string) {
	t.Helper()
	d, err := doc.Parse(md)
	if err != nil {
		t.Skip(err)
	}
	runes := []rune(d.Text)
	var hs []storage.Highlight
	for i, r := range ranges {
		hs = append(hs, storage.Highlight{ID: int64(i + 1), ArticleID: 1, Start: r[0], End: r[1],
			Quote: string(runes[r[0]:r[1]]), Comment: "note " + string(rune('A'+i)), Color: "yellow"})
	}
	dd := Doc{Article: storage.Article{ID: 1, Title: "T", Markdown: md, Body: d.Text}, Highlights: hs, FullText: true}
	ad := newArticleData(dd, newPalette(storage.DefaultColors), NewTagger([]Doc{dd}), false)
	return d, hs, ad.FullText
}

// checkFullText holds the export of md to the full-text property: it reads
// back to the same text, its marks cover exactly the highlighted text that
// can be marked, and each highlight has its footnote where it ends (or is
// listed after the text).
func checkFullText(t testing.TB, md string, ranges [][2]int) {
	t.Helper()
	d, hs, out := fullTextOf(t, md, ranges)
	back, mk, err := doc.ParseMarked(out)
	if err != nil {
		t.Fatalf("export does not parse: %v\n%s", err, out)
	}
	rest, ok := strings.CutPrefix(back.Text, d.Text)
	if !ok || (rest != "" && !strings.HasPrefix(rest, "\n\nHighlights not in the text above:")) {
		t.Fatalf("reading text changed:\nsource %q\nexport %q\nwant   %q\ngot    %q", md, out, d.Text, back.Text)
	}
	runes := []rune(d.Text)
	n := len(runes)
	marked := make([]bool, n)
	for _, m := range mk.Marks {
		for i := m.Start; i < m.End && i < n; i++ {
			marked[i] = true
		}
		if m.End > n {
			t.Fatalf("a mark runs past the article: %+v\n%s", m, out)
		}
	}
	markable := make([]bool, n)
	for i := range markable {
		markable[i] = !unicode.IsSpace(runes[i])
	}
	for _, b := range d.Blocks {
		if b.Kind == doc.Code {
			for i := b.Start; i < b.End; i++ {
				markable[i] = false
			}
		}
	}
	for _, s := range d.Spans {
		auto := s.Kind == doc.Link && (s.Info == string(runes[s.Start:s.End]) || s.Info == "mailto:"+string(runes[s.Start:s.End]))
		if s.Kind == doc.InlineCode || s.Kind == doc.Img || auto {
			for i := s.Start; i < s.End; i++ {
				markable[i] = false
			}
		}
	}
	covered := make([]bool, n)
	for _, h := range hs {
		for i := h.Start; i < h.End; i++ {
			covered[i] = true
		}
	}
	for i := range n {
		if marked[i] && !covered[i] {
			t.Fatalf("code point %d (%q) is marked but not highlighted\nsource %q\nexport %q", i, runes[i], md, out)
		}
	}
	refs := map[string][]int{}
	for _, r := range mk.Refs {
		refs[r.Label] = append(refs[r.Label], r.At)
	}
	for _, h := range hs {
		at := refs[BlockID(h)]
		// A highlight in the text has every markable code point marked.
		for i := h.Start; i < h.End && len(at) > 0; i++ {
			if markable[i] && !marked[i] {
				t.Fatalf("code point %d (%q) of highlight %d is not marked\nsource %q\nexport %q", i, runes[i], h.ID, md, out)
			}
		}
		switch {
		case len(at) > 1:
			t.Fatalf("highlight %d has %d references\n%s", h.ID, len(at), out)
		case len(at) == 1:
			if at[0] <= h.Start || at[0] > h.End && !inCode(d, h.End-1) {
				t.Fatalf("highlight %d [%d,%d) has its reference at %d\n%s", h.ID, h.Start, h.End, at[0], out)
			}
			if note := mk.Footnotes[BlockID(h)]; !strings.Contains(note, h.Comment) {
				t.Fatalf("highlight %d's footnote is %q\n%s", h.ID, note, out)
			}
		default:
			if !strings.Contains(rest, h.Comment) {
				t.Fatalf("highlight %d is neither in the text nor listed after it\nsource %q\n%s", h.ID, md, out)
			}
		}
	}
}

func inCode(d doc.Doc, i int) bool {
	for _, s := range d.Spans {
		if s.Kind == doc.InlineCode && s.Start <= i && i < s.End {
			return true
		}
	}
	return false
}

// structured is an article with every block kind.
const structured = "# The *first* heading\n\nSome **bold and *nested* text** with `code span` and a [link](https://example.com/) here.\n\n" +
	"- item one\n- item **two**\n  - nested three\n\n## Second heading\n\n| Name | Value |\n|------|------:|\n| a `b` | *c* |\n| d | e |\n\n" +
	"```go\nfunc main() {}\n```\n\n> quoted *words*\n\n1. first\n2. second == equal\n\nLast a\\ b \\* c &amp; d = e.\n"

func TestFullTextStructured(t *testing.T) {
	d, _ := doc.Parse(structured)
	at := func(s string, after int) int {
		i := strings.Index(d.Text[after:], s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return after + i
	}
	span := func(from, to string) [2]int {
		s := at(from, 0)
		e := at(to, s) + len(to)
		return [2]int{len([]rune(d.Text[:s])), len([]rune(d.Text[:e]))}
	}
	cases := map[string][][2]int{
		"heading into emphasis":   {span("The fir", "The fir")},
		"across emphasis":         {span("heading", "heading"), span("bold and", "nested te")},
		"code span inside":        {span("with", "span and")},
		"ends in a code span":     {span("with", "code")},
		"only code":               {span("code", "span")},
		"overlap":                 {span("bold", "nested"), span("and nested", "text")},
		"nested":                  {span("Some", "here."), span("nested", "nested")},
		"list item to heading":    {span("nested three", "Second")},
		"item to item":            {span("one", "item two")},
		"table cells":             {span("Name", "Value")},
		"across the table":        {span("Value", "b\tc")},
		"code block":              {span("func", "{}")},
		"code block into quote":   {span("main", "quoted")},
		"into a link":             {span("a link", "link")},
		"equals signs":            {span("second", "equal")},
		"escapes and entities":    {span("a\\ b", "& d")},
		"touching":                {span("Last", "a"), span("\\ b", "c")},
		"whole article":           {{0, len([]rune(d.Text))}},
		"many, every second word": {span("The", "The"), span("heading", "heading"), span("bold", "bold"), span("nested", "nested")},
	}
	for name, ranges := range cases {
		t.Run(name, func(t *testing.T) { checkFullText(t, structured, ranges) })
	}
}

// The marks themselves, for cases a reader checks by eye.
func TestFullTextMarkup(t *testing.T) {
	tests := []struct {
		md     string
		ranges [][2]int
		want   string // the first line of the export
	}{
		{"a *b c* d", [][2]int{{0, 5}}, "==a== *==b c[^h-1]==* d"},
		{"a *b c* d", [][2]int{{0, 3}}, "==a== *==b[^h-1]== c* d"},
		{"x `code` y", [][2]int{{2, 6}}, "x `code`[^h-1] y"},
		{"a==b", [][2]int{{0, 4}}, "==a\\=\\=b[^h-1]=="},
		{"a=b", [][2]int{{2, 3}}, "a&#61;==b[^h-1]=="},
		{"- one\n- two", [][2]int{{2, 7}}, "- on==e=="},
		{"50%% off, $$ too", [][2]int{{0, 2}}, "==50[^h-1]==\\%\\% off, \\$\\$ too"},
		{"```\n%% in code\n```", nil, "```"},
	}
	for _, tc := range tests {
		_, _, out := fullTextOf(t, tc.md, tc.ranges)
		if first := strings.SplitN(out, "\n", 2)[0]; first != tc.want {
			t.Errorf("%q: export starts %q, want %q\n%s", tc.md, first, tc.want, out)
		}
		checkFullText(t, tc.md, tc.ranges)
	}
}

func FuzzFullText(f *testing.F) {
	f.Add("*==0====** 00==", uint16(0), uint16(5), uint16(2), uint16(9))
	f.Add(structured, uint16(10), uint16(80), uint16(40), uint16(200))
	f.Add("a *b **c** d* e `f` [g](h) ![i](j) <https://k>", uint16(1), uint16(12), uint16(5), uint16(20))
	f.Add("- a\n  - b\n# c\n\n| d | e |\n|---|---|\n| f | g |", uint16(0), uint16(6), uint16(3), uint16(11))
	f.Add("a\\\nb  \nc &copy; \\= ==d== e\\", uint16(0), uint16(9), uint16(4), uint16(14))
	f.Fuzz(func(t *testing.T, md string, a, b, c, e uint16) {
		if len(md) > 2000 {
			return
		}
		d, err := doc.Parse(md)
		if err != nil {
			return
		}
		for _, s := range d.Spans {
			if s.Kind == doc.Link && strings.HasPrefix(d.Text[byteAt(d.Text, s.Start):], "^") {
				return // the body's own footnote syntax: see fullText's limits
			}
		}
		n := len([]rune(d.Text))
		if n == 0 {
			return
		}
		mk := func(x, y uint16) [2]int {
			s, l := int(x)%n, int(y)%(n+1)
			return [2]int{s, min(n, s+max(1, l%40))}
		}
		checkFullText(t, md, [][2]int{mk(a, b), mk(c, e)})
	})
}

func byteAt(s string, runeIdx int) int {
	for i := range s {
		if runeIdx == 0 {
			return i
		}
		runeIdx--
	}
	return len(s)
}

// A highlight whose quote is not at its offsets, an orphan, and a text that
// is not the Markdown's reading text: nothing marked wrongly, nothing lost.
func TestFullTextNeverLoses(t *testing.T) {
	md := "One two three."
	hs := []storage.Highlight{
		{ID: 1, Start: 0, End: 3, Quote: "One", Comment: "right"},
		{ID: 2, Start: 4, End: 7, Quote: "six", Comment: "stale offsets"},
		{ID: 3, Start: 0, End: 3, Quote: "gone words", Comment: "an orphan", Orphaned: true},
	}
	render := func(body string) string {
		d := Doc{Article: storage.Article{ID: 1, Markdown: md, Body: body}, Highlights: hs, FullText: true}
		return newArticleData(d, newPalette(storage.DefaultColors), NewTagger([]Doc{d}), false).FullText
	}
	out := render(md)
	if !strings.HasPrefix(out, "==One[^h-1]== two three.") || strings.Contains(out, "==two") {
		t.Errorf("marks:\n%s", out)
	}
	for _, want := range []string{"> six", "stale offsets", "> gone words", "an orphan", "*orphaned*"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	out = render("Another text entirely.")
	if strings.Contains(out, "==") || !strings.Contains(out, "> One") || !strings.Contains(out, "right") {
		t.Errorf("with a body that is not the Markdown's text:\n%s", out)
	}
}

// BenchmarkFullText exports a long structured article with a highlight in
// every paragraph; "parse" is doc.Parse of the same Markdown, the anchor.
func BenchmarkFullText(b *testing.B) {
	md := strings.Repeat(structured+"\n", 60)
	d, _ := doc.Parse(md)
	runes := []rune(d.Text)
	var hs []storage.Highlight
	for i, k := 0, 0; i+30 < len(runes); i, k = i+97, k+1 {
		hs = append(hs, storage.Highlight{ID: int64(k + 1), Start: i, End: i + 30, Quote: string(runes[i : i+30]), Comment: "c"})
	}
	dd := Doc{Article: storage.Article{ID: 1, Markdown: md, Body: d.Text}, Highlights: hs, FullText: true}
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			doc.Parse(md)
		}
	})
	b.Run("fulltext", func(b *testing.B) {
		for b.Loop() {
			newArticleData(dd, newPalette(storage.DefaultColors), NewTagger([]Doc{dd}), false)
		}
	})
	b.Logf("%d bytes, %d highlights", len(md), len(hs))
}
