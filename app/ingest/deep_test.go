package ingest

import (
	"strings"
	"testing"
)

// TestDeepInput: pages and notes built to be deep are refused with one
// line (and quickly: the check is one pass before any parsing), while old
// HTML full of unclosed paragraphs and items still imports.
func TestDeepInput(t *testing.T) {
	words := "<p>" + strings.Repeat("Some words for readability to take as the article. ", 30) + "</p>"
	var md strings.Builder
	for i := range 10000 {
		md.WriteString(strings.Repeat("  ", i) + "- x\n")
		if md.Len() > 1<<20 {
			break
		}
	}
	refused := map[string]struct{ name, src, reason string }{
		"10,000 nested lists":  {"deep.html", "<html><body><article>" + words + strings.Repeat("<ul><li>x", 10000) + "</article></body></html>", "page nested more than 256 elements deep"},
		"10,000 nested quotes": {"deep.html", "<html><body><article>" + words + strings.Repeat("<blockquote>q", 10000) + "</article></body></html>", "page nested more than 256 elements deep"},
		"Markdown quotes":      {"deep.md", strings.Repeat(">", 10000) + " x", "lists or quotes nested more than 64 levels deep (line 1)"},
		"Markdown lists":       {"deep.md", md.String(), "lists or quotes nested more than 64 levels deep (line 65)"},
	}
	for label, tc := range refused {
		_, err := Parse(tc.name, []byte(tc.src))
		if err == nil || err.Error() != tc.name+": "+tc.reason {
			t.Errorf("%s: err = %v, want %q", label, err, tc.name+": "+tc.reason)
		}
	}
	old := "<html><body><article>" + strings.Repeat("<p>Unclosed paragraph of an old page, with enough words to count.", 400) + "<ul>" + strings.Repeat("<li>item", 400) + "</ul></article></body></html>"
	d, err := Parse("old.html", []byte(old))
	if err != nil || strings.Count(d.Body, "Unclosed paragraph") != 400 || strings.Count(d.Body, "item") != 400 {
		t.Fatalf("old HTML: %v, %d paragraphs", err, strings.Count(d.Body, "Unclosed paragraph"))
	}
}
