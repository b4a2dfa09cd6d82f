package doc

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// dump is a compact, readable form of blocks and spans for table tests:
// "kind[attrs] start-end" with the covered text quoted.
func dump(d Doc) []string {
	r := []rune(d.Text)
	var out []string
	for _, b := range d.Blocks {
		s := b.Kind.String()
		if b.Level != 0 {
			s += fmt.Sprintf(" l%d", b.Level)
		}
		if b.List != 0 {
			s += fmt.Sprintf(" in%d", b.List)
		}
		if b.Quote != 0 {
			s += fmt.Sprintf(" q%d", b.Quote)
		}
		if b.Flags&FlagOrdered != 0 {
			s += fmt.Sprintf(" #%d", b.Number)
		}
		if b.Flags&FlagTask != 0 {
			s += " task"
		}
		if b.Flags&FlagChecked != 0 {
			s += " checked"
		}
		if b.Flags&FlagHeader != 0 {
			s += " header"
		}
		if b.Info != "" {
			s += " " + b.Info
		}
		out = append(out, fmt.Sprintf("%s %q", s, string(r[b.Start:b.End])))
	}
	for _, sp := range d.Spans {
		s := sp.Kind.String()
		if sp.Info != "" {
			s += " " + sp.Info
		}
		out = append(out, fmt.Sprintf("%s %q", s, string(r[sp.Start:sp.End])))
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, md, text string
		want           []string
	}{
		{"heading and marks", "# Title\n\nSome *em*, **strong** and `code`.", "Title\n\nSome em, strong and code.",
			[]string{`heading l1 "Title"`, `paragraph "Some em, strong and code."`, `em "em"`, `strong "strong"`, `code "code"`}},
		{"tight nested list", "- a\n- b\n  - c\n- d", "a\nb\nc\nd",
			[]string{`item in1 "a"`, `paragraph in1 "a"`, `item in1 "b\nc"`, `paragraph in1 "b"`, `item in2 "c"`, `paragraph in2 "c"`, `item in1 "d"`, `paragraph in1 "d"`}},
		{"loose list", "- a\n\n- b", "a\n\nb",
			[]string{`item in1 "a"`, `paragraph in1 "a"`, `item in1 "b"`, `paragraph in1 "b"`}},
		{"ordered from 3", "3. x\n4. y\n\nafter", "x\ny\n\nafter",
			[]string{`item in1 #3 "x"`, `paragraph in1 "x"`, `item in1 #4 "y"`, `paragraph in1 "y"`, `paragraph "after"`}},
		{"task", "- [x] done\n- [ ] todo", "done\ntodo",
			[]string{`item in1 task checked "done"`, `paragraph in1 "done"`, `item in1 task "todo"`, `paragraph in1 "todo"`}},
		{"quote", "> q1\n>\n> > q2\n\nout", "q1\n\nq2\n\nout",
			[]string{`quote q1 "q1\n\nq2"`, `paragraph q1 "q1"`, `quote q2 "q2"`, `paragraph q2 "q2"`, `paragraph "out"`}},
		{"fenced code", "```go\nx := 1\n\n  y\n```\nz", "x := 1\n\n  y\n\nz",
			[]string{`code go "x := 1\n\n  y"`, `paragraph "z"`}},
		{"indented code", "para\n\n    a\n    b\n", "para\n\na\nb",
			[]string{`paragraph "para"`, `code "a\nb"`}},
		{"table", "| a | *b* |\n|---|:-:|\n| 1 | 2 |\n| 3 |", "a\tb\n1\t2\n3\t",
			[]string{`table "a\tb\n1\t2\n3\t"`, `row header "a\tb"`, `cell header "a"`, `cell l1 header "b"`,
				`row "1\t2"`, `cell "1"`, `cell l1 "2"`, `row "3\t"`, `cell "3"`, `cell l1 ""`, `em "b"`}},
		{"link and autolink", "See [the *page*](http://x.org/a_b) or <https://y.org>.", "See the page or https://y.org.",
			[]string{`paragraph "See the page or https://y.org."`, `link http://x.org/a_b "the page"`, `em "page"`, `link https://y.org "https://y.org"`}},
		{"image block and inline", "![a *cat*](cat.png)\n\nx ![dog](d.png) y", "a cat\n\nx dog y",
			[]string{`image cat.png "a cat"`, `paragraph "x dog y"`, `image cat.png "a cat"`, `image d.png "dog"`}},
		{"rule", "a\n\n---\n\nb", "a\n\nb",
			[]string{`paragraph "a"`, `rule ""`, `paragraph "b"`}},
		{"breaks", "a  \nb\nc\\\nd", "a\nb c\nd", []string{`paragraph "a\nb c\nd"`}},
		{"escapes and references", `\# not \*x\* &amp; &#35; &#x1F600; \&amp; &bogus;`, "# not *x* & # 😀 &amp; &bogus;",
			[]string{`paragraph "# not *x* & # 😀 &amp; &bogus;"`}},
		{"html dropped", "<div>\nx\n</div>\n\npara <b>b</b>", "para b", []string{`paragraph "para b"`}},
		{"strike", "~~gone~~ here", "gone here", []string{`paragraph "gone here"`, `strike "gone"`}},
		{"setext", "Title\n=====\n\ntext", "Title\n\ntext", []string{`heading l1 "Title"`, `paragraph "text"`}},
		{"list in quote", "> - a\n> - b", "a\nb", []string{`quote q1 "a\nb"`, `item in1 q1 "a"`, `paragraph in1 q1 "a"`, `item in1 q1 "b"`, `paragraph in1 q1 "b"`}},
		{"empty item", "- a\n-\n- b", "a\nb", []string{`item in1 "a"`, `paragraph in1 "a"`, `item in1 ""`, `item in1 "b"`, `paragraph in1 "b"`}},
		{"empty blocks take no separator", "a\n\n![](x.png)\n\n#\n\n```\n```\n\nb", "a\n\nb",
			[]string{`paragraph "a"`, `image x.png ""`, `heading l1 ""`, `code ""`, `paragraph "b"`, `image x.png ""`}},
		{"empty", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.md)
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tt.text {
				t.Errorf("text = %q, want %q", d.Text, tt.text)
			}
			got := dump(d)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks and spans:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if err := d.Check(); err != nil {
				t.Error(err)
			}
		})
	}
}

