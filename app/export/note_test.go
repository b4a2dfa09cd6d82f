package export

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteNote(t *testing.T) {
	tests := map[string]struct {
		note     string
		verbatim bool // kept as written, rather than shown as source
	}{
		"plain":                {note: "My *own* note with a [link](https://x.org).", verbatim: true},
		"headings and lists":   {note: "## Plan\n\n- one\n- two\n\n1. first", verbatim: true},
		"closed fence":         {note: "```go\nfmt.Println()\n```", verbatim: true},
		"closed tilde fence":   {note: "~~~\n```\n~~~", verbatim: true},
		"longer closing fence": {note: "```\ncode\n`````", verbatim: true},
		"html block ends":      {note: "<div>\nx\n</div>", verbatim: true},
		"thematic break first": {note: "---\ntitle: fake front matter\n---", verbatim: true},
		"indented fence":       {note: "    ```\n    not a fence", verbatim: true},
		"unclosed fence":       {note: "```\ncode that never ends"},
		"unclosed tilde":       {note: "~~~~\n~~~"},
		"info with backtick":   {note: "``` a`b\ntext", verbatim: true},
		"fence in list":        {note: "- item\n  ```\n```"},
		"fence in quote":       {note: "> ```\n> code"},
		"html comment":         {note: "<!-- hidden"},
		"script":               {note: "<script>\nalert(1)"},
		"processing":           {note: "<?php echo 1;"},
		"cdata":                {note: "<![CDATA[ x"},
		"backticks inside":     {note: "````\n```\n"},
		"list then html":       {note: "- a\n\n<div>"},
		"control characters":   {note: "a\x00b\x1b[31mc", verbatim: true},
		"obsidian comment":     {note: "%%hidden\n\nstill hidden"},
		"obsidian comment ok":  {note: "%%hidden%% shown", verbatim: true},
		"obsidian math":        {note: "$$\nx^2"},
		"only whitespace":      {note: " \n\t\n ", verbatim: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			writeNote(&b, tc.note)
			got := b.String()
			source := strings.HasPrefix(got, "```") && strings.Contains(strings.SplitN(got, "\n", 2)[0], "markdown")
			if source == tc.verbatim {
				t.Errorf("note %q: shown as source = %v, want %v\n%s", tc.note, source, !tc.verbatim, got)
			}
			// Whatever the form, the highlights after the note survive.
			d, colors := hostileDoc("note", tc.note)
			var md bytes.Buffer
			if err := Article(&md, d, colors); err != nil {
				t.Fatal(err)
			}
			checkArticle(t, md.Bytes(), d, colors, true)
		})
	}
}

func BenchmarkNoteContained(b *testing.B) {
	note := strings.Repeat("Some *notes* about the talks.\n\n- a point\n- another\n\n```\ncode\n```\n\n", 50)
	for b.Loop() {
		noteContained(note)
	}
}
