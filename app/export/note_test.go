package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestWriteNote(t *testing.T) {
	// want is the note as exported: "" means exactly as written.
	tests := map[string]struct{ note, want string }{
		"plain":                {note: "My *own* note with a [link](https://x.org)."},
		"headings and lists":   {note: "## Plan\n\n- one\n- two\n\n1. first"},
		"list and code":        {note: "Steps:\n\n- run it\n- then\n\n```go\nfmt.Println(\"hi\")\n```\n\n> a quote"},
		"closed fence":         {note: "```go\nfmt.Println()\n```"},
		"closed tilde fence":   {note: "~~~\n```\n~~~"},
		"longer closing fence": {note: "```\ncode\n`````"},
		"html block ends":      {note: "<div>\nx\n</div>"},
		"thematic break first": {note: "---\ntitle: fake front matter\n---"},
		"indented fence":       {note: "    ```\n    not a fence"},
		"info with backtick":   {note: "``` a`b\ntext"},
		"fence in quote":       {note: "> ```\n> code"},
		"html comment closed":  {note: "<!-- hidden -->\nshown"},
		"obsidian comment ok":  {note: "%%hidden%% shown"},
		"control characters":   {note: "a\x00b\x1b[31mc", want: "ab[31mc"},
		"only whitespace":      {note: " \n\t\n ", want: "-"},
		"unclosed fence":       {note: "```\ncode that never ends", want: "```\ncode that never ends\n```"},
		"unclosed tilde":       {note: "~~~~\n~~~", want: "~~~~\n~~~\n~~~~"},
		"unclosed info":        {note: "```go\nx", want: "```go\nx\n```"},
		"fence is last line":   {note: "text\n\n```", want: "text\n\n```\n```"},
		"backticks inside":     {note: "````\n```\n", want: "````\n```\n````"},
		"fence in list":        {note: "- item\n  ```\n```", want: "- item\n  ```\n```\n```"},
		"html comment":         {note: "<!-- hidden", want: `\<!-- hidden`},
		"script":               {note: "<script>\nalert(1)", want: "\\<script>\nalert(1)"},
		"processing":           {note: "<?php echo 1;", want: `\<?php echo 1;`},
		"cdata":                {note: "<![CDATA[ x", want: `\<![CDATA[ x`},
		"obsidian comment":     {note: "%%hidden\n\nstill hidden", want: "\\%\\%hidden\n\nstill hidden"},
		"obsidian math":        {note: "$$\nx^2", want: "\\$\\$\nx^2"},
		"begin marker":         {note: "a\n%% scholia begin %%\nb", want: "a\n\\%\\% scholia begin \\%\\%\nb"},
		"end marker":           {note: "  %% Scholia END %%  ", want: `  \%\% Scholia END \%\%`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			writeNote(&b, tc.note)
			want := tc.want
			switch want {
			case "":
				want = strings.TrimLeft(strings.TrimRight(tc.note, " \t\n"), "\n")
			case "-":
				want = ""
			}
			if want != "" {
				want += "\n\n"
			}
			if got := b.String(); got != want {
				t.Errorf("note %q exported as\n%q, want\n%q", tc.note, got, want)
			}
			// The note's own blocks come back from the export, and the
			// highlights after it survive.
			d, colors := hostileDoc("note", tc.note)
			var md bytes.Buffer
			if err := Article(&md, d, colors); err != nil {
				t.Fatal(err)
			}
			checkArticle(t, md.Bytes(), d, colors, true)
			if tc.want == "" {
				checkNoteBlocks(t, md.Bytes(), tc.note)
			}
		})
	}
}

// checkNoteBlocks checks that goldmark finds the note's own top-level
// blocks, in order and with their text, in the export after the source
// line, as it finds them in the note alone.
func checkNoteBlocks(t *testing.T, md []byte, note string) {
	t.Helper()
	_, rest := splitFrontMatter(t, md)
	rest = splitRegion(t, rest)
	exp, _ := parseMarkdown(rest)
	alone, _ := parseMarkdown([]byte(note))
	// Title heading and source line come first.
	if len(exp) < 2+len(alone) {
		t.Fatalf("export has %d blocks, the note alone %d", len(exp), len(alone))
	}
	for i, want := range alone {
		got := exp[2+i]
		if got.kind != want.kind || got.text != want.text {
			t.Errorf("note block %d: got %v %q, want %v %q", i, got.kind, got.text, want.kind, want.text)
		}
	}
	if len(exp) > 2+len(alone) && exp[2+len(alone)].kind != ast.KindHeading {
		t.Errorf("after the note: %v %q, want the highlights heading", exp[2+len(alone)].kind, exp[2+len(alone)].text)
	}
}

func BenchmarkNeutralNote(b *testing.B) {
	note := strings.Repeat("Some *notes* about the talks.\n\n- a point\n- another\n\n```\ncode\n```\n\n", 50)
	for b.Loop() {
		neutralNote(note)
	}
}
