package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"scholia/storage/doc"
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
	p, err := doc.Parse(d.Markdown)
	if err != nil {
		t.Fatalf("stored Markdown does not parse: %v", err)
	}
	if p.Text != d.Body {
		t.Errorf("Markdown reads as %q,\nbody is %q", prefix(p.Text, 300), prefix(d.Body, 300))
	}
	blocks, err := doc.Decode(d.Blocks, d.Body)
	if err != nil {
		t.Errorf("blocks: %v", err)
	}
	// Only a table may start or end the text with the tabs and line ends
	// of empty cells and rows.
	table := len(blocks.Blocks) > 0 && (blocks.Blocks[0].Kind == doc.Table || blocks.Blocks[len(blocks.Blocks)-1].Kind == doc.Cell)
	if !utf8.ValidString(d.Body) || strings.TrimSpace(d.Body) == "" || (!table && strings.Trim(d.Body, "\n") != d.Body) {
		t.Errorf("body is empty, untrimmed or not UTF-8: %q", prefix(d.Body, 200))
	}
}