// FuzzParse: any Markdown parses or is refused with a reason; what parses
// keeps every invariant, spans stay inside one text-bearing block, and the
// encoding round-trips.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"# a\n\n- b\n  1. c\n> d *e* [f](g)", "| a | b |\n|-|-|\n| `c` | ![d](e) |", "```\nx\n```", "***a**b*", "- [ ] x\n\n  y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		d, err := Parse(md)
		if err != nil {
			if utf8.ValidString(md) && len(md) < 1000 && !strings.Contains(err.Error(), "nested") {
				t.Fatalf("refused %q: %v", md, err)
			}
			return
		}
		if err := d.Check(); err != nil {
			t.Fatalf("%q: %v", md, err)
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("%q: reading text not UTF-8", md)
		}
		back, err := Decode(Encode(d), d.Text)
		if err != nil {
			t.Fatalf("%q: decode: %v", md, err)
		}
		if fmt.Sprint(back.Blocks, back.Spans) != fmt.Sprint(d.Blocks, d.Spans) {
			t.Fatalf("%q: encoding does not round-trip", md)
		}
	})
}

// FuzzDecode: any bytes given as a stored block list decode to a document
// that keeps every invariant, or are refused with an error; never a panic
// or a huge allocation.
func FuzzDecode(f *testing.F) {
	for _, md := range []string{"# a\n\n- b\n  1. c\n> d *e* [f](g)", "| a |\n|-|\n| `c` |", ""} {
		d, _ := Parse(md)
		f.Add(Encode(d), d.Text)
	}
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		d, err := Decode(data, text)
		if err != nil {
			return
		}
		if err := d.Check(); err != nil {
			t.Fatalf("decoded a document that fails its check: %v", err)
		}
	})
}

// ParseMapped gives Parse's document, and maps every plain-text code
// point to the source bytes that read as it.
func TestParseMapped(t *testing.T) {
	for _, src := range []string{
		"Α0*0 ünïcödé *em* **strong** `code` [link](https://x.org) &amp; &#35; \\* a  b",
		"# Head\n\n- item\n  - nested\n\n| a | b |\n|---|---|\n| c | *d* |\n\n```\ncode\n```\n\nline  \nbreak\\\nend",
		"*a** **a* ~~s~~ ![alt](img.png) <https://auto.link>",
	} {
		d, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		md, sm, err := ParseMapped(src)
		if err != nil || md.Text != d.Text || len(md.Blocks) != len(d.Blocks) || len(md.Spans) != len(d.Spans) {
			t.Fatalf("%q: ParseMapped differs from Parse (%v)", src, err)
		}
		runes := []rune(d.Text)
		if len(sm.Start) != len(runes) || len(sm.End) != len(runes) {
			t.Fatalf("%q: map has %d entries for %d code points", src, len(sm.Start), len(runes))
		}
		mapped := 0
		for i, r := range runes {
			s, e := sm.Start[i], sm.End[i]
			if s < 0 {
				continue
			}
			mapped++
			// The source bytes read as the code point: itself, or an
			// escape or character reference of it, or a run of spaces.
			got := resolve(collapseSpaces([]byte(src[s:e])))
			if got != string(r) {
				t.Errorf("%q: code point %d %q maps to %q", src, i, r, src[s:e])
			}
		}
		// Code, alt text and autolinks are never mapped.
		if mapped < len(runes)/4 {
			t.Errorf("%q: only %d of %d code points mapped", src, mapped, len(runes))
		}
	}
}

// ParseMarked reads ==marks== and footnotes as Obsidian writes them.
func TestParseMarked(t *testing.T) {
	src := "A ==marked *bit*[^n]== and == not == and \\==x==.\n\n[^n]: The *note*.\n"
	d, mk, err := ParseMarked(src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "A marked bit and == not == and ==x==." {
		t.Errorf("text %q", d.Text)
	}
	if len(mk.Marks) != 1 || mk.Marks[0].Start != 2 || mk.Marks[0].End != 12 {
		t.Errorf("marks %+v", mk.Marks)
	}
	if len(mk.Refs) != 1 || mk.Refs[0].Label != "n" || mk.Refs[0].At != 12 || mk.Footnotes["n"] != "The note." {
		t.Errorf("refs %+v, footnotes %q", mk.Refs, mk.Footnotes)
	}
	// Without marks or footnotes it is Parse.
	plain := "Some *text*, `code` and [a link](https://x.org).\n\n- item"
	p, _ := Parse(plain)
	if m, _, _ := ParseMarked(plain); m.Text != p.Text || len(m.Spans) != len(p.Spans) {
		t.Errorf("ParseMarked(%q) = %q, Parse %q", plain, m.Text, p.Text)
	}
}
