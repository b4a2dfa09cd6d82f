package ingest

import (
	"strings"
	"testing"
)

// Control characters and bidi overrides in metadata never survive import,
// whichever way they are written in the file (issue 22, item 2).
func TestImportStripsControlsFromMetadata(t *testing.T) {
	body := strings.Repeat("This paragraph is long enough to be the article's text and keep readability happy. ", 6)
	page := func(title string) string {
		return "<html><head><title>" + title + "</title><meta name=\"author\" content=\"Eve&#27;[2J\"></head><body><article><p>" +
			body + "</p><p>" + body + "</p></article></body></html>"
	}
	for _, c := range []struct{ name, src string }{
		{"entity.html", page("Hi&#27;]0;PWNED&#7;&#27;[2J")},
		{"hexentity.html", page("Hi&#x1b;]0;PWNED&#x07;&#x9b;2J")},
		{"rlo.html", page("Hi&#x202e;]0;PWNED")},
		{"escape.md", "---\ntitle: \"Hi\\e]0;PWNED\\a\\e[2J\"\nauthor: \"Eve\\x1b[2J\"\nsource: \"\\u009bSrc\"\nurl: \"https://example.com/\\e\"\ntags: [\"t\\eag\", \"\\a\"]\n---\n" + body},
		{"raw.md", "---\ntitle: Hi\x1b]0;PWNED\x07\nauthor: Eve\x1b[2J\n---\n" + body},
		{"raw.txt", "Hi\x1b]0;PWNED\x07\x1b[2J\n\n" + body},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Parse(c.name, []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			for field, v := range map[string]string{"title": d.Title, "author": d.Author, "source": d.Source, "url": d.URL, "tags": strings.Join(d.Tags, ",")} {
				if i := strings.IndexFunc(v, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x202e }); i >= 0 {
					t.Errorf("%s %q keeps a control character at %d", field, v, i)
				}
			}
			// (YAML refuses raw control characters: raw.md imports its body
			// under a title made from the name, with a warning.)
			if c.name != "raw.md" && !strings.Contains(d.Title, "PWNED") {
				t.Errorf("title %q lost its text with its controls", d.Title)
			}
		})
	}
	d, err := Clipboard("Copied\x1b[2J title\x07\n\n" + body)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Copied[2J title" {
		t.Errorf("clipboard title = %q, want the controls gone", d.Title)
	}
	// A title that is nothing but controls falls back like an untitled file.
	d, err = Parse("only-controls.md", []byte("---\ntitle: \"\\e\\a\"\n---\n"+body))
	if err != nil || d.Title == "" {
		t.Errorf("title of controls only = %q, %v; want a title made from the text", d.Title, err)
	}
}
