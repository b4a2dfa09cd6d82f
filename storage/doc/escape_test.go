package doc

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// tricky are plain paragraphs that Markdown would read as syntax.
var tricky = []string{
	"# not a heading", "1. point", "2) also", "123456789. big", "- dash", "+ plus", "* star", "> not a quote",
	"```", "~~~ fence", "    indented four", "\tindented tab", "trailing  ", "trailing tab\t", "   ",
	"*stars* and _under_ and **bold** __bold__", "a | b | c", "|---|---|", "[link](http://x)", "[ref]: /url",
	"<div>html</div>", "<https://auto.link>", "&amp; &#35; &#x41; &copy; & alone &bogus;", `back\slash \* \`,
	"`code`", "~~strike~~ ~single~", "===", "---", "***", "___", "![img](src)", "line\\", "x  \ny", "a\tb  c",
	"carriage\rreturn", "\r", "tab\tinside", "😀 emoji & ünïcödé", "<!-- comment -->", "  leading two",
	"1.", "#", ">", "-", "=", "+", "10) ten", "0. zero", "&", "&#0;", "\\", "\u00a0nbsp lead", "x\u00a0",
	"- [ ] task", "term\n: definition", "a\nb", "a\n  b", "a\n# b", "a\n- b", "a\n===", "a\n---", "a\n1. b",
	"a\n    code?", "a\n> b", "a\n\tb", "Title\n\nbody", "<?php ?>", "<![CDATA[x]]>",
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range tricky {
		checkRoundTrip(t, s)
	}
	checkRoundTrip(t, strings.Join(tricky, "\n\n"))
}

// TestEscapeRandom composes bodies from Markdown's special pieces, in any
// order, and checks each reads back byte for byte.
func TestEscapeRandom(t *testing.T) {
	pieces := []string{"#", "1", ".", ")", "-", "+", "*", "_", "`", "~", "|", "[", "]", "(", ")", "!", "<", ">", "&",
		"amp;", "#35;", ";", "\\", " ", "  ", "\t", "\r", "=", ":", "x", "é", "😀", "\n", "\n\n", "http://a", "    ", "---"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if InShape(s) {
			checkRoundTrip(t, s)
		}
	}
}

func checkRoundTrip(t *testing.T, s string) {
	t.Helper()
	md := Escape(s)
	d, err := Parse(md)
	if err != nil {
		t.Fatalf("Escape(%q) = %q: %v", s, md, err)
	}
	if d.Text != s {
		t.Fatalf("Escape(%q) = %q reads as %q", s, md, d.Text)
	}
	if !strings.Contains(s, "\n") {
		// A one-line body is exactly its paragraphs, as Plain says.
		if got, want := fmt.Sprint(d.Blocks, d.Spans), fmt.Sprint(Plain(s).Blocks, Plain(s).Spans); got != want {
			t.Fatalf("Escape(%q) blocks %s, Plain gives %s", s, got, want)
		}
	}
}

// TestPlainMatchesParse: for bodies made as today's importers make them
// (one line per paragraph), the migration's fast path equals the parse.
func TestPlainMatchesParse(t *testing.T) {
	body := strings.Join([]string{"# one", "two *2*", "1. three", "> four", "| five |"}, "\n\n")
	d, err := Parse(Escape(body))
	if err != nil {
		t.Fatal(err)
	}
	p := Plain(body)
	if fmt.Sprint(d) != fmt.Sprint(p) {
		t.Fatalf("Parse(Escape) = %v\nPlain = %v", d, p)
	}
	if len(p.Blocks) != 5 || p.Blocks[4].Start != len([]rune(body))-len("| five |") {
		t.Fatalf("Plain blocks = %v", p.Blocks)
	}
}

func TestInShape(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "a": true, "a\n\nb": true, "a\nb": true, "\na": false, "a\n": false, "a\n\n\nb": false,
		"a\x00": false, "\xff": false, " \t\r ": true,
	} {
		if InShape(s) != want {
			t.Errorf("InShape(%q) = %v, want %v", s, !want, want)
		}
	}
}

// FuzzEscape: any text in the body shape reads back byte for byte.
func FuzzEscape(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !InShape(s) || len(s) > 1<<16 {
			return
		}
		checkRoundTrip(t, s)
	})
}
