package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"scholia/app/doc"
)

// checkDoc checks an imported document's forms agree: a Markdown source
// that reads as exactly the body, blocks that decode against it, and a
// body that is trimmed, valid UTF-8 and not empty. A plain-text import
// (no Markdown) must have the plain body shape.
func checkDoc(t testing.TB, d Doc) {
	t.Helper()
	if d.Markdown == "" {
		checkBody(t, d.Body)
		return
	}
	// Tables may start or end the text with the tabs of empty cells.
	if !utf8.ValidString(d.Body) || strings.TrimSpace(d.Body) == "" || strings.Trim(d.Body, "\n") != d.Body {
		t.Errorf("body is empty, untrimmed or not UTF-8: %q", prefix(d.Body, 200))
	}
	p, err := doc.Parse(d.Markdown)
	if err != nil {
		t.Fatalf("stored Markdown does not parse: %v", err)
	}
	if p.Text != d.Body {
		t.Errorf("Markdown reads as %q,\nbody is %q", prefix(p.Text, 300), prefix(d.Body, 300))
	}
	if _, err := doc.Decode(d.Blocks, d.Body); err != nil {
		t.Errorf("blocks: %v", err)
	}
}
